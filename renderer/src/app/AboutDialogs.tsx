import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { Dialog } from '../commands/Dialog';
import { plural } from './plural';

interface Props {
  onClose: () => void;
}

function DialogHeader({ id, title, onClose }: { id: string; title: string; onClose: () => void }) {
  return (
    <div className="dialog-header">
      <h2 id={id}>{title}</h2>
      <button type="button" className="dialog-close" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

/** Help › Where my data is: the data folder, what is in it, and how to keep it safe. */
export function DataDialog({ onClose }: Props) {
  const titleId = useId();
  const status = useQuery(queries.status());
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (path: string) =>
    navigator.clipboard.writeText(path).then(
      () => setCopied('Copied the folder path.'),
      () => setCopied('Could not copy: select the path and copy it by hand.'),
    );
  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="about-dialog">
      <DialogHeader id={titleId} title="Where your data is" onClose={onClose} />
      {status.isPending && <p>Asking Dossier…</p>}
      {status.isError && <p role="alert">Dossier could not say where its data is: {status.error.message}</p>}
      {status.isSuccess && (
        <>
          <p>Everything Dossier keeps (documents, highlights, notes, tags and settings) is in one folder on this computer:</p>
          <p className="data-path">
            <code>{status.data.dataDir}</code>
            <button type="button" onClick={() => void copy(status.data.dataDir)}>
              Copy path
            </button>
          </p>
          <p className="dialog-status" role="status">{copied}</p>
          <p>
            It holds {plural(status.data.documents, 'document')}. Nothing is sent anywhere. To keep a
            copy, back up this folder while Dossier is closed.
          </p>
        </>
      )}
    </Dialog>
  );
}

/** Help › About Dossier. */
export function AboutDialog({ onClose }: Props) {
  const titleId = useId();
  const version = useQuery(queries.status()).data?.version;
  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="about-dialog">
      <DialogHeader id={titleId} title="About Dossier" onClose={onClose} />
      <p>
        {version ? `Version ${version}. ` : ''}A knowledge base for reading documents closely: highlight and
        annotate passages, tag the people, organisations and places they mention, and export your notes.
      </p>
      <p>Free software under the MIT licence. Your library stays on this computer.</p>
    </Dialog>
  );
}
