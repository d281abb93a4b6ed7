import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { LoadFailed } from '../app/LoadFailed';
import { Link } from 'react-router';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { LibraryPage, LibraryRow, LibrarySort } from '../../../main/common/contract';
import { api } from '../api/client';
import { queries } from '../api/queries';
import { formatDate, formatLength } from '../app/format';
import { LibraryTools } from '../io/LibraryTools';
import { shortcutLabel } from '../commands/keymap';
import { FilterChips } from '../sidebar/FilterChips';
import { asFilter, useFilter } from '../sidebar/filter';
import { DocumentTagList } from '../tags/DocumentTagList';
import { OpenBesideLink } from '../split/OpenBeside';
import { plural } from '../app/plural';
import { sourceOf } from '../../../main/common/document-details';
import { RowActions, rowProps, SelectAllHeader, SelectCell, SelectionBar, TrashLink, useLibraryActions, type LibraryActions } from './LibraryActions';
import './library.css';

interface Sort {
  key: LibrarySort;
  ascending: boolean;
}

/** Rows the core sends at a time; each page is fetched once for its order and filter. */
const PAGE_ROWS = 100;
/** A row's height in pixels (library.css holds every row to it): row n is at n × ROW_HEIGHT. */
const ROW_HEIGHT = 45;
/** Columns of the table: the checkbox, title, date, length, source and the row's actions. */
const COLUMNS = 6;
/** Rows drawn beyond the view, above and below. */
const MARGIN_ROWS = 15;

