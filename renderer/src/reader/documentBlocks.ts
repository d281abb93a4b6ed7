import { useMemo, useRef } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { Block, DocumentOpening } from '../../../main/common/contract';
import { BLOCK_READING } from '../../../main/common/contract/values';
import { queries } from '../api/queries';
import type { Slice } from './scroller';

/** Blocks are fetched in runs of this many, the same runs whoever asks, so each is fetched once. */
const RUN = BLOCK_READING.maxRange / 2;

/** The runs of blocks a slice needs: those covering it with half a run either side. */
export interface Runs {
  first: number;
  last: number;
}

export function runsFor(slice: Slice, count: number): Runs {
  return { first: Math.max(0, Math.floor((slice.from - RUN / 2) / RUN)), last: Math.floor((Math.min(count, slice.to + RUN / 2) - 1) / RUN) };
}

/**
 * The blocks of an open document around the slice the reader shows: its
 * first screen as it opened, and the runs of blocks the slice needs
 * (fetched as the reader scrolls, kept in the query cache). What
 * annotations and mentions are drawn on is these blocks.
 */
export function useDocumentBlocks(doc: DocumentOpening, { first, last }: Runs): DocumentOpening {
  const runs: Array<[number, number]> = [];
  for (let run = first; run <= last && run * RUN < doc.blockCount; run++) runs.push([run * RUN, Math.min(doc.blockCount, (run + 1) * RUN)]);
  const loaded = useQueries({
    queries: runs.map(([from, to]) => queries.blocks(doc.id, from, to)),
    combine: (results) => results.map((result) => result.data),
  });
  const runsLoaded = useSameItems(loaded);
  return useMemo(() => {
    const byIndex = new Map<number, Block>(doc.blocks.map((block) => [block.index, block]));
    for (const run of runsLoaded) for (const block of run ?? []) byIndex.set(block.index, block);
    return { ...doc, blocks: [...byIndex.values()].sort((a, b) => a.index - b.index) };
  }, [doc, runsLoaded]);
}

/** The same array as last time while its items are the same ones: the query cache's own arrays, unchanged until refetched. */
function useSameItems<T>(items: T[]): T[] {
  const last = useRef(items);
  if (last.current.length !== items.length || last.current.some((item, i) => item !== items[i])) last.current = items;
  return last.current;
}
