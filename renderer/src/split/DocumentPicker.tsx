import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { formatDate } from '../app/format';
import { Dialog } from '../commands/Dialog';

interface ListProps {
  /** Documents not offered (those already open). */
  exclude: readonly string[];
  onPick: (docId: string) => void;
  /** Names the list for assistive technology. */
  label: string;
}

/** The library as a short list to choose from, narrowed by typing part of a title. */
export function DocumentChoice({ exclude, onPick, label }: ListProps) {
  const [filter, setFilter] = useState('');
  const documents = useQuery(queries.documents());
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = documents.data?.filter((d) => !exclude.includes(d.id) && words.every((w) => d.title.toLowerCase().includes(w))) ?? [];
  return (
    <div className="doc-choice">
      <input type="search" aria-label="Filter documents by title" placeholder="Filter by title" value={filter} onChange={(e) => setFilter(e.target.value)} data-autofocus />
      {documents.isError && <p role="alert">{documents.error.message}</p>}
      {documents.isSuccess && shown.length === 0 && <p className="doc-choice-none">No other document has a title with these words.</p>}
      <ul aria-label={label}>
        {shown.map((doc) => (
          <li key={doc.id}>
            <button type="button" onClick={() => onPick(doc.id)}>
              <span className="doc-choice-title">{doc.title}</span>
              <span className="doc-choice-date">{formatDate(doc.date)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface DialogProps extends Omit<ListProps, 'label'> {
  title: string;
  onClose: () => void;
}

/** A dialog asking which document to open. */
export function DocumentPickerDialog({ title, exclude, onPick, onClose }: DialogProps) {
  const heading = useId();
  return (
    <Dialog labelledBy={heading} onClose={onClose} className="doc-picker">
      <div className="dialog-header">
        <h2 id={heading}>{title}</h2>
        <button type="button" className="dialog-close" onClick={onClose}>
          Cancel
        </button>
      </div>
      <DocumentChoice exclude={exclude} onPick={onPick} label="Documents" />
    </Dialog>
  );
}
