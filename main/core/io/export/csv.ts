import { passageLink } from './links';
import type { DocumentNotes } from './notes';

const COLUMNS = ['Document', 'Source', 'Date', 'Quote', 'Note', 'Tags', 'Colour', 'Passage', 'Start', 'End', 'Created', 'Modified', 'Link', 'Document ID', 'Annotation ID'];

/**
 * Annotations as CSV for spreadsheets (RFC 4180): a header row, one row per
 * annotation, every field quoted, CRLF between rows, and a byte-order mark
 * so that Excel reads it as UTF-8. Every cell a spreadsheet could take for a
 * formula (one that starts with =, +, -, @, a tab or a carriage return, as
 * OWASP lists them) gets a leading apostrophe, which spreadsheets show as
 * plain text: notes, quotes and titles, and tags, sources and ids too.
 */
export function notesCsv(documents: DocumentNotes[]): string {
  const rows = documents.flatMap(({ doc, notes }) =>
    notes.map((note) => [
      doc.title,
      doc.source,
      doc.date ?? '',
      note.quote,
      note.note,
      note.tags.join(' '),
      note.color,
      note.orphaned ? 'not found' : 'found',
      String(note.start),
      String(note.end),
      note.created,
      note.modified,
      passageLink({ docId: doc.id, start: note.start, end: note.end, annotation: note.id }),
      doc.id,
      note.id,
    ]),
  );
  return '\uFEFF' + [COLUMNS, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** A cell defused for spreadsheets that would evaluate it, then quoted. */
const field = (value: string): string => `"${(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`;
