import { useEffect, useSyncExternalStore } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * Where the person was: the last view, the documents opened most recently
 * and how far each was read. Kept in this window's localStorage; it is a
 * convenience, so a lost or damaged copy only means starting at the library.
 */
interface Session {
  route: string | null;
  /** Document ids, most recent first. */
  recent: string[];
  /** The first block in view, by document id. */
  positions: Record<string, number>;
  /** Documents being opened and not drawn yet: if the window (or the core) goes down meanwhile, they stay here. */
  opening: string[];
}

const KEY = 'dossier.session';
/** Set once the session was restored in this window, so that later visits to the library stay there. */
const RESTORED = 'dossier.session.restored';
const MAX_RECENT = 8;
const MAX_POSITIONS = 200;
const SAVE_MS = 250;

function read(): Session {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Session>;
    return {
      route: typeof value.route === 'string' ? value.route : null,
      recent: Array.isArray(value.recent) ? value.recent.filter((id) => typeof id === 'string') : [],
      positions: typeof value.positions === 'object' && value.positions !== null ? value.positions : {},
      opening: Array.isArray(value.opening) ? value.opening.filter((id) => typeof id === 'string') : [],
    };
  } catch {
    return { route: null, recent: [], positions: {}, opening: [] };
  }
}

function change(edit: (session: Session) => Session): void {
  localStorage.setItem(KEY, JSON.stringify(edit(read())));
}

/** Ids of the documents opened most recently, newest first. */
export const recentDocumentIds = (): string[] => read().recent;

/** The block the person was reading in a document, if they had scrolled in it. */
export const savedPosition = (docId: string): number | undefined => read().positions[docId];

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** Remembers the block at the top of a document's view (saved once scrolling pauses). */
export function savePosition(docId: string, block: number): void {
  clearTimeout(timers.get(docId));
  timers.set(
    docId,
    setTimeout(() => {
      timers.delete(docId);
      change((session) => {
        // Re-inserted last, so that the oldest positions (first keys) are the ones forgotten.
        const { [docId]: _previous, ...others } = session.positions;
        const positions: Record<string, number> = { ...others, [docId]: block };
        const ids = Object.keys(positions);
        for (const id of ids.slice(0, Math.max(0, ids.length - MAX_POSITIONS))) delete positions[id];
        return { ...session, positions };
      });
    }, SAVE_MS),
  );
}

/** A document starts opening: until it is drawn (documentShown), a start does not reopen the view it was in. */
export function documentOpening(docId: string): void {
  change((session) => ({ ...session, opening: [...session.opening.filter((id) => id !== docId), docId] }));
}

/** The document was drawn, or closed before it was: a later start may open its view again. */
export function documentShown(docId: string): void {
  if (read().opening.includes(docId)) change((session) => ({ ...session, opening: session.opening.filter((id) => id !== docId) }));
}

/** What the start says when it did not reopen the last view; null once dismissed. */
let startNotice: string | null = null;
const noticeListeners = new Set<() => void>();

/** The start's notice, for the window to show. */
export function useStartNotice(): [string | null, () => void] {
  const notice = useSyncExternalStore(
    (listener) => {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    () => startNotice,
  );
  return [notice, dismissStartNotice];
}

function dismissStartNotice(): void {
  startNotice = null;
  for (const listener of noticeListeners) listener();
}

/** The documents a route shows (a document, a split view), by id. */
function documentsOf(pathname: string): string[] {
  const single = /^\/doc\/([^/]+)$/.exec(pathname)?.[1];
  const split = /^\/split\/([^/]+)(?:\/([^/]+))?$/.exec(pathname)?.slice(1) ?? [];
  return (single ? [single] : split).filter((id): id is string => id !== undefined).map(decodeURIComponent);
}

/**
 * Brings the window back to where the person left it: on start, the last
 * view (the split view with both documents at their passages), unless that
 * view was still opening when Dossier last went down; each document then
 * opens at the passage it was read at (see savedPosition).
 */
export function useSession(): void {
  const location = useLocation();
  const navigate = useNavigate();
  const docId = /^\/doc\/([^/]+)$/.exec(location.pathname)?.[1];

  useEffect(() => {
    if (sessionStorage.getItem(RESTORED)) return;
    sessionStorage.setItem(RESTORED, 'yes');
    const { route, opening } = read();
    if (opening.length > 0) {
      change((session) => ({ ...session, opening: [], route: '/' }));
      startNotice = 'The document you were reading did not open last time, so Dossier opened the library instead. You can open it again from the list.';
      if (location.pathname !== '/') void navigate('/', { replace: true });
      return;
    }
    if (route && route !== '/' && location.pathname === '/') void navigate(route, { replace: true });
    // Only the first view of the window is replaced.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A document's link to a passage (?block=, ?q=) is not kept: its place is in `positions`. Other views keep their
  // query: the split view's positions (?l=, ?r=), the library's filter.
  const route = docId ? location.pathname : location.pathname + location.search;
  // The documents on screen, as one string so the effect below runs only when they change.
  const onScreen = documentsOf(location.pathname).join(' ');
  useEffect(() => {
    const opened = onScreen ? onScreen.split(' ') : [];
    change((session) => ({
      ...session,
      route,
      recent: [...opened, ...session.recent.filter((id) => !opened.includes(id))].slice(0, MAX_RECENT),
    }));
  }, [route, onScreen]);
}
