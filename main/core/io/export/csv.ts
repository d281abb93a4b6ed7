import { passageLink } from './links';
import type { DocumentNotes } from './notes';

const COLUMNS = ['Document', 'Source', 'Date', 'Quote', 'Note', 'Tags', 'Colour', 'Passage', 'Start', 'End', 'Created', 'Modified', 'Link', 'Document ID', 'Annotation ID'];

/**
 * Annotations as CSV for spreadsheets (RFC 4180): a header row, one row per
 * annotation, every field quoted, CRLF between rows, and a byte-order mark
 * so that Excel reads it as UTF-8. Text that a spreadsheet would run as a
 * formula (starting with =, +, -, @) is written with a leading apostrophe,
 * which spreadsheets show as plain text.
 */
export function notesCsv(documents: DocumentNotes[]): string {
  const rows = documents.flatMap(({ doc, notes }) =>
    notes.map((note) => [
      text(doc.title),
      text(doc.source),
      doc.date ?? '',
      text(note.quote),
      text(note.note),
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

/** Free text, defused for spreadsheets that would evaluate it. */
const text = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const field = (value: string): string => `"${value.replace(/"/g, '""')}"`;
