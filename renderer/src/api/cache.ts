import { hashKey, QueryClient, type QueryKey } from '@tanstack/react-query';
import type { Data } from './queries';

/**
 * What the core answered, kept for every view that shows it. The core runs
 * on this machine and only this window changes its data, so a call never
 * waits for "online", is not retried (its error is meant for the person), and
 * is asked again when a view opens or a change makes it out of date, not
 * when the window regains focus.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
  },
});

/**
 * After a change to `what`: every query made from it fetches again, except
 * those the change already filled with what its call returned.
 */
export function changed(what: readonly Data[], filled: readonly QueryKey[] = []): void {
  const skip = new Set(filled.map((key) => hashKey(key)));
  void queryClient.invalidateQueries({ predicate: (query) => !skip.has(query.queryHash) && (query.meta?.reads.some((data) => what.includes(data)) ?? false) });
}
