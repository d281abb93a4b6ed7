import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { useCommands } from '../commands/registry';
import { DeleteDialog } from './DeleteDialog';
import { EditDocumentDialog } from './EditDocumentDialog';
import './documents.css';

/**
 * The reader header's Edit details… and Delete…, also in the command
 * palette while the document is read. Deleting goes back to the library,
 * where the toast offers Undo.
 */
export function DocumentActions({ docId }: { docId: string }) {
  const navigate = useNavigate();
  const doc = useQuery(queries.document(docId)).data;
  const [open, setOpen] = useState<'edit' | 'delete' | null>(null);
  useCommands(
    () => [
      { id: 'document.edit', title: 'Edit document details…', group: 'Edit', keywords: ['rename', 'title', 'date', 'source'], run: () => setOpen('edit') },
      { id: 'document.delete', title: 'Move this document to the Trash…', group: 'Edit', keywords: ['delete', 'remove', 'trash'], run: () => setOpen('delete') },
    ],
    [],
  );
  if (!doc) return null;
  return (
    <>
      <button type="button" className="doc-button" onClick={() => setOpen('edit')}>
        Edit details…
      </button>
      <button type="button" className="doc-button" onClick={() => setOpen('delete')}>
        Delete…
      </button>
      {open === 'edit' && <EditDocumentDialog doc={doc} onClose={() => setOpen(null)} />}
      {open === 'delete' && <DeleteDialog docs={[doc]} mode="trash" onClose={() => setOpen(null)} onDone={() => void navigate('/')} />}
    </>
  );
}
