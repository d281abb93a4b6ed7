/**
 * A table as CSV for spreadsheets (RFC 4180): every field quoted, CRLF
 * between rows, and a byte-order mark so that Excel reads it as UTF-8. A
 * cell that a spreadsheet would run as a formula (starting with =, +, -, @,
 * a tab or a carriage return) gets a leading apostrophe, which spreadsheets
 * show as plain text.
 */
export function csvTable(rows: ReadonlyArray<readonly string[]>): string {
  return '\uFEFF' + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

const defused = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const field = (value: string): string => `"${defused(value).replace(/"/g, '""')}"`;
