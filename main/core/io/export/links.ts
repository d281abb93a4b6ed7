/**
 * dossier:// links open a passage in Dossier from outside it (an Obsidian
 * note, a spreadsheet): `dossier://open/<docId>?start=<n>&end=<n>&annotation=<id>`.
 * The desktop app registers the scheme; the window accepts the same as the
 * hash route `#/open/<docId>?start=…`.
 */
export interface PassageLink {
  docId: string;
  start?: number;
  end?: number;
  annotation?: string;
}

/** The dossier:// link to a document, or to a passage of it. */
export function passageLink({ docId, start, end, annotation }: PassageLink): string {
  const params = new URLSearchParams();
  if (start !== undefined && end !== undefined) {
    params.set('start', String(start));
    params.set('end', String(end));
  }
  if (annotation) params.set('annotation', annotation);
  const query = params.toString();
  return `dossier://open/${encodeURIComponent(docId)}${query ? `?${query}` : ''}`;
}

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const OFFSET = /^\d{1,9}$/;
const MAX_LINK = 2048;

/**
 * The window's hash route (`/open/<docId>?start=…`) for a dossier:// link
 * that another program handed to the desktop app, or null when the link is
 * not exactly what Dossier writes: such input comes from outside the app, so
 * anything unexpected (another host, extra parameters, odd ids, huge
 * numbers) is refused rather than repaired.
 */
export function passageRoute(link: string): string | null {
  if (link.length > MAX_LINK) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'dossier:' || url.host !== 'open' || url.username || url.password || url.port || url.hash) return null;
  const docId = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!ID.test(docId)) return null;
  const { searchParams: params } = url;
  if ([...params.keys()].some((key) => !['start', 'end', 'annotation'].includes(key) || params.getAll(key).length > 1)) return null;
  const start = params.get('start');
  const end = params.get('end');
  const annotation = params.get('annotation');
  if ((start === null) !== (end === null)) return null;
  if (start !== null && end !== null && (!OFFSET.test(start) || !OFFSET.test(end) || Number(end) < Number(start))) return null;
  if (annotation !== null && !ID.test(annotation)) return null;
  const route = passageLink({ docId, ...(start !== null && end !== null ? { start: Number(start), end: Number(end) } : {}), ...(annotation ? { annotation } : {}) });
  return route.replace(/^dossier:\/\//, '/');
}
