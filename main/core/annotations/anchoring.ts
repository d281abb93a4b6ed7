/**
 * Anchoring: finding an annotation's passage again in a document's text.
 *
 * An annotation remembers its quote with 32 characters of context either side
 * and the position it had (W3C TextQuoteSelector + TextPositionSelector). When
 * the text is the same, the position is right and verifying it is enough.
 * When the text changed (a re-import with a better extraction, an edited
 * source), the quote is searched for loosely, ignoring whitespace, hyphens
 * and dashes, the shape of quote marks and letter case, which is what
 * re-extraction changes most (line wraps, hyphenation, curly quotes). Among
 * several candidates the one whose context matches best wins, then an exact
 * copy of the quote, then the one closest to the old position, as Hypothesis does. A quote that
 * is not found at all gives null: the caller keeps the annotation as an orphan.
 *
 * Pure code: no Node, no Electron.
 */

import type { TextPositionSelector, TextQuoteSelector } from '../../common/contract';

/** Characters of context kept either side of a quote. */
export const CONTEXT_CHARS = 32;

/** A range of the original text, [start, end) in UTF-16 code units. */
export interface TextSpan {
  start: number;
  end: number;
}

// Context weighs most; between equal contexts an exact copy of the quote beats a loose one,
// and the old position only breaks the remaining ties.
const WEIGHT = { prefix: 20, suffix: 20, exact: 4, position: 2 };
const SKIPPED = /[\s\u00ad\u2010-\u2015-]/;
const DASH = /[\u00ad\u2010-\u2015-]/;
const DASHES_AT_START = /^[\u00ad\u2010-\u2015-]+/;
const DASHES_AT_END = /[\u00ad\u2010-\u2015-]+$/;
const FOLDED: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"' };

/** The range without the whitespace at either end, or null when nothing else is left. */
export function trimRange(text: string, start: number, end: number): TextSpan | null {
  let from = Math.max(0, start);
  let to = Math.min(text.length, end);
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  return from < to ? { start: from, end: to } : null;
}

/** The W3C selectors that describe [start, end) of `text`. */
export function describeRange(text: string, { start, end }: TextSpan): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** Characters compared in a loose match, with the original offset of each. */
interface Loose {
  chars: string;
  at: number[];
}

function loosen(text: string): Loose {
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (SKIPPED.test(c)) continue;
    const folded = FOLDED[c] ?? c;
    const lower = folded.toLowerCase();
    // A few letters lower-case to two code units; keeping them as they are keeps one char per offset.
    chars += lower.length === 1 ? lower : folded;
    at.push(i);
  }
  return { chars, at };
}

/**
 * Finds quotes in one text. Build one per text and reuse it for all of the
 * document's annotations: the loose form of the text is computed once.
 */
export class Anchorer {
  private looseText: Loose | null = null;

  constructor(private readonly text: string) {}

  /** Where the selectors' passage is now, or null when its quote is gone. */
  locate(quote: TextQuoteSelector, position: TextPositionSelector): TextSpan | null {
    if (quote.exact === '') return null;
    if (this.isIntact(quote, position)) return { start: position.start, end: position.end };
    return this.best(this.candidates(quote.exact), quote, position);
  }

  // Quote and context unchanged where they were: the position is right. Checking the
  // context too keeps a short quote ("a") from being "found" at a stale position.
  private isIntact(quote: TextQuoteSelector, { start, end }: TextPositionSelector): boolean {
    const { text } = this;
    return (
      text.slice(start, end) === quote.exact &&
      text.slice(start - quote.prefix.length, start) === quote.prefix &&
      text.slice(end, end + quote.suffix.length) === quote.suffix
    );
  }

  private get loose(): Loose {
    this.looseText ??= loosen(this.text);
    return this.looseText;
  }

  /** Every loose occurrence of the quote: exact ones are among them, and score higher. */
  private candidates(exact: string): TextSpan[] {
    const needle = loosen(exact).chars;
    if (needle === '') return this.exactCandidates(exact);
    const { chars, at } = this.loose;
    const found: TextSpan[] = [];
    const [lead, trail] = [DASHES_AT_START.exec(exact)?.[0].length ?? 0, DASHES_AT_END.exec(exact)?.[0].length ?? 0];
    for (let i = chars.indexOf(needle); i !== -1; i = chars.indexOf(needle, i + 1)) {
      found.push(this.widen({ start: at[i] as number, end: (at[i + needle.length - 1] as number) + 1 }, lead, trail));
    }
    return found;
  }

  // A quote of nothing but dashes ("—") has no loose form.
  private exactCandidates(exact: string): TextSpan[] {
    const found: TextSpan[] = [];
    for (let i = this.text.indexOf(exact); i !== -1; i = this.text.indexOf(exact, i + 1)) found.push({ start: i, end: i + exact.length });
    return found;
  }

  // The loose form has no dashes: a quote that starts or ends with some takes back
  // as many as the text has there, across the whitespace next to them.
  private widen(span: TextSpan, lead: number, trail: number): TextSpan {
    const { text } = this;
    let { start, end } = span;
    for (let i = start - 1; lead > 0 && i >= 0 && SKIPPED.test(text.charAt(i)); i--) {
      if (DASH.test(text.charAt(i))) [start, lead] = [i, lead - 1];
    }
    for (let i = end; trail > 0 && i < text.length && SKIPPED.test(text.charAt(i)); i++) {
      if (DASH.test(text.charAt(i))) [end, trail] = [i + 1, trail - 1];
    }
    return { start, end };
  }

  private best(candidates: TextSpan[], quote: TextQuoteSelector, position: TextPositionSelector): TextSpan | null {
    let best: TextSpan | null = null;
    let bestScore = -Infinity;
    for (const candidate of candidates) {
      const score = this.score(candidate, quote, position);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  private score(candidate: TextSpan, quote: TextQuoteSelector, position: TextPositionSelector): number {
    const before = this.looseBefore(candidate.start, quote.prefix.length * 2);
    const after = this.looseAfter(candidate.end, quote.suffix.length * 2);
    const distance = Math.abs(candidate.start - position.start) / Math.max(1, this.text.length);
    return (
      (this.text.slice(candidate.start, candidate.end) === quote.exact ? WEIGHT.exact : 0) +
      WEIGHT.prefix * similarity(before, loosen(quote.prefix).chars, 'end') +
      WEIGHT.suffix * similarity(after, loosen(quote.suffix).chars, 'start') +
      WEIGHT.position * (1 - Math.min(1, distance))
    );
  }

  // Context is compared loosely too; twice the stored length leaves room for removed whitespace.
  private looseBefore(offset: number, length: number): string {
    return loosen(this.text.slice(Math.max(0, offset - length), offset)).chars;
  }

  private looseAfter(offset: number, length: number): string {
    return loosen(this.text.slice(offset, offset + length)).chars;
  }
}

/**
 * How much of `expected` the text next to a candidate repeats, from 0 to 1,
 * counting from the side that touches the quote. Each character counts the
 * same, so the short context of a quote near the start of a text is weak
 * evidence, as it should be.
 */
function similarity(actual: string, expected: string, touching: 'start' | 'end'): number {
  let same = 0;
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    const a = touching === 'start' ? actual.charAt(i) : actual.charAt(actual.length - 1 - i);
    const e = touching === 'start' ? expected.charAt(i) : expected.charAt(expected.length - 1 - i);
    if (a !== e) break;
    same++;
  }
  return same / CONTEXT_CHARS;
}
