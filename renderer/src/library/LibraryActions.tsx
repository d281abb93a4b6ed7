import { useCallback, useEffect, useRef, useState, type HTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { DocumentSummary, LibraryRow } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { plural } from '../app/plural';
import { useCommands } from '../commands/registry';
import { isEditable } from '../commands/useShortcuts';
import { DeleteDialog } from './DeleteDialog';
import { DocumentMenu, type MenuPlace } from './DocumentMenu';
import { EditDocumentDialog } from './EditDocumentDialog';
import { clickChange, useSelection, type SelectionModel } from './Selection';
import './documents.css';

/*
 * What the library's table does with its documents beyond listing them:
 * select them (checkboxes, Shift/Ctrl/Cmd+click, Ctrl/Cmd+A), open a row's
 * menu (right-click, the "⋯" button, the context-menu key or Shift+F10),
 * edit one, move the selected ones to the Trash. LibraryView hooks these
 * into its rows; the dialogs and the menu come with `layer`. The table is
 * paged, so the ids of a range or of every row come from `idsOf`, and the
 * titles the dialogs name from the rows drawn.
 */

type Named = Pick<DocumentSummary, 'id' | 'title'>;

interface MenuState {
  doc: DocumentSummary;
  place: MenuPlace;
  returnTo: HTMLElement | null;
}

/** The table the actions work on: how many rows it has, their ids by range, and what names its order and filter. */
export interface LibraryTable {
  rowCount: number;
  idsOf: (from: number, to: number) => Promise<string[]>;
  key: string;
}

export interface LibraryActions {
  selection: SelectionModel;
  rowCount: number;
  /** Notes a row as drawn, so that the dialogs can name its document. */
  drawn: (row: LibraryRow) => void;
  edit: (doc: DocumentSummary) => void;
  /** Asks to move the selected documents to the Trash. */
  removeSelected: () => void;
  openMenu: (doc: DocumentSummary, place: MenuPlace, returnTo: HTMLElement | null) => void;
  menuOpenFor: string | null;
  /** The dialogs and the menu, to render once. */
  layer: ReactNode;
}

const inControl = (target: EventTarget | null): boolean => target instanceof Element && target.closest('a, button, input, select, label, textarea') !== null;

export function useLibraryActions(table: LibraryTable): LibraryActions {
  const navigate = useNavigate();
  const selection = useSelection(table.idsOf, table.rowCount, table.key);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [editing, setEditing] = useState<DocumentSummary | null>(null);
  const [removing, setRemoving] = useState<readonly Named[] | null>(null);
  // Every row drawn so far, for the titles of what is selected (a selection may reach rows never fetched: they go by count).
  const known = useRef(new Map<string, LibraryRow>());
  const drawn = useCallback((row: LibraryRow) => void known.current.set(row.id, row), []);
  const namesOf = useCallback((ids: readonly string[]): Named[] => ids.map((id) => known.current.get(id) ?? { id, title: '' }), []);
  const { rowCount } = table;

  const { change, ids: selectedIds } = selection;
  useCommands(
    () => [
      { id: 'library.select-all', title: 'Select all documents', group: 'Edit', enabled: () => rowCount > 0 && !isEditable(document.activeElement), run: () => change({ kind: 'all' }) },
      { id: 'library.clear-selection', title: 'Clear the selection', group: 'Edit', keywords: ['unselect', 'deselect'], enabled: () => selectedIds.length > 0, run: () => void change({ kind: 'none' }) },
      {
        id: 'library.delete-selected',
        title: selectedIds.length === 1 ? 'Move the selected document to the Trash…' : 'Move the selected documents to the Trash…',
        group: 'Edit',
        keywords: ['delete', 'remove', 'trash'],
        enabled: () => selectedIds.length > 0,
        run: () => setRemoving(namesOf(selectedIds)),
      },
      {
        id: 'document.edit',
        title: 'Edit document details…',
        group: 'Edit',
        keywords: ['rename', 'title', 'date', 'source'],
        enabled: () => selectedIds.length === 1,
        run: () => setEditing(known.current.get(selectedIds[0] ?? '') ?? null),
      },
    ],
    [rowCount, selectedIds, change, namesOf],
  );

  const targetsOf = (doc: DocumentSummary) => (selection.has(doc.id) && selectedIds.length > 1 ? namesOf(selectedIds) : [doc]);
  const layer = (
    <>
      {menu && (
        <DocumentMenu
          label={`Actions for “${menu.doc.title}”`}
          place={menu.place}
          returnTo={menu.returnTo}
          onClose={() => setMenu(null)}
          items={[
            { label: 'Open', run: () => void navigate(`/doc/${menu.doc.id}`) },
            { label: 'Edit details…', run: () => setEditing(menu.doc) },
            {
              label: targetsOf(menu.doc).length > 1 ? `Move ${targetsOf(menu.doc).length} selected documents to the Trash…` : 'Move to Trash…',
              danger: true,
              run: () => setRemoving(targetsOf(menu.doc)),
            },
          ]}
        />
      )}
      {editing && <EditDocumentDialog doc={editing} onClose={() => setEditing(null)} />}
      {removing && <DeleteDialog docs={removing} mode="trash" onClose={() => setRemoving(null)} onDone={() => void change({ kind: 'none' })} />}
    </>
  );
  return {
    selection,
    rowCount,
    drawn,
    edit: setEditing,
    removeSelected: () => setRemoving(namesOf(selectedIds)),
    openMenu: (doc, place, returnTo) => setMenu({ doc, place, returnTo }),
    menuOpenFor: menu?.doc.id ?? null,
    layer,
  };
}

/** What a row of the table answers to: clicks select (with Shift, Ctrl or Cmd, more than one); a right-click, the context-menu key or Shift+F10 opens its menu. */
export function rowProps(actions: LibraryActions, doc: DocumentSummary, index: number): HTMLAttributes<HTMLTableRowElement> {
  const { selection } = actions;
  const menuButton = (row: HTMLElement) => row.querySelector<HTMLElement>('.row-menu');
  return {
    className: selection.has(doc.id) ? 'is-selected' : undefined,
    onClick: (event: MouseEvent) => {
      if (!inControl(event.target)) void selection.change(clickChange(doc.id, index, event));
    },
    onContextMenu: (event) => {
      if (inControl(event.target) && (event.target as Element).closest('a, button') === null) return;
      event.preventDefault();
      if (!selection.has(doc.id)) void selection.change({ kind: 'only', id: doc.id, index });
      actions.openMenu(doc, { x: event.clientX, y: event.clientY }, menuButton(event.currentTarget));
    },
    onKeyDown: (event) => {
      if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
        event.preventDefault();
        const button = menuButton(event.currentTarget);
        actions.openMenu(doc, button ? { under: button } : { x: 0, y: 0 }, button);
      }
    },
  };
}

