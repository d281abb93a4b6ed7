import { useEffect } from 'react';

const EVENT = 'dossier:library-changed';

/** Tells every view that lists documents that the library changed (a file was imported, a backup restored). */
export function announceLibraryChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Calls `onChange` whenever the library changes; pass a stable callback (such as useApi's reload). */
export function useLibraryChanged(onChange: () => void): void {
  useEffect(() => {
    window.addEventListener(EVENT, onChange);
    return () => window.removeEventListener(EVENT, onChange);
  }, [onChange]);
}
