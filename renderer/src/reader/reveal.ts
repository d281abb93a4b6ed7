/** Scrolls the element's scrolling column, and only it, just enough to bring the element into view. */
export function reveal(element: HTMLElement): void {
  const scroller = element.closest<HTMLElement>('.app-main, .pane-scroller');
  if (!scroller) return;
  const inset = parseFloat(getComputedStyle(scroller).scrollPaddingTop) || 0;
  const view = scroller.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  const top = view.top + inset;
  if (box.top >= top && box.bottom <= view.bottom) return;
  scroller.scrollTop += box.top < top || box.height > view.bottom - top ? box.top - top - 16 : box.bottom - view.bottom + 16;
}
