import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../main/core/dispatch';
import { openTestDossier, seedId } from '../../helpers';

/** Calls the API as a transport does, validation included; returns the error message or the value. */
async function call(dossier: Awaited<ReturnType<typeof openTestDossier>>, name: string, ...args: unknown[]) {
  return createDispatcher(dossier.api, () => undefined)(name, args);
}

const entitiesFile = async (dataDir: string) => readFile(join(dataDir, 'entities.json'), 'utf8');

describe('entity types', () => {
  it('start with person, organisation, place, event and topic; the user adds more, each with a colour', async () => {
    const { api } = await openTestDossier();
    expect((await api.listEntityTypes()).map((t) => t.id)).toEqual(['person', 'organisation', 'place', 'event', 'topic']);
    const product = await api.createEntityType({ name: 'Product', color: '#117A65' });
    expect(product).toEqual({ id: 'product', name: 'Product', color: '#117a65', builtin: false });
    await expect(api.createEntityType({ name: 'product', color: '#000000' })).rejects.toThrow(/already a type named “Product”/);
    expect((await api.updateEntityType('person', { color: '#aa3300' })).color).toBe('#aa3300');
    const dossier = await openTestDossier();
    expect((await call(dossier, 'createEntityType', { name: 'Bad', color: 'red' })).ok).toBe(false);
  });
});

