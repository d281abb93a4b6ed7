import { useQuery } from '@tanstack/react-query';
import type { SearchQuery, SearchResult } from '../../../main/common/contract';
import { queries } from '../api/queries';

export interface Search {
  /** The results on screen: those of `query`, or of an earlier query until its own arrive, so the list never flickers empty. */
  result: SearchResult | null;
  /** Whether `result` answers `query` itself. */
  current: boolean;
  error: string | null;
}

/**
 * Results for the query as it is typed. Every keystroke asks the core (the
 * index answers in a few milliseconds, off the window's thread); an answer
 * that arrives after a newer query was typed is never shown for it.
 */
export function useSearch(query: string, options: Omit<SearchQuery, 'q'>): Search {
  const typed = query.trim() !== '';
  const search = useQuery({ ...queries.search({ q: query, ...options }), enabled: typed });
  if (!typed) return { result: null, current: false, error: null };
  return { result: search.data ?? null, current: search.isSuccess && !search.isPlaceholderData, error: search.error?.message ?? null };
}
