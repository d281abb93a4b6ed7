import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { DocumentSummary } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { Windowed } from '../app/Windowed';
import { formatDate, formatLength } from '../app/format';
import { LibraryTools } from '../io/LibraryTools';
import { shortcutLabel } from '../commands/keymap';
import { FilterChips } from '../sidebar/FilterChips';
import { useFilteredIds } from '../sidebar/useFilteredIds';
import { DocumentTagList } from '../tags/DocumentTagList';
import { OpenBesideLink } from '../split/OpenBeside';
import { sourceOf } from '../../../main/common/document-details';
import { RowActions, rowProps, SelectAllHeader, SelectCell, SelectionBar, TrashLink, useLibraryActions } from './LibraryActions';

type SortKey = 'title' | 'date' | 'length';
interface Sort {
  key: SortKey;
  ascending: boolean;
}

const compare: Record<SortKey, (a: DocumentSummary, b: DocumentSummary) => number> = {
  title: (a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }),
  // Undated documents sort after dated ones either way.
  date: (a, b) => (a.date ?? '').localeCompare(b.date ?? ''),
  length: (a, b) => a.words - b.words,
};

function sortDocuments(documents: DocumentSummary[], sort: Sort): DocumentSummary[] {
  const sorted = [...documents].sort(compare[sort.key]);
  if (!sort.ascending) sorted.reverse();
  if (sort.key === 'date') return [...sorted.filter((d) => d.date), ...sorted.filter((d) => !d.date)];
  return sorted;
}

/** Every document in the library, sortable by title, date and length. */
export function LibraryView() {
  const documents = useQuery(queries.documents());
  const [sort, setSort] = useState<Sort>({ key: 'date', ascending: false });
  const rows = useMemo(() => (documents.data ? sortDocuments(documents.data, sort) : []), [documents.data, sort]);
  const filtered = useFilteredIds('documents');
  const docTags = useQuery(queries.documentTags()).data;
  const tagsOf = (id: string) => docTags?.[id] ?? [];
  const shown = rows.filter((doc) => filtered.keeps(doc.id));
  const library = useLibraryActions(shown);

  const importKeys = shortcutLabel('file.import');
  if (documents.isPending) return <p className="loading">Opening the library…</p>;
  if (documents.isError) {
    return (
      <section className="empty-state" aria-labelledby="library-error">
        <h1 id="library-error">The library could not be opened</h1>
        <p role="alert">{documents.error.message}</p>
        <button type="button" className="io-button" onClick={() => void documents.refetch()}>
          Try again
        </button>
      </section>
    );
  }
  if (rows.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="library-empty">
        <h1 id="library-empty">Your library is empty</h1>
        <p>
          Add PDFs, web pages, Markdown or text files with Import documents…{importKeys && ` (${importKeys})`}, or drop them onto this window.
          They appear here, ready to read, search and annotate.
        </p>
        <LibraryTools />
        <p>
          <TrashLink />
        </p>
      </section>
    );
  }

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'} className={`col-${key}`}>
        <button type="button" className="sort-button" onClick={() => setSort({ key, ascending: active ? !sort.ascending : key === 'title' })}>
          {label}
          <span aria-hidden="true" className="sort-mark">{active ? (sort.ascending ? '▲' : '▼') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <section className="library" aria-labelledby="library-title">
      <div className="view-header">
        <h1 id="library-title">Library</h1>
        <p className="view-meta">{filtered.active && filtered.ready && `${shown.length} of `}{rows.length} {rows.length === 1 ? 'document' : 'documents'}</p>
        <LibraryTools />
        <TrashLink />
      </div>
      <FilterChips />
      {filtered.active && filtered.ready && shown.length === 0 && <p className="library-none">No document carries all of these. Remove a filter above to see more.</p>}
      <SelectionBar actions={library} />
      <table className="library-table">
        <thead>
          <tr>
            <SelectAllHeader actions={library} />
            {header('title', 'Title')}
            {header('date', 'Date')}
            {header('length', 'Length')}
            <th scope="col" className="col-source">Source</th>
            <th scope="col" className="col-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        {/* A library of thousands of documents is rendered a screenful at a time. */}
        <Windowed
          as="tbody"
          items={shown}
          estimate={() => 62}
          render={(doc) => (
            <tr key={doc.id} {...rowProps(library, doc)}>
              <SelectCell actions={library} doc={doc} />
              <td className="col-title">
                <Link to={`/doc/${doc.id}`}>{doc.title}</Link>
                <OpenBesideLink docId={doc.id} title={doc.title} />
                <DocumentTagList tags={tagsOf(doc.id)} />
              </td>
              <td className="col-date">{formatDate(doc.date)}</td>
              <td className="col-length">{formatLength(doc.words)}</td>
              <td className="col-source" title={sourceOf(doc)}>{sourceOf(doc)}</td>
              <RowActions actions={library} doc={doc} />
            </tr>
          )}
        />
      </table>
      {library.layer}
    </section>
  );
}
