/**
 * The sentence around a passage, for showing a mention in context. Works on
 * the original text within the bounds of one reading block, and knows the
 * abbreviations that end in a full stop without ending a sentence
 * ("Mr. Yang Jie", "Co., Ltd.", "Nov. 1st"). Pure code.
 */

import type { Snippet } from '../../common/contract/search';

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st sr jr co corp ltd inc no nos vs etc e.g i.e approx dept est fig gen gov hon jan feb mar apr jun jul aug sep sept oct nov dec rev sen rep u.s u.k'.split(' '),
);
// A full stop, question or exclamation mark (closing quotes and brackets may follow) before whitespace.
const SENTENCE_END = /[.!?…]["”’')\]]*(?=\s)/g;
const MAX_SNIPPET = 360;

/** Whether the full stop at `dot` ends the word before it, rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  const word = /(?:^|[^\p{L}.])([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  // Initials ("J. Smith") are single capitals.
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
}

/** [start, end) of the sentence of `text[lo, hi)` that holds [from, to). */
export function sentenceAround(text: string, lo: number, hi: number, from: number, to: number): [number, number] {
  let start = lo;
  let end = hi;
  SENTENCE_END.lastIndex = lo;
  for (let match = SENTENCE_END.exec(text); match && match.index < hi; match = SENTENCE_END.exec(text)) {
    if (isAbbreviation(text, match.index)) continue;
    const after = match.index + match[0].length;
    if (after <= from) start = after;
    else if (match.index >= to - 1) {
      end = Math.min(hi, after);
      break;
    }
  }
  while (start < end && /\s/.test(text.charAt(start))) start++;
  return [start, end];
}

/**
 * `text[start, end)` with its whitespace runs shown as single spaces, cut to a
 * window around the first highlight when long; `marks` are original ranges.
 */
export function snippetOf(text: string, start: number, end: number, marks: Array<[number, number]>): Snippet {
  const first = marks[0];
  if (end - start > MAX_SNIPPET && first) {
    const from = Math.max(start, first[0] - MAX_SNIPPET / 3);
    const to = Math.min(end, from + MAX_SNIPPET);
    const cut = snippetOf(text, from, to, marks);
    const prefix = from > start ? '…' : '';
    return {
      text: prefix + cut.text + (to < end ? '…' : ''),
      highlights: cut.highlights.map(([a, b]) => [a + prefix.length, b + prefix.length]),
    };
  }
  let out = '';
  const at = new Map<number, number>();
  for (let i = start; i < end; i++) {
    at.set(i, out.length);
    const char = text.charAt(i);
    if (!/\s/.test(char)) out += char;
    else if (!/\s/.test(text.charAt(i - 1)) || i === start) out += ' ';
  }
  at.set(end, out.length);
  const highlights = marks
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]): [number, number] => [at.get(a) ?? 0, at.get(b) ?? out.length]);
  return { text: out, highlights };
}
