import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import './documents.css';

export interface MenuItem {
  label: string;
  run: () => void;
  danger?: boolean;
}

/** Where a menu opens: at the pointer (a right-click), or under the button or row it belongs to. */
export type MenuPlace = { x: number; y: number } | { under: HTMLElement };

interface Props {
  /** What the menu is for, as a screen reader names it: "Actions for “Minutes”". */
  label: string;
  items: readonly MenuItem[];
  place: MenuPlace;
  /** Where focus goes back to when the menu closes without running anything that moves it. */
  returnTo: HTMLElement | null;
  onClose: () => void;
}

const MARGIN = 8;

/**
 * A document's menu: the library row's context menu and its "⋯" button.
 * Arrow keys, Home and End move through it, Enter runs, Esc or Tab or a
 * click elsewhere closes it, and focus goes back where it was.
 */
export function DocumentMenu({ label, items, place, returnTo, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  // Placed inside the window once its size is known, then focused (a hidden element cannot take focus).
  useLayoutEffect(() => {
    const element = menu.current;
    if (!element) return;
    const { width, height } = element.getBoundingClientRect();
    const at = 'under' in place ? place.under.getBoundingClientRect() : null;
    const x = at ? at.right - width : (place as { x: number }).x;
    const y = at ? at.bottom + 4 : (place as { y: number }).y;
    const fitsBelow = y + height + MARGIN <= window.innerHeight;
    element.style.left = `${Math.max(MARGIN, Math.min(x, window.innerWidth - width - MARGIN))}px`;
    element.style.top = `${Math.max(MARGIN, fitsBelow ? y : at ? at.top - height - 4 : window.innerHeight - height - MARGIN)}px`;
    element.style.visibility = 'visible';
    element.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [place]);

  useEffect(() => {
    const outside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) close.current();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      // A dialog an item opens takes focus after this, and gives it back here when it closes.
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, [returnTo]);

  const onKeyDown = (event: KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const go = (index: number) => entries[(index + entries.length) % entries.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(entries.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return createPortal(
    <div
      ref={menu}
      role="menu"
      aria-label={label}
      className="document-menu"
      style={{ left: 0, top: 0, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={item.danger ? 'danger' : undefined}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>,
    // Inside the main landmark, as everything a screen reader reaches is; out of the view's own layout, which contains fixed boxes.
    document.querySelector('main') ?? document.body,
  );
}
