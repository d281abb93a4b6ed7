import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import { Documents } from '../../../../main/core/library/documents';
import { MentionIndex } from '../../../../main/core/entities/mention-index';
import { MentionMatcher, type Named } from '../../../../main/core/entities/mentions';
import { Store } from '../../../../main/core/store/store';
import { openTestDossier, seedId, tempDir } from '../../helpers';

const entity = (id: string, name: string, aliases: string[] = []): Named => ({ id, name, aliases });
/** The mentioned text of each mention, with its entity. */
const found = (entities: Named[], text: string) => new MentionMatcher(entities).find(text).map((m) => [m.entityId, text.slice(m.start, m.end)]);

describe('finding mentions', () => {
  it('matches whole words only, never inside another word', () => {
    const text = 'Chinatown is not China, nor is IndoChina or China2; China is.';
    expect(found([entity('c', 'China')], text)).toEqual([
      ['c', 'China'],
      ['c', 'China'],
    ]);
  });

  it('ignores case and lets any whitespace, line breaks included, stand between the words of a name', () => {
    const text = 'CHINA UNICOM said; china\n  unicom agreed; China\tUnicom too.';
    expect(found([entity('u', 'China Unicom')], text).map(([, t]) => t)).toEqual(['CHINA UNICOM', 'china\n  unicom', 'China\tUnicom']);
  });

  it('finds aliases as the same entity', () => {
    const gsma = entity('g', 'GSMA', ['Groupe Speciale Mobile Association']);
    const text = 'John Hoffman, CEO at Groupe Speciale Mobile Association (GSMA), spoke.';
    expect(found([gsma], text)).toEqual([
      ['g', 'Groupe Speciale Mobile Association'],
      ['g', 'GSMA'],
    ]);
  });

  it('leaves a possessive ending outside the mention, curly or straight', () => {
    const text = 'China Telecom’s platform and China Telecom\'s lab; the partners’ view.';
    expect(found([entity('t', 'China Telecom'), entity('p', 'partners')], text)).toEqual([
      ['t', 'China Telecom'],
      ['t', 'China Telecom'],
      ['p', 'partners'],
    ]);
  });

  it('treats curly and straight quotes and dashes in a name as the same', () => {
    const text = 'Ma’anshan and Ma\'anshan; the 5G–A and 5G-A networks.';
    expect(found([entity('m', "Ma'anshan"), entity('a', '5G-A')], text).map(([, t]) => t)).toEqual(['Ma’anshan', "Ma'anshan", '5G–A', '5G-A']);
  });

  it('resolves overlapping names to the longer one', () => {
    const text = 'China Unicom and China Mobile operate in China.';
    const entities = [entity('c', 'China'), entity('u', 'China Unicom'), entity('m', 'China Mobile')];
    expect(found(entities, text)).toEqual([
      ['u', 'China Unicom'],
      ['m', 'China Mobile'],
      ['c', 'China'],
    ]);
  });

  it('falls back to a shorter name when the longer one would end inside a word', () => {
    expect(found([entity('c', 'China'), entity('u', 'China Unicom')], 'China Unicoms')).toEqual([['c', 'China']]);
  });

  it('finds a name that starts with punctuation and one in another script', () => {
    const text = 'the “Heart-level Service” brand; 中国联通 and Zürich or ZÜRICH.';
    const entities = [entity('h', '“Heart-level Service”'), entity('z', 'Zürich'), entity('c', '中国联通')];
    expect(found(entities, text).map(([, t]) => t)).toEqual(['“Heart-level Service”', '中国联通', 'Zürich', 'ZÜRICH']);
  });

  it('finds nothing without entities, and never overlapping mentions (any names, any text)', () => {
    expect(new MentionMatcher([]).find('China Unicom')).toEqual([]);
    const word = fc.constantFrom('China', 'Unicom', 'china', 'Mobile', 'of', 'State', 'Grid', '’s', ',', 'GSMA');
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { maxLength: 5 }), fc.array(word, { maxLength: 40 }), (names, words) => {
        const entities = names.map((n, i) => entity(`e${i}`, n.join(' ')));
        const text = words.join(' ');
        const mentions = new MentionMatcher(entities).find(text);
        for (let i = 1; i < mentions.length; i++) expect((mentions[i] as { start: number }).start).toBeGreaterThanOrEqual((mentions[i - 1] as { end: number }).end);
        for (const m of mentions) expect(/[\p{L}\p{N}]/u.test(text[m.start - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(text[m.end] ?? ' ')).toBe(false);
      }),
    );
  });
});

