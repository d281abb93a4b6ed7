/** The index of the first block whose bottom is below the top of `scroller` (blocks are in document order), or null. */
export function topBlock(scroller: HTMLElement): number | null {
  const blocks = scroller.querySelectorAll<HTMLElement>('[data-block]');
  const top = scroller.getBoundingClientRect().top;
  let low = 0;
  let high = blocks.length - 1;
  let found: HTMLElement | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const block = blocks[middle] as HTMLElement;
    if (block.getBoundingClientRect().bottom > top + 1) {
      found = block;
      high = middle - 1;
    } else low = middle + 1;
  }
  return found ? Number(found.dataset['block']) : null;
}
