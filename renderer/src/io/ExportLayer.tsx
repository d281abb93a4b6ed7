import { useState } from 'react';
import { useLocation } from 'react-router';
import { useCommands } from '../commands/registry';
import { ExportDialog } from './ExportDialog';

/** The id a route shows ("/doc/<id>", "/entity/<id>"), if any. */
const idOf = (pathname: string, route: 'doc' | 'entity'): string | null => new RegExp(`^/${route}/([A-Za-z0-9_-]+)`).exec(pathname)?.[1] ?? null;

/**
 * The "Export notes…" command (Ctrl/Cmd+E, the menu, the palette, the export
 * buttons of the views) and its dialog, which offers the document being read
 * or the entity being looked at.
 */
export function ExportLayer() {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const docId = idOf(pathname, 'doc');
  const entityId = idOf(pathname, 'entity');
  useCommands(() => [{ id: 'notes.export', title: 'Export notes…', group: 'File', keywords: ['markdown', 'obsidian', 'csv', 'json-ld', 'save', 'download'], run: () => setOpen(true) }], []);
  return open ? <ExportDialog docId={docId} entityId={entityId} onClose={() => setOpen(false)} /> : null;
}
