/**
 * Reading blocks for a Markdown original, as CommonMark reads its blocks:
 * ATX and setext headings (with their level), paragraphs, block quotes, bullet
 * and numbered lists (nested), fenced and indented code, and link reference
 * definitions; thematic breaks and raw HTML blocks give no block at all. The
 * front matter (YAML between `---` lines) is not text to read.
 *
 * One pass over the lines with a bounded stack of containers, then the inline
 * content of each paragraph (markdown-inline.ts): time and memory follow the
 * length of the text whatever it holds. Containers nested deeper than
 * MAX_NESTING are read as text, and the result says so (the importer refuses
 * such a file).
 *
 * Pure code: no Electron, no Node.
 */

import { SpanWriter, type Draft, type Structure } from './block-drafts';
import { normaliseLabel, writeInline, type Segment } from './markdown-inline';

/** Block quotes and list items nested deeper than this are not structure a person reads. */
export const MAX_NESTING = 32;

export interface ParsedMarkdown {
  drafts: Draft[];
  /** The YAML of the front matter, or null. */
  frontMatter: string | null;
  /** Whether containers went deeper than MAX_NESTING (the rest was read as text). */
  overNested: boolean;
}

interface Container {
  quote: boolean;
  /** For a list item: the column its content starts at, from where the container starts. */
  indent: number;
  ordered: boolean;
  number: number | undefined;
  /** No block of the item has been read yet: the next one carries its marker. */
  first: boolean;
}

interface Context {
  quote: number;
  indent: number;
  list: { ordered: boolean; number?: number } | undefined;
}

type Leaf =
  | { type: 'paragraph'; segments: Segment[]; context: Context }
  | { type: 'heading'; segments: Segment[]; level: number; context: Context }
  | { type: 'code'; lines: CodeLine[]; context: Context; fence: { char: string; length: number; indent: number } | null; blanks: number }
  | { type: 'html'; end: RegExp | null };

type Written = Exclude<Leaf, { type: 'html' }>;

/** A line of code as written, after the blank lines before it (inside the block). */
interface CodeLine extends Segment {
  blanksBefore: number;
}

