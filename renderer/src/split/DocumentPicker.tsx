import { useId, useState, type KeyboardEvent } from 'react';
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

/**
 * The library as a short list to choose from, narrowed by typing part of a
 * title: the caret stays in the filter, the arrow keys move through the
 * list and Enter opens the document marked (the first one when none is).
 */
export function DocumentChoice({ exclude, onPick, label }: ListProps) {
  const listId = useId();
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const documents = useQuery(queries.documents());
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = documents.data?.filter((d) => !exclude.includes(d.id) && words.every((w) => d.title.toLowerCase().includes(w))) ?? [];
  const current = Math.min(active, shown.length - 1);
  const optionId = (i: number) => `${listId}-${i}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 5, PageUp: -5 };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.max(0, Math.min(shown.length - 1, current + (moves[event.key] as number)));
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const doc = shown[current];
      if (doc) onPick(doc.id);
    }
  };

  return (
    <div className="doc-choice">
      <input
        type="search"
        role="combobox"
        aria-label="Filter documents by title"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
        placeholder="Filter by title"
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-autofocus
      />
      {documents.isError && <p role="alert">{documents.error.message}</p>}
      {documents.isSuccess && shown.length === 0 && <p className="doc-choice-none">No other document has a title with these words.</p>}
      <ul id={listId} role="listbox" aria-label={label}>
        {shown.map((doc, i) => (
          <li key={doc.id} id={optionId(i)} role="option" aria-selected={i === current} onClick={() => onPick(doc.id)} onMouseMove={() => i !== current && setActive(i)}>
            <span className="doc-choice-title">{doc.title}</span>
            <span className="doc-choice-date">{formatDate(doc.date)}</span>
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

/** A dialog asking which document to open: type to narrow, arrows to move, Enter to open, Esc to cancel. */
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
