import type { Decoration } from './segments';

/** Decorations of a document, by block index. */
export type BlockDecorations = Map<number, Decoration[]>;

/** One map of every layer's decorations (search matches, highlights, entity mentions…). */
export function mergeDecorations(...layers: BlockDecorations[]): BlockDecorations {
  const merged: BlockDecorations = new Map();
  for (const layer of layers) {
    for (const [block, list] of layer) merged.set(block, [...(merged.get(block) ?? []), ...list]);
  }
  return merged;
}