const ATX = /^(#{1,6})(?:[ \t]+|$)/;
const ATX_CLOSING = /(?:^|[ \t]+)#+[ \t]*$/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const BULLET = /^[-+*](?=[ \t]|$)/;
const ORDERED = /^(\d{1,9})[.)](?=[ \t]|$)/;
const CONTAINER_MARKER = /^[ \t]*(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
const DEFINITION = /^\[((?:[^\]\\]|\\.){1,999})\]:[ \t]*(<[^<>\n]*>|\S+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
const HTML_BLOCKS: Array<[start: RegExp, end: RegExp | null]> = [
  [/^<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [
    /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$)/i,
    null,
  ],
];
/** A tag alone on its line also opens an HTML block, except in the middle of a paragraph. */
const HTML_TAG_LINE = /^(?:<[a-zA-Z][a-zA-Z0-9-]*(?:\s+[a-zA-Z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[a-zA-Z][a-zA-Z0-9-]*\s*>)\s*$/;
/** Lines longer than this are never tested as tags or definitions (they are paragraphs). */
const MAX_MARKUP_LINE = 1000;

/**
 * A Markdown document's blocks, front matter and nesting. `refusing`: stop at
 * the first container nested too deep (an importer that will refuse the file
 * needs no more of it).
 */
export function parseMarkdown(original: string, refusing = false): ParsedMarkdown {
  return new BlockParser(original, refusing).parse();
}

export const markdownDrafts = (original: string): Draft[] => parseMarkdown(original).drafts;

class BlockParser {
  private readonly containers: Container[] = [];
  private leaf: Leaf | null = null;
  private readonly written: Written[] = [];
  private readonly definitions = new Map<string, string>();
  private overNested = false;

  constructor(
    private readonly original: string,
    private readonly refusing: boolean,
  ) {}

  parse(): ParsedMarkdown {
    const { original } = this;
    const front = frontMatter(original);
    let lineStart = front ? front.end : 0;
    while (lineStart <= original.length && !(this.refusing && this.overNested)) {
      let lineEnd = original.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = original.length;
      this.line(lineStart, lineEnd > lineStart && original.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
      lineStart = lineEnd + 1;
    }
    this.closeLeaf();
    return { drafts: this.drafts(), frontMatter: front ? original.slice(front.from, front.to) : null, overNested: this.overNested };
  }

  private line(start: number, end: number): void {
    let pos = start;
    let matched = 0;
    for (; matched < this.containers.length; matched++) {
      const container = this.containers[matched] as Container;
      const next = container.quote ? this.quoteMarker(pos, end) : this.itemContinues(container, pos, end);
      if (next < 0) break;
      pos = next;
    }
    const blank = isBlank(this.original, pos, end);
    if (matched < this.containers.length) {
      if (this.leaf?.type === 'paragraph' && !blank && !this.interrupts(pos, end)) {
        this.leaf.segments.push({ from: indentation(this.original, pos, end).next, to: end });
        return;
      }
      this.closeLeaf();
      this.containers.length = matched;
    }
    if (this.leaf?.type === 'code' && this.leaf.fence) return this.fencedLine(this.leaf, pos, end);
    if (this.leaf?.type === 'html') {
      const { end: ending } = this.leaf;
      if (ending === null ? blank : ending.test(this.original.slice(pos, end))) this.leaf = null;
      return;
    }
    if (!blank) pos = this.openContainers(pos, end);
    this.leafLine(pos, end, isBlank(this.original, pos, end));
  }

  /** After a block quote marker at `pos`, or -1. */
  private quoteMarker(pos: number, end: number): number {
    const { original } = this;
    const indent = indentation(original, pos, end);
    if (indent.columns > 3 || original.charAt(indent.next) !== '>') return -1;
    const after = indent.next + 1;
    return after < end && (original.charAt(after) === ' ' || original.charAt(after) === '\t') ? after + 1 : after;
  }

  /** After a list item's indentation at `pos` (a blank line stays in the item), or -1. */
  private itemContinues(item: Container, pos: number, end: number): number {
    if (isBlank(this.original, pos, end)) return pos;
    const indent = indentation(this.original, pos, end);
    return indent.columns >= item.indent ? consumeColumns(this.original, pos, end, item.indent) : -1;
  }

  /** Whether the line would start a block of its own rather than continue a paragraph lazily. */
  private interrupts(pos: number, end: number): boolean {
    const indent = indentation(this.original, pos, end);
    if (indent.columns >= 4) return false;
    const rest = this.original.slice(indent.next, Math.min(end, indent.next + MAX_MARKUP_LINE));
    return rest.startsWith('>') || BULLET.test(rest) || ORDERED.test(rest) || ATX.test(rest) || THEMATIC_BREAK.test(rest) || FENCE.test(rest) || HTML_BLOCKS.some(([opening]) => opening.test(rest));
  }

  /** Opens the block quotes and list items that start at `pos`; returns where the line's content starts. */
  private openContainers(start: number, end: number): number {
    const { original } = this;
    let pos = start;
    if (this.containers.length >= MAX_NESTING && CONTAINER_MARKER.test(original.slice(pos, Math.min(end, pos + MAX_MARKUP_LINE)))) {
      // However far it is indented, a marker here would open one more level.
      this.overNested = true;
      return pos;
    }
    for (;;) {
      const indent = indentation(original, pos, end);
      if (indent.columns >= 4) return pos;
      const rest = original.slice(indent.next, Math.min(end, indent.next + MAX_MARKUP_LINE));
      const quote = rest.startsWith('>');
      const marker = quote ? null : listMarker(rest);
      if (!quote && (!marker || THEMATIC_BREAK.test(rest))) return pos;
      if (marker && this.leaf?.type === 'paragraph' && (marker.blank || (marker.number !== undefined && marker.number !== 1))) return pos;
      if (this.containers.length >= MAX_NESTING) {
        this.overNested = true;
        return pos;
      }
      this.closeLeaf();
      if (quote) {
        pos = this.quoteMarker(pos, end);
        this.containers.push({ quote: true, indent: 0, ordered: false, number: undefined, first: false });
        continue;
      }
      const item = marker as NonNullable<typeof marker>;
      const afterMarker = indent.next + item.width;
      const spaces = indentation(original, afterMarker, end);
      const gap = item.blank || spaces.columns >= 5 ? 1 : spaces.columns;
      this.containers.push({ quote: false, indent: indent.columns + item.width + gap, ordered: item.number !== undefined, number: item.number, first: true });
      pos = item.blank ? end : consumeColumns(original, afterMarker, end, gap);
    }
  }

  private leafLine(pos: number, end: number, blank: boolean): void {
    const { original } = this;
    const leaf = this.leaf;
    if (blank) {
      if (leaf?.type === 'code') leaf.blanks++;
      else this.closeLeaf();
      return;
    }
    const indent = indentation(original, pos, end);
    if (indent.columns >= 4 && leaf?.type !== 'paragraph') {
      const from = consumeColumns(original, pos, end, 4);
      if (leaf?.type === 'code') {
        this.codeLine(leaf, from, end);
        return;
      }
      this.closeLeaf();
      const code: Leaf = { type: 'code', lines: [], context: this.context(), fence: null, blanks: 0 };
      this.codeLine(code, from, end);
      this.leaf = code;
      return;
    }
    if (leaf?.type === 'code') this.closeLeaf();
    const at = indent.next;
    const rest = original.slice(at, Math.min(end, at + MAX_MARKUP_LINE));
    const short = end - at <= MAX_MARKUP_LINE;
    const atx = ATX.exec(rest);
    if (atx) {
      this.closeLeaf();
      this.written.push({ type: 'heading', level: (atx[1] as string).length, segments: [headingContent(original, at + atx[0].length, end)], context: this.context() });
      return;
    }
    if (leaf?.type === 'paragraph' && short && SETEXT.test(rest)) {
      this.written.push({ type: 'heading', level: rest.startsWith('=') ? 1 : 2, segments: leaf.segments, context: leaf.context });
      this.leaf = null;
      return;
    }
    if (short && THEMATIC_BREAK.test(rest)) return this.closeLeaf();
    const fence = short ? FENCE.exec(rest) : null;
    if (fence && !(fence[1]?.startsWith('`') && fence[2]?.includes('`'))) {
      this.closeLeaf();
      this.leaf = { type: 'code', lines: [], context: this.context(), fence: { char: (fence[1] as string).charAt(0), length: (fence[1] as string).length, indent: indent.columns }, blanks: 0 };
      return;
    }
    if (this.htmlBlock(rest, short, leaf?.type === 'paragraph')) return;
    if (leaf?.type === 'paragraph') {
      leaf.segments.push({ from: at, to: end });
      return;
    }
    const definition = short ? DEFINITION.exec(rest) : null;
    if (definition && /\S/.test(definition[1] as string)) {
      const label = normaliseLabel((definition[1] as string).replace(/\\(.)/g, '$1'));
      if (!this.definitions.has(label)) this.definitions.set(label, (definition[2] as string).replace(/^<|>$/g, ''));
      return;
    }
    this.closeLeaf();
    this.leaf = { type: 'paragraph', segments: [{ from: at, to: end }], context: this.context() };
  }

  /** Opens an HTML block (left out of the reading) when one starts here. */
  private htmlBlock(rest: string, short: boolean, inParagraph: boolean): boolean {
    if (!rest.startsWith('<')) return false;
    const kind = HTML_BLOCKS.find(([opening]) => opening.test(rest));
    const tagLine = !kind && !inParagraph && short && HTML_TAG_LINE.test(rest);
    if (!kind && !tagLine) return false;
    this.closeLeaf();
    const ending = kind ? kind[1] : null;
    this.leaf = ending && ending.test(rest.slice(1)) ? null : { type: 'html', end: ending };
    return true;
  }

  private fencedLine(leaf: Extract<Leaf, { type: 'code' }>, pos: number, end: number): void {
    const fence = leaf.fence as NonNullable<typeof leaf.fence>;
    const indent = indentation(this.original, pos, end);
    if (indent.columns <= 3 && closesFence(this.original, indent.next, end, fence)) {
      this.closeLeaf();
      return;
    }
    if (isBlank(this.original, pos, end)) {
      leaf.blanks++;
      return;
    }
    this.codeLine(leaf, consumeColumns(this.original, pos, end, fence.indent), end);
  }

  private codeLine(leaf: Extract<Leaf, { type: 'code' }>, from: number, to: number): void {
    let end = to;
    while (end > from && /\s/.test(this.original.charAt(end - 1))) end--;
    // Blank lines inside the code come back as its line breaks; before its first line they are nothing.
    leaf.lines.push({ from, to: end, blanksBefore: leaf.lines.length === 0 ? 0 : leaf.blanks });
    leaf.blanks = 0;
  }

  /** Where a new block sits, and whether it is the first of a list item (it then carries the item's marker). */
  private context(): Context {
    let quote = 0;
    let indent = 0;
    let list: Context['list'];
    for (const container of this.containers) {
      if (container.quote) quote++;
      else {
        indent++;
        if (container.first) list = container.number === undefined ? { ordered: false } : { ordered: true, number: container.number };
        container.first = false;
      }
    }
    return { quote, indent, list };
  }

  private closeLeaf(): void {
    const leaf = this.leaf;
    this.leaf = null;
    if (leaf && leaf.type !== 'html') this.written.push(leaf);
  }

  private drafts(): Draft[] {
    const drafts: Draft[] = [];
    let afterFigure = false;
    for (const leaf of this.written) {
      const writer = new SpanWriter(this.original);
      const structure: Structure = structureOf(leaf.context);
      let kind: Draft['kind'] = 'paragraph';
      let figure = false;
      if (leaf.type === 'code') {
        writeCode(writer, leaf.lines);
        structure.code = true;
      } else {
        const facts = writeInline(this.original, leaf.segments, writer, this.definitions);
        if (leaf.type === 'heading') {
          kind = 'heading';
          structure.level = leaf.level;
        } else if (facts.onlyImages || (afterFigure && facts.allEmphasis)) {
          kind = 'figure';
          figure = facts.onlyImages;
        } else if (leaf.context.list) kind = 'bullet';
      }
      if (kind !== 'bullet') delete structure.list;
      afterFigure = figure;
      const draft = writer.take(kind, structure);
      if (draft) drafts.push(draft);
    }
    return drafts;
  }
}

function structureOf(context: Context): Structure {
  const structure: Structure = {};
  if (context.quote > 0) structure.quote = context.quote;
  if (context.indent > 0) structure.indent = context.indent;
  if (context.list) structure.list = context.list;
  return structure;
}

/** A code block's lines, each as written, with its line breaks between them. */
function writeCode(writer: SpanWriter, lines: CodeLine[]): void {
  for (const line of lines) {
    if (line.from >= line.to) continue;
    if (!writer.empty) writer.lineBreak('\n'.repeat(line.blanksBefore + 1));
    writer.text(line.from, line.to, true);
  }
}

/** Whether original[from, end) closes the fence: its character, at least as many, then only spaces. */
function closesFence(original: string, from: number, end: number, fence: { char: string; length: number }): boolean {
  let i = from;
  while (i < end && original.charAt(i) === fence.char) i++;
  return i - from >= fence.length && isBlank(original, i, end);
}

function headingContent(original: string, from: number, end: number): Segment {
  const text = original.slice(from, end);
  const closing = ATX_CLOSING.exec(text);
  return { from, to: closing ? from + closing.index : end };
}

function listMarker(rest: string): { width: number; number: number | undefined; blank: boolean } | null {
  const ordered = ORDERED.exec(rest);
  const match = ordered ?? BULLET.exec(rest);
  if (!match) return null;
  const width = match[0].length;
  return { width, number: ordered ? Number(ordered[1]) : undefined, blank: !/\S/.test(rest.slice(width)) };
}

/** The front matter: `---` on the first line, closed by `---` or `...` on a line of its own. */
function frontMatter(original: string): { from: number; to: number; end: number } | null {
  const first = /^---[ \t]*\r?\n/.exec(original);
  if (!first) return null;
  const closing = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
  closing.lastIndex = first[0].length;
  const match = closing.exec(original);
  if (!match) return null;
  return { from: first[0].length, to: match.index, end: match.index + match[0].length };
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** The columns of spaces and tabs at `from` (a tab to the next multiple of four), and where they end. */
function indentation(text: string, from: number, to: number): { columns: number; next: number } {
  let columns = 0;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) columns++;
    else if (c === 9) columns += 4 - (columns % 4);
    else break;
  }
  return { columns, next: i };
}

/** Past `columns` columns of indentation at `from` (a tab that reaches past them is taken whole). */
function consumeColumns(text: string, from: number, to: number, columns: number): number {
  let taken = 0;
  let i = from;
  while (i < to && taken < columns) {
    const c = text.charCodeAt(i);
    if (c === 32) taken++;
    else if (c === 9) taken += 4 - (taken % 4);
    else break;
    i++;
  }
  return i;
}
