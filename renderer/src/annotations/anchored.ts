import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { autoUpdate, flip, offset, shift, useFloating } from '@floating-ui/react-dom';

/** The gap between the anchor and the box, and the margin kept from the window's edges. */
const GAP = 8;
const MARGIN = 8;
/** How long to look for an anchor that is not drawn yet (a highlight just made). */
const RETRY_FRAMES = 120;
const MIDDLEWARE = [offset(GAP), flip({ padding: MARGIN }), shift({ padding: MARGIN, crossAxis: true })];

/**
 * Floating UI keeping a box next to an anchor (a highlight, a selection):
 * on the preferred side when there is room, on the other otherwise, inside
 * the window, following it as the page scrolls. `anchor` returns the
 * anchor's box now, or null when it is not there: the box waits for it
 * (hidden), or stays where it was once it is gone.
 */
export function useAnchored(
  anchor: () => DOMRect | null,
  side: 'top' | 'bottom',
): { box: RefObject<HTMLElement | null>; setBox: (box: HTMLElement | null) => void; style: CSSProperties; placed: boolean } {
  const last = useRef<DOMRect | null>(null);
  const [seen, setSeen] = useState(false);
  const reference = useMemo(
    () => ({
      getBoundingClientRect: () => {
        last.current = anchor() ?? last.current;
        return last.current ?? new DOMRect();
      },
    }),
    [anchor],
  );
  const { refs, floatingStyles, isPositioned, update } = useFloating({
    strategy: 'fixed',
    placement: `${side}-start`,
    transform: false,
    middleware: MIDDLEWARE,
    whileElementsMounted: autoUpdate,
    elements: { reference: seen ? reference : null },
  });

  useLayoutEffect(() => {
    let frame = 0;
    let tries = 0;
    const look = () => {
      if (anchor()) {
        setSeen(true);
        update();
      } else if (tries++ < RETRY_FRAMES) frame = requestAnimationFrame(look);
    };
    look();
    return () => cancelAnimationFrame(frame);
  }, [anchor, update]);

  const placed = seen && isPositioned;
  return { box: refs.floating, setBox: refs.setFloating, style: placed ? floatingStyles : { ...floatingStyles, visibility: 'hidden' }, placed };
}
