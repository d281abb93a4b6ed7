import type { Nodes, Parent, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * A note as Markdown in an exported file: the author's own Markdown (bold,
 * italics, lists, links, code, line breaks, paragraphs) kept as typed, so that
 * Obsidian and other readers render it as the app does, with a backslash
 * added only where the note's text would otherwise mean more outside the app:
 *
 * - what the app shows as plain text stays plain text: a line starting with
 *   `#` or `>`, a rule, an image, raw HTML (the app shows HTML as typed), and
 *   Obsidian's own syntax (#tags, ==highlights==, %%comments%%, $maths$,
 *   [[links]]), so that a note never adds a heading, a quote or a tag to the
 *   file and reads as its author wrote it, inside its section;
 * - a code block left open is closed, so that it ends with the note.
 *
 * The note is parsed with remark (CommonMark), as the app renders it, and
 * the backslashes go at the source offsets of what has to stay literal.
 */

/** Characters a text node may hold that another Markdown reader could still take for markup. */
const TEXT_MARKUP = /[`*_[\]<#|~$=%^]/;
/** In raw HTML, every character is literal in the app: the backslash and `>` too. */
const HTML_MARKUP = /[\\`*_[\]<>#|~$=%^]/;
/** A backslash escape (`\*`): the character after it is already literal. */
const ESCAPE = /\\[!-/:-@[-`{-~]/y;
/** A character reference (`&amp;`): copied as is, it reads back as the same character. */
const REFERENCE = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/y;
/** What could start a list, a rule or a setext underline at the start of a line: its last character is escaped. */
const LINE_MARKER = /^ {0,3}(?:[-+]|\d{1,9}[.)])/;
/** A line indented enough to be code. */
const INDENTED = /^ {4,}\S/;
/** A blockquote's markers in front of a line of raw HTML inside it. */
const QUOTE_PREFIX = /^(?: {0,3}> ?)+/;

const parser = unified().use(remarkParse);

/** The note as Markdown that renders in other readers as it does in the app. */
export function noteMarkdown(note: string): string {
  const source = note.replace(/\r\n?/g, '\n');
  const tree = parser.parse(source) as Root;
  const walk: Walk = { source, inserts: new Map(), breaks: new Set(), lineStarts: lineStarts(source) };
  visitBlocks(tree, walk);
  let escaped = '';
  for (let i = 0; i < source.length; i++) escaped += (walk.breaks.has(i) ? '\n' : '') + (walk.inserts.get(i) ?? '') + source.charAt(i);
  const fence = unclosedFence(tree, source);
  return fence ? `${escaped.trimEnd()}\n${fence}` : escaped;
}

interface Walk {
  source: string;
  /** What to write before some characters of the source, by offset: mostly a backslash. */
  inserts: Map<number, string>;
  /** Line starts of the source to put a blank line before (before any insert there). */
  breaks: Set<number>;
  lineStarts: number[];
}

/** Blocks the export turns into text. */
const TURNED_TO_TEXT = new Set(['html', 'heading', 'blockquote', 'thematicBreak']);
const turned = (block: Nodes): boolean => TURNED_TO_TEXT.has(block.type);
const textLike = (block: Nodes): boolean => block.type === 'paragraph' || turned(block);

/**
 * The blocks of a container. A block the export turns into text (raw HTML,
 * `# x`, `> x`, a rule) on the line next to a paragraph or to another such
 * block (also at the end of a list or a quote) would join it as one more
 * line: between the two goes a blank line, so that each stays a block.
 */
function visitBlocks(parent: Parent, walk: Walk): void {
  parent.children.forEach((node, i) => {
    const before = parent.children[i - 1];
    const line = node.position?.start.line;
    const touching = before !== undefined && line === (before.position?.end.line ?? 0) + 1;
    if (touching && endsAs(before, textLike) && (turned(node) || endsAs(before, turned))) walk.breaks.add(walk.lineStarts[line - 1] as number);
    visit(node, walk);
  });
}

/** Whether a block, or the last block inside it (a list's last item, a quote's last paragraph), is what `test` says. */
function endsAs(block: Nodes, test: (block: Nodes) => boolean): boolean {
  if (test(block)) return true;
  const last = block.type === 'list' || block.type === 'listItem' || block.type === 'blockquote' ? block.children.at(-1) : undefined;
  return last !== undefined && endsAs(last, test);
}

function visit(node: Nodes, walk: Walk): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  switch (node.type) {
    case 'text':
      escapeLiteral(walk, start, end, TEXT_MARKUP);
      return;
    case 'html':
      escapeHtml(walk, start, end);
      return;
    case 'inlineCode':
    case 'code':
    case 'definition':
    case 'break':
      return;
    case 'image':
    case 'imageReference':
      // `!\[alt](src)` shows as typed: the app shows no images.
      insert(walk, start + 1);
      return;
    case 'thematicBreak':
      insert(walk, start);
      return;
    case 'heading':
      escapeHeading(walk, start, end);
      break;
    case 'blockquote':
      escapeQuoteMarkers(walk, start, end, node.position?.start.column ?? 1);
      break;
    case 'linkReference':
      // `[label]` and `[label][]` name their definition by their text as typed: an escape would change it.
      if (node.referenceType !== 'full') return;
      break;
    case 'link':
      // An autolink (<https://…>) is a link in every reader; its text is its address, to keep whole.
      if (walk.source.charAt(start) === '<') return;
      break;
  }
  if (node.type === 'blockquote' || node.type === 'listItem' || node.type === 'list') visitBlocks(node, walk);
  else if ('children' in node) for (const child of node.children as Nodes[]) visit(child, walk);
}

/** Backslashes before the markup characters of [start, end), except those already escaped and character references. */
function escapeLiteral(walk: Walk, start: number, end: number, markup: RegExp, copyEscapes = true): void {
  const { source } = walk;
  for (let i = start; i < end; i++) {
    if (copyEscapes && matchAt(ESCAPE, source, i)) {
      i++;
      continue;
    }
    const reference = matchAt(REFERENCE, source, i);
    if (reference) {
      // In text a reference already reads as its character; in raw HTML its `&` must stay literal.
      if (!copyEscapes) insert(walk, i);
      i += reference - 1;
      continue;
    }
    if (markup.test(source.charAt(i))) insert(walk, i);
  }
}

/**
 * Raw HTML reads as the text it is: every markup character escaped, and
 * each of its lines after the first kept from starting a list or, indented,
 * a code block (the rest of a block's structure, `#` or `>`, is among the
 * escaped characters).
 */
function escapeHtml(walk: Walk, start: number, end: number): void {
  escapeLiteral(walk, start, end, HTML_MARKUP, false);
  for (const lineStart of linesWithin(walk, start, end)) {
    const line = walk.source.slice(lineStart, end).split('\n', 1)[0] as string;
    const quoted = QUOTE_PREFIX.exec(line)?.[0].length ?? 0;
    const marker = LINE_MARKER.exec(' '.repeat(quoted) + line.slice(quoted));
    if (marker) insert(walk, lineStart + marker[0].length - 1);
    if (INDENTED.test(line.slice(quoted))) insert(walk, lineStart + quoted, '&#32;');
  }
}

/** `\# Title` reads as typed; a setext heading's underline (`---`, `===`) becomes text of the paragraph above it. */
function escapeHeading(walk: Walk, start: number, end: number): void {
  const text = walk.source.slice(start, end);
  if (/^#{1,6}(?:[ \t]|$)/.test(text)) {
    insert(walk, start);
    return;
  }
  const underline = text.search(/[=-]+[ \t]*$/);
  if (underline >= 0) insert(walk, start + underline);
}

/** `\>` on each line of a blockquote that has its marker at the quote's column. */
function escapeQuoteMarkers(walk: Walk, start: number, end: number, column: number): void {
  insert(walk, start);
  for (const lineStart of linesWithin(walk, start, end)) {
    let at = lineStart + column - 1;
    for (let spaces = 0; spaces < 3 && walk.source.charAt(at) === ' '; spaces++) at++;
    if (walk.source.charAt(at) === '>') insert(walk, at);
  }
}

/**
 * The fence of a code block left open at the end of the note, which the
 * note's end closes in the app but would run on through the file; null when
 * there is none.
 */
function unclosedFence(tree: Root, source: string): string | null {
  const last = tree.children.at(-1);
  const end = last?.position?.end.offset;
  if (last?.type !== 'code' || end === undefined || source.slice(end).trim() !== '') return null;
  const text = source.slice(last.position?.start.offset, end);
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
  if (!fence) return null;
  const lines = text.split('\n');
  const closing = new RegExp(`^ {0,3}\\${fence.charAt(0)}{${fence.length},}[ \\t]*$`);
  return lines.length > 1 && closing.test(lines.at(-1) as string) ? null : fence;
}

/** Writes `text` (a backslash unless said) before the character at `at`, after what is already written there; one backslash is enough. */
function insert(walk: Walk, at: number, text = '\\'): void {
  const before = walk.inserts.get(at) ?? '';
  if (!(text === '\\' && before.endsWith('\\'))) walk.inserts.set(at, before + text);
}

/** The starts of the lines after the first of [start, end). */
const linesWithin = (walk: Walk, start: number, end: number): number[] => walk.lineStarts.filter((at) => at > start && at < end);

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The length of `pattern` (sticky) matched at `at`, or 0. */
function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0].length ?? 0;
}
