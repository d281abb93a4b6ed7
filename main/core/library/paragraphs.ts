/**
 * Reading blocks for a document's original text.
 *
 * Annotations are anchored on the ORIGINAL text, which for PDF extractions is
 * full of soft wraps, blank lines inside paragraphs, bullet glyphs and figure
 * debris, and for Markdown holds its markup. The reader shows clean blocks
 * instead, so every block keeps the exact runs ("spans") of the original it
 * was built from; its clean text is those runs joined by their separators
 * (one space unless the block says otherwise) and nothing else, which makes
 * the mapping between clean and original offsets exact in both directions.
 *
 * Plain text is read here, line by line; Markdown (and HTML, which the
 * importer stores as Markdown) in markdown-blocks.ts. Both take time and
 * memory in proportion to the text, whatever it holds.
 *
 * Pure code: no Electron, no Node.
 */

import type { Block, BlockKind, DocumentFormat, Span } from '../../common/contract';
import { firstIndexAfter } from '../../common/sorted';
import { assemble, SpanWriter, type Draft } from './block-drafts';
import { HEAD_BEFORE_HYPHEN, keepsHyphen, vocabularyOf, WORD_AT_START } from './hyphens';
import { markdownDrafts } from './markdown-blocks';

export type { Block, BlockKind, Span };

/**
 * The version of the way blocks are read from texts: whatever keeps blocks
 * (the search index) reads them again when it changes.
 */
export const BLOCKS_VERSION = 2;

/**
 * Splits a document into reading blocks; empty or whitespace-only text gives [].
 * `format` says how its text is written: Markdown and HTML documents keep the
 * structure they state; plain text and PDF extractions are read line by line.
 */
export function toBlocks(original: string, format: DocumentFormat = 'text'): Block[] {
  if (format === 'markdown' || format === 'html') return assemble(original, markdownDrafts(original));
  return assemble(original, plainDrafts(original, format === 'pdf'));
}

// Facts about each non-blank line, as bits.
const BULLET = 1;
const LEADING_WS = 2;
const TRAILING_WS = 4;
const BLANK_BEFORE = 8;
const ENDED = 16;
const HYPHEN_END = 32;
const DANGLING_END = 64;
const FOOTER = 128;
const STARTS_LOWER = 256;
const GLYPH_ONLY = 512;

/** The non-blank lines of a text: where each one's kept text starts and ends, and its facts. */
interface Lines {
  count: number;
  from: Int32Array;
  to: Int32Array;
  flags: Uint16Array;
}

/** Lines grouped into one future block, before it gets a kind. */
interface Group {
  first: number;
  last: number;
  draft: Draft | null;
  /** The clean text, for a one-line group (the only kind that can be a heading or a footer). */
  line: string | null;
  length: number;
}

type Verdict = BlockKind | 'candidate';

interface Judged {
  group: Group;
  kind: Verdict;
}

