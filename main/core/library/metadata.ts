/**
 * Title and date of a document, read from what it says about itself, the
 * way a reader would. The title: the one the file states (front matter,
 * <title>, PDF metadata), else the headline, else the gist of the first
 * sentence. The date, in this order: the one the file states (front matter,
 * HTML metadata), a dateline or byline near the top ("3 April 2024", "On June
 * 26, during the MWC Shanghai 2024"), the year in the title, the year the
 * opening reports on ("In 2017, the Company…", "… Mobile World Congress
 * Shanghai 2017"), then none. A year further in, a target ("by 2030") or a
 * reference back ("since 2015") never dates a document, nor does a date
 * after today.
 */
import * as chrono from 'chrono-node';

const TITLE_MAX = 90;
/** How far into the text a stated date still dates the document rather than something it recalls. */
const DATE_WINDOW = 600;
/** The opening, where a bare year may still say when the text was written. */
const YEAR_WINDOW = 1500;
/** Clocks and time zones differ: a date up to a day ahead is still today somewhere. */
const AHEAD_MS = 24 * 60 * 60 * 1000;

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
// Not the end of a full date ("31 February 2024" is no date, not February).
const MONTH_YEAR = new RegExp(String.raw`(?<!\d(?:st|nd|rd|th)?\s+)\b(${MONTH})\.?,?\s+((?:19|20)\d{2})\b`);
const HAS_MONTH_NAME = new RegExp(String.raw`\b${MONTH}\b`, 'i');
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T\s]|$)/;
const YEAR = /\b((?:19|20)\d{2})\b/;
const YEARS = /\b(?:19|20)\d{2}\b/g;
/** Words before a year that make it something other than when the text was written. */
const NOT_NOW_BEFORE = new Set(
  'by until till before through to towards toward from since after beyond than versus vs compared target targets goal goals vision plan strategy agenda horizon roadmap end mid early late the a an this that these those its our their his her last next fiscal fy of'.split(' '),
);
/** Words after a year that make it a goal. */
const NOT_NOW_AFTER = new Set('target targets goal goals vision plan strategy agenda horizon roadmap deadline ambition ambitions'.split(' '));

export interface Described {
  title: string;
  date: string | null;
}

/** What the file itself states about the document, read by its importer. */
export interface Stated {
  title?: string;
  /** A date as the file states it (front matter, HTML metadata): ISO 8601, or a date in words. */
  date?: string;
  /** Its byline, which may carry the date ("By Jane Doe, 3 April 2024"). */
  byline?: string;
}

/**
 * Reads a document's title and date from its readable text (and what the
 * file states); `fallback` names it when there is nothing else.
 */
export function describe(text: string, fallback: string, stated: Stated = {}, now: Date = new Date()): Described {
  const lines = firstLines(text);
  const first = lines[0] ?? '';
  const headline = isHeadline(first) ? tidyHeadline(first) : null;
  const named = stated.title || headline;
  const title = named || titleFromSentence(first) || fallback;
  const head = lines.slice(headline ? 1 : 0).join(' ').slice(0, YEAR_WINDOW);
  const notAfter = now.getTime() + AHEAD_MS;
  const date =
    statedDate(stated.date, notAfter) ??
    dateline(stated.byline ?? '', title, notAfter) ??
    dateline(head.slice(0, DATE_WINDOW), title, notAfter) ??
    // A title made from the first sentence is part of the text, not a name that carries a year.
    yearOf(named ?? '', notAfter) ??
    openingYear(head, notAfter);
  return { title, date };
}

/** The non-blank lines that the title and date are read from (a few kilobytes at most, whatever the text's size). */
function firstLines(text: string): string[] {
  return text
    .slice(0, YEAR_WINDOW * 4)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
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

/**
 * A date the file states, as ISO 8601 with the precision it gives
 * ("2023-09-12", "2023-09", "2023"), or null when it is not a real date.
 */
export function statedDate(value: string | undefined, notAfter: number = Date.now() + AHEAD_MS): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const iso = ISO_DATE.exec(trimmed);
  if (iso) return calendarDate(Number(iso[1]), iso[2] ? Number(iso[2]) : undefined, iso[3] ? Number(iso[3]) : undefined, notAfter);
  return dateline(trimmed, '', notAfter);
}

