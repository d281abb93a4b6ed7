import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useCommands } from '../commands/registry';
import { DocumentPickerDialog } from './DocumentPicker';
import { besideLink, besidePath, splitPath } from './routes';
import './split.css';

/** "Open beside…" in the reader: pick a document to read beside this one. */
export function OpenBesideButton({ docId }: { docId: string }) {
  const [picking, setPicking] = useState(false);
  const navigate = useNavigate();
  useCommands(() => [{ id: 'split.open-beside', title: 'Open a document beside this one…', group: 'View', keywords: ['side by side', 'split', 'compare'], run: () => setPicking(true) }], []);
  return (
    <>
      <button type="button" className="open-beside" onClick={() => setPicking(true)}>
        Open beside…
      </button>
      {picking && (
        <DocumentPickerDialog
          title="Open a document beside this one"
          exclude={[docId]}
          onClose={() => setPicking(false)}
          onPick={(other) => void navigate(splitPath({ left: docId, right: other, blocks: { left: null, right: null } }))}
        />
      )}
    </>
  );
}

/** "Open beside" on a document listed somewhere (library row, entity page): next to what is being read. */
export function OpenBesideLink({ docId, title, block = null }: { docId: string; title: string; block?: number | null }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <button type="button" className="open-beside-link" aria-label={`Open “${title}” beside`} title="Open beside the document you are reading (Ctrl/Cmd+click a title does the same)" onClick={() => void navigate(besidePath(pathname, docId, block))}>
      Open beside
    </button>
  );
}

/**
 * Ctrl/Cmd+click on any link to a document opens it beside the one being
 * read, instead of in its place (the browser would open a new tab).
 */
export function OpenBesideClicks() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.button !== 0) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      const path = link ? besideLink(pathname, link.getAttribute('href') ?? '') : null;
      if (!path) return;
      event.preventDefault();
      void navigate(path);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [navigate, pathname]);
  return null;
}