describe('creating entities', () => {
  it('keeps a tidied name and aliases, without repeats', async () => {
    const { api } = await openTestDossier();
    const gsma = await api.createEntity({ type: 'organisation', name: '  GSMA ', aliases: ['Groupe  Speciale\nMobile Association', 'gsma', 'Groupe Speciale Mobile Association'] });
    expect(gsma).toMatchObject({ name: 'GSMA', aliases: ['Groupe Speciale Mobile Association'], notes: '' });
  });

  it('refuses bad names with a clear message and changes nothing', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    await api.createEntity({ type: 'organisation', name: 'GSMA', aliases: ['Groupe Speciale Mobile Association'] });
    const before = await entitiesFile(dossier.dataDir);
    const refusals: Array<[unknown, RegExp]> = [
      [{ type: 'person', name: '   ' }, /The name is empty/],
      [{ type: 'person', name: 'x'.repeat(201) }, /has 201 characters; a name can have at most 200/],
      [{ type: 'person', name: '—' }, /has no letter or digit/],
      [{ type: 'organisation', name: 'gsma' }, /there is already an organisation named “GSMA”/],
      [{ type: 'person', name: 'Groupe Speciale Mobile Association' }, /“Groupe Speciale Mobile Association” is already an alias of the organisation “GSMA”/],
      [{ type: 'person', name: 'John Hoffman', aliases: ['GSMA'] }, /already an organisation named “GSMA”; remove the alias there first/],
      [{ type: 'person', name: 'John Hoffman', aliases: [''] }, /The alias is empty/],
      [{ type: 'starship', name: 'Enterprise' }, /There is no entity type "starship"/],
    ];
    for (const [input, message] of refusals) {
      const result = await call(dossier, 'createEntity', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(await entitiesFile(dossier.dataDir)).toBe(before);
    expect(await api.listEntities()).toHaveLength(1);
  });

  it('accepts a batch all or nothing', async () => {
    const { api } = await openTestDossier();
    await expect(
      api.acceptSuggestions([
        { type: 'person', name: 'Yang Jie' },
        { type: 'person', name: 'yang jie' },
      ]),
    ).rejects.toThrow(/already a person named “Yang Jie”/);
    expect(await api.listEntities()).toEqual([]);
    expect(await api.acceptSuggestions([{ type: 'person', name: 'Yang Jie' }, { type: 'person', name: 'Dong Xin' }])).toHaveLength(2);
  });

  it('survives a restart', async () => {
    const first = await openTestDossier();
    const made = await first.api.createEntity({ type: 'place', name: 'Shanghai', notes: 'MWC host city' });
    const again = await openTestDossier(first.dataDir);
    expect((await again.api.listEntities()).map(({ id, name, notes }) => ({ id, name, notes }))).toEqual([{ id: made.id, name: 'Shanghai', notes: 'MWC host city' }]);
  });
});

describe('changing entities keeps the data consistent', () => {
  it('renames, retypes and edits aliases; the mentions follow', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const seed002 = await seedId(dossier, '002');
    const grid = await api.createEntity({ type: 'organisation', name: 'State Grid' });
    expect((await api.getDocumentMentions(seed002)).mentions).toHaveLength(5);
    const renamed = await api.updateEntity(grid.id, { name: 'State Grid Corporation of China', aliases: ['State Grid'], notes: 'Utility' });
    expect(renamed).toMatchObject({ id: grid.id, name: 'State Grid Corporation of China', aliases: ['State Grid'], notes: 'Utility' });
    expect((await api.getDocumentMentions(seed002)).mentions).toHaveLength(5);
    const retyped = await api.updateEntity(grid.id, { aliases: [], type: 'topic' });
    expect(retyped).toMatchObject({ type: 'topic', aliases: [], notes: 'Utility' });
    expect((await api.getDocumentMentions(seed002)).mentions).toHaveLength(4);
    const other = await api.createEntity({ type: 'organisation', name: 'China Telecom' });
    await expect(api.updateEntity(other.id, { aliases: ['State Grid Corporation of China'] })).rejects.toThrow(/already a topic named “State Grid Corporation of China”/);
    expect((await api.getEntity(other.id)).entity.aliases).toEqual([]);
    await expect(api.updateEntity(grid.id, { name: '' })).rejects.toThrow(/The name is empty/);
    // Renaming to its own alias is fine: the alias is folded into the name.
    expect((await api.updateEntity(grid.id, { name: 'State Grid', aliases: ['State Grid', 'State Grid Corporation of China'] })).aliases).toEqual(['State Grid Corporation of China']);
  });

  it('merges two entities: names become aliases, mentions move, the second one is gone', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const seed000 = await seedId(dossier, '000');
    const gsma = await api.createEntity({ type: 'organisation', name: 'GSMA', notes: 'Industry body' });
    const long = await api.createEntity({ type: 'organisation', name: 'Groupe Speciale Mobile Association', notes: 'Long form' });
    const merged = await api.mergeEntities(gsma.id, long.id);
    expect(merged).toMatchObject({ id: gsma.id, aliases: ['Groupe Speciale Mobile Association'], notes: 'Industry body\n\nLong form' });
    expect((await api.getDocumentMentions(seed000)).mentions.map((m) => m.entityId)).toEqual([gsma.id, gsma.id, gsma.id]);
    await expect(api.getEntity(long.id)).rejects.toThrow(/no entity with id/);
    await expect(api.mergeEntities(gsma.id, gsma.id)).rejects.toThrow(/cannot be merged into itself/);
  });

  it('deletes an entity: mentions are unlinked, documents and annotations stay', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const seed000 = await seedId(dossier, '000');
    const unicom = await api.createEntity({ type: 'organisation', name: 'China Unicom' });
    const [first] = (await api.getDocumentMentions(seed000)).mentions;
    const note = await api.createAnnotation({ docId: seed000, start: first?.start ?? 0, end: first?.end ?? 1, note: 'the host' });
    expect((await api.getEntity(unicom.id)).annotations.map((a) => a.id)).toEqual([note.id]);
    await api.deleteEntity(unicom.id);
    expect((await api.getDocumentMentions(seed000)).mentions).toEqual([]);
    expect(await api.listDocuments()).toHaveLength(5);
    expect((await api.getAnnotation(note.id)).note).toBe('the host');
  });
});

describe('an entity page', () => {
  it('shows every mention by document, newest first, with its sentence and the role phrases', async () => {
    const { api } = await openTestDossier();
    const chen = await api.createEntity({ type: 'person', name: 'Chen Zhongyue' });
    await api.createEntity({ type: 'organisation', name: 'China Telecom' });
    await api.createEntity({ type: 'organisation', name: 'China Unicom' });
    const page = await api.getEntity(chen.id);
    expect(page.type.id).toBe('person');
    expect(page.mentions).toBe(5);
    expect(page.documents.map((d) => [d.date, d.mentions.length, d.roles])).toEqual([
      ['2024-06-26', 2, ['Chairman of China Unicom']],
      ['2017', 1, ['EVP of China Telecom']],
      [null, 2, ['deputy general manager and member of the Party group of China Telecom']],
    ]);
    const sentence = page.documents[0]?.mentions[1]?.sentence;
    expect(sentence?.text).toBe('Chen Zhongyue stated that China Unicom is continually enhancing its international digital infrastructure, actively engaging in global digital governance.');
    expect(sentence?.highlights).toEqual([[0, 13]]);
    expect(page.related.map((r) => [r.entity.name, r.paragraphs])).toEqual([
      ['China Telecom', 3],
      ['China Unicom', 2],
    ]);
  });
});
