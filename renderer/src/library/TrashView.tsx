import { useState } from 'react';
import { LoadFailed } from '../app/LoadFailed';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { TrashedDocument } from '../../../main/common/contract';
import { sourceOf } from '../../../main/common/document-details';
import { queries } from '../api/queries';
import { formatDate } from '../app/format';
import { plural } from '../app/plural';
import { useCommands } from '../commands/registry';
import { restoreDocuments } from './actions';
import { DeleteDialog } from './DeleteDialog';
import './documents.css';

const KEPT_DAYS = 30;

/** "3 Mar 2026": the day a deletion was made, as the library writes dates. */
const day = (iso: string): string => formatDate(iso.slice(0, 10));

/** The day a document leaves the Trash at the earliest (a session's own deletions wait until Dossier starts again). */
const leaves = (iso: string): string => day(new Date(Date.parse(iso) + KEPT_DAYS * 24 * 3600 * 1000).toISOString());

const notes = (n: number): string => (n === 0 ? '—' : plural(n, 'note'));

/**
 * The Trash: documents deleted in the last 30 days, each with what comes
 * back with it. Restore brings one back as it was; Delete for good, or
 * Empty Trash, removes it from this computer.
 */
export function TrashView() {
  const trash = useQuery(queries.trash());
  const [purging, setPurging] = useState<readonly TrashedDocument[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const docs = trash.data ?? [];

  const restore = async (list: readonly TrashedDocument[]) => {
    setProblem(null);
    try {
      await restoreDocuments(list);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  useCommands(
    () => [
      { id: 'trash.restore-all', title: 'Restore everything in the Trash', group: 'Trash', enabled: () => docs.length > 0, run: () => restore(docs) },
      { id: 'trash.empty', title: 'Empty the Trash…', group: 'Trash', keywords: ['delete for good', 'purge'], enabled: () => docs.length > 0, run: () => setPurging(docs) },
    ],
    [docs],
  );

  if (trash.isPending) return <p className="loading">Opening the Trash…</p>;
  if (trash.isError) return <LoadFailed title="The Trash could not be opened" message={trash.error.message} onRetry={() => void trash.refetch()} />;
  if (docs.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="trash-empty">
        <h1 id="trash-empty">The Trash is empty</h1>
        <p>Documents you delete wait here for {KEPT_DAYS} days, with their notes and tags, in case you want them back.</p>
        <Link to="/">Back to the library</Link>
      </section>
    );
  }

  return (
    <section className="library trash" aria-labelledby="trash-title">
      <div className="view-header">
        <h1 id="trash-title">Trash</h1>
        <p className="view-meta">
          {plural(docs.length, 'document')}, each kept {KEPT_DAYS} days after it was deleted
        </p>
        <div className="trash-tools">
          <button type="button" className="doc-button" onClick={() => void restore(docs)}>
            Restore all
          </button>
          <button type="button" className="doc-button danger" onClick={() => setPurging(docs)}>
            Empty Trash…
          </button>
        </div>
      </div>
      <p className="trash-back">
        <Link to="/">← Library</Link>
      </p>
      {problem && (
        <p className="doc-failure" role="alert">
          {problem}
        </p>
      )}
      <table className="library-table trash-table">
        <thead>
          <tr>
            <th scope="col" className="col-title">
              Title
            </th>
            <th scope="col" className="col-date">
              Deleted
            </th>
            <th scope="col" className="col-notes">
              Notes
            </th>
            <th scope="col" className="col-source">
              Source
            </th>
            <th scope="col" className="col-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {docs.map((doc) => (
            <tr key={doc.id}>
              <td className="col-title">
                <span className="trash-title">{doc.title}</span>
                <span className="trash-meta">
                  {formatDate(doc.date)}
                  {doc.tags.length > 0 && ` · ${doc.tags.map((t) => `#${t}`).join(' ')}`}
                </span>
              </td>
              <td className="col-date" title={`Kept until ${leaves(doc.deletedAt)} at least`}>
                {day(doc.deletedAt)}
              </td>
              <td className="col-notes">{notes(doc.annotations)}</td>
              <td className="col-source" title={sourceOf(doc)}>
                {sourceOf(doc)}
              </td>
              <td className="col-actions">
                <div className="row-actions">
                  <button type="button" className="doc-button" aria-label={`Restore “${doc.title}”`} onClick={() => void restore([doc])}>
                    Restore
                  </button>
                  <button type="button" className="doc-button danger" aria-label={`Delete “${doc.title}” for good`} onClick={() => setPurging([doc])}>
                    Delete for good…
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {purging && <DeleteDialog docs={purging} mode="purge" onClose={() => setPurging(null)} />}
    </section>
  );
}
