import { describe, expect, it } from 'vitest';
import { changeSelection, clickChange, NOTHING_SELECTED, rowsNeeded, type Selection, type SelectionChange } from '../../../../renderer/src/library/Selection';

/** The table's rows, in its order: row i has id `d<i>`. */
const ROWS = Array.from({ length: 10 }, (_, i) => `d${i}`);
const noKeys = { shiftKey: false, ctrlKey: false, metaKey: false };

/** A change as the library makes it: the ids of the rows it needs, as the core would give them, then the new selection. */
function apply(current: Selection, change: SelectionChange): Selection {
  const needed = rowsNeeded(current, change, ROWS.length);
  return changeSelection(current, change, needed ? ROWS.slice(...needed) : []);
}
const ids = (selection: Selection) => [...selection.selected].sort();
const click = (selection: Selection, index: number, keys: Partial<typeof noKeys> = {}, onCheckbox = false) =>
  apply(selection, clickChange(`d${index}`, index, { ...noKeys, ...keys }, onCheckbox));

describe('selecting rows of the library', () => {
  it('a click selects one row alone; Ctrl/Cmd+click and a checkbox take one in or out', () => {
    let selection = click(NOTHING_SELECTED, 2);
    selection = click(selection, 5);
    expect(ids(selection)).toEqual(['d5']);
    selection = click(selection, 7, { ctrlKey: true });
    selection = click(selection, 1, { metaKey: true });
    selection = click(selection, 5, {}, true);
    expect(ids(selection)).toEqual(['d1', 'd7']);
  });

  it('Shift+click reaches from the row clicked last, either way, and replaces the rest unless Ctrl or the checkbox adds to it', () => {
    let selection = click(NOTHING_SELECTED, 6);
    expect(rowsNeeded(selection, clickChange('d3', 3, { ...noKeys, shiftKey: true }), ROWS.length)).toEqual([3, 7]);
    selection = click(selection, 3, { shiftKey: true });
    expect(ids(selection)).toEqual(['d3', 'd4', 'd5', 'd6']);
    // The anchor stays where the range started: a second Shift+click redraws the range from it.
    selection = click(selection, 8, { shiftKey: true });
    expect(ids(selection)).toEqual(['d6', 'd7', 'd8']);
    selection = click(selection, 0, { ctrlKey: true });
    selection = click(selection, 2, { shiftKey: true }, true);
    expect(ids(selection)).toEqual(['d0', 'd1', 'd2', 'd6', 'd7', 'd8']);
  });

  it('Shift+click with no row clicked before selects that row; "all" takes every row of the table, "none" empties it', () => {
    const first = click(NOTHING_SELECTED, 4, { shiftKey: true });
    expect(ids(first)).toEqual(['d4']);
    expect(first.anchor).toBe(4);
    expect(rowsNeeded(first, { kind: 'all' }, ROWS.length)).toEqual([0, 10]);
    expect(ids(apply(first, { kind: 'all' }))).toEqual([...ROWS].sort());
    expect(apply(first, { kind: 'none' })).toEqual(NOTHING_SELECTED);
  });
});
