import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESULT_KIND_WORDS } from '../../../../main/common/contract';
import { isEmptyQuery, parseQuery } from '../../../../main/core/search/query';
import { atomsOf, forEachTerm, queryWords } from '../../../../main/core/text/tokens';

const termsOf = (text: string) => {
  const terms: string[] = [];
  forEachTerm(text, (term) => terms.push(term));
  return terms;
};

describe('the words of a text, as the index keeps them', () => {
  it('keeps compounds as written and indexes their parts', () => {
    expect(termsOf('5G-A and NB-IoT over SDN/NFV')).toEqual(['5g-a', '5g', 'and', 'nb-iot', 'nb', 'iot', 'over', 'sdn/nfv', 'sdn', 'nfv']);
  });

  it('keeps letters and digits together and numbers whole', () => {
    expect(termsOf('China169 spent RMB 3 trillion, or 2,000 billion')).toEqual(['china169', 'spent', 'rmb', '3', 'trillion', 'or', '2000', 'billion']);
  });

  it('folds case and accents, and reads initials with dots as a word', () => {
    expect(termsOf('Zürich’s U.S. office')).toEqual(["zurich's", 'zurich', 'u.s', 'us', 'office']);
  });

  it('splits a phrase into its smallest parts, in order', () => {
    expect(atomsOf('"5G-A network"').map((a) => a.atom)).toEqual(['5g', 'a', 'network']);
    expect(queryWords('NB-IoT rollout').map((w) => w.term)).toEqual(['nb-iot', 'rollout']);
  });
});

describe('the search box syntax', () => {
  it('reads words, and the word at the caret as being typed', () => {
    const parsed = parseQuery('china unic');
    expect(parsed.words).toEqual([
      { term: 'china', typing: false },
      { term: 'unic', typing: true },
    ]);
    expect(parseQuery('china unicom ').words.every((w) => !w.typing)).toBe(true);
  });

  it('reads a quoted phrase, open while its closing quote is not typed', () => {
    expect(parseQuery('"digital twin"').phrases).toEqual([{ words: ['digital', 'twin'], atoms: ['digital', 'twin'], open: false }]);
    expect(parseQuery('"digital tw').phrases).toEqual([{ words: ['digital', 'tw'], atoms: ['digital', 'tw'], open: true }]);
  });

  it('reads -word as an exclusion', () => {
    const parsed = parseQuery('operators -mobile');
    expect(parsed.words.map((w) => w.term)).toEqual(['operators']);
    expect(parsed.excluded).toEqual(['mobile']);
  });

  it('reads filters, quoted values included, with where they are for chips', () => {
    const q = 'iot tag:operators/china entity:"Chen Zhongyue" type:Person is:note after:2021 before:2024-06';
    const parsed = parseQuery(q);
    expect(parsed.words.map((w) => w.term)).toEqual(['iot']);
    expect(parsed.filters).toEqual({
      tags: ['operators/china'],
      entities: ['Chen Zhongyue'],
      types: ['person'],
      kinds: ['note'],
      docs: [],
      after: '2021',
      before: '2024-06',
    });
    const entity = parsed.chips.find((c) => c.key === 'entity');
    expect(entity && q.slice(entity.from, entity.to)).toBe('entity:"Chen Zhongyue"');
    expect(parsed.problems).toEqual([]);
  });

  it('explains a filter it cannot use, and leaves other words with a colon as words', () => {
    const parsed = parseQuery('after:someday is:everything http://example.com');
    expect(parsed.problems).toEqual([
      'after:someday is not a date: write a year, a month or a day, like after:2021, after:2021-06 or after:2021-06-30',
      'is:everything is not a kind of result: use is:note, is:entity or is:passage',
    ]);
    expect(parsed.chips.map((c) => c.valid)).toEqual([false, false]);
    expect(parsed.words.map((w) => w.term)).toEqual(['http', 'example.com']);
  });

  it('treats a filter key still being typed as nothing yet', () => {
    const parsed = parseQuery('iot tag:');
    expect(parsed.chips).toEqual([]);
    expect(parsed.words.map((w) => w.term)).toEqual(['iot']);
    expect(isEmptyQuery(parseQuery('tag:'))).toBe(true);
    expect(isEmptyQuery(parseQuery('tag:5g'))).toBe(false);
  });
});

describe('words typed after is:', () => {
  const INHERITED = Object.getOwnPropertyNames(Object.prototype);
  const kindWords = [...RESULT_KIND_WORDS.keys()];

  it('gives a kind of result for the words is: takes, and the plain message for any other, inherited names included', () => {
    const word = fc.oneof(fc.constantFrom(...INHERITED, ...kindWords), fc.stringMatching(/^[A-Za-z_]{1,12}$/));
    fc.assert(
      fc.property(word, (value) => {
        const parsed = parseQuery(`china is:${value}`);
        const kind = RESULT_KIND_WORDS.get(value.toLowerCase());
        expect(parsed.filters.kinds).toEqual(kind ? [kind] : []);
        expect(parsed.problems).toEqual(kind ? [] : [`is:${value} is not a kind of result: use is:note, is:entity or is:passage`]);
        expect(parsed.chips.map((c) => c.valid)).toEqual([kind !== undefined]);
      }),
    );
  });
});
