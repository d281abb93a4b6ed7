/*
 * A document's details as a person edits them (title, date, source label),
 * and the rules they follow. The edit dialog checks them as the person types,
 * so that each message stands beside its field; the core checks them again
 * with the same rules before it saves anything.
 */

/** What an edit may change; a field left out stays as it is. `null` clears the date or the source label. */
export interface DocumentDetails {
  title?: string;
  /** "2024-06-26", "2024-06", "2024", or null for none. */
  date?: string | null;
  sourceLabel?: string | null;
}

export type DetailField = keyof DocumentDetails;
export type DetailProblems = Partial<Record<DetailField, string>>;

export const MAX_TITLE_CHARS = 500;
export const MAX_SOURCE_LABEL_CHARS = 200;

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** A title as it is saved: one line, no space at either end. */
export const cleanTitle = (title: string): string => title.replace(/\s+/g, ' ').trim();

/** A source label as it is saved; empty means none (the document's source shows instead). */
export const cleanSourceLabel = (label: string | null): string | null => {
  const clean = label === null ? '' : label.replace(/\s+/g, ' ').trim();
  return clean === '' ? null : clean;
};

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const today = (now: Date): string => `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** "26 June 2024", "June 2024", "2024": a date as the messages write it. */
function spoken(year: number, month?: number, day?: number): string {
  return [day, month === undefined ? undefined : MONTH_NAMES[month - 1], year].filter((part) => part !== undefined).join(' ');
}

/** What is wrong with a date ("2024", "2024-06", "2024-06-26"), or null when it is a real day, month or year not far ahead. */
export function dateProblem(date: string, now: Date = new Date()): string | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return 'Write a date as a year (2024), a month (2024-06) or a day (2024-06-26).';
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (year < 1000) return 'Write the year with four digits, such as 1998 or 2024.';
  if (month !== undefined && (month < 1 || month > 12)) return 'A month goes from 1 (January) to 12 (December).';
  if (month !== undefined && day !== undefined && (day < 1 || day > daysIn(year, month))) {
    return `There is no ${spoken(year, month, day)}: ${spoken(year, month)} has ${daysIn(year, month)} days.`;
  }
  // A month or a year counts from its first day: "2027" is fine in the spring of 2026.
  const start = [pad(year, 4), pad(month ?? 1), pad(day ?? 1)].join('-');
  const limit = today(new Date(now.getFullYear() + 1, now.getMonth(), now.getDate()));
  if (start > limit) return `${spoken(year, month, day)} is more than a year from today: check the year.`;
  return null;
}

/** What is wrong with each field of an edit; an empty object when it can be saved. */
export function detailProblems(details: DocumentDetails, now: Date = new Date()): DetailProblems {
  const problems: DetailProblems = {};
  if (details.title !== undefined) {
    const title = cleanTitle(details.title);
    if (title === '') problems.title = 'Give the document a title: it cannot be empty.';
    else if (title.length > MAX_TITLE_CHARS) problems.title = `A title can be at most ${MAX_TITLE_CHARS} characters long; this one has ${title.length}.`;
  }
  if (details.date !== undefined && details.date !== null) {
    const problem = dateProblem(details.date, now);
    if (problem) problems.date = problem;
  }
  const label = details.sourceLabel === undefined ? null : cleanSourceLabel(details.sourceLabel);
  if (label !== null && label.length > MAX_SOURCE_LABEL_CHARS) problems.sourceLabel = `A source can be at most ${MAX_SOURCE_LABEL_CHARS} characters long; this one has ${label.length}.`;
  return problems;
}

/** A date as the edit form shows it: year, month (1–12) and day, each '' when the date does not go that far. */
export interface DateParts {
  year: string;
  month: string;
  day: string;
}

export function dateParts(date: string | null): DateParts {
  const [year = '', month = '', day = ''] = (date ?? '').split('-');
  return { year, month: month === '' ? '' : String(Number(month)), day: day === '' ? '' : String(Number(day)) };
}

/** The date the form's parts make, or what is missing from them. Empty parts make no date. */
export function dateFromParts({ year, month, day }: DateParts): { date: string | null } | { problem: string } {
  const [y, m, d] = [year.trim(), month.trim(), day.trim()];
  if (y === '' && m === '' && d === '') return { date: null };
  if (y === '') return { problem: 'Add the year, or clear the month and the day for no date.' };
  if (!/^\d{4}$/.test(y)) return { problem: 'Write the year with four digits, such as 1998 or 2024.' };
  if (d !== '' && m === '') return { problem: 'Choose the month of that day, or leave the day empty.' };
  if (d !== '' && !/^\d{1,2}$/.test(d)) return { problem: 'Write the day as a number, from 1 to 31.' };
  return { date: [y, m && pad(Number(m)), d && pad(Number(d))].filter(Boolean).join('-') };
}

/** The fields of a document that say where it came from. */
export interface SourceFacts {
  source: string;
  origin: 'seed' | 'import';
  sourceLabel?: string;
}

/** Where a document came from, as a person reads it: their own label, the file they imported, or "Seed document". */
export const sourceOf = (doc: SourceFacts): string => doc.sourceLabel ?? (doc.origin === 'seed' ? 'Seed document' : doc.source);
