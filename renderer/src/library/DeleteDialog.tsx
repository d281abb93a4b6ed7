import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { DocumentSummary } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { plural } from '../app/plural';
import { Dialog } from '../commands/Dialog';
import { deleteDocuments, purgeDocuments, which } from './actions';
import './documents.css';

type Named = Pick<DocumentSummary, 'id' | 'title'>;

interface Props {
  docs: readonly Named[];
  /** To the Trash (undoable for 30 days), or out of it for good. */
  mode: 'trash' | 'purge';
  onClose: () => void;
  /** Called once the documents are gone. */
  onDone?: () => void;
}

const notes = (n: number): string => plural(n, 'note');

/** What goes with the documents, in words: "Its 3 notes go with it." */
function whatGoes(mode: Props['mode'], one: boolean, count: number | undefined): string {
  if (count === undefined) return 'Counting their notes…';
  if (mode === 'purge') {
    const parts = one ? ['Its text', count > 0 && `its ${notes(count)}`, 'its tags'] : ['Their texts', count > 0 && `their ${notes(count)}`, 'their tags'];
    const listed = parts.filter(Boolean) as string[];
    return `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)} are removed from this computer. This cannot be undone.`;
  }
  if (count === 0) return one ? 'It has no notes.' : 'They have no notes.';
  return one ? `Its ${notes(count)} ${count === 1 ? 'goes' : 'go'} with it.` : `Their ${notes(count)} ${count === 1 ? 'goes' : 'go'} with them.`;
}

/**
 * Asks before documents go: to the Trash, saying how many notes go with
 * them (they all come back with Undo or from the Trash), or for good.
 */
export function DeleteDialog({ docs, mode, onClose, onDone }: Props) {
  const id = useId();
  const ids = docs.map((d) => d.id);
  const count = useQuery(queries.noteCount(ids));
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const one = docs.length === 1;

  const confirm = async () => {
    setWorking(true);
    setFailure(null);
    try {
      if (mode === 'trash') await deleteDocuments(docs);
      else await purgeDocuments(docs);
      onClose();
      onDone?.();
    } catch (error) {
      setFailure((error as Error).message);
      setWorking(false);
    }
  };

  return (
    <Dialog labelledBy={`${id}-heading`} onClose={onClose} className="document-dialog delete-dialog">
      <div className="dialog-header">
        <h2 id={`${id}-heading`}>{mode === 'trash' ? `Move ${which(docs)} to the Trash?` : `Delete ${which(docs)} for good?`}</h2>
      </div>
      <div className="document-form" id={`${id}-body`}>
        <p>{count.isError ? count.error.message : whatGoes(mode, one, count.data)}</p>
        {mode === 'trash' && <p className="field-hint">Deleted documents wait in the Trash for 30 days: restore them from there, or undo at once.</p>}
        {failure && (
          <p className="doc-failure" role="alert">
            {failure}
          </p>
        )}
      </div>
      <div className="doc-dialog-actions">
        <button type="button" className="doc-button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="doc-button danger" onClick={() => void confirm()} disabled={working} aria-describedby={`${id}-body`} data-autofocus>
          {mode === 'trash' ? 'Move to Trash' : 'Delete for good'}
        </button>
      </div>
    </Dialog>
  );
}
