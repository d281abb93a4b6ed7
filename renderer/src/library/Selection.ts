import { useCallback, useMemo, useRef, useState } from 'react';

/*
 * Which documents of a list are selected, as a desktop file list does it:
 * a click selects one, Ctrl/Cmd+click adds or takes away one, Shift+click
 * reaches from the last one clicked to this one, Ctrl/Cmd+A takes every one
 * shown. What is selected is always among what is shown: a filter or a
 * deletion that hides a document also unselects it.
 */

export interface Selection {
  selected: ReadonlySet<string>;
  /** Where a Shift+click range starts: the document clicked last without Shift. */
  anchor: string | null;
}

export type SelectionChange =
  /** A plain click: this one alone. */
  | { kind: 'only'; id: string }
  /** Ctrl/Cmd+click or its checkbox: this one in or out. */
  | { kind: 'toggle'; id: string }
  /** Shift+click: from the anchor to this one; `adding` keeps what else was selected (Shift on a checkbox, Ctrl+Shift+click). */
  | { kind: 'range'; id: string; adding: boolean }
  | { kind: 'all' }
  | { kind: 'none' };

export const NOTHING_SELECTED: Selection = { selected: new Set(), anchor: null };

/** The selection after a change, within `order` (the ids shown, in the order shown). */
export function changeSelection(current: Selection, change: SelectionChange, order: readonly string[]): Selection {
  switch (change.kind) {
    case 'only':
      return { selected: new Set([change.id]), anchor: change.id };
    case 'toggle': {
      const selected = new Set(current.selected);
      if (!selected.delete(change.id)) selected.add(change.id);
      return { selected, anchor: change.id };
    }
    case 'range': {
      const to = order.indexOf(change.id);
      const from = current.anchor === null ? -1 : order.indexOf(current.anchor);
      if (to < 0) return current;
      if (from < 0) return { selected: new Set([...(change.adding ? current.selected : []), change.id]), anchor: change.id };
      const range = order.slice(Math.min(from, to), Math.max(from, to) + 1);
      return { selected: new Set([...(change.adding ? current.selected : []), ...range]), anchor: current.anchor };
    }
    case 'all':
      return { selected: new Set(order), anchor: current.anchor };
    case 'none':
      return NOTHING_SELECTED;
  }
}

/** What a click with these keys held does to the selection. */
export function clickChange(id: string, keys: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }, onCheckbox = false): SelectionChange {
  const toggling = keys.ctrlKey || keys.metaKey || onCheckbox;
  if (keys.shiftKey) return { kind: 'range', id, adding: toggling };
  return toggling ? { kind: 'toggle', id } : { kind: 'only', id };
}

export interface SelectionModel {
  /** The selected ids, in the order shown. */
  ids: string[];
  has: (id: string) => boolean;
  change: (change: SelectionChange) => void;
}

/** The selection of a list showing `order`. */
export function useSelection(order: readonly string[]): SelectionModel {
  const [state, setState] = useState<Selection>(NOTHING_SELECTED);
  const shown = useMemo(() => order.filter((id) => state.selected.has(id)), [order, state.selected]);
  const kept = useMemo(() => new Set(shown), [shown]);
  const change = useCallback(
    (next: SelectionChange) => setState((current) => changeSelection({ ...current, selected: new Set(order.filter((id) => current.selected.has(id))) }, next, order)),
    [order],
  );
  return { ids: shown, has: useCallback((id: string) => kept.has(id), [kept]), change };
}

/** `list`, or the same list as before when nothing in it changed: what a list drawn again on every render selects from. */
export function useSameList(list: readonly string[]): readonly string[] {
  const kept = useRef(list);
  const before = kept.current;
  if (before.length !== list.length || before.some((id, i) => id !== list[i])) kept.current = list;
  return kept.current;
}
