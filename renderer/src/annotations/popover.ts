import { useLayoutEffect, useState, type RefObject } from 'react';

const GAP = 8;
const MARGIN = 8;
const RETRY_FRAMES = 120;

export interface Placement {
  top: number;
  left: number;
}

/**
 * Keeps a fixed-position box next to an anchor (a highlight, a selection):
 * below it when there is room, above it otherwise, inside the window, and
 * following it while the page scrolls. `anchor` returns the anchor's box now,
 * or null when it is not there (yet, or any more: the box then stays where it was).
 */
export function usePlacement(box: RefObject<HTMLElement | null>, anchor: () => DOMRect | null, prefer: 'above' | 'below'): Placement | null {
  const [placement, setPlacement] = useState<Placement | null>(null);
  useLayoutEffect(() => {
    let frame = 0;
    let tries = 0;
    const place = () => {
      const rect = anchor();
      const element = box.current;
      // The anchor may not be drawn yet (a highlight just made): look again on the next frames.
      if (!rect && tries++ < RETRY_FRAMES) frame = requestAnimationFrame(place);
      if (!rect || !element) return;
      const { offsetWidth: width, offsetHeight: height } = element;
      const roomAbove = rect.top - GAP - height >= MARGIN;
      const roomBelow = rect.bottom + GAP + height <= window.innerHeight - MARGIN;
      const above = prefer === 'above' ? roomAbove || !roomBelow : !roomBelow && roomAbove;
      const top = above ? rect.top - GAP - height : Math.min(rect.bottom + GAP, window.innerHeight - MARGIN - height);
      const left = Math.min(Math.max(MARGIN, rect.left), window.innerWidth - MARGIN - width);
      setPlacement((old) => (old && old.top === top && old.left === left ? old : { top: Math.max(MARGIN, top), left }));
    };
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    place();
    window.addEventListener('scroll', schedule, true);
    window.addEventListener('resize', schedule);
    const observer = new ResizeObserver(schedule);
    if (box.current) observer.observe(box.current);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, true);
      window.removeEventListener('resize', schedule);
      observer.disconnect();
    };
  }, [box, anchor, prefer]);
  return placement;
}
