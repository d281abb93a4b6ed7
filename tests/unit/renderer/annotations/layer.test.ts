import { describe, expect, it } from 'vitest';
import type { Annotation, HighlightColor } from '../../../../main/common/contract';
import { toBlocks } from '../../../../main/core/library/paragraphs';
import { highlightLayer } from '../../../../renderer/src/annotations/layer';

const TEXT = 'First paragraph talks about the\nState Grid agreement.\n\nSecond paragraph names Chen Zhongyue and Yang Jinbai.\n';
const blocks = toBlocks(TEXT);

function annotation(id: string, quote: string, color: HighlightColor = 'yellow', note = ''): Annotation {
  const start = TEXT.indexOf(quote);
  const end = start + quote.length;
  return {
    id,
    docId: 'doc',
    target: { selector: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start, end }] },
    note,
    tags: [],
    color,
    created: '2025-01-01T00:00:00.000Z',
    modified: '2025-01-01T00:00:00.000Z',
    anchor: { status: 'anchored', start, end },
  };
}

/** Each decoration of a block as the text it covers, with its classes and annotation ids. */
const drawn = (layer: ReturnType<typeof highlightLayer>, block: number) =>
  (layer.get(block) ?? []).map((d) => ({ text: blocks[block]?.text.slice(d.from, d.to), classes: d.className, ids: d.data?.['annotations'] }));

describe('the highlight layer', () => {
  it('draws a highlight across a soft line break as one stretch of the clean text', () => {
    const layer = highlightLayer([annotation('a', 'the\nState Grid', 'green', 'why?')], blocks, null);
    expect(drawn(layer, 0)).toEqual([{ text: 'the State Grid', classes: 'hl hl-green hl-has-note', ids: 'a' }]);
    expect(layer.get(1)).toBeUndefined();
  });

  it('splits a highlight over two paragraphs between their blocks', () => {
    const layer = highlightLayer([annotation('a', 'agreement.\n\nSecond paragraph')], blocks, null);
    expect(drawn(layer, 0).map((d) => d.text)).toEqual(['agreement.']);
    expect(drawn(layer, 1).map((d) => d.text)).toEqual(['Second paragraph']);
  });

  it('keeps both of two overlapping highlights visible: the shorter on top, the other as a band, both ids on the overlap', () => {
    const long = annotation('long', 'names Chen Zhongyue', 'blue');
    const short = annotation('short', 'Chen Zhongyue and Yang', 'pink');
    const layer = highlightLayer([long, short], blocks, 'long');
    expect(drawn(layer, 1)).toEqual([
      { text: 'names ', classes: 'hl hl-blue hl-active', ids: 'long' },
      { text: 'Chen Zhongyue', classes: 'hl hl-blue hl-overlap hl-under-pink hl-active', ids: 'long short' },
      { text: ' and Yang', classes: 'hl hl-pink', ids: 'short' },
    ]);
  });

  it('tells screen readers once where each highlight begins', () => {
    const layer = highlightLayer([annotation('a', 'names Chen Zhongyue'), annotation('b', 'Zhongyue and', 'green', 'note')], blocks, null);
    expect((layer.get(1) ?? []).map((d) => d.data?.['announce'])).toEqual(['Highlight', 'Highlight with note', undefined]);
  });

  it('draws nothing for an orphaned annotation', () => {
    const orphan: Annotation = { ...annotation('o', 'State Grid'), anchor: { status: 'orphaned' } };
    expect(highlightLayer([orphan], blocks, null).size).toBe(0);
  });
});
