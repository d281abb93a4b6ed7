/**
 * Title and date of a document, read from its text the way a reader would:
 * the headline when there is one, else the gist of the first sentence; the
 * date the text states near its start, with the year completed from the
 * title or the same passage.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`((?:19|20)\d{2})`;
const MONTH_DAY = new RegExp(String.raw`\b${MONTH}\s+${DAY}\b(?:,?\s+${YEAR}\b)?`);
const DAY_MONTH_YEAR = new RegExp(String.raw`\b${DAY}\s+${MONTH}\s+${YEAR}\b`);
const YEAR_ONLY = new RegExp(String.raw`\b${YEAR}\b`);
const TITLE_MAX = 90;
/** How far into the text a stated date still dates the document rather than something it recalls. */
const DATE_WINDOW = 600;
/** A bare year dates a document from a little further in ("… Mobile World Congress Shanghai 2017"). */
const YEAR_WINDOW = 1500;

export interface Described {
  title: string;
  date: string | null;
}

/** Reads a document's title and date from its text; `fallback` names it when the text is empty. */
export function describe(text: string, fallback: string): Described {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const first = lines[0] ?? '';
  const headline = isHeadline(first) ? tidyHeadline(first) : null;
  const title = headline ?? titleFromSentence(first) ?? fallback;
  const head = lines.slice(headline ? 1 : 0).join(' ').slice(0, YEAR_WINDOW);
  return { title, date: findDate(head, headline ?? '') };
}

function isHeadline(line: string): boolean {
  return line.length > 0 && line.length <= 120 && !/[.!?;,]$/.test(line);
}

function tidyHeadline(line: string): string {
  const letters = line.replace(/[^A-Za-z]/g, '');
  const shouting = letters.length > 3 && letters === letters.toUpperCase();
  return shouting ? toTitleCase(line) : line;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

function toTitleCase(line: string): string {
  return line
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}

/** Leading "Recently," / "On June 26, during …," clauses say when, not what. */
const LEAD_IN = /^(?:(?:recently|today|yesterday|earlier|meanwhile)\b|(?:on|during|in|at|last|this)\b[^,]{0,60})\s*,\s*/i;

function titleFromSentence(line: string): string | null {
  if (!line) return null;
  let sentence = line.split(/(?<=[.!?])\s+(?=[A-Z“"])/)[0] ?? line;
  while (LEAD_IN.test(sentence)) sentence = sentence.replace(LEAD_IN, '');
  sentence = sentence.replace(/[.!?]$/, '');
  sentence = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  if (sentence.length <= TITLE_MAX) return sentence;
  let cut = sentence.slice(0, sentence.lastIndexOf(' ', TITLE_MAX));
  // A quotation cut in half reads worse than one left out.
  const open = cut.lastIndexOf('“');
  if (open > cut.lastIndexOf('”')) cut = cut.slice(0, open);
  return `${cut.replace(/[\s,;:"]+$/, '')}…`;
}

function findDate(body: string, title: string): string | null {
  const head = body.slice(0, DATE_WINDOW);
  const full = DAY_MONTH_YEAR.exec(head);
  if (full) return iso(full[3], full[2], full[1]);
  const monthDay = MONTH_DAY.exec(head);
  if (monthDay) {
    const year = monthDay[3] ?? YEAR_ONLY.exec(title)?.[1] ?? nearbyYear(head, monthDay.index);
    if (year) return iso(year, monthDay[1], monthDay[2]);
  }
  return YEAR_ONLY.exec(title)?.[1] ?? YEAR_ONLY.exec(body)?.[1] ?? null;
}

/** The year written in the same sentence as a month and day ("On June 26, during the MWC Shanghai 2024"). */
function nearbyYear(head: string, at: number): string | undefined {
  const start = Math.max(head.lastIndexOf('.', at) + 1, 0);
  const end = head.indexOf('. ', at);
  return YEAR_ONLY.exec(head.slice(start, end < 0 ? undefined : end))?.[1];
}

function iso(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  if (!year || !month) return null;
  const m = MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  if (m === 0) return year;
  const mm = String(m).padStart(2, '0');
  return day ? `${year}-${mm}-${day.padStart(2, '0')}` : `${year}-${mm}`;
}
