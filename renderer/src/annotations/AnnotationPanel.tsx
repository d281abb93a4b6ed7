import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Annotation } from '../../../main/common/contract';
import { AnnotationCard } from './AnnotationCard';
import { deleteWithUndo, quoteOf } from './model';

interface Props {
  list: UseQueryResult<Annotation[]>;
  activeId: string | null;
  onOpen: (annotation: Annotation) => void;
  reattaching: Annotation | null;
  onReattach: (annotation: Annotation | null) => void;
  onProblem: (message: string) => void;
  /** Beside a document in a pane of the split view: folded until asked for, whatever the reader's own panel does. */
  inPane?: boolean;
  /** The panel's name for screen readers: two panes side by side each say whose notes they hold. */
  label?: string;
}

const KEY = 'dossier.notesPanel';
const initiallyOpen = (): boolean => {
  const saved = localStorage.getItem(KEY);
  return saved === null ? window.innerWidth >= 1100 : saved === 'open';
};

/** The document's annotations beside the text, in reading order; those that lost their passage at the end. */
export function AnnotationPanel({ list, activeId, onOpen, reattaching, onReattach, onProblem, inPane = false, label = 'Notes on this document' }: Props) {
  const [open, setOpen] = useState(() => !inPane && initiallyOpen());
  const toggle = () => {
    if (!inPane) localStorage.setItem(KEY, open ? 'closed' : 'open');
    setOpen(!open);
  };
  // Beside a pane, whose region it is part of, the notes are a region of their own rather than a page-level aside.
  const Box = inPane ? 'section' : 'aside';
  const annotations = list.data ?? [];
  const placed = annotations.filter((a) => a.anchor.status === 'anchored');
  const orphans = annotations.filter((a) => a.anchor.status === 'orphaned');

  if (!open) {
    return (
      <Box className="notes-panel is-closed" aria-label={label}>
        <button type="button" className="np-toggle" onClick={toggle} aria-expanded={false}>
          Notes{annotations.length > 0 ? ` (${annotations.length})` : ''}
        </button>
      </Box>
    );
  }
  return (
    <Box className="notes-panel" aria-label={label}>
      <div className="np-head">
        <h2>
          Notes <span className="np-count">{annotations.length > 0 ? annotations.length : ''}</span>
        </h2>
        <button type="button" className="np-toggle" onClick={toggle} aria-expanded={true}>
          Hide
        </button>
      </div>
      {reattaching && (
        <div className="np-reattach" role="status">
          <p>
            Select the passage to attach “{short(quoteOf(reattaching))}” to, then choose <strong>Attach note here</strong>.
          </p>
          <button type="button" onClick={() => onReattach(null)}>
            Cancel
          </button>
        </div>
      )}
      {list.isError && (
        <p className="np-empty" role="alert">
          {list.error.message}
        </p>
      )}
      {list.isSuccess && annotations.length === 0 && (
        <p className="np-empty">No highlights yet. Select text to highlight it, add a note or a tag.</p>
      )}
      <ol className="np-list">
        {placed.map((annotation) => (
          <li key={annotation.id}>
            <AnnotationCard annotation={annotation} active={annotation.id === activeId} onOpen={() => onOpen(annotation)} openLabel={`Go to “${short(quoteOf(annotation))}”`} />
          </li>
        ))}
      </ol>
      {orphans.length > 0 && (
        <section className="np-orphans" aria-labelledby="np-orphans-title">
          <h3 id="np-orphans-title">Passages no longer in the text</h3>
          <p className="np-orphans-why">The text changed since these were made. Their notes are kept: re-attach each to a passage, or delete it.</p>
          <ol className="np-list">
            {orphans.map((annotation) => (
              <li key={annotation.id}>
                <AnnotationCard
                  annotation={annotation}
                  active={annotation.id === activeId}
                  onOpen={() => onOpen(annotation)}
                  openLabel={`Edit the note on “${short(quoteOf(annotation))}”`}
                  actions={
                    <>
                      <button type="button" onClick={() => onReattach(annotation)}>
                        Re-attach…
                      </button>
                      <button type="button" onClick={() => deleteWithUndo(annotation).catch((error: Error) => onProblem(error.message))}>
                        Delete
                      </button>
                    </>
                  }
                />
              </li>
            ))}
          </ol>
        </section>
      )}
    </Box>
  );
}

const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
