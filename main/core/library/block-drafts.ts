/**
 * Reading blocks as they are built: runs of the original text, what joins
 * each run to the next, inline marks in clean-text offsets, and the
 * structure the document gives the block. Both readers of blocks (plain text,
 * Markdown) write drafts through a SpanWriter and turn them into blocks with
 * `assemble`, which also keeps every block to a bounded size.
 *
 * Pure code: no Electron, no Node.
 */

import type { Block, BlockKind, Mark, MarkKind, Span } from '../../common/contract';

/**
 * The longest clean text of one block. A longer paragraph is read as several
 * blocks, so that no block costs more than its share to show, index or send,
 * whatever the file (a 24 MB text with no paragraph break is 2,500 blocks).
 */
export const MAX_BLOCK_CHARS = 10_000;

/** The structure a document gives a block, beyond its kind. */
export type Structure = Pick<Block, 'level' | 'list' | 'indent' | 'quote' | 'code'>;

/** A block before its index and text. */
export interface Draft {
  kind: BlockKind;
  spans: Span[];
  /** separators[i] stands between spans[i] and spans[i + 1]; null when each of them is one space. */
  separators: string[] | null;
  marks: Mark[];
  structure: Structure;
}

const WS = /\s/;

/** Whether the character at `i` is whitespace (as \s says), looked at without a regular expression for ASCII. */
function isSpace(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return WS.test(text.charAt(i));
}

interface OpenMark {
  kind: MarkKind;
  href: string | undefined;
  from: number;
}

/**
 * Writes the spans of one block. Whitespace at the edges of what is written
 * becomes the separator before the next span (a space, unless a line break
 * was asked for), so spans start and end with a visible character and the
 * clean text never has two spaces in a row outside code.
 */
export class SpanWriter {
  private spans: Span[] = [];
  private separators: string[] = [];
  private plain = true;
  private length = 0;
  /** What goes before the next span: null before the first one. */
  private pending: string | null = null;
  private marks: Mark[] = [];
  private open: OpenMark[] = [];

  constructor(private readonly original: string) {}

  /** Clean characters written so far. */
  get written(): number {
    return this.length;
  }

  get empty(): boolean {
    return this.spans.length === 0;
  }

  /**
   * Writes original[from, to): runs of whitespace other than a single space
   * (and whitespace at either end) become separators; `keepSpaces` (code)
   * keeps every space and tab as it is.
   */
  text(from: number, to: number, keepSpaces = false): void {
    if (keepSpaces) {
      if (from < to) this.span(from, to);
      return;
    }
    const { original } = this;
    let start = from;
    while (start < to && isSpace(original, start)) start++;
    if (start > from) this.space();
    let end = to;
    while (end > start && isSpace(original, end - 1)) end--;
    if (start >= end) return;
    // Only the range itself is looked at: a paragraph written piece by piece costs its length once.
    for (let i = start; i < end; i++) {
      if (!isSpace(original, i)) continue;
      let run = i + 1;
      while (run < end && isSpace(original, run)) run++;
      // One ASCII space reads as itself inside a span; any other whitespace is a separator.
      if (run - i > 1 || original.charCodeAt(i) !== 32) {
        this.span(start, i);
        this.space();
        start = run;
      }
      i = run - 1;
    }
    this.span(start, end);
    if (end < to) this.space();
  }

  /** The next span follows after a space (unless a line break is already asked for). */
  space(): void {
    if (this.pending === '') this.pending = ' ';
  }

  /** The next span follows after `breaks` (one or more line breaks). */
  lineBreak(breaks = '\n'): void {
    if (this.pending !== null && !this.pending.includes('\n')) this.pending = breaks;
  }

  /** Starts a mark at the next character written. */
  openMark(kind: MarkKind, href?: string): void {
    this.open.push({ kind, href, from: -1 });
  }

  /** Ends the innermost open mark after the last character written; a mark over nothing is dropped. */
  closeMark(): void {
    const mark = this.open.pop();
    if (!mark || mark.from < 0 || this.length <= mark.from) return;
    this.marks.push({ kind: mark.kind, from: mark.from, to: this.length, ...(mark.href ? { href: mark.href } : {}) });
  }

  /** Whether one mark of `kind` covers everything written since clean offset `from`. */
  covered(kind: MarkKind, from: number): boolean {
    return this.marks.some((m) => m.kind === kind && m.from <= from && m.to >= this.length);
  }

  /** Shortens the last span by `chars` from its end (a line-end hyphen that only split a word). */
  trimLast(chars: number): void {
    const last = this.spans.at(-1);
    if (!last || last[1] - last[0] <= chars) return;
    this.spans[this.spans.length - 1] = [last[0], last[1] - chars];
    this.length -= chars;
  }

