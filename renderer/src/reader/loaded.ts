import type { Block } from '../../../main/common/contract';
import { firstIndexAtOrAfter } from '../../../main/common/sorted';

/** The block of that index among the blocks loaded (in index order), if it is loaded. */
export function blockOf(blocks: readonly Block[], index: number): Block | undefined {
  const block = blocks[firstIndexAtOrAfter(blocks, index, { key: (b) => b.index })];
  return block?.index === index ? block : undefined;
}
