import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../../../main/core/library/paragraphs';
import { adjacentUnit, caretsOf, ends, extendedFocus, textBetween, type CaretRange } from '../../../../renderer/src/reader/caret';

const TEXT = [
  'The two sides signed an agreement. It covers 5G-A networks and the RMB 3 trillion market.',
  '',
  'Chen Zhongyue spoke first. Yang Jinbai followed.',
  '',
  'A last paragraph.',
].join('\n');
const blocks = toBlocks(TEXT);
const text = (range: CaretRange | null) => (range ? textBetween(blocks, ends(range)) : null);

describe('the reader’s keyboard caret', () => {
  it('selects the next and the previous sentence, across paragraphs, and stops at the ends', () => {
    const top = { block: 0, offset: 0 };
    const first = adjacentUnit(blocks, 'sentence', 1, top);
    expect(text(first)).toBe('The two sides signed an agreement.');
    const second = adjacentUnit(blocks, 'sentence', 1, ends(first as CaretRange)[1]);
    expect(text(second)).toBe('It covers 5G-A networks and the RMB 3 trillion market.');
    const third = adjacentUnit(blocks, 'sentence', 1, ends(second as CaretRange)[1]);
    expect(text(third)).toBe('Chen Zhongyue spoke first.');
    expect(text(adjacentUnit(blocks, 'sentence', -1, ends(third as CaretRange)[0]))).toBe('It covers 5G-A networks and the RMB 3 trillion market.');
    expect(adjacentUnit(blocks, 'sentence', -1, top)).toBeNull();
    expect(adjacentUnit(blocks, 'sentence', 1, { block: 2, offset: 'A last paragraph.'.length })).toBeNull();
  });

  it('selects paragraphs and words', () => {
    expect(text(adjacentUnit(blocks, 'paragraph', 1, { block: 0, offset: 10 }))).toBe('Chen Zhongyue spoke first. Yang Jinbai followed.');
    expect(text(adjacentUnit(blocks, 'paragraph', -1, { block: 1, offset: 0 }))).toBe(blocks[0]?.text);
    expect(text(adjacentUnit(blocks, 'word', 1, { block: 0, offset: 3 }))).toBe('two');
    expect(text(adjacentUnit(blocks, 'word', -1, { block: 1, offset: 0 }))).toBe('market');
  });

  it('grows and shrinks a selection by moving its focus', () => {
    const start = { block: 0, offset: 0 };
    const grown = extendedFocus(blocks, 'word', 1, extendedFocus(blocks, 'word', 1, start) ?? start);
    expect(text({ anchor: start, focus: grown ?? start })).toBe('The two');
    const shrunk = extendedFocus(blocks, 'word', -1, grown ?? start);
    expect(text({ anchor: start, focus: shrunk ?? start })).toBe('The ');
    const across = extendedFocus(blocks, 'sentence', 1, { block: 0, offset: blocks[0]?.text.length ?? 0 });
    expect(across).toEqual({ block: 1, offset: 'Chen Zhongyue spoke first.'.length });
  });

  it('turns a passage of the original text into carets, across blocks', () => {
    const start = TEXT.indexOf('RMB 3');
    const end = TEXT.indexOf('spoke') + 'spoke'.length;
    const carets = caretsOf(blocks, start, end);
    expect(carets && textBetween(blocks, carets)).toBe('RMB 3 trillion market.\nChen Zhongyue spoke');
    expect(carets?.[1]).toEqual({ block: 1, offset: 'Chen Zhongyue spoke'.length });
  });

  it('names blocks by their index in the document when only a run of them is loaded', () => {
    const loaded = blocks.slice(1);
    const next = adjacentUnit(loaded, 'sentence', 1, { block: 1, offset: 0 }) as CaretRange;
    expect(next.anchor.block).toBe(1);
    expect(textBetween(loaded, ends(next))).toBe('Chen Zhongyue spoke first.');
    const paragraph = extendedFocus(loaded, 'paragraph', 1, next.focus);
    expect(paragraph?.block).toBe(1);
    const grown = extendedFocus(loaded, 'paragraph', 1, paragraph as { block: number; offset: number });
    expect(grown?.block).toBe(2);
    expect(textBetween(loaded, [next.anchor, grown as { block: number; offset: number }])).toBe('Chen Zhongyue spoke first. Yang Jinbai followed.\nA last paragraph.');
    expect(caretsOf(loaded, loaded[1]!.start, loaded[1]!.end)?.[0].block).toBe(2);
  });
});
