import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIndexAfter, firstIndexAtOrAfter, firstIndexWhere, lastIndexAtOrBefore } from '../../../main/common/sorted';

const blocks = [
  { start: 0, end: 10 },
  { start: 12, end: 20 },
  { start: 20, end: 31 },
];

describe('binary search over a sorted array', () => {
  it('finds the first item at or after a value, and the first after it', () => {
    const values = [1, 3, 3, 3, 7];
    expect(firstIndexAtOrAfter(values, 3)).toBe(1);
    expect(firstIndexAfter(values, 3)).toBe(4);
    expect(firstIndexAtOrAfter(values, 0)).toBe(0);
    expect(firstIndexAfter(values, 7)).toBe(5);
  });

  it('finds the last item at or before a value, or -1 when every item is after it', () => {
    expect(lastIndexAtOrBefore(blocks, 11, { key: (b) => b.start })).toBe(0);
    expect(lastIndexAtOrBefore(blocks, 20, { key: (b) => b.start })).toBe(2);
    expect(lastIndexAtOrBefore([5, 6], 4)).toBe(-1);
  });

  it('sorts items by their key: the first block ending after an offset', () => {
    expect(firstIndexAfter(blocks, 10, { key: (b) => b.end })).toBe(1);
    expect(firstIndexAfter(blocks, 31, { key: (b) => b.end })).toBe(3);
  });

  it('compares strings by their code units, and looks only within the range given', () => {
    const terms = ['apple', 'apply', 'banana', 'band', 'bandana'];
    expect(firstIndexAtOrAfter(terms, 'band')).toBe(3);
    expect(firstIndexAtOrAfter(terms, 'b', { from: 3 })).toBe(3);
    expect(firstIndexAfter(terms, 'z', { to: 2 })).toBe(2);
    expect(firstIndexWhere(terms, (t) => t.charCodeAt(3) > 'a'.charCodeAt(0), { from: 2, to: 5 })).toBe(3);
  });

  it('agrees with a scan from the start for any sorted array and value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (unsorted, value) => {
        const values = [...unsorted].sort((a, b) => a - b);
        const scan = (test: (v: number) => boolean) => {
          const at = values.findIndex(test);
          return at < 0 ? values.length : at;
        };
        expect(firstIndexAtOrAfter(values, value)).toBe(scan((v) => v >= value));
        expect(firstIndexAfter(values, value)).toBe(scan((v) => v > value));
        expect(lastIndexAtOrBefore(values, value)).toBe(values.findLastIndex((v) => v <= value));
      }),
    );
  });
});
