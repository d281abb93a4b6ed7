import { useEffect, type RefObject } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { topBlock } from '../split/scroll';

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
}

const KEY = 'dossier.session';
/** Set once the session was restored in this window, so that later visits to the library stay there. */
const RESTORED = 'dossier.session.restored';
const MAX_RECENT = 8;
const MAX_POSITIONS = 200;

function read(): Session {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Session>;
    return {
      route: typeof value.route === 'string' ? value.route : null,
      recent: Array.isArray(value.recent) ? value.recent.filter((id) => typeof id === 'string') : [],
      positions: typeof value.positions === 'object' && value.positions !== null ? value.positions : {},
    };
  } catch {
    return { route: null, recent: [], positions: {} };
  }
}

function change(edit: (session: Session) => Session): void {
  localStorage.setItem(KEY, JSON.stringify(edit(read())));
}

/** Ids of the documents opened most recently, newest first. */
export const recentDocumentIds = (): string[] => read().recent;

/** Calls `then` with the element once it is in the DOM (documents render after they load). */
function whenPresent(root: HTMLElement, selector: string, then: (element: HTMLElement) => void): () => void {
  const now = root.querySelector<HTMLElement>(selector);
  if (now) {
    then(now);
    return () => undefined;
  }
  const observer = new MutationObserver(() => {
    const element = root.querySelector<HTMLElement>(selector);
    if (!element) return;
    observer.disconnect();
    then(element);
  });
  observer.observe(root, { childList: true, subtree: true });
  const timer = setTimeout(() => observer.disconnect(), 10_000);
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}

/**
 * Brings the window back to where the person left it: on start, the last
 * view (the split view with both documents at their passages); in a
 * document, the passage they were reading (unless the link points at a
 * passage itself).
 */
export function useSession(scroller: RefObject<HTMLElement | null>): void {
  const location = useLocation();
  const navigate = useNavigate();
  const docId = /^\/doc\/([^/]+)$/.exec(location.pathname)?.[1];
  const linkedBlock = new URLSearchParams(location.search).has('block');

  useEffect(() => {
    if (sessionStorage.getItem(RESTORED)) return;
    sessionStorage.setItem(RESTORED, 'yes');
    const { route } = read();
    if (route && route !== '/' && location.pathname === '/') void navigate(route, { replace: true });
    // Only the first view of the window is replaced.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A document's link to a passage (?block=, ?q=) is not kept: its place is in `positions`. Other views keep their
  // query: the split view's positions (?l=, ?r=), the library's filter.
  const route = docId ? location.pathname : location.pathname + location.search;
  // The documents on screen, as one string so the effect below runs only when they change.
  const onScreen = (docId ? [docId] : (/^\/split\/([^/]+)(?:\/([^/]+))?$/.exec(location.pathname)?.slice(1) ?? []))
    .filter((id): id is string => id !== undefined)
    .map(decodeURIComponent)
    .join(' ');
  useEffect(() => {
    const opened = onScreen ? onScreen.split(' ') : [];
    change((session) => ({
      ...session,
      route,
      recent: [...opened, ...session.recent.filter((id) => !opened.includes(id))].slice(0, MAX_RECENT),
    }));
  }, [route, onScreen]);

  useEffect(() => {
    const element = scroller.current;
    if (!docId || !element) return;
    const saved = read().positions[docId];
    const stopWaiting = !linkedBlock && saved !== undefined && saved > 0
      ? whenPresent(element, `[data-block="${saved}"]`, (block) => block.scrollIntoView({ block: 'start' }))
      : () => undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const block = topBlock(element);
        if (block === null) return;
        change((session) => {
          // Re-inserted last, so that the oldest positions (first keys) are the ones forgotten.
          const { [docId]: _previous, ...others } = session.positions;
          const positions: Record<string, number> = { ...others, [docId]: block };
          const ids = Object.keys(positions);
          for (const id of ids.slice(0, Math.max(0, ids.length - MAX_POSITIONS))) delete positions[id];
          return { ...session, positions };
        });
      }, 250);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      stopWaiting();
      clearTimeout(timer);
      element.removeEventListener('scroll', onScroll);
    };
  }, [scroller, docId, linkedBlock]);
}
