import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { readPassageLink } from '../../../main/common/passage-link';
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
  // The block holding the passage's start, as the core finds it in the whole document.
  const block = useQuery({ ...queries.blockAt(id, link?.start ?? 0), enabled: link !== null });
  if (link && block.isPending) return <p className="loading">Opening the passage…</p>;
  if (!link || block.isError) {
    return (
      <section className="empty-state">
        <h1>This passage cannot be opened</h1>
        <p role="alert">{block.isError ? block.error.message : 'This is not a link to a passage in Dossier.'}</p>
        <Link to="/">Back to the library</Link>
      </section>
    );
  }
  const query = new URLSearchParams();
  if (link.start !== undefined && block.data !== undefined) query.set('block', String(block.data));
  if (link.annotation) query.set('annotation', link.annotation);
  const search = query.toString();
  return <Navigate replace to={`/doc/${link.docId}${search ? `?${search}` : ''}`} />;
}
