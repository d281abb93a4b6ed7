import { afterEach, describe, expect, it } from 'vitest';
import type { Data } from '../../../../renderer/src/api/queries';
import { changed, queryClient } from '../../../../renderer/src/api/cache';

/** A query answered at once, made from `reads`. */
const load = (key: string[], reads: Data[]) => queryClient.prefetchQuery({ queryKey: key, queryFn: () => key.join(':'), meta: { reads } });
const stale = (key: string[]) => queryClient.getQueryState(key)?.isInvalidated;

afterEach(() => queryClient.clear());

describe('a change makes out of date what is made from the data it changed', () => {
  it('marks exactly the queries that read that data', async () => {
    await load(['listTags'], ['tags']);
    await load(['listEntities'], ['entities', 'documents']);
    await load(['openDocument', 'a'], ['text:a']);
    changed(['tags']);
    expect(stale(['listTags'])).toBe(true);
    expect(stale(['listEntities'])).toBe(false);
    expect(stale(['openDocument', 'a'])).toBe(false);
  });

  it('leaves alone what the change already filled with what its call returned', async () => {
    await load(['getDocumentTags', 'a'], ['tags']);
    await load(['listTags'], ['tags']);
    changed(['tags'], [['getDocumentTags', 'a']]);
    expect(stale(['getDocumentTags', 'a'])).toBe(false);
    expect(stale(['listTags'])).toBe(true);
  });

  it('reaches one document’s views only when that document changed', async () => {
    await load(['openDocument', 'a'], ['text:a']);
    await load(['openDocument', 'b'], ['text:b']);
    await load(['listDocuments'], ['documents']);
    changed(['documents', 'text:b']);
    expect(stale(['openDocument', 'a'])).toBe(false);
    expect(stale(['openDocument', 'b'])).toBe(true);
    expect(stale(['listDocuments'])).toBe(true);
  });
});