/**
 * The first date near the top of a text: a full date, else a month and day
 * whose year the title or the same sentence gives, else a month and year.
 * Only dates written with the month's name or as ISO 8601: "03/04/2024"
 * means different days to different readers.
 */
function dateline(head: string, title: string, notAfter: number): string | null {
  if (!head) return null;
  const found = chrono.strict.parse(head, new Date(notAfter)).filter((r) => HAS_MONTH_NAME.test(r.text) || /^\d{4}-\d{2}-\d{2}/.test(r.text));
  const full = found.find((r) => r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'));
  if (full) {
    const date = calendarDate(full.start.get('year') ?? Number.NaN, full.start.get('month') ?? undefined, full.start.get('day') ?? undefined, notAfter);
    if (date) return date;
  }
  for (const result of found) {
    if (!result.start.isCertain('month') || !result.start.isCertain('day') || result.start.isCertain('year')) continue;
    const year = YEAR.exec(title)?.[1] ?? sentenceYear(head, result.index);
    const date = year ? calendarDate(Number(year), result.start.get('month') ?? undefined, result.start.get('day') ?? undefined, notAfter) : null;
    if (date) return date;
  }
  const monthYear = MONTH_YEAR.exec(head);
  if (monthYear) return calendarDate(Number(monthYear[2]), MONTH_NAMES.indexOf((monthYear[1] as string).slice(0, 3).toLowerCase()) + 1, undefined, notAfter);
  return null;
}

/** The year written in the same sentence as a month and day ("On June 26, during the MWC Shanghai 2024"). */
function sentenceYear(head: string, at: number): string | undefined {
  const start = Math.max(head.lastIndexOf('.', at) + 1, 0);
  const end = head.indexOf('. ', at);
  return YEAR.exec(head.slice(start, end < 0 ? undefined : end))?.[1];
}

function yearOf(title: string, notAfter: number): string | null {
  const year = YEAR.exec(title)?.[1];
  return year ? calendarDate(Number(year), undefined, undefined, notAfter) : null;
}

/**
 * A year the opening reports on: one that begins a sentence ("In 2017, the
 * Company…") or ends a name ("Mobile World Congress Shanghai 2017"), and is
 * neither a goal, a limit nor a reference to some earlier time.
 */
function openingYear(head: string, notAfter: number): string | null {
  for (const match of head.matchAll(YEARS)) {
    const before = /([\p{L}.]+)\W*$/u.exec(head.slice(Math.max(0, match.index - 30), match.index))?.[1] ?? '';
    const after = /^\W*(\p{L}+)/u.exec(head.slice(match.index + 4, match.index + 30))?.[1] ?? '';
    // After a month, the year belongs to a date, which the dateline has read (or found not to exist).
    if (NOT_NOW_BEFORE.has(before.toLowerCase()) || HAS_MONTH_NAME.test(before)) continue;
    if (NOT_NOW_AFTER.has(after.toLowerCase())) continue;
    const named = /^\p{Lu}/u.test(before) && !sentenceStart(head, match.index - before.length - 1);
    if (!named && !sentenceOpening(head, match.index, before)) continue;
    const year = calendarDate(Number(match[0]), undefined, undefined, notAfter);
    if (year) return year;
  }
  return null;
}

/** "In 2017" at the start of a sentence. */
function sentenceOpening(head: string, at: number, before: string): boolean {
  return before === 'In' && sentenceStart(head, at - 3);
}

/** Whether a sentence starts at `at`: nothing, or the end of a sentence, before it. */
function sentenceStart(head: string, at: number): boolean {
  const before = head.slice(0, Math.max(0, at)).trimEnd();
  return before === '' || /[.!?:]["”’)]?$/.test(before);
}

/** ISO 8601 of a calendar date with the precision given, or null when it does not exist or lies ahead. */
function calendarDate(year: number, month: number | undefined, day: number | undefined, notAfter: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  const days = month === undefined ? 31 : new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day !== undefined && (day < 1 || day > days)) return null;
  if (Date.UTC(year, (month ?? 1) - 1, day ?? 1) > notAfter) return null;
  const mm = month === undefined ? '' : `-${String(month).padStart(2, '0')}`;
  const dd = day === undefined || month === undefined ? '' : `-${String(day).padStart(2, '0')}`;
  return `${year}${mm}${dd}`;
}
