/**
 * Words as the search index sees them.
 *
 * Analysts search for terms like "5G-A", "NB-IoT", "SDN/NFV", "China169" and
 * "RMB 3 trillion", so a word may be joined by hyphens, slashes, dots,
 * apostrophes or ampersands ("5G-A", "AT&T", "U.S.", "China's") and a number
 * may carry thousands separators ("2,000"). Such a compound is indexed as
 * written (lower-cased, accents folded) AND as each of its parts, so "5G-A"
 * is found by "5g-a" and "5g", and "NB-IoT" by "iot".
 *
 * Pure code: no Node, no DOM.
 */

// A run of letters and digits, then (captured) any number of joiners each followed by another run.
// A comma joins only digit groups ("2,000"), never words in a list ("red,green").
const WORD = /[\p{L}\p{N}]+((?:(?:['’.\-‐‑/&]|(?<=\p{N}),(?=\p{N}{3}(?![\p{L}\p{N}])))[\p{L}\p{N}]+)*)/gu;
const PART = /[\p{L}\p{N}]+/gu;
const NON_ASCII = /[^ -~\t\n\r]/;
const MARKS = /\p{M}/gu;
const DIGIT_COMMA = /(?<=\d),(?=\d)/g;
const DIGIT_GROUPS = /^\p{N}+(?:,\p{N}+)+$/u;

/** Longer "words" are URLs, hashes or base64: their parts are indexed, the whole is not. */
export const MAX_TERM_LENGTH = 40;

/** Lower case, accents removed, typographic apostrophe made plain: "Zürich’s" -> "zurich's". */
export function normalizeTerm(raw: string): string {
  const lower = raw.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFKD').replace(MARKS, '').replace(/’/g, "'").replace(/[‐‑]/g, '-');
}

/** The index term of a whole word: normalised, and "2,000" read as "2000". */
export function wholeTerm(raw: string): string {
  return normalizeTerm(raw).replace(DIGIT_COMMA, '');
}

/**
 * Calls `sink` for every index term of `text` with where it was found:
 * each word as a whole (`whole` true) and, for compounds, each part of two
 * or more characters (or any digits). Returns the number of words.
 */
export function forEachTerm(text: string, sink: (term: string, from: number, to: number, whole: boolean) => void): number {
  // A private copy of the pattern: its lastIndex is this loop's cursor.
  const word = new RegExp(WORD);
  let words = 0;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    words++;
    const raw = match[0];
    const at = match.index;
    if (!match[1]) {
      if (raw.length <= MAX_TERM_LENGTH) sink(normalizeTerm(raw), at, at + raw.length, true);
      continue;
    }
    if (raw.length <= MAX_TERM_LENGTH) sink(wholeTerm(raw), at, at + raw.length, true);
    if (DIGIT_GROUPS.test(raw)) continue;
    let initials = '';
    for (const part of raw.matchAll(PART)) {
      const piece = part[0];
      if (piece.length === 1 && /\p{L}/u.test(piece)) initials += piece;
      else initials = '\0';
      if (piece.length >= 2 || /\p{N}/u.test(piece)) sink(normalizeTerm(piece), at + part.index, at + part.index + piece.length, false);
    }
    // "U.S." is also "us", "E.U." "eu": initials joined by dots.
    if (initials.length >= 2 && !initials.includes('\0') && raw.includes('.')) sink(normalizeTerm(initials), at, at + raw.length, false);
  }
  return words;
}

/** A word of a query: its index term and where it is in the query. */
export interface QueryWord {
  term: string;
  from: number;
  to: number;
}

/** The words of a query, each as one term ("5G-A" stays "5g-a"). */
export function queryWords(text: string): QueryWord[] {
  return [...text.matchAll(WORD)].map((m) => ({ term: wholeTerm(m[0]), from: m.index, to: m.index + m[0].length }));
}

/** A smallest unit of text with where it is: see `atomsOf`. */
export interface Atom {
  atom: string;
  from: number;
  to: number;
}

/**
 * The smallest units of a text, in order, for matching phrases: compounds
 * split into all their parts, so the phrase "5G-A network" (5g, a, network)
 * matches the text "5G-A network", and "SDN NFV" matches "SDN/NFV".
 */
export function atomsOf(text: string): Atom[] {
  const atoms: Atom[] = [];
  for (const match of text.matchAll(WORD)) {
    for (const part of match[0].matchAll(PART)) {
      const from = match.index + part.index;
      atoms.push({ atom: normalizeTerm(part[0]), from, to: from + part[0].length });
    }
  }
  return atoms;
}
