import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../main/common/contract';
import { api } from '../api/client';

/**
 * Results for the query as it is typed. Every keystroke asks the core (the
 * index answers in a few milliseconds, off the window's thread); an answer
 * that arrives after a newer one is dropped, and the last results stay on
 * screen until the next ones arrive, so the list never flickers empty.
 */
export function useSearch(query: string, limit: number): { result: SearchResult | null; error: string | null } {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const asked = ++latest.current;
    if (!query.trim()) {
      setResult(null);
      setError(null);
      return;
    }
    api.search({ q: query, limit }).then(
      (answer) => {
        if (asked !== latest.current) return;
        setResult(answer);
        setError(null);
      },
      (failure: Error) => asked === latest.current && setError(failure.message),
    );
  }, [query, limit]);

  return { result: query.trim() ? result : null, error };
}
