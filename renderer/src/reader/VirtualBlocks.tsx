import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import './virtual-blocks.css';
import type { Block } from '../../../main/common/contract';

interface Props {
  blocks: readonly Block[];
  render: (block: Block) => ReactNode;
  /** Blocks that must be in the page now (a search target, the current find match), wherever the reader has scrolled. */
  keep: ReadonlyArray<number | null | undefined>;
}

/** Documents up to this many blocks are rendered whole; longer ones (a 5 MB report has ~10,000) a window at a time. */
const WHOLE_UP_TO = 300;
/** Blocks per page: pages near the view are rendered, the others stand in as empty space of their height. */
const PAGE = 40;
/** Height guessed for a page not seen yet, per character and per block, until it is measured. */
const PX_PER_CHAR = 0.42;
const PX_PER_BLOCK = 22;

/**
 * The blocks of a document, rendered only near the view when the document
 * is long, so that opening and scrolling a 5 MB report stays smooth. Pages
 * out of view are spacers of their measured (or, before that, guessed)
 * height; the browser's scroll anchoring keeps the text in place as guesses
 * become measurements. Blocks out of view are not in the page: callers that
 * want one (to scroll to it) list it in `keep`.
 */
export function VirtualBlocks({ blocks, render, keep }: Props) {
  if (blocks.length <= WHOLE_UP_TO) return <>{blocks.map(render)}</>;
  return <Windowed blocks={blocks} render={render} keep={keep} />;
}

function Windowed({ blocks, render, keep }: Props) {
  const pages = Math.ceil(blocks.length / PAGE);
  const container = useRef<HTMLDivElement>(null);
  // Guesses from the text's length, replaced by each page's height once it has been rendered.
  const heights = useRef<number[]>([]);
  if (heights.current.length !== pages) {
    heights.current = Array.from({ length: pages }, (_, p) => blocks.slice(p * PAGE, (p + 1) * PAGE).reduce((sum, b) => sum + b.text.length * PX_PER_CHAR + PX_PER_BLOCK, 0));
  }
  const [range, setRange] = useState<[number, number]>([0, 1]);

  const shown = useMemo(() => {
    const set = new Set<number>();
    for (let p = range[0]; p <= range[1]; p++) set.add(p);
    for (const block of keep) if (block !== null && block !== undefined) set.add(Math.floor(block / PAGE));
    return set;
  }, [range, keep]);

  const update = useCallback(() => {
    const element = container.current;
    const scroller = element && scrollParent(element);
    if (!element || !scroller) return;
    const view = scroller.getBoundingClientRect();
    const top = view.top - element.getBoundingClientRect().top;
    // One screen of margin either side: fast scrolling shows text, not blank space.
    const from = top - view.height;
    const to = top + 2 * view.height;
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
    if (first < 0) first = last = Math.max(0, pages - 1);
    setRange((current) => (current[0] === first && current[1] === last ? current : [first, last]));
  }, [pages]);

  useLayoutEffect(() => {
    for (const page of container.current?.querySelectorAll<HTMLElement>('[data-page]') ?? []) {
      heights.current[Number(page.dataset['page'])] = page.offsetHeight;
    }
  });

  useEffect(() => {
    const scroller = container.current && scrollParent(container.current);
    if (!scroller) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    update();
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [update]);

  const parts: ReactNode[] = [];
  let space = 0;
  for (let p = 0; p < pages; p++) {
    if (!shown.has(p)) {
      space += heights.current[p] ?? 0;
      continue;
    }
    if (space > 0) parts.push(<div key={`space-${p}`} className="vblocks-space" style={{ height: space }} aria-hidden="true" />);
    space = 0;
    parts.push(
      <div key={p} data-page={p} className="vblocks-page">
        {blocks.slice(p * PAGE, (p + 1) * PAGE).map(render)}
      </div>,
    );
  }
  if (space > 0) parts.push(<div key="space-end" className="vblocks-space" style={{ height: space }} aria-hidden="true" />);
  return (
    <div ref={container} className="vblocks">
      {parts}
    </div>
  );
}

/** The nearest ancestor that scrolls. */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return document.scrollingElement instanceof HTMLElement ? document.scrollingElement : null;
}
