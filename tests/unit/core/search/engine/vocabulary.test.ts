import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, fuzzyTerms, indexOfTerm, prefixRange } from '../../../../../main/core/search/engine/vocabulary';

/**
 * The textbook optimal-string-alignment distance (insertions, deletions,
 * substitutions, swaps of two adjacent letters), the whole table filled in:
 * slow and plain, what the trie walk must agree with.
 */
function bruteDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

// A small alphabet, so that random words are often a typo or two apart; an accented letter and a digit for the code-unit order.
const letter = fc.constantFrom('a', 'b', 'c', 'é', '1');
const word = fc.string({ unit: letter, minLength: 1, maxLength: 7 });
/** A vocabulary as the index keeps it: distinct terms sorted by UTF-16 code units. */
const vocabulary = fc.uniqueArray(word, { maxLength: 80 }).map((terms) => [...terms].sort());

type Edit = { kind: 'insert' | 'delete' | 'replace' | 'swap'; at: number; letter: string };
const edit = fc.record({ kind: fc.constantFrom('insert', 'delete', 'replace', 'swap'), at: fc.nat(), letter }) as fc.Arbitrary<Edit>;

/** `text` with a typo: a letter inserted, dropped, replaced, or two neighbours swapped. */
function typo(text: string, { kind, at, letter: l }: Edit): string {
  const i = at % (text.length + 1);
  if (kind === 'insert') return text.slice(0, i) + l + text.slice(i);
  if (text.length === 0) return text;
  const j = i % text.length;
  if (kind === 'delete') return text.slice(0, j) + text.slice(j + 1);
  if (kind === 'replace') return text.slice(0, j) + l + text.slice(j + 1);
  return j + 1 < text.length ? text.slice(0, j) + text.charAt(j + 1) + text.charAt(j) + text.slice(j + 2) : text;
}

/** A word and the same word with up to two typos: pairs a typo or two apart are what matter. */
const misspelt = fc.tuple(word, fc.array(edit, { maxLength: 2 })).map(([w, edits]) => [w, edits.reduce(typo, w)] as const);

/** A vocabulary, and a query that is often one of its terms with typos. */
const vocabularyAndQuery = fc.tuple(vocabulary, misspelt, fc.nat()).map(([terms, [, wrong], pick]) => {
  const term = terms[pick % Math.max(1, terms.length)];
  return [terms, pick % 2 === 0 && term ? term : wrong] as const;
});

describe('the sorted vocabulary', () => {
  it('finds every term within a few typos of a word, and only those, as a full edit-distance table says', () => {
    fc.assert(
      fc.property(vocabularyAndQuery, fc.array(edit, { maxLength: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), ([terms, near], edits, maxDistance, keepWanted) => {
        const query = edits.reduce(typo, near) || near;
        const keep = Math.min(keepWanted, query.length);
        const found = new Map<string, number>();
        fuzzyTerms(terms, query, maxDistance, keep, (position, distance) => found.set(terms[position] as string, distance));
        const expected = new Map(
          terms.filter((t) => t.startsWith(query.slice(0, keep))).flatMap((t): Array<[string, number]> => {
            const distance = bruteDistance(query, t);
            return distance <= maxDistance ? [[t, distance]] : [];
          }),
        );
        expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('measures the distance of two words as the full table does, or says it is beyond the limit', () => {
    fc.assert(
      fc.property(misspelt, fc.integer({ min: 0, max: 3 }), ([a, b], maxDistance) => {
        expect(editDistance(a, b, maxDistance)).toBe(Math.min(bruteDistance(a, b), maxDistance + 1));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the terms starting with a prefix as one range of positions, and a term its position', () => {
    fc.assert(
      fc.property(vocabulary, fc.string({ unit: letter, maxLength: 3 }), (terms, prefix) => {
        const [from, to] = prefixRange(terms, prefix);
        expect(terms.slice(from, to)).toEqual(terms.filter((t) => t.startsWith(prefix)));
        expect(terms.every((t, i) => indexOfTerm(terms, t) === i)).toBe(true);
        expect(indexOfTerm(terms, `${prefix}\u0000`)).toBe(-1);
      }),
      { numRuns: 500 },
    );
  });
});
