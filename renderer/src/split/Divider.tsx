import { useCallback, useState, useSyncExternalStore, type RefObject } from 'react';

const KEY = 'dossier.split.ratio';
export const MIN_RATIO = 0.2;
export const MAX_RATIO = 0.8;
const STEP = 0.02;
/** Below this width the panes stack (split.css uses the same figure). */
const STACKED = '(max-width: 900px)';

const clamp = (ratio: number) => Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio));

/** The share of the first pane, remembered in this window across sessions. */
export function useSplitRatio(): [number, (ratio: number) => void] {
  const [ratio, setRatio] = useState(() => {
    const saved = Number(localStorage.getItem(KEY));
    return Number.isFinite(saved) && saved > 0 ? clamp(saved) : 0.5;
  });
  const update = useCallback((next: number) => {
    const value = clamp(next);
    localStorage.setItem(KEY, value.toFixed(3));
    setRatio(value);
  }, []);
  return [ratio, update];
}

/** Whether the window is narrow enough for the panes to stack. */
export function useStacked(): boolean {
  return useSyncExternalStore(
    (listener) => {
      const query = window.matchMedia(STACKED);
      query.addEventListener('change', listener);
      return () => query.removeEventListener('change', listener);
    },
    () => window.matchMedia(STACKED).matches,
  );
}

interface Props {
  ratio: number;
  onRatio: (ratio: number) => void;
  /** The element holding both panes: the ratio is measured across it. */
  container: RefObject<HTMLElement | null>;
  stacked: boolean;
}

/** The bar between the panes: drag it, or focus it and use the arrow keys (Home, End; Enter evens them). */
export function Divider({ ratio, onRatio, container, stacked }: Props) {
  const [dragging, setDragging] = useState(false);
  const ratioAt = (event: React.PointerEvent) => {
    const box = container.current?.getBoundingClientRect();
    if (!box) return null;
    return stacked ? (event.clientY - box.top) / box.height : (event.clientX - box.left) / box.width;
  };
  const keys: Record<string, () => number> = {
    ArrowLeft: () => ratio - STEP,
    ArrowUp: () => ratio - STEP,
    ArrowRight: () => ratio + STEP,
    ArrowDown: () => ratio + STEP,
    PageUp: () => ratio - 5 * STEP,
    PageDown: () => ratio + 5 * STEP,
    Home: () => MIN_RATIO,
    End: () => MAX_RATIO,
    Enter: () => 0.5,
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label="Resize the panes"
      aria-orientation={stacked ? 'horizontal' : 'vertical'}
      aria-valuemin={MIN_RATIO * 100}
      aria-valuemax={MAX_RATIO * 100}
      aria-valuenow={Math.round(ratio * 100)}
      aria-valuetext={`${Math.round(ratio * 100)}% for the first document`}
      title="Drag, or use the arrow keys, to resize; double-click to even the panes"
      className={`split-divider${dragging ? ' is-dragging' : ''}`}
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        setDragging(true);
      }}
      onPointerMove={(event) => {
        const next = dragging ? ratioAt(event) : null;
        if (next !== null) onRatio(next);
      }}
      onPointerUp={() => setDragging(false)}
      onPointerCancel={() => setDragging(false)}
      onDoubleClick={() => onRatio(0.5)}
      onKeyDown={(event) => {
        const next = keys[event.key];
        if (!next) return;
        event.preventDefault();
        onRatio(next());
      }}
    >
      <span className="split-grip" aria-hidden="true" />
    </div>
  );
}
