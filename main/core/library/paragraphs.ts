/**
 * Reading blocks for a document's original text.
 *
 * Annotations are anchored on the ORIGINAL text, which for PDF extractions is
 * full of soft wraps, blank lines inside paragraphs, bullet glyphs and figure
 * debris. The reader shows clean blocks instead, so every block keeps the exact
 * runs ("spans") of the original it was built from; its clean text is those
 * runs joined by single spaces and nothing else, which makes the mapping
 * between clean and original offsets exact in both directions.
 *
 * Pure code: no Electron, no Node.
 */

import type { Block, BlockKind, Span } from '../../common/contract';

export type { Block, BlockKind, Span };

/** A non-blank line of the original, trimmed. */
interface Line {
  /** Where the kept text starts: after the bullet glyph for a bullet line. */
  from: number;
  /** After the last non-whitespace character. */
  to: number;
  text: string;
  bullet: boolean;
  leadingWs: boolean;
  trailingWs: boolean;
  blankBefore: boolean;
}

/** Lines grouped into one future block, before it gets a kind. */
interface Draft {
  lines: Line[];
  bullet: boolean;
  blankBefore: boolean;
  spans: Span[];
  text: string;
}

type Verdict = BlockKind | 'candidate';

interface Judged {
  draft: Draft;
  kind: Verdict;
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;
const WS = /\s/;
/** Whitespace that is not one ASCII space: two or more of any kind, or one of another kind. */
const BOUNDARY = /\s{2,}|[^\S ]/g;
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
const FOOTER = /^(?:\d{1,3}\s+[\p{Lu}\d][\p{Lu}\d\s()&.,'’-]{30,}|[\p{Lu}][\p{Lu}\d\s()&.,'’-]{30,}\s\d{1,3})$/u;
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
/** The longest block: about three pages of a book, so that any block can be sent and drawn on its own. */
export const MAX_BLOCK_CHARS = 10_000;
/** Heading candidates held back at most while a run of them goes on (see settler). */
const HELD_CANDIDATES = 64;

/**
 * Splits a document into reading blocks; empty or whitespace-only text gives [].
 * Lines are joined across soft wraps (and the blank lines PDF extraction puts
 * inside paragraphs); lines that are already whole paragraphs stay one block
 * each. Page footers are kept, as 'figure' blocks, so no original text that a
 * reader could have annotated disappears from view.
 */
export function toBlocks(original: string): Block[] {
  const blocks: Block[] = [];
  forEachBlock(original, (block) => blocks.push(block));
  return blocks;
}

/**
 * toBlocks one block at a time, in order. Only the block being built and a
 * run of heading candidates are held, never every line of the text, and no
 * block is longer than MAX_BLOCK_CHARS: a 50 MB file of one-letter lines
 * costs what its blocks cost, and each of them can be sent and drawn alone.
 */
export function forEachBlock(original: string, emit: (block: Block) => void): void {
  const settle = settler(emit);
  for (const draft of drafts(original, trailingSpaceMarksWraps(readLines(original)))) {
    if (draft.spans.length > 0) settle.push(draft);
  }
  settle.end();
}

function* readLines(original: string): Generator<Line> {
  let blankBefore = true;
  let lineStart = 0;
  for (;;) {
    LINE_BREAK.lastIndex = lineStart;
    const match = LINE_BREAK.exec(original);
    const lineEnd = match ? match.index : original.length;
    const line = readLine(original, lineStart, lineEnd, blankBefore);
    if (line) yield* pieces(original, line);
    blankBefore = !line;
    if (!match) return;
    lineStart = match.index + match[0].length;
  }
}

// A line longer than a block can be is cut at the last space that fits (else
// anywhere but inside a surrogate pair); each piece then starts a block of its own.
function* pieces(original: string, line: Line): Generator<Line> {
  let rest = line;
  while (rest.to - rest.from > MAX_BLOCK_CHARS) {
    let cut = original.lastIndexOf(' ', rest.from + MAX_BLOCK_CHARS);
    if (cut <= rest.from) cut = rest.from + MAX_BLOCK_CHARS - (isHighSurrogate(original, rest.from + MAX_BLOCK_CHARS - 1) ? 1 : 0);
    let end = cut;
    while (WS.test(original.charAt(end - 1))) end--;
    yield { ...rest, to: end, text: original.slice(rest.from, end), trailingWs: true };
    const next = skipWs(original, cut, rest.to);
    rest = { ...rest, from: next, text: original.slice(next, rest.to), bullet: false, leadingWs: true, blankBefore: false };
  }
  yield rest;
}

const isHighSurrogate = (text: string, at: number): boolean => /[\uD800-\uDBFF]/.test(text.charAt(at));

function readLine(original: string, lineStart: number, lineEnd: number, blankBefore: boolean): Line | null {
  const first = skipWs(original, lineStart, lineEnd);
  if (first === lineEnd) return null;
  let last = lineEnd;
  while (WS.test(original.charAt(last - 1))) last--;
  BULLET_MARK.lastIndex = first;
  const bullet = BULLET_MARK.test(original);
  const from = bullet ? skipWs(original, BULLET_MARK.lastIndex, last) : first;
  return {
    from,
    to: last,
    text: original.slice(from, last),
    bullet,
    leadingWs: first > lineStart,
    trailingWs: last < lineEnd,
    blankBefore,
  };
}

function skipWs(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && WS.test(text.charAt(i))) i++;
  return i;
}

