/**
 * The inline Markdown of one paragraph or heading, written into a block:
 * emphasis, strong emphasis, code spans, links and images as CommonMark reads
 * them, their markup left out of the clean text and their meaning kept as
 * marks. Raw HTML is left out altogether; character references stay as
 * written. Every step is bounded, so a paragraph of any content takes time in
 * proportion to its length.
 *
 * The paragraph's lines lie apart in the original (block quote markers and
 * indentation between them): they are read as one "virtual" text, each line
 * a segment mapped back to the original.
 *
 * Pure code: no Electron, no Node.
 */

import type { MarkKind } from '../../common/contract';
import type { SpanWriter } from './block-drafts';

/** One line of a paragraph: original[from, to), after its container markers and indentation. */
export interface Segment {
  from: number;
  to: number;
}

/** Link reference definitions of the document: normalised label → address. */
export type Definitions = ReadonlyMap<string, string>;

/** What a paragraph turned out to hold, for the block's kind. */
export interface InlineFacts {
  /** Only images (a figure). */
  onlyImages: boolean;
  /** All of its text is inside one emphasis (a caption under a figure). */
  allEmphasis: boolean;
}

const MAX_DESTINATION = 1000;
const MAX_TITLE = 1000;
const MAX_LABEL = 999;
const MAX_PAREN_DEPTH = 32;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/;
const AUTOLINK = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/;
const EMAIL_AUTOLINK = /^<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/;
const HTML_TAG = /^<(?:[a-zA-Z][a-zA-Z0-9-]*(?:\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|\/[a-zA-Z][a-zA-Z0-9-]*\s*>|!--[\s\S]*?-->|\?[\s\S]*?\?>|![A-Za-z][^>]*>|!\[CDATA\[[\s\S]*?\]\]>)/;
/** How far an autolink or an HTML tag may reach. */
const MAX_TAG = 2000;

type Node =
  | { type: 'text'; from: number; to: number }
  | { type: 'break'; hard: boolean }
  | { type: 'code'; from: number; to: number }
  | { type: 'autolink'; from: number; to: number; href: string | null }
  | { type: 'open'; image: boolean; href: string | null; active: boolean; resolved: boolean; at: number }
  | { type: 'close'; image: boolean; marked: boolean }
  | Delimiter;

interface Delimiter {
  type: 'delim';
  char: string;
  at: number;
  length: number;
  original: number;
  canOpen: boolean;
  canClose: boolean;
  /** Marks this run closes (with its first characters) and opens (with its last), innermost first. */
  closes: MarkKind[];
  opens: MarkKind[];
  prev: Delimiter | null;
  next: Delimiter | null;
  removed: boolean;
}

/** An address as it may be followed from the reader: http(s) only, absolute, without a user name or password. */
export function safeHref(address: string): string | null {
  const trimmed = address.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** A label as link references compare them. */
export const normaliseLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** Writes the inline content of `segments` into `writer`; says what it held. */
export function writeInline(original: string, segments: readonly Segment[], writer: SpanWriter, definitions: Definitions): InlineFacts {
  return new InlineReader(original, segments, definitions).write(writer);
}

class InlineReader {
  /** The paragraph's lines joined by "\n". */
  private readonly text: string;
  /** Where each segment starts in `text`. */
  private readonly starts: number[] = [];
  private readonly nodes: Node[] = [];
  private lastDelimiter: Delimiter | null = null;
  private readonly brackets: Array<Extract<Node, { type: 'open' }>> = [];
  private pos = 0;
  private textStart = 0;

  constructor(
    private readonly original: string,
    private readonly segments: readonly Segment[],
    private readonly definitions: Definitions,
  ) {
    const parts: string[] = [];
    let at = 0;
    for (const segment of segments) {
      this.starts.push(at);
      parts.push(original.slice(segment.from, segment.to));
      at += segment.to - segment.from + 1;
    }
    this.text = parts.join('\n');
  }

  write(writer: SpanWriter): InlineFacts {
    this.scan();
    this.processEmphasis(null);
    return this.emit(writer);
  }

  private scan(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text.charAt(this.pos);
      switch (c) {
        case '\n':
          this.lineBreak();
          break;
        case '\\':
          this.escape();
          break;
        case '`':
          this.codeSpan();
          break;
        case '*':
        case '_':
          this.delimiterRun(c);
          break;
        case '[':
          this.openBracket(false, 1);
          break;
        case '!':
          if (text.charAt(this.pos + 1) === '[') this.openBracket(true, 2);
          else this.pos++;
          break;
        case ']':
          this.closeBracket();
          break;
        case '<':
          this.angle();
          break;
        default:
          this.pos++;
      }
    }
    this.flushText(this.pos);
  }

  private flushText(to: number): void {
    if (to > this.textStart) this.nodes.push({ type: 'text', from: this.textStart, to });
    this.textStart = to;
  }

  /** Ends the text before `from` and resumes it at `resume`, with `node` between. */
  private push(from: number, resume: number, node: Node): void {
    this.flushText(from);
    this.nodes.push(node);
    this.pos = resume;
    this.textStart = resume;
  }

  private lineBreak(): void {
    const { text } = this;
    let end = this.pos;
    while (end > this.textStart && (text.charAt(end - 1) === ' ' || text.charAt(end - 1) === '\t')) end--;
    const hard = this.pos - end >= 2 && text.charAt(this.pos - 1) === ' ';
    this.push(end, this.pos + 1, { type: 'break', hard });
  }

  private escape(): void {
    const next = this.text.charAt(this.pos + 1);
    if (next === '\n') {
      this.push(this.pos, this.pos + 2, { type: 'break', hard: true });
    } else if (ESCAPABLE.test(next)) {
      // The backslash is markup; the character after it is text, whatever it would have meant.
      this.flushText(this.pos);
      this.nodes.push({ type: 'text', from: this.pos + 1, to: this.pos + 2 });
      this.pos += 2;
      this.textStart = this.pos;
    } else {
      this.pos++;
    }
  }

  private runLength(at: number, c: string): number {
    let end = at;
    while (this.text.charAt(end) === c) end++;
    return end - at;
  }

  /** Backtick runs found so far, by length, in order; the scan for them never goes over the text twice. */
  private readonly runs = new Map<number, { at: number[]; next: number }>();
  private scannedTo = 0;

  private codeSpan(): void {
    const open = this.runLength(this.pos, '`');
    const close = this.findClosingRun(this.pos + open, open);
    if (close < 0) {
      this.pos += open; // literal backticks
      return;
    }
    let from = this.pos + open;
    let to = close;
    const inner = this.text.slice(from, to);
    if (inner.length >= 2 && /^[ \n]/.test(inner) && /[ \n]$/.test(inner) && /[^ \n]/.test(inner)) {
      from++;
      to--;
    }
    this.push(this.pos, close + open, { type: 'code', from, to });
  }

  /** The first backtick run of exactly `length` at or after `from`, or -1. */
  private findClosingRun(from: number, length: number): number {
    for (;;) {
      const found = this.runs.get(length);
      if (found) {
        while (found.next < found.at.length && (found.at[found.next] as number) < from) found.next++;
        if (found.next < found.at.length) return found.at[found.next] as number;
      }
      const at = this.scannedTo >= this.text.length ? -1 : this.text.indexOf('`', Math.max(this.scannedTo, from));
      if (at < 0) {
        this.scannedTo = this.text.length;
        return -1;
      }
      const run = this.runLength(at, '`');
      const list = this.runs.get(run) ?? { at: [], next: 0 };
      list.at.push(at);
      this.runs.set(run, list);
      this.scannedTo = at + run;
    }
  }

  private delimiterRun(c: string): void {
    const { text } = this;
    const length = this.runLength(this.pos, c);
    const before = this.pos === 0 ? '\n' : text.charAt(this.pos - 1);
    const after = this.pos + length >= text.length ? '\n' : text.charAt(this.pos + length);
    const spaceAfter = WHITESPACE.test(after);
    const spaceBefore = WHITESPACE.test(before);
    const punctAfter = PUNCTUATION.test(after);
    const punctBefore = PUNCTUATION.test(before);
    const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
    const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
    const canOpen = c === '*' ? left : left && (!right || punctBefore);
    const canClose = c === '*' ? right : right && (!left || punctAfter);
    const delimiter: Delimiter = { type: 'delim', char: c, at: this.pos, length, original: length, canOpen, canClose, closes: [], opens: [], prev: this.lastDelimiter, next: null, removed: false };
    if (this.lastDelimiter) this.lastDelimiter.next = delimiter;
    this.lastDelimiter = delimiter;
    this.push(this.pos, this.pos + length, delimiter);
  }

  private openBracket(image: boolean, width: number): void {
    const node = { type: 'open' as const, image, href: null, active: true, resolved: false, at: this.pos };
    this.push(this.pos, this.pos + width, node);
    this.brackets.push(node);
    // Emphasis inside the brackets is worked out when they close: remember where it starts.
    this.bottoms.set(node, this.lastDelimiter);
  }

  private readonly bottoms = new Map<object, Delimiter | null>();

  private closeBracket(): void {
    const opener = this.brackets.pop();
    if (!opener || !opener.active) {
      this.pos++;
      return;
    }
    const target = this.linkTarget(opener, this.pos + 1);
    if (!target) {
      this.pos++;
      return;
    }
    opener.resolved = true;
    opener.href = target.href;
    this.push(this.pos, target.end, { type: 'close', image: opener.image, marked: !opener.image && target.href !== null });
    this.processEmphasis(this.bottoms.get(opener) ?? null);
    // No link inside a link.
    if (!opener.image) for (const earlier of this.brackets) if (!earlier.image) earlier.active = false;
  }

  /** Where a link's target ends and its address, after the `]` at `from - 1`: inline, full, collapsed or shortcut reference. */
  private linkTarget(opener: { at: number; image: boolean }, from: number): { end: number; href: string | null } | null {
    const { text } = this;
    if (text.charAt(from) === '(') {
      const inline = this.inlineTarget(from + 1);
      if (inline) return inline;
    }
    if (this.definitions.size === 0) return null;
    const labelStart = opener.at + (opener.image ? 2 : 1);
    if (text.charAt(from) === '[') {
      const close = text.indexOf(']', from + 1);
      if (close > 0 && close - from - 1 <= MAX_LABEL) {
        const label = close === from + 1 ? text.slice(labelStart, from - 1) : text.slice(from + 1, close);
        const href = this.definitions.get(normaliseLabel(label));
        if (href !== undefined) return { end: close + 1, href: safeHref(href) };
      }
    }
    if (from - 1 - labelStart > MAX_LABEL) return null;
    const href = this.definitions.get(normaliseLabel(text.slice(labelStart, from - 1)));
    return href === undefined ? null : { end: from, href: safeHref(href) };
  }

  /** `(destination "title")` from just after the parenthesis; null when it is not one. */
  private inlineTarget(from: number): { end: number; href: string | null } | null {
    const { text } = this;
    let i = skipSpaces(text, from);
    let destination = '';
    if (text.charAt(i) === '<') {
      const close = text.indexOf('>', i + 1);
      if (close < 0 || close - i > MAX_DESTINATION) return null;
      destination = text.slice(i + 1, close);
      if (/[\n<]/.test(destination)) return null;
      i = close + 1;
    } else {
      const start = i;
      let depth = 0;
      while (i < text.length && i - start <= MAX_DESTINATION) {
        const c = text.charAt(i);
        if (c === '\\' && ESCAPABLE.test(text.charAt(i + 1))) i += 2;
        else if (c === '(') {
          if (++depth > MAX_PAREN_DEPTH) return null;
          i++;
        } else if (c === ')') {
          if (depth === 0) break;
          depth--;
          i++;
        } else if (WHITESPACE.test(c) || c < ' ') break;
        else i++;
      }
      if (depth !== 0 || i - start > MAX_DESTINATION) return null;
      destination = text.slice(start, i).replace(/\\([!-/:-@[-`{-~])/g, '$1');
    }
    const afterDestination = i;
    i = skipSpaces(text, i);
    const quote = text.charAt(i);
    if (i > afterDestination && (quote === '"' || quote === "'" || quote === '(')) {
      const closing = quote === '(' ? ')' : quote;
      const close = text.indexOf(closing, i + 1);
      if (close < 0 || close - i > MAX_TITLE) return null;
      i = skipSpaces(text, close + 1);
    }
    if (text.charAt(i) !== ')') return null;
    return { end: i + 1, href: safeHref(destination) };
  }

  /** `<…>`: an autolink, raw HTML (left out), or a plain "<". */
  private angle(): void {
    if (!/[a-zA-Z/!?]/.test(this.text.charAt(this.pos + 1))) {
      this.pos++;
      return;
    }
    const window = this.text.slice(this.pos, this.pos + MAX_TAG);
    const link = AUTOLINK.exec(window) ?? EMAIL_AUTOLINK.exec(window);
    if (link) {
      const address = link[1] as string;
      const href = AUTOLINK.test(window) ? safeHref(address) : null;
      this.push(this.pos, this.pos + link[0].length, { type: 'autolink', from: this.pos + 1, to: this.pos + link[0].length - 1, href });
      return;
    }
    const tag = HTML_TAG.exec(window);
    if (tag) {
      // Raw HTML never reaches the reader, not even as text.
      this.flushText(this.pos);
      this.pos += tag[0].length;
      this.textStart = this.pos;
      return;
    }
    this.pos++;
  }

  /**
   * CommonMark's "process emphasis": pairs the delimiter runs after `bottom`
   * into emphasis (one character each side) and strong emphasis (two). Each
   * closer looks back no further than where the last search for its kind of
   * opener failed, so the whole pass is linear.
   */
  private processEmphasis(bottom: Delimiter | null): void {
    // Bounds are positions, not delimiters: a delimiter used up later is gone from the list, its position is not.
    const bottomAt = bottom ? bottom.at : -1;
    const openersBottom = new Map<string, number>();
    let closer = bottom ? bottom.next : this.firstDelimiter();
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const key = `${closer.char}${closer.canOpen ? 1 : 0}${closer.original % 3}`;
      const limit = openersBottom.get(key) ?? bottomAt;
      let opener = closer.prev;
      let found: Delimiter | null = null;
      while (opener && opener.at > limit) {
        if (opener.char === closer.char && opener.canOpen && !oddMatch(opener, closer)) {
          found = opener;
          break;
        }
        opener = opener.prev;
      }
      const old = closer;
      if (found) {
        const use = closer.length >= 2 && found.length >= 2 ? 2 : 1;
        const kind: MarkKind = use === 2 ? 'strong' : 'emphasis';
        found.length -= use;
        closer.length -= use;
        found.opens.push(kind);
        closer.closes.push(kind);
        for (let between = found.next; between && between !== closer; between = between.next) this.unlink(between);
        if (found.length === 0) this.unlink(found);
        if (closer.length === 0) {
          const next = closer.next;
          this.unlink(closer);
          closer = next;
        }
      } else {
        openersBottom.set(key, old.prev ? old.prev.at : bottomAt);
        const next = old.next;
        if (!old.canOpen) this.unlink(old);
        closer = next;
      }
    }
    // Whatever is left above the bottom stays literal text.
    for (let d = bottom ? bottom.next : this.firstDelimiter(); d; d = d.next) this.unlink(d);
  }

  private firstDelimiter(): Delimiter | null {
    let d = this.lastDelimiter;
    while (d?.prev) d = d.prev;
    return d;
  }

  private unlink(d: Delimiter): void {
    if (d.removed) return;
    d.removed = true;
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
    if (this.lastDelimiter === d) this.lastDelimiter = d.prev;
  }

  private emit(writer: SpanWriter): InlineFacts {
    let images = 0;
    let outsideImages = false;
    let imageDepth = 0;
    const start = writer.written;
    for (const node of this.nodes) {
      const before = writer.written;
      switch (node.type) {
        case 'text':
          this.writeText(writer, node.from, node.to);
          break;
        case 'break':
          if (node.hard) writer.lineBreak();
          else writer.space();
          break;
        case 'code':
          writer.openMark('code');
          this.writeText(writer, node.from, node.to);
          writer.closeMark();
          break;
        case 'autolink':
          if (node.href) writer.openMark('link', node.href);
          this.writeText(writer, node.from, node.to);
          if (node.href) writer.closeMark();
          break;
        case 'open':
          if (!node.resolved) this.writeText(writer, node.at, node.at + (node.image ? 2 : 1));
          else if (node.image) {
            images++;
            imageDepth++;
          } else if (node.href) writer.openMark('link', node.href);
          break;
        case 'close':
          if (node.image) imageDepth--;
          else if (node.marked) writer.closeMark();
          break;
        case 'delim':
          this.writeDelimiter(writer, node);
          break;
      }
      if (imageDepth === 0 && writer.written > before && !(node.type === 'close' && node.image)) outsideImages = true;
    }
    return { onlyImages: images > 0 && !outsideImages, allEmphasis: writer.written > start && writer.covered('emphasis', start) };
  }

  private writeDelimiter(writer: SpanWriter, d: Delimiter): void {
    const closing = d.closes.reduce((n, kind) => n + (kind === 'strong' ? 2 : 1), 0);
    for (let i = 0; i < d.closes.length; i++) writer.closeMark();
    const literal = d.original - closing - d.opens.reduce((n, kind) => n + (kind === 'strong' ? 2 : 1), 0);
    this.writeText(writer, d.at + closing, d.at + closing + literal);
    for (let i = d.opens.length - 1; i >= 0; i--) writer.openMark(d.opens[i] as MarkKind);
  }

  /** Writes text[from, to) of the virtual text: each line's part as its original span, a space between lines. */
  private writeText(writer: SpanWriter, from: number, to: number): void {
    if (from >= to) return;
    let k = this.segmentAt(from);
    let at = from;
    while (at < to && k < this.segments.length) {
      const segmentStart = this.starts[k] as number;
      const segment = this.segments[k] as Segment;
      const end = Math.min(to, segmentStart + segment.to - segment.from);
      if (end > at) writer.text(segment.from + at - segmentStart, segment.from + end - segmentStart);
      at = end + 1;
      if (at < to) writer.space();
      k++;
    }
  }

  private segmentAt(position: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= position) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

function oddMatch(opener: Delimiter, closer: Delimiter): boolean {
  return (opener.canClose || closer.canOpen) && (opener.original + closer.original) % 3 === 0 && !(opener.original % 3 === 0 && closer.original % 3 === 0);
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  let newlines = 0;
  while (i < text.length && WHITESPACE.test(text.charAt(i))) {
    if (text.charAt(i) === '\n' && ++newlines > 1) break;
    i++;
  }
  return i;
}
