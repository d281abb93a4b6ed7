/**
 * Turns the positioned text runs of PDF pages into paragraphs of text.
 *
 * A PDF has no paragraphs, only glyph runs at coordinates. Lines are rebuilt
 * from runs that share a baseline; a line starts a new paragraph after a
 * wider gap than the page's usual line spacing, at a change of font size, at
 * a first-line indent, at a bullet, or after a short line that ends a
 * sentence. Lines of one paragraph are joined with spaces, words hyphenated
 * at a line end are mended, bare page numbers and running headers/footers are
 * dropped, and a paragraph cut by a page break is joined again. The result is
 * one paragraph per line with blank lines between, which the reading blocks
 * take as they are.
 *
 * Pure code: no pdf.js, no Node.
 */

import { HEAD_BEFORE_HYPHEN, keepsHyphen, vocabularyOf, WORD_AT_START } from '../../library/hyphens';

/** One run of text as pdf.js reports it, in PDF units with y growing upwards. */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the run's height). */
  size: number;
}

interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

interface Paragraph {
  lines: Line[];
}

/** A gap this much wider than the usual line spacing separates paragraphs. */
const PARAGRAPH_GAP = 1.4;
/** Font sizes differing by more than this share are different kinds of text (a heading and its body). */
const SIZE_CHANGE = 0.15;
/** A line ending this share of the column width short of the right margin is a paragraph's last line. */
const SHORT_LINE = 0.15;
const SENTENCE_END = /[.!?:…]["”’')\]]*$/;
const BULLET = /^(?:[•·▪●◦■‧–-]\s|\d{1,2}[.)]\s)/;
const PAGE_NUMBER = /^(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s+of\s+\d{1,4})?$/i;
const WORD_START = /^\p{Ll}/u;

/** The text of a document from its pages' runs; empty when the pages carry no text. */
export function layoutPages(pages: TextRun[][]): string {
  const pageLines = dropRunningLines(pages.map(toLines));
  // Every word of the document: the evidence for mending hyphenated words.
  const vocabulary = vocabularyOf(pageLines.map((lines) => lines.map((line) => line.text).join('\n')).join('\n'));
  const paragraphs: Paragraph[] = [];
  for (const lines of pageLines) {
    const found = toParagraphs(lines);
    const first = found[0];
    const previous = paragraphs.at(-1);
    // A paragraph that runs over the page break continues mid-sentence on the next page.
    if (first && previous && continuesAcrossPages(previous, first)) {
      previous.lines.push(...first.lines);
      found.shift();
    }
    paragraphs.push(...found);
  }
  return paragraphs.map((p) => joinLines(p.lines, vocabulary)).filter(Boolean).join('\n\n');
}

/** Runs sharing a baseline become one line, in the order pdf.js reads them. */
function toLines(runs: TextRun[]): Line[] {
  const lines: Line[] = [];
  for (const run of runs) {
    if (run.str === '') continue;
    const line = lines.at(-1);
    const size = run.size || 1;
    if (line && Math.abs(line.y - run.y) < Math.min(line.size, size) * 0.5) {
      const gap = run.x - line.right;
      const spaced = /\s$/.test(line.text) || /^\s/.test(run.str);
      line.text += !spaced && gap > size * 0.15 ? ` ${run.str}` : run.str;
      line.right = Math.max(line.right, run.x + run.width);
      line.size = Math.max(line.size, size);
    } else {
      lines.push({ text: run.str, x: run.x, right: run.x + run.width, y: run.y, size });
    }
  }
  return lines
    .map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }))
    .filter((line) => line.text !== '');
}

/**
 * Page numbers, and lines that open or close most pages alike (a running
 * title, "Annual Report 2017 | 12"), are furniture of the printed page. A line
 * set larger than most of its page is the page's title, not furniture (slides
 * repeat theirs: "Q1 results", "Q2 results"), and a page's only line is its text.
 */
