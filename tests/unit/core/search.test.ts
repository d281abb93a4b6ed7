import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../../main/core/search';
import { openTestDossier, seedId } from '../helpers';

describe('searching the library', () => {
  it('finds the three documents that name Chen Zhongyue', async () => {
    const dossier = await openTestDossier();
    const result = await dossier.api.search({ q: 'Chen Zhongyue' });
    expect(result.groups.map((g) => g.title).sort()).toEqual([
      'China Unicom successfully held the Global Partners Meeting themed…',
      'The State Grid Corporation of China and China Telecom Group Co., Ltd. signed a business…',
      'Why China Telecom is building IoT partnerships',
    ]);
    for (const group of result.groups) {
      const hit = group.hits[0];
      const marked = hit?.snippet.highlights.map(([from, to]) => hit.snippet.text.slice(from, to));
      expect(marked).toEqual(expect.arrayContaining(['Chen', 'Zhongyue']));
    }
  });

  it('tolerates a typo: "Unicm" finds China Unicom', async () => {
    const dossier = await openTestDossier();
    const result = await dossier.api.search({ q: 'Unicm' });
    expect(result.groups.length).toBeGreaterThan(0);
    expect(result.groups.every((g) => g.terms.includes('unicom'))).toBe(true);
  });

  it('matches the word being typed as a prefix', async () => {
    const dossier = await openTestDossier();
    const result = await dossier.api.search({ q: 'Erics' });
    expect(result.groups.map((g) => g.title)).toContain('Why China Telecom is building IoT partnerships');
  });

  it('finds the matches inside one document, in block offsets', async () => {
    const dossier = await openTestDossier();
    const id = await seedId(dossier, '003');
    const doc = await dossier.api.getDocument(id);
    const matches = await dossier.api.findInDocument(id, 'Ericsson');
    expect(matches.length).toBeGreaterThan(1);
    for (const m of matches) expect(doc.blocks[m.block]?.text.slice(m.from, m.to)).toBe('Ericsson');
  });

  it('answers an empty query with nothing', async () => {
    const dossier = await openTestDossier();
    expect((await dossier.api.search({ q: '   ' })).groups).toEqual([]);
  });
});

describe('a snippet', () => {
  it('is a window around the first match with every match in it marked', () => {
    const text = `${'lorem ipsum '.repeat(40)}China Unicom and China Mobile ${'dolor sit '.repeat(40)}`;
    const snippet = makeSnippet(text, ['china']);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.highlights.map(([f, t]) => snippet.text.slice(f, t))).toEqual(['China', 'China']);
  });
});