  /** The draft written, and a fresh writer state for the next block. */
  take(kind: BlockKind, structure: Structure = {}): Draft | null {
    while (this.open.length > 0) this.closeMark();
    const draft: Draft | null = this.spans.length === 0 ? null : { kind, spans: this.spans, separators: this.plain ? null : this.separators, marks: this.marks.sort((a, b) => a.from - b.from || b.to - a.to), structure };
    this.spans = [];
    this.separators = [];
    this.plain = true;
    this.length = 0;
    this.pending = null;
    this.marks = [];
    return draft;
  }

  private span(start: number, end: number): void {
    if (start >= end) return;
    const separator = this.pending ?? '';
    const last = this.spans.at(-1);
    if (last && separator === '' && last[1] === start) {
      this.spans[this.spans.length - 1] = [last[0], end];
    } else {
      if (last) {
        this.separators.push(separator);
        if (separator !== ' ') this.plain = false;
        this.length += separator.length;
      }
      this.spans.push([start, end]);
    }
    for (const mark of this.open) if (mark.from < 0) mark.from = this.length;
    this.length += end - start;
    this.pending = '';
  }
}

/** Blocks from drafts, in order: each with its index and clean text, none longer than MAX_BLOCK_CHARS. */
export function assemble(original: string, drafts: Iterable<Draft>): Block[] {
  const blocks: Block[] = [];
  for (const draft of drafts) {
    for (const piece of bounded(original, draft)) blocks.push(toBlock(original, piece, blocks.length));
  }
  return blocks;
}

function toBlock(original: string, draft: Draft, index: number): Block {
  const { spans, separators } = draft;
  const parts: string[] = [];
  spans.forEach(([start, end], i) => {
    if (i > 0) parts.push(separators?.[i - 1] ?? ' ');
    parts.push(original.slice(start, end));
  });
  const block: Block = { index, kind: draft.kind, text: parts.join(''), spans, start: (spans[0] as Span)[0], end: (spans.at(-1) as Span)[1], ...draft.structure };
  if (separators) block.separators = separators;
  if (draft.marks.length > 0) block.marks = draft.marks;
  return block;
}

/** A draft cut into drafts of at most MAX_BLOCK_CHARS clean characters, at span boundaries or spaces. */
function bounded(original: string, draft: Draft): Draft[] {
  if (cleanLength(draft) <= MAX_BLOCK_CHARS) return [draft];
  const pieces: Draft[] = [];
  let spans: Span[] = [];
  let separators: string[] = [];
  let length = 0;
  /** Where the current piece starts in the draft's clean text. */
  let base = 0;
  let position = 0;
  const flush = (): void => {
    if (spans.length === 0) return;
    const continued = pieces.length > 0;
    const kind = continued && draft.kind === 'bullet' ? 'paragraph' : draft.kind;
    const { list: _list, ...rest } = draft.structure;
    pieces.push({ kind, spans, separators: separators.every((s) => s === ' ') ? null : separators, marks: clip(draft.marks, base, base + length), structure: continued ? rest : draft.structure });
    spans = [];
    separators = [];
    length = 0;
  };
  draft.spans.forEach((span, i) => {
    const separator = i === 0 ? '' : (draft.separators?.[i - 1] ?? ' ');
    position += separator.length;
    const end = span[1];
    let start = span[0];
    while (start < end) {
      const joined = spans.length > 0 ? separator.length : 0;
      const room = MAX_BLOCK_CHARS - length - joined;
      if (end - start <= room) {
        if (spans.length > 0) separators.push(separator);
        else base = position;
        spans.push(start === span[0] ? span : [start, end]);
        length += joined + end - start;
        position += end - start;
        break;
      }
      if (spans.length > 0 && room < MAX_BLOCK_CHARS / 2) {
        flush();
        continue;
      }
      const cut = cutPoint(original, start, start + Math.max(1, room));
      if (spans.length > 0) separators.push(separator);
      else base = position;
      spans.push([start, cut.end]);
      length += joined + cut.end - start;
      position += cut.next - start;
      flush();
      start = cut.next;
    }
  });
  flush();
  return pieces;
}

/** Where to cut a long run at or before `limit`: after the last space in its second half, else at `limit` (never inside a surrogate pair). */
function cutPoint(original: string, start: number, limit: number): { end: number; next: number } {
  for (let space = limit; space > start + (limit - start) / 2; space--) {
    if (original.charCodeAt(space) === 32) return { end: space, next: space + 1 };
  }
  const low = original.charCodeAt(limit);
  const inPair = low >= 0xdc00 && low <= 0xdfff && limit - 1 > start;
  const end = inPair ? limit - 1 : limit;
  return { end, next: end };
}

function clip(marks: Mark[], from: number, to: number): Mark[] {
  return marks.filter((m) => m.from < to && m.to > from).map((m) => ({ ...m, from: Math.max(m.from, from) - from, to: Math.min(m.to, to) - from }));
}

function cleanLength(draft: Draft): number {
  let length = 0;
  draft.spans.forEach(([start, end], i) => {
    length += end - start + (i > 0 ? (draft.separators?.[i - 1] ?? ' ').length : 0);
  });
  return length;
}