function dropRunningLines(pages: Line[][]): Line[][] {
  const key = (line: Line | undefined): string | null => (line ? line.text.replace(/\d+/g, '#').toLowerCase() : null);
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set([key(lines[0]), key(lines.at(-1))])) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const running = (line: Line): boolean => pages.length >= 3 && (counts.get(key(line) ?? '') ?? 0) > pages.length / 2;
  const kept = pages.map((lines) => {
    if (lines.length < 2) return lines;
    const body = medianSize(lines);
    return lines.filter((line, i) => {
      const edge = i === 0 || i === lines.length - 1;
      return !(edge && line.size <= body && (PAGE_NUMBER.test(line.text) || running(line)));
    });
  });
  // Whatever the furniture, a PDF with text never reads as empty.
  return kept.some((lines) => lines.length > 0) ? kept : pages;
}

function medianSize(lines: Line[]): number {
  const sizes = lines.map((line) => line.size).sort((a, b) => a - b);
  return sizes[Math.floor((sizes.length - 1) / 2)] as number;
}

/** The page's text column: where its lines start and end. */
interface Column {
  left: number;
  right: number;
}

function toParagraphs(lines: Line[]): Paragraph[] {
  const spacing = usualSpacing(lines);
  const column = lines.reduce((c, l) => ({ left: Math.min(c.left, l.x), right: Math.max(c.right, l.right) }), { left: Infinity, right: -Infinity });
  const paragraphs: Paragraph[] = [];
  for (const line of lines) {
    const current = paragraphs.at(-1);
    const previous = current?.lines.at(-1);
    if (current && previous && !startsParagraph(previous, line, spacing, column)) current.lines.push(line);
    else paragraphs.push({ lines: [line] });
  }
  return paragraphs;
}

/** The most common distance between consecutive baselines on the page. */
function usualSpacing(lines: Line[]): number {
  const gaps = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const gap = Math.round((lines[i - 1] as Line).y - (lines[i] as Line).y);
    if (gap > 0) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [gap, count] of gaps) {
    if (count > bestCount || (count === bestCount && gap < best)) [best, bestCount] = [gap, count];
  }
  return best || (lines[0]?.size ?? 12) * 1.2;
}

function startsParagraph(previous: Line, line: Line, spacing: number, column: Column): boolean {
  const gap = previous.y - line.y;
  if (gap <= 0 || gap > spacing * PARAGRAPH_GAP) return true; // a new column, or a blank line's worth of space
  if (Math.abs(line.size - previous.size) > Math.max(line.size, previous.size) * SIZE_CHANGE) return true;
  if (BULLET.test(line.text)) return true;
  const ended = SENTENCE_END.test(previous.text);
  // A wrapped line runs to the margin; one that stops short ends its paragraph (or is a heading).
  const short = column.right - previous.right > (column.right - column.left) * SHORT_LINE;
  if (short && (ended || /^[\p{Lu}\d]/u.test(line.text))) return true;
  // A first-line indent.
  return ended && line.x > previous.x + line.size;
}

function continuesAcrossPages(previous: Paragraph, next: Paragraph): boolean {
  const last = previous.lines.at(-1) as Line;
  const first = next.lines[0] as Line;
  return !SENTENCE_END.test(last.text) && (WORD_START.test(first.text) || HEAD_BEFORE_HYPHEN.test(last.text)) && Math.abs(last.size - first.size) <= last.size * SIZE_CHANGE;
}

/** The lines of a paragraph as one line of text, hyphenated words mended. */
function joinLines(lines: Line[], vocabulary: ReadonlySet<string>): string {
  let text = '';
  for (const line of lines) {
    if (!text) {
      text = line.text;
      continue;
    }
    const head = HEAD_BEFORE_HYPHEN.exec(text);
    const tail = WORD_AT_START.exec(line.text);
    if (head && tail && /\p{L}/u.test(tail[1] as string)) {
      const kept = !text.endsWith('\u00AD') && keepsHyphen(head[1] as string, tail[1] as string, tail[2] === '-', vocabulary);
      text = text.slice(0, -1) + (kept ? '-' : '') + line.text;
    } else text += ` ${line.text}`;
  }
  return text;
}
