import { useId } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../commands/Dialog';
import { useCommands } from '../commands/registry';
import { useRestoreQuestion, type Question } from './restoreChoice';
import './documents.css';

/**
 * What the window keeps for documents wherever it is: the way to the Trash,
 * and the question a restore asks when a document came into the library
 * again meanwhile (a restore may start from an Undo, in any view).
 */
export function DocumentsLayer() {
  const navigate = useNavigate();
  const question = useRestoreQuestion();
  useCommands(() => [{ id: 'go.trash', title: 'Go to Trash', group: 'Go', keywords: ['deleted', 'restore', 'bin', 'recycle'], run: () => void navigate('/trash') }], [navigate]);
  return question && <RestoreQuestion question={question} />;
}

function RestoreQuestion({ question }: { question: Question }) {
  const id = useId();
  const { conflicts, answer } = question;
  const one = conflicts.length === 1 && conflicts[0]?.copies.length === 1;
  return (
    <Dialog labelledBy={`${id}-heading`} onClose={() => answer(null)} className="document-dialog">
      <div className="dialog-header">
        <h2 id={`${id}-heading`}>{one ? 'This document is in the library again' : 'These documents are in the library again'}</h2>
      </div>
      <div className="document-form" id={`${id}-body`}>
        <p>Since it was deleted, the same text or the same file was imported again. Restoring keeps the two apart: the copy in the library has its own notes and tags.</p>
        <ul className="conflict-list">
          {conflicts.map((conflict) => (
            <li key={conflict.id}>
              “{conflict.title}” from the Trash; in the library: {conflict.copies.map((copy) => `“${copy.title}”`).join(', ')}
            </li>
          ))}
        </ul>
        <p className="field-hint">Replace moves the {one ? 'copy' : 'copies'} in the library to the Trash, where {one ? 'it waits' : 'they wait'} 30 days.</p>
      </div>
      <div className="doc-dialog-actions">
        <button type="button" className="doc-button" onClick={() => answer(null)}>
          Cancel
        </button>
        <button type="button" className="doc-button" onClick={() => answer('replace')}>
          Replace
        </button>
        <button type="button" className="doc-button primary" onClick={() => answer('keep-both')} data-autofocus>
          Keep both
        </button>
      </div>
    </Dialog>
  );
}
