/**
 * BM25, the one scoring formula of the index: the postings are ordered by it
 * (segment.ts) and queries are scored with it (matching.ts).
 *
 *   score(term, entry) = idf(term) × tf × (k1 + 1) / (tf + norm(entry))
 *   norm(entry) = k1 × (1 − b + b × length / average length of its kind)
 *
 * Pure code: no Node, no DOM.
 */

/** Term-frequency saturation and length normalisation. */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** The term-frequency part lies in (0, TF_WEIGHT_MAX). */
export const TF_WEIGHT_MAX = BM25_K1 + 1;

/** The length part of the denominator, for an entry of `length` words among entries averaging `averageLength`. */
export function lengthNorm(length: number, averageLength: number): number {
  return BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength);
}

/** How much `tf` occurrences weigh in an entry whose length part is `norm` (see lengthNorm). */
export function tfWeight(tf: number, norm: number): number {
  return (tf * TF_WEIGHT_MAX) / (tf + norm);
}

/** Inverse document frequency of a term found in `df` of `n` entries. */
export function idf(df: number, n: number): number {
  const count = Math.max(1, n);
  const found = Math.min(count, df);
  return Math.log(1 + (count - found + 0.5) / (found + 0.5));
}
