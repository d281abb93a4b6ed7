import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/*
 * Which documents of the library's table are selected, as a desktop file
 * list does it: a click selects one, Ctrl/Cmd+click adds or takes away one,
 * Shift+click reaches from the last one clicked to this one, Ctrl/Cmd+A takes
 * every row. The table comes from the core a page at a time, so a row is
 * known by its index in the table's order, and the ids of a range or of every
 * row are asked of the core; a new order or filter starts a new selection.
 */

export interface Selection {
  selected: ReadonlySet<string>;
  /** The row a Shift+click range starts from: the one clicked last without Shift. */
  anchor: number | null;
}

export type SelectionChange =
  /** A plain click: this one alone. */
  | { kind: 'only'; id: string; index: number }
  /** Ctrl/Cmd+click or its checkbox: this one in or out. */
  | { kind: 'toggle'; id: string; index: number }
  /** Shift+click: from the anchor to this row; `adding` keeps what else was selected (Shift on a checkbox, Ctrl+Shift+click). */
  | { kind: 'range'; id: string; index: number; adding: boolean }
  | { kind: 'all' }
  | { kind: 'none' };

export const NOTHING_SELECTED: Selection = { selected: new Set(), anchor: null };

/** The rows a change needs the ids of, [from, to) in the table's order; null when it needs none. */
export function rowsNeeded(current: Selection, change: SelectionChange, rowCount: number): [number, number] | null {
  if (change.kind === 'all') return [0, rowCount];
  if (change.kind !== 'range' || current.anchor === null) return null;
  return [Math.min(current.anchor, change.index), Math.max(current.anchor, change.index) + 1];
}

/** The selection after a change, given the ids of the rows it needs (rowsNeeded). */
export function changeSelection(current: Selection, change: SelectionChange, rows: readonly string[] = []): Selection {
  switch (change.kind) {
    case 'only':
      return { selected: new Set([change.id]), anchor: change.index };
    case 'toggle': {
      const selected = new Set(current.selected);
      if (!selected.delete(change.id)) selected.add(change.id);
      return { selected, anchor: change.index };
    }
    case 'range': {
      const kept = change.adding ? current.selected : [];
      if (current.anchor === null) return { selected: new Set([...kept, change.id]), anchor: change.index };
      return { selected: new Set([...kept, ...rows]), anchor: current.anchor };
    }
    case 'all':
      return { selected: new Set(rows), anchor: current.anchor };
    case 'none':
      return NOTHING_SELECTED;
  }
}

/** What a click with these keys held does to the selection. */
export function clickChange(id: string, index: number, keys: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }, onCheckbox = false): SelectionChange {
  const toggling = keys.ctrlKey || keys.metaKey || onCheckbox;
  if (keys.shiftKey) return { kind: 'range', id, index, adding: toggling };
  return toggling ? { kind: 'toggle', id, index } : { kind: 'only', id, index };
}

export interface SelectionModel {
  /** The selected ids. */
  ids: string[];
  has: (id: string) => boolean;
  change: (change: SelectionChange) => Promise<void>;
}

/**
 * The selection of a table of `rowCount` rows, whose ids `idsOf` reads;
 * emptied whenever `table` (its order and filter, say) changes.
 */
export function useSelection(idsOf: (from: number, to: number) => Promise<string[]>, rowCount: number, table: string): SelectionModel {
  const [state, setState] = useState<Selection>(NOTHING_SELECTED);
  const current = useRef(state);
  current.current = state;
  useEffect(() => setState(NOTHING_SELECTED), [table]);
  const change = useCallback(
    async (next: SelectionChange) => {
      const needed = rowsNeeded(current.current, next, rowCount);
      const rows = needed ? await idsOf(...needed) : [];
      setState((now) => changeSelection(now, next, rows));
    },
    [idsOf, rowCount],
  );
  const ids = useMemo(() => [...state.selected], [state.selected]);
  return { ids, has: useCallback((id: string) => state.selected.has(id), [state.selected]), change };
}
