import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../main/common/contract';
import type { Dossier } from '../../../../main/core/service';
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

  it('says when no passage has every word, and ranks those with some of them', async () => {
    const dossier = await openTestDossier();
    const every = await dossier.api.search({ q: 'Chen Zhongyue' });
    expect(every.partial).toBe(false);
    const some = await dossier.api.search({ q: 'Zhongyue xylophone' });
    expect(some.partial).toBe(true);
    expect(some.groups.length).toBeGreaterThan(0);
    expect((await dossier.api.search({ q: 'xylophone glockenspiel' })).partial).toBe(false);
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

describe('notes in a search', () => {
  /** A note on the first place `phrase` is in a document. */
  async function noteOn(dossier: Dossier & { dataDir: string }, docId: string, phrase: string, note: string, tags: string[] = []): Promise<string> {
    const text = await readFile(join(dossier.dataDir, 'texts', `${docId}.txt`), 'utf8');
    const start = text.indexOf(phrase);
    expect(start).toBeGreaterThanOrEqual(0);
    return (await dossier.api.createAnnotation({ docId, start, end: start + phrase.length, note, tags })).id;
  }

  /** Each document found, with the notes listed in it, in the order shown. */
  const notesShown = async (dossier: Dossier & { dataDir: string }, q: string, everyNote?: boolean) =>
    (await dossier.api.search({ q, ...(everyNote !== undefined && { everyNote }) })).groups.map((g) => [g.docId, g.hits.filter((h) => h.kind === 'note').map((h) => h.noteId)]);

  async function annotated() {
    const dossier = await openTestDossier();
    const [unicom, telecom, grid] = [await seedId(dossier, '000'), await seedId(dossier, '003'), await seedId(dossier, '002')];
    // Written out of the order of the text: a listing follows the text.
    const later = await noteOn(dossier, unicom, 'three initiatives', 'The plan in three parts', ['operators/china']);
    const earlier = await noteOn(dossier, unicom, 'Global Partners Meeting', 'Who came', ['events']);
    const chen = await noteOn(dossier, telecom, 'Chen Zhongyue, EVP', 'Frames it as national strategy', ['operators']);
    const elsewhere = await noteOn(dossier, telecom, 'national development strategy', 'A strategy of the state');
    return { dossier, unicom, telecom, grid, notes: { later, earlier, chen, elsewhere } };
  }

  it('lists every note for is:note alone, newest document first, each document’s notes in the order of its text', async () => {
    const { dossier, unicom, telecom, notes } = await annotated();
    expect(await notesShown(dossier, 'is:note')).toEqual([
      [unicom, [notes.earlier, notes.later]],
      [telecom, [notes.elsewhere, notes.chen]],
    ]);
    const result = await dossier.api.search({ q: 'is:note' });
    expect(result.problems).toEqual([]);
    expect(result.groups.flatMap((g) => g.hits).every((h) => h.kind === 'note' && h.blockIndex !== null)).toBe(true);
  });

  it('lists the notes that is:note and its filters keep: a tag or one under it, an entity the note is on, a date', async () => {
    const { dossier, unicom, telecom, notes } = await annotated();
    await dossier.api.createEntity({ type: 'person', name: 'Chen Zhongyue' });
    expect(await notesShown(dossier, 'is:note tag:operators')).toEqual([
      [unicom, [notes.later]],
      [telecom, [notes.chen]],
    ]);
    expect(await notesShown(dossier, 'is:note entity:"Chen Zhongyue"')).toEqual([[telecom, [notes.chen]]]);
    expect(await notesShown(dossier, 'is:note after:2021')).toEqual([[unicom, [notes.earlier, notes.later]]]);
    expect(await notesShown(dossier, 'is:note tag:nothing-here')).toEqual([]);
  });

  it('shows for tag:X the notes tagged X as well as the documents tagged X, with words or without', async () => {
    const { dossier, unicom, telecom, grid, notes } = await annotated();
    await dossier.api.setDocumentTags(grid, ['operators']);
    const listed = await dossier.api.search({ q: 'tag:operators' });
    expect(listed.groups.map((g) => g.docId).sort()).toEqual([unicom, telecom, grid].sort());
    expect(listed.groups.find((g) => g.docId === grid)?.hits.map((h) => h.kind)).toEqual(['title']);
    expect(await notesShown(dossier, 'tag:operators')).toEqual(expect.arrayContaining([[unicom, [notes.later]], [telecom, [notes.chen]]]));
    // With words: the note tagged so is found, the one beside it without the tag is not.
    expect((await notesShown(dossier, 'tag:operators strategy is:note'))).toEqual([[telecom, [notes.chen]]]);
    expect((await notesShown(dossier, 'strategy is:note')).flatMap(([, ids]) => ids).sort()).toEqual([notes.chen, notes.elsewhere].sort());
  });

  it('gives every matching note of a document when asked, beyond its best three hits', async () => {
    const dossier = await openTestDossier();
    const unicom = await seedId(dossier, '000');
    const phrases = ['Global Partners Meeting', 'MWC Shanghai', 'John Hoffman', 'Jian Qin', 'Tang Yongbo'];
    const ids = new Map<string, string>();
    for (const phrase of phrases) ids.set(phrase, await noteOn(dossier, unicom, phrase, `Speaker list: ${phrase}`));
    const text = await readFile(join(dossier.dataDir, 'texts', `${unicom}.txt`), 'utf8');
    const inTextOrder = [...phrases].sort((a, b) => text.indexOf(a) - text.indexOf(b)).map((p) => ids.get(p));
    const shown = async (q: string, everyNote?: boolean) => ((await notesShown(dossier, q, everyNote))[0]?.[1] as string[]).length;
    expect(await shown('speaker is:note')).toBe(3);
    expect(await shown('speaker is:note', true)).toBe(5);
    expect(await shown('speaker', true)).toBe(5);
    expect(await shown('is:note')).toBe(3);
    expect(await notesShown(dossier, 'is:note', true)).toEqual([[unicom, inTextOrder]]);
  });

  it('answers is: and type: with a word an object inherits as with any unknown word', async () => {
    const dossier = await openTestDossier();
    const docs = (result: SearchResult) => result.groups.map((g) => g.docId);
    const unknown = await dossier.api.search({ q: 'china is:everything' });
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const kind = await dossier.api.search({ q: `china is:${word}` });
      expect(kind.problems).toEqual([`is:${word} is not a kind of result: use is:note, is:entity or is:passage`]);
      expect(docs(kind)).toEqual(docs(unknown));
      const type = await dossier.api.search({ q: `china type:${word}` });
      expect(type.problems[0]).toMatch(new RegExp(`^type:${word} is not a type of entity: use type:person`, 'i'));
      expect(type.groups).toEqual([]);
    }
  });
});