// Some extractors (the CSR report among them) leave a space at the end of every
// soft-wrapped line. Only trust that signal after a full stop when most such
// lines really are mid-sentence; otherwise a text whose paragraphs merely end
// in a stray space would collapse into one block.
function trailingSpaceMarksWraps(lines: Iterable<Line>): boolean {
  let wraps = 0;
  let ends = 0;
  for (const line of lines) {
    if (!line.trailingWs) continue;
    if (SENTENCE_END.test(line.text)) ends++;
    else wraps++;
  }
  return wraps > ends;
}

// Lines grouped into drafts; the text is read twice (see trailingSpaceMarksWraps), never kept as lines.
function* drafts(original: string, trailingWrap: boolean): Generator<Draft> {
  let group: Line[] = [];
  let chars = 0;
  for (const line of readLines(original)) {
    const previous = group.at(-1);
    if (previous && continues(previous, line, trailingWrap) && chars + 1 + line.text.length <= MAX_BLOCK_CHARS) {
      group.push(line);
      chars += 1 + line.text.length;
      continue;
    }
    if (group.length > 0) yield toDraft(original, group);
    group = [line];
    chars = line.text.length;
  }
  if (group.length > 0) yield toDraft(original, group);
}

function continues(previous: Line, next: Line, trailingWrap: boolean): boolean {
  if (next.bullet || isFooter(next.text) || isFooter(previous.text)) return false;
  if (previous.text === '') return true; // a bullet glyph alone on its line
  const ended = SENTENCE_END.test(previous.text);
  if (previous.trailingWs && (!ended || trailingWrap)) return true;
  if (HYPHEN_WRAP.test(previous.text)) return true;
  if (ended) return false;
  if (startsLowercase(next.text)) return true;
  // An indented capitalised line starts a new text box in PDF extractions,
  // even after a stray caption word like "Over".
  return !next.leadingWs && endsDangling(previous.text);
}

function toDraft(original: string, lines: Line[]): Draft {
  const first = lines[0] as Line;
  const spans = lines.flatMap((line) => lineSpans(original, line.from, line.to));
  const text = spans.map(([start, end]) => original.slice(start, end)).join(' ');
  return { lines, bullet: first.bullet, blankBefore: first.blankBefore, spans, text };
}

