import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { readPassageLink } from '../../../main/common/passage-link';
import { lastIndexAtOrBefore } from '../../../main/common/sorted';
import { queries } from '../api/queries';

/**
 * `#/open/<docId>?start=…&end=…&annotation=…`: where a dossier:// link from
 * an exported note lands (the desktop app turns the link into this route).
 * Opens the document at the passage; a link that is malformed or points at
 * a document no longer in the library says so.
 */
export function OpenPassage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const link = readPassageLink(id, params);
  const doc = useQuery({ ...queries.document(id), enabled: link !== null });
  if (link && doc.isPending) return <p className="loading">Opening the passage…</p>;
  if (!link || doc.isError) {
    return (
      <section className="empty-state">
        <h1>This passage cannot be opened</h1>
        <p role="alert">{doc.isError ? doc.error.message : 'This is not a link to a passage in Dossier.'}</p>
        <Link to="/">Back to the library</Link>
      </section>
    );
  }
  // The block holding the passage's start: the last one starting at or before it.
  const blocks = doc.data?.blocks ?? [];
  const block = link.start === undefined ? undefined : blocks[lastIndexAtOrBefore(blocks, link.start, { key: (b) => b.start })];
  const query = new URLSearchParams();
  if (block) query.set('block', String(block.index));
  if (link.annotation) query.set('annotation', link.annotation);
  const search = query.toString();
  return <Navigate replace to={`/doc/${link.docId}${search ? `?${search}` : ''}`} />;
}
