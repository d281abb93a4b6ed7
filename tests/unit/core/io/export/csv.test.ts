import { describe, expect, it } from 'vitest';
import { notesCsv } from '../../../../../main/core/io/export/csv';
import type { DocumentNotes, NoteEntry } from '../../../../../main/core/io/export/notes';

/** Reads RFC 4180 CSV (every field quoted) back into rows of fields. */
function cells(csv: string): string[][] {
  const rows: string[][] = [];
  const row: string[] = [];
  for (const match of csv.replace(/^\uFEFF/, '').matchAll(/"((?:[^"]|"")*)"(,|\r\n)/g)) {
    row.push((match[1] as string).replace(/""/g, '"'));
    if (match[2] === '\r\n') rows.push(row.splice(0));
  }
  return rows;
}

const note = (fields: Partial<NoteEntry>): NoteEntry => ({
  id: 'a1',
  quote: 'a quote',
  note: '',
  tags: [],
  color: 'yellow',
  start: 0,
  end: 7,
  orphaned: false,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  ...fields,
});

const library = (title: string, notes: NoteEntry[]): DocumentNotes[] => [{ doc: { id: 'd1', title, source: 'file.txt', date: null }, notes, tags: [], entities: [] }];

describe('CSV cells a spreadsheet could run', () => {
  it.each(['=1+1', '+1', '-A1', '@SUM(A1)', '\t=1', '\r=1'])('puts an apostrophe before %j, in any column', (formula) => {
    const csv = notesCsv(library(formula, [note({ quote: formula, note: formula, tags: [formula.trim()] })]));
    const [, row] = cells(csv);
    const { 0: title, 3: quote, 4: text } = row as string[];
    expect([title, quote, text]).toEqual([`'${formula}`, `'${formula}`, `'${formula}`]);
    if (/^[=+\-@]/.test(formula)) expect(row?.[5]).toBe(`'${formula}`);
  });

  it('leaves other cells as they are, quotes, commas and line breaks included', () => {
    const [, row] = cells(notesCsv(library('Report, "final"', [note({ note: 'A note\r\nwith lines, and "quotes"', tags: ['ops/china', 'a-1'] })])));
    expect(row?.slice(0, 6)).toEqual(['Report, "final"', 'file.txt', '', 'a quote', 'A note\r\nwith lines, and "quotes"', 'ops/china a-1']);
  });
});
