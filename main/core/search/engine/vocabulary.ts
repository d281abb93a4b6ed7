/**
 * Lookups in a sorted list of terms: exact, by prefix, and within a few typos.
 *
 * A sorted array is the smallest vocabulary there is (no tree of nodes), and
 * it is an implicit trie: the terms sharing a prefix are one contiguous range,
 * so a prefix expands to a range of positions (and a range of term ids in the
 * index, which is what makes prefix queries cheap there), and a typo-tolerant
 * lookup can walk that trie, pruning every branch the query cannot reach.
 *
 * The terms are sorted by UTF-16 code units, as `<` compares strings.
 *
 * Pure code: no Node, no DOM.
 */
import { firstIndexAtOrAfter, firstIndexWhere } from '../../../common/sorted';

/** Position of `term`, or -1. */
export function indexOfTerm(terms: readonly string[], term: string): number {
  const at = firstIndexAtOrAfter(terms, term);
  return terms[at] === term ? at : -1;
}

/** The range [from, to) of the terms that start with `prefix`. */
export function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  const from = firstIndexAtOrAfter(terms, prefix);
  return [from, firstIndexAtOrAfter(terms, `${prefix}\uffff`, { from })];
}

/**
 * Calls `visit(position, distance)` for every term within `maxDistance` edits
 * of `query` (insertions, deletions, substitutions and swaps of two adjacent
 * letters, the commonest typo) that starts with the query's first `keep`
 * characters. Walks the sorted terms as a trie, one row of the edit-distance
 * table per prefix, and leaves a branch as soon as every cell of its row
 * exceeds `maxDistance`.
 */
export function fuzzyTerms(terms: readonly string[], query: string, maxDistance: number, keep: number, visit: (position: number, distance: number) => void): void {
  const m = query.length;
  let row: Int32Array = Int32Array.from({ length: m + 1 }, (_, j) => j);
  let above: Int32Array | null = null;
  for (let d = 0; d < keep; d++) {
    const next = nextRow(query, row, above, query.charCodeAt(d), d > 0 ? query.charCodeAt(d - 1) : -1);
    above = row;
    row = next;
  }
  const walk = (lo: number, hi: number, depth: number, row: Int32Array, above: Int32Array | null, previous: number): void => {
    if ((terms[lo] as string).length === depth) {
      if ((row[m] as number) <= maxDistance) visit(lo, row[m] as number);
      lo++;
    }
    while (lo < hi) {
      const c = (terms[lo] as string).charCodeAt(depth);
      // The run of terms in [lo, hi) whose character at `depth` is `c` (they all share the first `depth`).
      const end = firstIndexWhere(terms, (term) => term.charCodeAt(depth) > c, { from: lo, to: hi });
      const next = nextRow(query, row, above, c, previous);
      if (minOf(next) <= maxDistance) walk(lo, end, depth + 1, next, row, c);
      lo = end;
    }
  };
  const [lo, hi] = prefixRange(terms, query.slice(0, keep));
  if (lo < hi) walk(lo, hi, keep, row, above, keep > 0 ? query.charCodeAt(keep - 1) : -1);
}

/** Edit distance (with adjacent swaps) between two words, or `maxDistance + 1` when it is larger. */
export function editDistance(a: string, b: string, maxDistance: number): number {
  if (Math.abs(a.length - b.length) > maxDistance) return maxDistance + 1;
  let row: Int32Array = Int32Array.from({ length: a.length + 1 }, (_, j) => j);
  let above: Int32Array | null = null;
  for (let i = 0; i < b.length; i++) {
    const next = nextRow(a, row, above, b.charCodeAt(i), i > 0 ? b.charCodeAt(i - 1) : -1);
    if (minOf(next) > maxDistance) return maxDistance + 1;
    above = row;
    row = next;
  }
  return Math.min(row[a.length] as number, maxDistance + 1);
}

/** One more row of the optimal-string-alignment table, for the character `c` after `previous`. */
function nextRow(query: string, row: Int32Array, above: Int32Array | null, c: number, previous: number): Int32Array {
  const next = new Int32Array(row.length);
  next[0] = (row[0] as number) + 1;
  for (let j = 1; j < row.length; j++) {
    const q = query.charCodeAt(j - 1);
    let best = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (q === c ? 0 : 1));
    if (above && j > 1 && q === previous && query.charCodeAt(j - 2) === c) best = Math.min(best, (above[j - 2] as number) + 1);
    next[j] = best;
  }
  return next;
}

function minOf(row: Int32Array): number {
  let min = Infinity;
  for (const value of row) if (value < min) min = value;
  return min;
}