// A single ASCII space already reads as the joining space, so it stays inside a
// span; any other whitespace run (tabs, double spaces, NBSP) becomes a boundary.
function lineSpans(original: string, from: number, to: number): Span[] {
  if (from >= to) return [];
  const spans: Span[] = [];
  let start = from;
  // Searched in place: slicing each line and matching every space between its words costs more than the rest of the split.
  BOUNDARY.lastIndex = from;
  for (let match = BOUNDARY.exec(original); match && match.index < to; match = BOUNDARY.exec(original)) {
    spans.push([start, match.index]);
    start = match.index + match[0].length;
  }
  spans.push([start, to]);
  return spans;
}

function judge(draft: Draft): Verdict {
  if (draft.bullet) return 'bullet';
  if (isFooter(draft.text)) return 'figure';
  if (isHeadingCandidate(draft)) return 'candidate';
  if (SENTENCE_END.test(draft.text) || draft.text.length > MAX_CAPTION_CHARS) return 'paragraph';
  // What is left is short and unfinished: captions, diagram labels, torn figures.
  return 'figure';
}

// Headings in the extracted reports never wrap, while captions often do, so a
// heading is a single line.
function isHeadingCandidate(draft: Draft): boolean {
  const { text } = draft;
  if (draft.lines.length !== 1 || text.length > MAX_HEADING_CHARS) return false;
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
// diagram whose last label may still be the next section's heading. Drafts
// are judged as they come: a run of candidates waits for what follows it,
// except that in a long run only the latest can still become a heading, so
// the ones before it go on at once.
function settler(emit: (block: Block) => void): { push: (draft: Draft) => void; end: () => void } {
  let index = 0;
  let run: Judged[] = [];
  let runLength = 0;
  const send = (item: Judged) => emit(toBlock(item.draft, item.kind as BlockKind, index++));
  const flush = (items: Judged[], after: Judged | undefined) => {
    settleRun(items, after, index, runLength - run.length);
    items.forEach(send);
  };
  return {
    push(draft) {
      const item: Judged = { draft, kind: judge(draft) };
      if (item.kind === 'candidate') {
        run.push(item);
        runLength++;
        if (run.length > HELD_CANDIDATES) {
          const latest = run.pop() as Judged;
          flush(run, latest);
          run = [latest];
        }
        return;
      }
      flush(run, item);
      run = [];
      runLength = 0;
      send(item);
    },
    end() {
      flush(run, undefined);
      run = [];
    },
  };
}

/** Settles `items`, a run's candidates from `positionInRun` on, the first of them to be block `first`, with `after` what follows them. */
function settleRun(items: Judged[], after: Judged | undefined, first: number, positionInRun: number): void {
  const introducesBody = isBody(after);
  const runLength = positionInRun + items.length;
  const firstHeading = runLength <= 2 ? 0 : runLength - 1;
  items.forEach((item, i) => {
    // The document's first line is its title whatever follows it.
    const heading = first + i === 0 || (introducesBody && positionInRun + i >= firstHeading);
    item.kind = heading ? 'heading' : demotedKind(item, first + i > 0, items[i + 1] ?? after);
  });
}

function isBody(item: Judged | undefined): boolean {
  if (!item) return false;
  return item.kind === 'bullet' || (item.kind === 'paragraph' && item.draft.text.length >= MIN_BODY_CHARS);
}

// Short lines set directly under one another (verse, an address) are text to
// read; isolated ones between blank lines are labels torn from a figure.
function demotedKind(item: Judged, afterAnother: boolean, next: Judged | undefined): BlockKind {
  const touching = (afterAnother && !item.draft.blankBefore) || (next !== undefined && !next.draft.blankBefore);
  return touching ? 'paragraph' : 'figure';
}

function toBlock(draft: Draft, kind: BlockKind, index: number): Block {
  const first = draft.spans[0] as Span;
  const last = draft.spans.at(-1) as Span;
  return { index, kind, text: draft.text, spans: draft.spans, start: first[0], end: last[1] };
}

function isFooter(text: string): boolean {
  return text.length <= 120 && FOOTER.test(text);
}

function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

function endsDangling(text: string): boolean {
  const lastWord = text.slice(text.lastIndexOf(' ') + 1).toLowerCase();
  return DANGLING.has(lastWord);
}
