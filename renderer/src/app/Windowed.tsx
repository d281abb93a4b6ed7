import { createElement, useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface Props<T> {
  items: readonly T[];
  /** One item's element (with its key). */
  render: (item: T) => ReactNode;
  /** A guess of an item's height in pixels, used until its page has been rendered and measured. */
  estimate: (item: T) => number;
  /** Indexes of items that must be in the page now (one to scroll to), wherever the view is. */
  keep?: ReadonlyArray<number | null | undefined>;
  /** The element holding the items: a div, or a table's tbody. */
  as?: 'div' | 'tbody';
  className?: string;
  /** Up to this many items are rendered whole. */
  whole?: number;
}

/** Items per page: pages near the view are rendered, the others stand in as empty space of their height. */
const PAGE = 25;

/**
 * A long list rendered only near the view, so that a 10,000-document
 * library or a 5 MB document opens and scrolls smoothly. Pages out of view
 * are spacers of their measured (before that, guessed) height; the
 * browser's scroll anchoring keeps what is read in place as guesses become
 * measurements. Items out of view are not in the page: callers that want
 * one (to scroll to it) list it in `keep`. Short lists are rendered whole.
 */
export function Windowed<T>({ items, render, estimate, keep = [], as = 'div', className, whole = 300 }: Props<T>) {
  if (items.length <= whole) return createElement(as, { className }, items.map(render));
  return <Pages items={items} render={render} estimate={estimate} keep={keep} as={as} className={className} />;
}

function Pages<T>({ items, render, estimate, keep = [], as = 'div', className }: Props<T>) {
  const pages = Math.ceil(items.length / PAGE);
  const container = useRef<HTMLElement>(null);
  const heights = useRef<number[]>([]);
  if (heights.current.length !== pages) {
    heights.current = Array.from({ length: pages }, (_, p) => items.slice(p * PAGE, (p + 1) * PAGE).reduce((sum, item) => sum + estimate(item), 0));
  }
  const [range, setRange] = useState<[number, number]>([0, 1]);
  const shown = new Set<number>();
  for (let p = range[0]; p <= range[1]; p++) shown.add(p);
  for (const index of keep) if (index !== null && index !== undefined) shown.add(Math.floor(index / PAGE));

  const update = useCallback(() => {
    const element = container.current;
    const scroller = element && scrollParent(element);
    if (!element || !scroller) return;
    const view = scroller === document.scrollingElement ? { top: 0, height: window.innerHeight } : scroller.getBoundingClientRect();
    const top = view.top - element.getBoundingClientRect().top;
    // A screen of margin above and two below: scrolling shows text, not blank space.
    const [from, to] = [top - view.height, top + 2 * view.height];
    let y = 0;
    let first = -1;
    let last = -1;
    heights.current.forEach((h, p) => {
      if (y + h >= from && y <= to) {
        if (first < 0) first = p;
        last = p;
      }
      y += h;
    });
    if (first < 0) first = last = pages - 1;
    setRange((current) => (current[0] === first && current[1] === last ? current : [first, last]));
  }, [pages]);

  // Each rendered page's height: from its first item to what follows it (the next page, a spacer, the end).
  useLayoutEffect(() => {
    const children = [...(container.current?.children ?? [])] as HTMLElement[];
    const bottom = container.current?.getBoundingClientRect().bottom ?? 0;
    let at = 0;
    for (let p = 0; p < pages; p++) {
      const space = children[at]?.dataset['space'] !== undefined;
      if (space) at++;
      if (!shown.has(p)) continue;
      const first = children[at];
      at += Math.min(PAGE, items.length - p * PAGE);
      const next = children[at];
      if (first) heights.current[p] = (next ? next.getBoundingClientRect().top : bottom) - first.getBoundingClientRect().top;
    }
  });

  useEffect(() => {
    const scroller = container.current && scrollParent(container.current);
    if (!scroller) return;
    const target = scroller === document.scrollingElement ? window : scroller;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    target.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    update();
    return () => {
      cancelAnimationFrame(frame);
      target.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [update]);

  const children: ReactNode[] = [];
  let space = 0;
  const spacer = (key: string) =>
    as === 'tbody' ? (
      <tr key={key} data-space="" aria-hidden="true" className="windowed-space">
        <td colSpan={100} style={{ height: space, padding: 0, border: 0 }} />
      </tr>
    ) : (
      <div key={key} data-space="" aria-hidden="true" className="windowed-space" style={{ height: space }} />
    );
  for (let p = 0; p < pages; p++) {
    if (!shown.has(p)) {
      space += heights.current[p] ?? 0;
      continue;
    }
    if (space > 0) children.push(spacer(`space-${p}`));
    space = 0;
    children.push(...items.slice(p * PAGE, (p + 1) * PAGE).map(render));
  }
  if (space > 0) children.push(spacer('space-end'));
  return createElement(as, { ref: container, className }, children);
}

/** The nearest ancestor that scrolls. */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return document.scrollingElement instanceof HTMLElement ? document.scrollingElement : null;
}