const WS = /\s/;
// `-`, `*` and the en dash are ordinary characters unless a space follows them;
// the dedicated glyphs are bullets even when glued to the word.
const BULLET_MARK = /[‧•·▪●◦■]|[-*–](?=\s|$)/y;
// A closing quote or bracket after the punctuation still ends the sentence.
const SENTENCE_END = /[.!?:;…]["”’')\]]*$/;
const HEADING_BAD_END = /[.!:;,…]["”’')\]]*$/;
const HYPHEN_WRAP = /\p{L}-$/u;
// A line that ends on one of these words cannot be the end of a sentence or a heading.
const DANGLING = new Set(
  'a an the and or nor but of to in on at by for from with into onto over under than as via per including exceed exceeds between among its their our'.split(
    ' ',
  ),
);
// "30 CHINA UNICOM (HONG KONG) LIMITED ... REPORT 2017" and its mirror on odd
// pages; long enough that a numbered capitalised heading does not qualify.
const FOOTER_LINE = /^(?:\d{1,3}\s+[\p{Lu}\d][\p{Lu}\d\s()&.,'’-]{30,}|[\p{Lu}][\p{Lu}\d\s()&.,'’-]{30,}\s\d{1,3})$/u;
// Numbers torn from infographics: "70", "2,000", "12.4", "87%"; single digits
// and years are too common in headings ("Chapter 3", "Outlook 2018") to count.
const FIGURE_NUMBER = /^(?:\d{2,}|\d{1,3}(?:,\d{3})+)(?:\.\d+)?%?$/;
const YEAR = /^(?:19|20)\d\d$/;
// Caption text glued to its number by the extractor: "developed200", "2018Measures".
const GLUED_NUMBER = /\p{Ll}{3,}\d[\d,.]*$|\d\p{Lu}\p{Ll}{2,}/u;

const MAX_HEADING_CHARS = 90;
const MAX_HEADING_WORDS = 12;
const MAX_CAPTION_CHARS = 200;
const MIN_BODY_CHARS = 50;
const MAX_FOOTER_CHARS = 120;
/** A text whose paragraphs break mid-sentence this often (of its blank lines) was extracted from a PDF. */
const TORN_SHARE = 0.1;
const MIN_TORN = 3;

/**
 * A plain text's blocks. Lines are joined across soft wraps; lines that are
 * already whole paragraphs stay one block each. A text extracted from a PDF
 * (`extracted`, or a text that reads like one: paragraphs broken mid-sentence
 * by blank lines) is also joined across those blank lines, and its short
 * unfinished lines (captions, diagram labels, torn figures, page footers)
 * become muted 'figure' blocks; in any other text they are paragraphs (minutes,
 * item lists, addresses). No original text disappears from view.
 */
function plainDrafts(original: string, extracted: boolean): Draft[] {
  const lines = readLines(original);
  const facts = survey(lines);
  const torn = extracted || (facts.torn >= MIN_TORN && facts.torn >= facts.gaps * TORN_SHARE);
  const vocabulary = facts.hyphens > 0 ? vocabularyOf(original) : new Set<string>();
  // A bullet glyph alone, with nothing after it, gives no block.
  const groups = groupLines(original, lines, { trailingWrap: facts.trailingWrap, torn, vocabulary }).filter((group) => group.draft !== null);
  const judged = groups.map((group) => ({ group, kind: judge(lines, group, torn) }));
  settleCandidates(lines, judged, torn);
  return judged.map(({ group, kind }) => ({ ...(group.draft as Draft), kind: kind as BlockKind }));
}

function readLines(original: string): Lines {
  const capacity = countLines(original);
  const lines: Lines = { count: 0, from: new Int32Array(capacity), to: new Int32Array(capacity), flags: new Uint16Array(capacity) };
  let blankBefore = true;
  let lineStart = 0;
  for (;;) {
    const lineEnd = nextBreak(original, lineStart);
    const read = readLine(original, lines, lineStart, lineEnd, blankBefore);
    blankBefore = !read;
    if (lineEnd >= original.length) return lines;
    lineStart = lineEnd + (original.charCodeAt(lineEnd) === 13 && original.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
}

const isBreak = (code: number): boolean => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

function countLines(original: string): number {
  let count = 1;
  for (let i = 0; i < original.length; i++) if (isBreak(original.charCodeAt(i))) count++;
  return count;
}

function nextBreak(original: string, from: number): number {
  let i = from;
  while (i < original.length && !isBreak(original.charCodeAt(i))) i++;
  return i;
}

/** Adds the line [lineStart, lineEnd) unless it is blank; says whether it did. */
function readLine(original: string, lines: Lines, lineStart: number, lineEnd: number, blankBefore: boolean): boolean {
  const first = skipWs(original, lineStart, lineEnd);
  if (first === lineEnd) return false;
  let last = lineEnd;
  while (WS.test(original.charAt(last - 1))) last--;
  BULLET_MARK.lastIndex = first;
  const bullet = BULLET_MARK.test(original);
  const from = bullet ? skipWs(original, BULLET_MARK.lastIndex, last) : first;
  const text = original.slice(from, last);
  let flags = (bullet ? BULLET : 0) | (first > lineStart ? LEADING_WS : 0) | (last < lineEnd ? TRAILING_WS : 0) | (blankBefore ? BLANK_BEFORE : 0);
  if (text === '') flags |= GLYPH_ONLY;
  if (SENTENCE_END.test(text)) flags |= ENDED;
  if (HYPHEN_WRAP.test(text)) flags |= HYPHEN_END;
  if (endsDangling(text)) flags |= DANGLING_END;
  if (text.length <= MAX_FOOTER_CHARS && FOOTER_LINE.test(text)) flags |= FOOTER;
  if (/^\p{Ll}/u.test(text)) flags |= STARTS_LOWER;
  const n = lines.count++;
  lines.from[n] = from;
  lines.to[n] = last;
  lines.flags[n] = flags;
  return true;
}

function skipWs(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && WS.test(text.charAt(i))) i++;
  return i;
}

interface Survey {
  /** Some extractors (the CSR report among them) leave a space at the end of every soft-wrapped line. */
  trailingWrap: boolean;
  /** Blank lines between two lines of one sentence, and blank lines in all. */
  torn: number;
  gaps: number;
  hyphens: number;
}

// Only trust the trailing space after a full stop when most such lines really
// are mid-sentence; otherwise a text whose paragraphs merely end in a stray
// space would collapse into one block.
function survey(lines: Lines): Survey {
  let wraps = 0;
  let ends = 0;
  let torn = 0;
  let gaps = 0;
  let hyphens = 0;
  for (let i = 0; i < lines.count; i++) {
    const flags = lines.flags[i] as number;
    if (flags & TRAILING_WS) {
      if (flags & ENDED) ends++;
      else wraps++;
    }
    if (flags & HYPHEN_END) hyphens++;
    if (i === 0 || !(flags & BLANK_BEFORE)) continue;
    gaps++;
    const previous = lines.flags[i - 1] as number;
    if (!(previous & ENDED) && (flags & STARTS_LOWER || previous & HYPHEN_END)) torn++;
  }
  return { trailingWrap: wraps > ends, torn, gaps, hyphens };
}

interface Grouping {
  trailingWrap: boolean;
  torn: boolean;
  vocabulary: ReadonlySet<string>;
}

function groupLines(original: string, lines: Lines, grouping: Grouping): Group[] {
  const groups: Group[] = [];
  let first = 0;
  for (let i = 1; i <= lines.count; i++) {
    if (i < lines.count && continues(lines, i, grouping)) continue;
    groups.push(toGroup(original, lines, first, i - 1, grouping.vocabulary));
    first = i;
  }
  return groups;
}

function continues(lines: Lines, next: number, { trailingWrap, torn }: Grouping): boolean {
  const line = lines.flags[next] as number;
  const previous = lines.flags[next - 1] as number;
  if (line & (BULLET | FOOTER) || previous & FOOTER) return false;
  if (previous & GLYPH_ONLY) return true; // a bullet glyph alone on its line
  if (line & BLANK_BEFORE && !torn) return false;
  const ended = (previous & ENDED) !== 0;
  if (previous & TRAILING_WS && (!ended || trailingWrap)) return true;
  if (previous & HYPHEN_END) return true;
  if (ended) return false;
  if (line & STARTS_LOWER) return true;
  // An indented capitalised line starts a new text box in PDF extractions,
  // even after a stray caption word like "Over".
  return !(line & LEADING_WS) && (previous & DANGLING_END) !== 0;
}

function toGroup(original: string, lines: Lines, first: number, last: number, vocabulary: ReadonlySet<string>): Group {
  const writer = new SpanWriter(original);
  for (let i = first; i <= last; i++) {
    const from = lines.from[i] as number;
    if (i > first && !mendHyphen(original, writer, lines, i, vocabulary)) writer.space();
    writer.text(from, lines.to[i] as number);
  }
  const length = writer.written;
  const draft = writer.take('paragraph');
  const line = first === last ? original.slice(lines.from[first], lines.to[first]).replace(/\s+/g, ' ') : null;
  return { first, last, draft, line, length };
}

/**
 * Joins a word hyphenated at the end of line `i - 1` to the start of line `i`
 * without a space: keeping the hyphen of a compound ("word-of-mouth",
 * "NB-IoT"), dropping one that only split a word. False when line `i - 1`
 * does not end that way.
 */
function mendHyphen(original: string, writer: SpanWriter, lines: Lines, i: number, vocabulary: ReadonlySet<string>): boolean {
  if (!((lines.flags[i - 1] as number) & HYPHEN_END)) return false;
  const tail = WORD_AT_START.exec(original.slice(lines.from[i], Math.min(lines.to[i] as number, (lines.from[i] as number) + 100)));
  const headLine = original.slice(Math.max(lines.from[i - 1] as number, (lines.to[i - 1] as number) - 100), lines.to[i - 1]);
  const head = HEAD_BEFORE_HYPHEN.exec(headLine);
  if (!tail || !head) return false;
  if (!keepsHyphen(head[1] as string, tail[1] as string, tail[2] === '-', vocabulary)) writer.trimLast(1);
  return true;
}

function judge(lines: Lines, group: Group, torn: boolean): Verdict {
  const first = lines.flags[group.first] as number;
  if (first & BULLET) return 'bullet';
  if (first & FOOTER && group.first === group.last) return torn ? 'figure' : 'paragraph';
  if (isHeadingCandidate(group)) return 'candidate';
  if ((lines.flags[group.last] as number) & ENDED || group.length > MAX_CAPTION_CHARS || !torn) return 'paragraph';
  // What is left is short and unfinished: captions, diagram labels, torn figures.
  return 'figure';
}

// Headings in the extracted reports never wrap, while captions often do, so a
// heading is a single line.
function isHeadingCandidate({ line: text }: Group): boolean {
  if (text === null || text.length > MAX_HEADING_CHARS) return false;
  const words = text.split(' ');
  if (words.length > MAX_HEADING_WORDS || (words.length < 2 && !isAllCaps(text))) return false;
  if (!/^[\p{Lu}\d]/u.test(text) || HEADING_BAD_END.test(text)) return false;
  return !endsDangling(text) && !looksLikeFigure(words);
}

function looksLikeFigure(words: string[]): boolean {
  const numbers = words.filter((word) => FIGURE_NUMBER.test(word) && !YEAR.test(word)).length;
  return numbers * 2 >= words.length || words.some((word) => GLUED_NUMBER.test(word));
}

// A heading must introduce body text; a run of short lines with no body after
// them is a diagram or a page's boilerplate, and a long run of them is a
// diagram whose last label may still be the next section's heading.
function settleCandidates(lines: Lines, judged: Judged[], torn: boolean): void {
  let runStart = 0;
  while (runStart < judged.length) {
    let runEnd = runStart;
    while (judged[runEnd]?.kind === 'candidate') runEnd++;
    if (runEnd > runStart) settleRun(lines, judged, runStart, runEnd, torn);
    runStart = runEnd + 1;
  }
}

function settleRun(lines: Lines, judged: Judged[], runStart: number, runEnd: number, torn: boolean): void {
  const introducesBody = isBody(judged[runEnd]);
  const firstHeading = runEnd - runStart <= 2 ? runStart : runEnd - 1;
  for (let i = runStart; i < runEnd; i++) {
    const item = judged[i] as Judged;
    // The document's first line is its title whatever follows it.
    const heading = i === 0 || (introducesBody && i >= firstHeading);
    item.kind = heading ? 'heading' : torn ? demotedKind(lines, judged, i) : 'paragraph';
  }
}

function isBody(item: Judged | undefined): boolean {
  if (!item) return false;
  return item.kind === 'bullet' || (item.kind === 'paragraph' && item.group.length >= MIN_BODY_CHARS);
}

// Short lines set directly under one another (verse, an address) are text to
// read; isolated ones between blank lines are labels torn from a figure.
function demotedKind(lines: Lines, judged: Judged[], i: number): BlockKind {
  const item = judged[i] as Judged;
  const next = judged[i + 1];
  const blankBefore = (group: Group) => ((lines.flags[group.first] as number) & BLANK_BEFORE) !== 0;
  const touching = (i > 0 && !blankBefore(item.group)) || (next !== undefined && !blankBefore(next.group));
  return touching ? 'paragraph' : 'figure';
}

function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

function endsDangling(text: string): boolean {
  const lastWord = text.slice(text.lastIndexOf(' ') + 1).toLowerCase();
  return DANGLING.has(lastWord);
}

/** A block's clean-text offset of an original-text offset inside it (its end for an offset past it). */
export function cleanOffset(block: Block, original: number): number {
  let clean = 0;
  for (let i = 0; i < block.spans.length; i++) {
    const [start, end] = block.spans[i] as Span;
    if (original <= end) return clean + Math.max(0, original - start);
    clean += end - start + (block.separators?.[i] ?? ' ').length;
  }
  return block.text.length;
}

/**
 * The original range [start, end) as the reader shows it: each block's clean
 * text of it (no markup, soft wraps joined, split words mended), a line each.
 */
export function readingText(blocks: readonly Block[], start: number, end: number): string {
  const lines: string[] = [];
  for (let i = firstIndexAfter(blocks, start, { key: (b) => b.end }); i < blocks.length && (blocks[i] as Block).start < end; i++) {
    const block = blocks[i] as Block;
    lines.push(block.text.slice(cleanOffset(block, Math.max(start, block.start)), cleanOffset(block, Math.min(end, block.end))));
  }
  return lines.join('\n');
}
