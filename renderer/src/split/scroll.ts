import { firstIndexWhere } from '../../../main/common/sorted';

/** The index of the first block whose bottom is below the top of `scroller` (blocks are in document order), or null. */
export function topBlock(scroller: HTMLElement): number | null {
  const blocks = scroller.querySelectorAll<HTMLElement>('[data-block]');
  const top = scroller.getBoundingClientRect().top;
  const first = blocks[firstIndexWhere(blocks, (block) => block.getBoundingClientRect().bottom > top + 1)];
  return first ? Number(first.dataset['block']) : null;
}