/** The rows [from, to) the view needs, in its scrolling column: what is in view and a margin either side. */
function useVisibleRows(body: RefObject<HTMLElement | null>, shown: boolean): [number, number] {
  const [range, setRange] = useState<[number, number]>([0, 40]);
  useEffect(() => {
    const element = body.current;
    const scroller = element?.closest<HTMLElement>('.app-main');
    if (!element || !scroller) return;
    const update = () => {
      const top = scroller.getBoundingClientRect().top - element.getBoundingClientRect().top;
      const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - MARGIN_ROWS);
      const last = Math.ceil((top + scroller.clientHeight) / ROW_HEIGHT) + MARGIN_ROWS;
      setRange((now) => (now[0] === first && now[1] === last ? now : [first, last]));
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      scroller.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [body, shown]);
  return range;
}

/** The pages of the library's table that rows [from, to) are on, in the order and under the filter asked for. */
function useLibraryPages(sort: Sort, from: number, to: number) {
  const filter = useFilter();
  const wanted = useMemo(() => (filter.active ? asFilter(filter) : undefined), [filter]);
  // The same order and filter keep the same object, so that what selects from them is not made again on every render.
  const key = JSON.stringify({ sort: sort.key, descending: !sort.ascending, filter: wanted });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` says all they hold
  const table = useMemo(() => ({ sort: sort.key, descending: !sort.ascending, filter: wanted }), [key]);
  const query = (page: number) => queries.libraryPage({ ...table, from: page * PAGE_ROWS, to: (page + 1) * PAGE_ROWS });
  const first = useQuery(query(0));
  const pages: number[] = [];
  for (let page = Math.floor(from / PAGE_ROWS); page * PAGE_ROWS < to; page++) if (page > 0) pages.push(page);
  const others = useQueries({ queries: pages.map(query), combine: (results) => results.map((r) => r.data) });
  const rowAt = (index: number): LibraryRow | undefined => {
    const page = Math.floor(index / PAGE_ROWS);
    const data: LibraryPage | undefined = page === 0 ? first.data : others[pages.indexOf(page)];
    return data?.rows[index - page * PAGE_ROWS];
  };
  const idsOf = useCallback((from: number, to: number) => api.listDocumentIds({ ...table, from, to }), [table]);
  return { first, rowAt, filtered: filter.active, idsOf, key };
}

/** Every document in the library, sortable by title, date and length, a screenful of rows drawn at a time. */
export function LibraryView() {
  const [sort, setSort] = useState<Sort>({ key: 'date', ascending: false });
  const body = useRef<HTMLTableSectionElement>(null);
  const [shown, setShown] = useState(false);
  const [from, to] = useVisibleRows(body, shown);
  const { first, rowAt, filtered, idsOf, key } = useLibraryPages(sort, from, to);
  const library = useLibraryActions({ rowCount: first.data?.matching ?? 0, idsOf, key });
  const hasRows = (first.data?.total ?? 0) > 0;
  useEffect(() => setShown(hasRows), [hasRows]);

  if (first.isPending) return <p className="loading">Opening the library…</p>;
  if (first.isError) return <LoadFailed title="The library could not be opened" message={first.error.message} onRetry={() => void first.refetch()} />;
  if (first.data.total === 0) return <EmptyLibrary />;

  const { total } = first.data;
  const rows = first.data.matching;
  const shownTo = Math.min(to, rows);
  const shownFrom = Math.min(from, shownTo);
  return (
    <section className="library" aria-labelledby="library-title">
      <div className="view-header">
        <h1 id="library-title">Library</h1>
        <p className="view-meta">
          {filtered && `${rows.toLocaleString('en')} of `}
          {plural(total, 'document')}
        </p>
        <LibraryTools />
        <TrashLink />
      </div>
      <FilterChips />
      {filtered && rows === 0 && <p className="library-none">No document carries all of these. Remove a filter above to see more.</p>}
      <SelectionBar actions={library} />
      <table className="library-table" aria-rowcount={rows + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <SelectAllHeader actions={library} />
            <SortHeader sort={sort} onSort={setSort} column="title" label="Title" />
            <SortHeader sort={sort} onSort={setSort} column="date" label="Date" />
            <SortHeader sort={sort} onSort={setSort} column="length" label="Length" />
            <th scope="col" className="col-source">
              Source
            </th>
            <th scope="col" className="col-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody ref={body}>
          {shownFrom > 0 && <Space rows={shownFrom} />}
          {Array.from({ length: shownTo - shownFrom }, (_, i) => (
            <Row key={rowAt(shownFrom + i)?.id ?? `pending-${shownFrom + i}`} row={rowAt(shownFrom + i)} index={shownFrom + i} actions={library} />
          ))}
          {rows > shownTo && <Space rows={rows - shownTo} />}
        </tbody>
      </table>
      {library.layer}
    </section>
  );
}

function EmptyLibrary() {
  const importKeys = shortcutLabel('file.import');
  return (
    <section className="empty-state" aria-labelledby="library-empty">
      <h1 id="library-empty">Your library is empty</h1>
      <p>
        Add PDFs, web pages, Markdown or text files with Import documents…{importKeys && ` (${importKeys})`}, or drop them onto this window. They appear here,
        ready to read, search and annotate.
      </p>
      <LibraryTools />
      <p>
        <TrashLink />
      </p>
    </section>
  );
}

function SortHeader({ sort, onSort, column, label }: { sort: Sort; onSort: (sort: Sort) => void; column: LibrarySort; label: string }) {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'} className={`col-${column}`}>
      <button type="button" className="sort-button" onClick={() => onSort({ key: column, ascending: active ? !sort.ascending : column === 'title' })}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.ascending ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

/** Rows not drawn, as the space they take. */
function Space({ rows }: { rows: number }) {
  return (
    <tr aria-hidden="true" className="library-space">
      <td colSpan={COLUMNS} style={{ height: rows * ROW_HEIGHT }} />
    </tr>
  );
}

function Row({ row, index, actions }: { row: LibraryRow | undefined; index: number; actions: LibraryActions }) {
  if (!row) {
    return (
      <tr aria-rowindex={index + 2} aria-busy="true" className="library-pending">
        <td colSpan={COLUMNS} />
      </tr>
    );
  }
  actions.drawn(row);
  return (
    <tr aria-rowindex={index + 2} {...rowProps(actions, row, index)}>
      <SelectCell actions={actions} doc={row} index={index} />
      <td className="col-title">
        <div className="row-title">
          <Link to={`/doc/${row.id}`} title={row.title}>
            {row.title}
          </Link>
          <DocumentTagList tags={row.tags} />
          <OpenBesideLink docId={row.id} title={row.title} />
        </div>
      </td>
      <td className="col-date">{formatDate(row.date)}</td>
      <td className="col-length">{formatLength(row.words)}</td>
      <td className="col-source" title={sourceOf(row)}>
        {sourceOf(row)}
      </td>
      <RowActions actions={actions} doc={row} />
    </tr>
  );
}
