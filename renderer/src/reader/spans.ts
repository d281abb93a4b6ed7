import type { Block } from '../../../main/common/contract';
import { firstIndexAfter } from '../../../main/common/sorted';

/*
 * Mapping between a block's clean text (what the reader shows) and the
 * document's original text (what annotations are anchored on). A block's
 * clean text is its spans joined by its separators (one space each unless
 * the block lists them), so both directions are exact.
 */

/** What stands between span i and span i + 1 of a block's clean text. */
const separator = (block: Block, i: number): string => block.separators?.[i] ?? ' ';

/**
 * Clean-text offset within block -> original offset (for offset == text.length return block.end).
 * An offset where two spans meet with nothing between them (markup left out) is the end of the
 * first for the end of a range, and the start of the second for its `start`, so that a
 * selection never takes in the markup around it.
 */
export function cleanToOriginal(block: Block, offset: number, side: 'start' | 'end' = 'end'): number {
  let clean = 0;
  for (let i = 0; i < block.spans.length; i++) {
    const [start, end] = block.spans[i] as readonly [number, number];
    const length = end - start;
    const gap = separator(block, i).length;
    const next = block.spans[i + 1];
    if (side === 'start' && next && gap === 0 && offset === clean + length) return next[0];
    // A separator maps to where the whitespace or markup begins in the original.
    if (offset <= clean + length) return start + Math.max(0, offset - clean);
    clean += length + gap;
  }
  return block.end;
}

/** Original range [start,end) -> list of clean ranges [from,to) within this block's text (empty if no overlap). Used to draw highlights. */
export function originalToClean(block: Block, start: number, end: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let clean = 0;
  block.spans.forEach(([spanStart, spanEnd], i) => {
    const from = Math.max(start, spanStart);
    const to = Math.min(end, spanEnd);
    if (from < to) pieces.push([clean + from - spanStart, clean + to - spanStart]);
    clean += spanEnd - spanStart;
    const next = block.spans[i + 1];
    const gap = next ? separator(block, i).length : 0;
    // A range touching the whitespace between two spans covers their separator,
    // so a highlight across a line break is drawn as one piece.
    if (next && gap > 0 && start < next[0] && end > spanEnd) pieces.push([clean, clean + gap]);
    clean += gap;
  });
  return mergeTouching(pieces);
}

/** Pieces that meet end to start read as one highlight. */
function mergeTouching(pieces: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last && last[1] === piece[0]) last[1] = piece[1];
    else merged.push([piece[0], piece[1]]);
  }
  return merged;
}

/** The index of the first block that ends after original offset `offset`: where a range starting there is first drawn. */
export const firstBlockEndingAfter = (blocks: readonly Block[], offset: number): number => firstIndexAfter(blocks, offset, { key: (block) => block.end });
