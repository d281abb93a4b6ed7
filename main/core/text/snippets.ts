/**
 * What a search shows of a passage: the window with the most matched words,
 * those words marked. Ranges, never HTML.
 *
 * Pure code: no Node, no DOM.
 */
import type { Snippet } from '../../common/contract';
import { forEachTerm } from './tokens';

export type Range = [from: number, to: number];

const SNIPPET_LENGTH = 220;

/**
 * Ranges of `text` whose index term `matches`, overlaps merged. When parts
 * of a compound match, only they are marked: "Ericsson" in "Ericsson’s",
 * "IoT" in "NB-IoT"; the whole compound when only it matches ("5G-A").
 */
export function termRanges(text: string, matches: (term: string) => boolean): Range[] {
  const ranges: Range[] = [];
  let whole: Range | null = null;
  forEachTerm(text, (term, from, to, isWhole) => {
    if (isWhole) whole = null;
    if (!matches(term)) return;
    if (!isWhole && whole && ranges.at(-1) === whole) ranges.pop();
    const range: Range = [from, to];
    if (isWhole) whole = range;
    ranges.push(range);
  });
  return mergeRanges(ranges);
}

/**
 * A pattern for a phrase's atoms one after the other, whatever punctuation
 * or spacing lies between them ("SDN NFV" finds "SDN/NFV"); the last atom as
 * a prefix when `open` (its closing quote not typed yet).
 */
export function phrasePattern(atoms: readonly string[], open: boolean): RegExp {
  const escaped = atoms.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const body = escaped.join('[^\\p{L}\\p{N}]+');
  // The word boundary before the first atom is checked after it matched, so the search can skip ahead on the literal.
  const before = `(?<![\\p{L}\\p{N}]${escaped[0] ?? ''})`;
  const first = escaped[0]?.length ?? 0;
  const after = open ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])';
  return new RegExp(`${body.slice(0, first)}${before}${body.slice(first)}${after}`, 'giu');
}

/** Ranges of `text` matching a (global) pattern. */
export function patternRanges(text: string, pattern: RegExp): Range[] {
  pattern.lastIndex = 0; // matchAll starts where the pattern's last use left it
  return [...text.matchAll(pattern)].map((m): Range => [m.index, m.index + m[0].length]);
}

/** Sorts ranges and joins those that overlap or touch. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const [from, to] of sorted) {
    const previous = merged.at(-1);
    if (previous && from <= previous[1]) previous[1] = Math.max(previous[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Where the snippet of `text` around `ranges` lies in it: about 220 characters, cut at spaces, holding the most distinct marked words. */
export function snippetWindow(text: string, ranges: Range[]): Range {
  let from = 0;
  if (text.length > SNIPPET_LENGTH && ranges.length > 0) {
    let best = -1;
    for (const [start] of ranges) {
      const begin = Math.max(0, start - SNIPPET_LENGTH / 4);
      const words = new Set(ranges.filter(([s, e]) => s >= begin && e <= begin + SNIPPET_LENGTH).map(([s, e]) => text.slice(s, e).toLowerCase()));
      if (words.size > best) {
        best = words.size;
        from = begin;
      }
    }
    from = Math.min(from, Math.max(0, text.length - SNIPPET_LENGTH));
    if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  }
  return [from, Math.min(text.length, from + SNIPPET_LENGTH)];
}

/** The snippet of `text` in `window` (see snippetWindow), with the marks inside it in snippet offsets. */
export function snippetOf(text: string, ranges: Range[], window: Range = snippetWindow(text, ranges)): Snippet {
  const [from, to] = window;
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const highlights = ranges.filter(([s, e]) => s >= from && e <= to).map(([s, e]): Range => [s - from + prefix.length, e - from + prefix.length]);
  return { text: prefix + text.slice(from, to) + suffix, highlights };
}

/** A snippet of `text` with the words that start with one of `terms` (lower-case index terms) marked. */
export function makeSnippet(text: string, terms: string[]): Snippet {
  return snippetOf(text, termRanges(text, (term) => terms.some((t) => term.startsWith(t))));
}
