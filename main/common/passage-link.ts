/**
 * A link to a passage: `dossier://open/<docId>?start=<n>&end=<n>&annotation=<id>`
 * from outside the app (an Obsidian note, a spreadsheet), the route
 * `#/open/<docId>?…` inside it. Both are read by the same rules.
 */
export interface PassageLink {
  docId: string;
  start?: number;
  end?: number;
  annotation?: string;
}

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const OFFSET = /^\d{1,9}$/;

/** A passage link's parts from its document id and query, or null when any of them is not what Dossier writes. */
export function readPassageLink(docId: string, params: URLSearchParams): PassageLink | null {
  const start = params.get('start');
  const end = params.get('end');
  const annotation = params.get('annotation');
  if (!ID.test(docId)) return null;
  if ((start === null) !== (end === null)) return null;
  if (start !== null && end !== null && (!OFFSET.test(start) || !OFFSET.test(end) || Number(end) < Number(start))) return null;
  if (annotation !== null && !ID.test(annotation)) return null;
  return { docId, ...(start !== null && end !== null && { start: Number(start), end: Number(end) }), ...(annotation !== null && { annotation }) };
}
