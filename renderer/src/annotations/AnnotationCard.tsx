import type { ReactNode } from 'react';
import type { Annotation } from '../../../main/common/contract';
import { colorName, formatWhen, quoteOf } from './model';
import { NoteText } from './NoteText';

interface Props {
  annotation: Annotation;
  /** The card's main action (scroll to it, open it), named for screen readers by the quote. */
  onOpen: () => void;
  openLabel: string;
  active?: boolean;
  /** Shown above the quote, e.g. the document's title in the Notes view. */
  context?: ReactNode;
  /** Buttons under the note. */
  actions?: ReactNode;
}

const QUOTE_CHARS = 280;

/** One annotation as a list item: colour, quote, note, tags, date. */
export function AnnotationCard({ annotation, onOpen, openLabel, active, context, actions }: Props) {
  const quote = quoteOf(annotation);
  const orphaned = annotation.anchor.status === 'orphaned';
  return (
    <article
      id={`annotation-item-${annotation.id}`}
      data-annotation-item={annotation.id}
      className={`annotation-card hl-edge-${annotation.color}${active ? ' is-active' : ''}${orphaned ? ' is-orphaned' : ''}`}
      aria-label={`${colorName(annotation.color)} highlight`}
    >
      {context}
      <button type="button" className="ac-open" onClick={onOpen} aria-label={openLabel}>
        <span className="ac-quote">{quote.length > QUOTE_CHARS ? `${quote.slice(0, QUOTE_CHARS - 1)}…` : quote}</span>
      </button>
      {orphaned && <p className="ac-orphan">Not found in the current text</p>}
      {annotation.note.trim() && <NoteText note={annotation.note} className="ac-note" />}
      {annotation.tags.length > 0 && (
        <ul className="tag-list ac-tags" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag} className="tag-chip">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <div className="ac-foot">
        <time className="ac-date" dateTime={annotation.modified}>
          {formatWhen(annotation.modified)}
        </time>
        {actions && <div className="ac-actions">{actions}</div>}
      </div>
    </article>
  );
}
