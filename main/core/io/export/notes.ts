import type { Annotation, Block } from '../../../common/contract';
import { readingText } from '../../library/paragraphs';

/** A document as the exports describe it. */
export interface NotesDocument {
  id: string;
  title: string;
  source: string;
  date: string | null;
}

/** One annotation as the exports write it: plain data, in reading order. */
export interface NoteEntry {
  id: string;
  quote: string;
  note: string;
  tags: string[];
  color: string;
  /** Where the passage is in the current text, or where it was when the passage is no longer found. */
  start: number;
  end: number;
  orphaned: boolean;
  created: string;
  modified: string;
}

/** A document with its notes: what every export format is written from. */
export interface DocumentNotes {
  doc: NotesDocument;
  notes: NoteEntry[];
  /** The document's own tags. */
  tags: string[];
  /** Entities the document mentions, by name, in order of first mention. */
  entities: string[];
}

/**
 * An annotation as export data. Its quote is the passage as the reader shows
 * it (`blocks`: its document's, when the document is there), not the
 * original's markup or line breaks; a passage no longer found keeps the
 * words it was made on.
 */
export function toNoteEntry(annotation: Annotation, blocks: readonly Block[] | null): NoteEntry {
  const [quote, position] = annotation.target.selector;
  const anchored = annotation.anchor.status === 'anchored' ? annotation.anchor : null;
  const shown = anchored && blocks ? readingText(blocks, anchored.start, anchored.end) : '';
  return {
    id: annotation.id,
    quote: shown.trim() ? shown : quote.exact,
    note: annotation.note,
    tags: annotation.tags,
    color: annotation.color,
    start: anchored?.start ?? position.start,
    end: anchored?.end ?? position.end,
    orphaned: anchored === null,
    created: annotation.created,
    modified: annotation.modified,
  };
}
