import type { ReactNode } from 'react';
import type { Block } from '../../../main/common/contract';
import { Windowed } from '../app/Windowed';

interface Props {
  blocks: readonly Block[];
  render: (block: Block) => ReactNode;
  /** Blocks that must be in the page now (a search target, the current find match), wherever the reader has scrolled. */
  keep: ReadonlyArray<number | null | undefined>;
}

/** A block's height guessed from its length (about 75 characters a line of 29 px, and the gap after it). */
const estimate = (block: Block): number => block.text.length * 0.42 + 22;

/**
 * A document's blocks. A long one (a 5 MB report has ~10,000 blocks) is
 * rendered only near the view (see Windowed): blocks out of view are not in
 * the page, so anything that scrolls to a block lists it in `keep`.
 */
export function VirtualBlocks({ blocks, render, keep }: Props) {
  return <Windowed items={blocks} render={render} estimate={estimate} keep={keep} />;
}