/** The header's checkbox: every document shown, or none. */
export function SelectAllHeader({ actions }: { actions: LibraryActions }) {
  const box = useRef<HTMLInputElement>(null);
  const count = actions.selection.ids.length;
  const all = count > 0 && count === actions.rowCount;
  useEffect(() => {
    if (box.current) box.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <th scope="col" className="col-select">
      <input ref={box} type="checkbox" aria-label="Select all documents" checked={all} onChange={() => void actions.selection.change({ kind: all ? 'none' : 'all' })} />
    </th>
  );
}

/** A row's checkbox: Space or a click takes it in or out, Shift with it reaches from the last one. */
export function SelectCell({ actions, doc, index }: { actions: LibraryActions; doc: DocumentSummary; index: number }) {
  const { selection } = actions;
  return (
    <td className="col-select">
      <input
        type="checkbox"
        aria-label={`Select “${doc.title}”`}
        checked={selection.has(doc.id)}
        readOnly
        onClick={(event) => void selection.change(clickChange(doc.id, index, event, true))}
        onKeyDown={(event) => {
          if (event.key !== ' ' || !event.shiftKey) return;
          event.preventDefault();
          void selection.change({ kind: 'range', id: doc.id, index, adding: true });
        }}
      />
    </td>
  );
}

/** A row's own actions: Edit… and the menu with the rest. */
export function RowActions({ actions, doc }: { actions: LibraryActions; doc: DocumentSummary }) {
  const open = actions.menuOpenFor === doc.id;
  return (
    <td className="col-actions">
      <div className="row-actions">
        <button type="button" className="row-edit" aria-label={`Edit details of “${doc.title}”`} onClick={() => actions.edit(doc)}>
          Edit…
        </button>
        <button
          type="button"
          className="row-menu"
          aria-label={`More actions for “${doc.title}”`}
          aria-haspopup="menu"
          aria-expanded={open}
          onClick={(event) => actions.openMenu(doc, { under: event.currentTarget }, event.currentTarget)}
        >
          ⋯
        </button>
      </div>
    </td>
  );
}

/** Above the table while documents are selected: how many, and what can be done with them. */
export function SelectionBar({ actions }: { actions: LibraryActions }) {
  const { selection } = actions;
  const count = selection.ids.length;
  return (
    <div className="selection-bar" role="region" aria-label="Selected documents" hidden={count === 0}>
      <p aria-live="polite">{plural(count, 'document')} selected</p>
      <button type="button" className="doc-button danger" onClick={() => actions.removeSelected()}>
        Move to Trash…
      </button>
      <button type="button" className="doc-button" onClick={() => void selection.change({ kind: 'none' })}>
        Clear selection
      </button>
    </div>
  );
}

/** The way from the library to the Trash, with how many documents wait there. */
export function TrashLink() {
  const trash = useQuery(queries.trash());
  const count = trash.data?.length ?? 0;
  return (
    <Link to="/trash" className="trash-link">
      Trash{count > 0 && <span className="trash-count"> ({count})</span>}
    </Link>
  );
}
