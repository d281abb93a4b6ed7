import { describe, expect, it } from 'vitest';
import { allBlocks, openTestDossier, seedId } from '../../helpers';

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
    const blocks = await allBlocks(dossier.api, id);
    const matches = await dossier.api.findInDocument(id, 'Ericsson');
    expect(matches.length).toBeGreaterThan(1);
    for (const m of matches) expect(blocks[m.block]?.text.slice(m.from, m.to)).toBe('Ericsson');
  });

  it('answers an empty query with nothing', async () => {
    const dossier = await openTestDossier();
    expect((await dossier.api.search({ q: '   ' })).groups).toEqual([]);
  });
});

describe('ranking on the seed documents', () => {
  const FIRST: Array<[query: string, sourcePrefix: string]> = [
    ['partnerships', '003'], // the title says it
    ['Global Partners Conference', '001'],
    ['State Grid', '002'],
    ['Unicom', '000'],
    ['Ericsson', '003'],
    ['smart living', '004'],
  ];

  it.each(FIRST)('"%s" comes first from the document %s', async (q, source) => {
    const dossier = await openTestDossier();
    const result = await dossier.api.search({ q });
    expect(result.groups[0]?.docId).toBe(await seedId(dossier, source));
  });
});

describe('terms as analysts write them', () => {
  const AS_WRITTEN: Array<[query: string, sourcePrefix: string, marked: string]> = [
    ['5G-A', '000', '5G-A'],
    ['NB-IoT', '004', 'NB-IoT'],
    ['SDN/NFV', '004', 'SDN/NFV'],
    ['China169', '004', 'China169'],
    ['"RMB 3 trillion"', '003', 'RMB 3 trillion'],
  ];

  it.each(AS_WRITTEN)('%s finds the document %s and marks "%s"', async (q, source, marked) => {
    const dossier = await openTestDossier();
    const result = await dossier.api.search({ q });
    const group = result.groups[0];
    expect(group?.docId).toBe(await seedId(dossier, source));
    const hit = group?.hits[0];
    expect(hit?.snippet.highlights.map(([from, to]) => hit.snippet.text.slice(from, to))).toContain(marked);
  });

  it('finds IoT inside NB-IoT, and 5G inside 5G-A', async () => {
    const dossier = await openTestDossier();
    expect((await dossier.api.search({ q: 'IoT' })).groups.map((g) => g.docId)).toContain(await seedId(dossier, '004'));
    expect((await dossier.api.search({ q: '5G' })).groups.map((g) => g.docId)).toContain(await seedId(dossier, '000'));
  });
});


describe('entities and filters in a search', () => {
  it('lists the entities whose name or alias matches, before the documents', async () => {
    const dossier = await openTestDossier();
    await dossier.api.createEntity({ type: 'person', name: 'Chen Zhongyue', aliases: ['EVP Chen'] });
    await dossier.api.createEntity({ type: 'organisation', name: 'China Telecom' });
    const result = await dossier.api.search({ q: 'chen zh' });
    expect(result.entities).toEqual([{ id: expect.any(String), type: 'Person', name: 'Chen Zhongyue', matched: { text: 'Chen Zhongyue', highlights: [[0, 4], [5, 13]] } }]);
    expect((await dossier.api.search({ q: 'evp' })).entities.map((e) => e.matched.text)).toEqual(['EVP Chen']);
    expect((await dossier.api.search({ q: 'chen is:note' })).entities).toEqual([]);
  });

  it('narrows to the documents with a tag, an entity, or an entity of a type', async () => {
    const dossier = await openTestDossier();
    const grid = await seedId(dossier, '002');
    const unicom = await seedId(dossier, '000');
    await dossier.api.setDocumentTags(grid, ['operators/china']);
    await dossier.api.createEntity({ type: 'person', name: 'Yang Jinbai' });
    await dossier.api.createEntity({ type: 'event', name: 'MWC Shanghai' });
    const docs = async (q: string) => (await dossier.api.search({ q })).groups.map((g) => g.docId);
    expect(await docs('china tag:operators')).toEqual([grid]);
    expect(await docs('china entity:"Yang Jinbai"')).toEqual([grid]);
    expect(await docs('china type:events')).toEqual([unicom]);
    const unknown = await dossier.api.search({ q: 'china type:planet' });
    expect(unknown.groups).toEqual([]);
    expect(unknown.problems[0]).toMatch(/^type:planet is not a type of entity: use type:person, type:organisation/);
  });
});
