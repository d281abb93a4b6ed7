import { useCallback, useEffect, useState } from 'react';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'error'; error: Error }
  | { state: 'ready'; value: T };

/** Runs an API call when `deps` change; `reload` runs it again. Stale answers are dropped. */
export function useApi<T>(call: () => Promise<T>, deps: unknown[]): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    call().then(
      (value) => current && setResult({ state: 'ready', value }),
      (error: Error) => current && setResult({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [result, reload];
}