describe('mentions of the library', () => {
  it('are found across documents and follow every entity change', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const seed000 = await seedId(dossier, '000');
    const gsma = await api.createEntity({ type: 'organisation', name: 'GSMA' });
    let mentions = await api.getDocumentMentions(seed000);
    expect(mentions.mentions.map((m) => m.entityId)).toEqual([gsma.id, gsma.id]);

    await api.updateEntity(gsma.id, { aliases: ['Groupe Speciale Mobile Association'] });
    mentions = await api.getDocumentMentions(seed000);
    expect(mentions.mentions).toHaveLength(3);
    expect(mentions.entities.map((e) => e.name)).toEqual(['GSMA']);

    await api.deleteEntity(gsma.id);
    expect((await api.getDocumentMentions(seed000)).mentions).toEqual([]);
  });

  it('count what the texts say: three documents name Chen Zhongyue five times', async () => {
    const { api } = await openTestDossier();
    const chen = await api.createEntity({ type: 'person', name: 'Chen Zhongyue' });
    const summary = (await api.listEntities()).find((e) => e.id === chen.id);
    expect(summary).toMatchObject({ mentions: 5, documents: 3 });
  });

  it('a new shorter name leaves the longer names their mentions', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const [seed000, seed001] = [await seedId(dossier, '000'), await seedId(dossier, '001')];
    const unicom = await api.createEntity({ type: 'organisation', name: 'China Unicom' });
    expect((await api.getDocumentMentions(seed001)).mentions).toEqual([]);
    const before = (await api.getDocumentMentions(seed000)).mentions.length;
    const china = await api.createEntity({ type: 'place', name: 'China' });
    const after = await api.getDocumentMentions(seed000);
    // "China" inside "China Unicom" stays China Unicom's.
    expect(after.mentions.filter((m) => m.entityId === unicom.id)).toHaveLength(before);
    expect(after.mentions.filter((m) => m.entityId === china.id)).toHaveLength(0);
    expect((await api.getDocumentMentions(seed001)).mentions.filter((m) => m.entityId === china.id).length).toBeGreaterThan(0);
  });
});

describe('the mention cache', () => {
  async function library() {
    const store = await Store.open(await tempDir());
    const documents = await Documents.open(store);
    const a = (await documents.add({ text: 'Chen Zhongyue met Yang Jie.', source: 'a.txt', origin: 'import' })).doc.id;
    const b = (await documents.add({ text: 'Ericsson and Telenor signed.', source: 'b.txt', origin: 'import' })).doc.id;
    return { store, documents, a, b };
  }

  it('does not read again the documents a change of names cannot affect', async () => {
    const { store, documents, a, b } = await library();
    const chen = entity('c', 'Chen Zhongyue');
    const index = new MentionIndex(documents, [chen]);
    await index.all();
    // Without its text, document b could not be read again; it does not need to be.
    await rm(store.path(`texts/${b}.txt`));
    const ericsson = entity('e', 'Ericsson');
    await index.entitiesChanged([chen, entity('y', 'Yang Jie')], ['Yang Jie']);
    expect((await index.ofDocument(a)).map((m) => m.entityId)).toEqual(['c', 'y']);
    expect(await index.ofDocument(b)).toEqual([]);
    await index.entitiesChanged([chen, ericsson], ['Ericsson']);
    await expect(index.ofDocument(b)).rejects.toThrow(/missing/);
  });

  it('reads a document again when its text changed', async () => {
    const { store, documents, a } = await library();
    const index = new MentionIndex(documents, [entity('y', 'Yang Jie')]);
    expect(await index.ofDocument(a)).toHaveLength(1);
    await writeFile(store.path(`texts/${a}.txt`), 'Nobody here.');
    expect(await index.ofDocument(a)).toHaveLength(1);
    index.documentChanged(a);
    expect(await index.ofDocument(a)).toEqual([]);
  });
});
