import { useCallback, useEffect, useMemo, useRef, useState, type HTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { DocumentSummary } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { useCommands } from '../commands/registry';
import { isEditable } from '../commands/useShortcuts';
import { DeleteDialog } from './DeleteDialog';
import { DocumentMenu, type MenuPlace } from './DocumentMenu';
import { EditDocumentDialog } from './EditDocumentDialog';
import { clickChange, useSameList, useSelection, type SelectionModel } from './Selection';
import './documents.css';

/*
 * What the library's table does with its documents beyond listing them:
 * select them (checkboxes, Shift/Ctrl/Cmd+click, Ctrl/Cmd+A), open a row's
 * menu (right-click, the "⋯" button, the context-menu key or Shift+F10),
 * edit one, move the selected ones to the Trash. LibraryView hooks these
 * into its rows; the dialogs and the menu come with `layer`.
 */

interface MenuState {
  doc: DocumentSummary;
  place: MenuPlace;
  returnTo: HTMLElement | null;
}

export interface LibraryActions {
  selection: SelectionModel;
  /** The documents shown, in order. */
  shown: readonly DocumentSummary[];
  edit: (doc: DocumentSummary) => void;
  /** Asks to move these documents to the Trash. */
  remove: (docs: readonly DocumentSummary[]) => void;
  openMenu: (doc: DocumentSummary, place: MenuPlace, returnTo: HTMLElement | null) => void;
  menuOpenFor: string | null;
  /** The dialogs and the menu, to render once. */
  layer: ReactNode;
}

const inControl = (target: EventTarget | null): boolean => target instanceof Element && target.closest('a, button, input, select, label, textarea') !== null;

export function useLibraryActions(shown: readonly DocumentSummary[]): LibraryActions {
  const navigate = useNavigate();
  const order = useSameList(shown.map((d) => d.id));
  const selection = useSelection(order);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [editing, setEditing] = useState<DocumentSummary | null>(null);
  const [removing, setRemoving] = useState<readonly DocumentSummary[] | null>(null);
  // The documents as shown now, for commands registered once per selection (rows are drawn again on every render).
  const latest = useRef(shown);
  latest.current = shown;
  const docsOf = useCallback((ids: readonly string[]) => {
    const byId = new Map(latest.current.map((d) => [d.id, d]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }, []);

  const { change, ids: selectedIds } = selection;
  useCommands(
    () => [
      { id: 'library.select-all', title: 'Select all documents', group: 'Edit', enabled: () => order.length > 0 && !isEditable(document.activeElement), run: () => change({ kind: 'all' }) },
      { id: 'library.clear-selection', title: 'Clear the selection', group: 'Edit', keywords: ['unselect', 'deselect'], enabled: () => selectedIds.length > 0, run: () => change({ kind: 'none' }) },
      {
        id: 'library.delete-selected',
        title: selectedIds.length === 1 ? 'Move the selected document to the Trash…' : 'Move the selected documents to the Trash…',
        group: 'Edit',
        keywords: ['delete', 'remove', 'trash'],
        enabled: () => selectedIds.length > 0,
        run: () => setRemoving(docsOf(selectedIds)),
      },
      {
        id: 'document.edit',
        title: 'Edit document details…',
        group: 'Edit',
        keywords: ['rename', 'title', 'date', 'source'],
        enabled: () => selectedIds.length === 1,
        run: () => setEditing(docsOf(selectedIds)[0] ?? null),
      },
    ],
    [order, selectedIds, change, docsOf],
  );

  const targetsOf = (doc: DocumentSummary) => (selection.has(doc.id) && selectedIds.length > 1 ? docsOf(selectedIds) : [doc]);
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
      {removing && <DeleteDialog docs={removing} mode="trash" onClose={() => setRemoving(null)} onDone={() => change({ kind: 'none' })} />}
    </>
  );
  return {
    selection,
    shown,
    edit: setEditing,
    remove: setRemoving,
    openMenu: (doc, place, returnTo) => setMenu({ doc, place, returnTo }),
    menuOpenFor: menu?.doc.id ?? null,
    layer,
  };
}

/** What a row of the table answers to: clicks with Shift, Ctrl or Cmd select; a right-click, the context-menu key or Shift+F10 opens its menu. */
export function rowProps(actions: LibraryActions, doc: DocumentSummary): HTMLAttributes<HTMLTableRowElement> {
  const { selection } = actions;
  const menuButton = (row: HTMLElement) => row.querySelector<HTMLElement>('.row-menu');
  return {
    className: selection.has(doc.id) ? 'is-selected' : undefined,
    onClick: (event: MouseEvent) => {
      if (!inControl(event.target)) selection.change(clickChange(doc.id, event));
    },
    onContextMenu: (event) => {
      if (inControl(event.target) && (event.target as Element).closest('a, button') === null) return;
      event.preventDefault();
      if (!selection.has(doc.id)) selection.change({ kind: 'only', id: doc.id });
      actions.openMenu(doc, { x: event.clientX, y: event.clientY }, menuButton(event.currentTarget));
    },
    onKeyDown: (event) => {
      if (event.key === 'Escape' && selection.ids.length > 0) {
        selection.change({ kind: 'none' });
        event.preventDefault();
      } else if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
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
  const all = count > 0 && count === actions.shown.length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <th scope="col" className="col-select">
      <input ref={box} type="checkbox" aria-label="Select all documents" checked={all} onChange={() => actions.selection.change({ kind: all ? 'none' : 'all' })} />
    </th>
  );
}

/** A row's checkbox: Space or a click takes it in or out, Shift with it reaches from the last one. */
export function SelectCell({ actions, doc }: { actions: LibraryActions; doc: DocumentSummary }) {
  const { selection } = actions;
  return (
    <td className="col-select">
      <input
        type="checkbox"
        aria-label={`Select “${doc.title}”`}
        checked={selection.has(doc.id)}
        readOnly
        onClick={(event) => selection.change(clickChange(doc.id, event, true))}
        onKeyDown={(event) => {
          if (event.key !== ' ' || !event.shiftKey) return;
          event.preventDefault();
          selection.change({ kind: 'range', id: doc.id, adding: true });
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
  const { selection, shown } = actions;
  const count = selection.ids.length;
  const docs = useMemo(() => shown.filter((d) => selection.has(d.id)), [shown, selection]);
  return (
    <div className="selection-bar" role="region" aria-label="Selected documents" hidden={count === 0}>
      <p aria-live="polite">{count === 1 ? '1 document selected' : `${count} documents selected`}</p>
      <button type="button" className="doc-button danger" onClick={() => actions.remove(docs)}>
        Move to Trash…
      </button>
      <button type="button" className="doc-button" onClick={() => selection.change({ kind: 'none' })}>
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
