import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Block } from '../../../main/common/contract';
import { blockOf } from './loaded';
import { BlockScroller, type Goal, type Slice } from './scroller';

/** Where to bring the view: `seq` makes the same place a new request. */
export type BlockGoal = Goal & { seq: number };

interface Props {
  count: number;
  /** The blocks loaded, in index order; the others are drawn as space of the average height until they come. */
  blocks: readonly Block[];
  render: (block: Block) => ReactNode;
  /** A block's height, in pixels, until blocks have been drawn and measured. */
  guess: number;
  goal: BlockGoal | null;
  /** The slice of blocks in the page changed: load what it needs. */
  onSlice: (slice: Slice) => void;
  /** The blocks in view changed; `moved` when the person scrolled. */
  onView?: (first: number, last: number, moved: boolean) => void;
}

/**
 * A document's blocks in its scrolling column, only the few near the view in
 * the page (see scroller.ts): a 40 MB text opens, scrolls and jumps to any
 * block as a short one does.
 */
export function VirtualBlocks({ count, blocks, render, guess, goal, onSlice, onView }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const sliceElement = useRef<HTMLDivElement>(null);
  const scroller = useRef<BlockScroller | null>(null);
  const [slice, setSlice] = useState<Slice>({ from: 0, to: 0 });
  const rendered = useRef(slice);
  const callbacks = useRef({ onSlice, onView });
  useLayoutEffect(() => {
    callbacks.current = { onSlice, onView };
  });

  useLayoutEffect(() => {
    const element = box.current && scrollParent(box.current);
    if (!box.current || !sliceElement.current || !element) return;
    const blockScroller = new BlockScroller(
      {
        scroller: element,
        box: box.current,
        slice: sliceElement.current,
        setSlice,
        onView: (first, last, moved) => callbacks.current.onView?.(first, last, moved),
      },
      count,
      guess,
    );
    scroller.current = blockScroller;
    setSlice(blockScroller.start(goal));
    const onScroll = () => blockScroller.scrolled();
    // Home and End go to the start and the end of the document, not of the box (whose height is partly a guess).
    const onKey = (event: KeyboardEvent) => {
      if ((event.key !== 'Home' && event.key !== 'End') || event.altKey || event.shiftKey || event.metaKey || isTyping(event.target)) return;
      event.preventDefault();
      if (event.key === 'Home') blockScroller.home();
      else blockScroller.end();
    };
    const resized = new ResizeObserver(() => blockScroller.layout(rendered.current));
    element.addEventListener('scroll', onScroll, { passive: true });
    element.addEventListener('keydown', onKey);
    resized.observe(element);
    resized.observe(sliceElement.current);
    return () => {
      element.removeEventListener('scroll', onScroll);
      element.removeEventListener('keydown', onKey);
      resized.disconnect();
      scroller.current = null;
    };
    // One scroller for the life of this list: its goals arrive through `go` below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const seq = goal?.seq;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (goal) scroller.current?.go(goal);
    // A goal is a new request only when its seq is new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq]);

  useEffect(() => callbacks.current.onSlice(slice), [slice]);

  useLayoutEffect(() => {
    rendered.current = slice;
    scroller.current?.layout(slice);
  });

  const pending = scroller.current?.averageHeight() ?? guess;
  const items: ReactNode[] = [];
  for (let index = slice.from; index < slice.to; index++) {
    const block = blockOf(blocks, index);
    items.push(block ? render(block) : <div key={index} data-pending="" className="block-pending" style={{ height: pending }} aria-hidden="true" />);
  }
  return (
    <div ref={box} className="blocks-box">
      <div ref={sliceElement} className="blocks-slice">
        {items}
      </div>
    </div>
  );
}

/** Whether a key goes to a field being typed in rather than to the page. */
const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The nearest ancestor that scrolls. */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}
