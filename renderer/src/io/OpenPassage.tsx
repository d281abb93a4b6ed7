import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import type { Block } from '../../../main/common/contract';
import { api } from '../api/client';
import { useApi } from '../api/useApi';

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const OFFSET = /^\d{1,9}$/;

/** A passage link's parts, or null when any of them is not what Dossier writes. */
export function readPassageLink(id: string | undefined, params: URLSearchParams): { id: string; start: number | null; annotation: string | null } | null {
  const start = params.get('start');
  const end = params.get('end');
  const annotation = params.get('annotation');
  if (!id || !ID.test(id)) return null;
  if ((start === null) !== (end === null)) return null;
  if (start !== null && end !== null && (!OFFSET.test(start) || !OFFSET.test(end) || Number(end) < Number(start))) return null;
  if (annotation !== null && !ID.test(annotation)) return null;
  return { id, start: start === null ? null : Number(start), annotation };
}

/** The reading block that holds an offset of the original text (or the last one before it). */
function blockAt(blocks: Block[], offset: number): number | null {
  let found: number | null = null;
  for (const block of blocks) {
    if (block.start > offset) break;
    found = block.index;
  }
  return found;
}

/**
 * `#/open/<docId>?start=…&end=…&annotation=…`: where a dossier:// link from
 * an exported note lands (the desktop app turns the link into this route).
 * Opens the document at the passage; a link that is malformed or points at
 * a document no longer in the library says so.
 */
export function OpenPassage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const link = readPassageLink(id, params);
  const [doc] = useApi(() => (link ? api.getDocument(link.id) : Promise.reject(new Error('This is not a link to a passage in Dossier.'))), [id]);
  if (doc.state === 'loading') return <p className="loading">Opening the passage…</p>;
  if (doc.state === 'error' || !link) {
    return (
      <section className="empty-state">
        <h1>This passage cannot be opened</h1>
        <p role="alert">{doc.state === 'error' ? doc.error.message : 'This is not a link to a passage in Dossier.'}</p>
        <Link to="/">Back to the library</Link>
      </section>
    );
  }
  const block = link.start === null ? null : blockAt(doc.value.blocks, link.start);
  const query = new URLSearchParams();
  if (block !== null) query.set('block', String(block));
  if (link.annotation) query.set('annotation', link.annotation);
  const search = query.toString();
  return <Navigate replace to={`/doc/${link.id}${search ? `?${search}` : ''}`} />;
}
