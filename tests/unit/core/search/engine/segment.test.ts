import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lengthNorm, tfWeight, TF_WEIGHT_MAX } from '../../../../../main/core/search/engine/bm25';
import { forEachTerm } from '../../../../../main/core/text/tokens';
import { applyChanges, buildEngine, changes, library } from './arbitraries';

describe('a segment', () => {
  it('lists each term’s entries best first, the same pairs as each entry’s own sorted list, with the counts of its text', () => {
    fc.assert(
      fc.property(library, changes, (docs, list) => {
        const engine = buildEngine(docs);
        applyChanges(engine, docs, list);
        engine.compact();
        const state = engine.toState();
        const { segment, kinds, lengths, dead } = state;
        const averages = [0, 1, 2].map((kind) => {
          const of = [...lengths].filter((_, e) => kinds[e] === kind);
          return Math.max(1, of.reduce((a, b) => a + b, 0) / Math.max(1, of.length));
        });
        const weight = (e: number, tf: number) => tfWeight(tf, lengthNorm(lengths[e] as number, averages[kinds[e] as number] as number));
        const fromPostings: string[] = [];
        for (let t = 0; t < segment.terms.length; t++) {
          let previous = Infinity;
          for (let p = segment.postOffsets[t]!; p < segment.postOffsets[t + 1]!; p++) {
            const e = segment.postEntries[p]!;
            const w = weight(e, segment.postTfs[p]!);
            // Impacts are kept to 12 bits: equal within one step.
            expect(w).toBeLessThanOrEqual(previous + TF_WEIGHT_MAX / 4095);
            previous = w;
            fromPostings.push(`${t}:${e}:${segment.postTfs[p]}`);
          }
        }
        const fromForward: string[] = [];
        const decoder = new TextDecoder();
        const texts = state.texts.reduce((all, piece) => new Uint8Array([...all, ...piece]), new Uint8Array(0));
        for (let e = 0; e + 1 < segment.fwdOffsets.length; e++) {
          const counts = new Map<string, number>();
          forEachTerm(decoder.decode(texts.subarray(state.textOffsets[e], state.textOffsets[e + 1])), (term) => counts.set(term, (counts.get(term) ?? 0) + 1));
          const own = new Map<string, number>();
          for (let i = segment.fwdOffsets[e]!; i < segment.fwdOffsets[e + 1]!; i++) {
            if (i > segment.fwdOffsets[e]!) expect(segment.fwdTerms[i]!).toBeGreaterThan(segment.fwdTerms[i - 1]!);
            own.set(segment.terms[segment.fwdTerms[i]!]!, segment.fwdTfs[i]!);
            fromForward.push(`${segment.fwdTerms[i]}:${e}:${segment.fwdTfs[i]}`);
          }
          expect(own).toEqual(counts);
          expect(dead[e]).toBe(0);
        }
        expect(fromPostings.sort()).toEqual(fromForward.sort());
      }),
      { numRuns: 150 },
    );
  });
});
