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
    const renamed = (await api.updateEntity(grid.id, { name: 'State Grid Corporation of China', aliases: ['State Grid'], notes: 'Utility' })).after[0];
    expect(renamed).toMatchObject({ id: grid.id, name: 'State Grid Corporation of China', aliases: ['State Grid'], notes: 'Utility' });
    expect((await api.getDocumentMentions(seed002)).mentions).toHaveLength(5);
    const retyped = (await api.updateEntity(grid.id, { aliases: [], type: 'topic' })).after[0];
    expect(retyped).toMatchObject({ type: 'topic', aliases: [], notes: 'Utility' });
    expect((await api.getDocumentMentions(seed002)).mentions).toHaveLength(4);
    const other = await api.createEntity({ type: 'organisation', name: 'China Telecom' });
    await expect(api.updateEntity(other.id, { aliases: ['State Grid Corporation of China'] })).rejects.toThrow(/already a topic named “State Grid Corporation of China”/);
    expect((await api.getEntity(other.id)).entity.aliases).toEqual([]);
    await expect(api.updateEntity(grid.id, { name: '' })).rejects.toThrow(/The name is empty/);
    // Renaming to its own alias is fine: the alias is folded into the name.
    expect((await api.updateEntity(grid.id, { name: 'State Grid', aliases: ['State Grid', 'State Grid Corporation of China'] })).after[0]?.aliases).toEqual(['State Grid Corporation of China']);
  });

  it('merges two entities: names become aliases, mentions move, the second one is gone', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const seed000 = await seedId(dossier, '000');
    const gsma = await api.createEntity({ type: 'organisation', name: 'GSMA', notes: 'Industry body' });
    const long = await api.createEntity({ type: 'organisation', name: 'Groupe Speciale Mobile Association', notes: 'Long form' });
    const merged = (await api.mergeEntities(gsma.id, long.id)).after[0];
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

describe('a change to an entity', () => {
  /** Every entity and how often the library mentions it, by name. */
  const counts = async (api: Awaited<ReturnType<typeof openTestDossier>>['api']) =>
    Object.fromEntries((await api.listEntities()).map((e) => [e.name, e.mentions]));

  it('renamed with its old name kept as an alias keeps every mention; the preview says so before saving', async () => {
    const { api } = await openTestDossier();
    const ericsson = await api.createEntity({ type: 'organisation', name: 'Ericsson' });
    expect(await counts(api)).toEqual({ Ericsson: 6 });
    const longName = 'Telefonaktiebolaget LM Ericsson';
    expect(await api.previewEntityChange({ kind: 'update', id: ericsson.id, patch: { name: longName } })).toEqual({ before: 6, after: 0, linked: 0, unlinked: 6, taken: 0 });
    expect(await api.previewEntityChange({ kind: 'update', id: ericsson.id, patch: { name: longName, aliases: ['Ericsson'] } })).toEqual({ before: 6, after: 6, linked: 0, unlinked: 0, taken: 0 });
    // A preview changes nothing.
    expect(await counts(api)).toEqual({ Ericsson: 6 });
    const change = await api.updateEntity(ericsson.id, { name: longName, aliases: ['Ericsson'] });
    expect(change.before).toEqual([ericsson]);
    expect(await counts(api)).toEqual({ [longName]: 6 });
  });

  it('is undone exactly: a rename, a merge, a delete and an acceptance come back as they were, mentions included', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const gsma = await api.createEntity({ type: 'organisation', name: 'GSMA', notes: 'Industry body' });
    const long = await api.createEntity({ type: 'organisation', name: 'Groupe Speciale Mobile Association', aliases: ['GSM Association'], notes: 'Long form' });
    const initial = { entities: await api.listEntities(), file: await entitiesFile(dossier.dataDir) };
    expect(await counts(api)).toEqual({ GSMA: 3, 'Groupe Speciale Mobile Association': 1 });
    const sameAsBefore = async () => {
      expect(await api.listEntities()).toEqual(initial.entities);
      expect(await counts(api)).toEqual({ GSMA: 3, 'Groupe Speciale Mobile Association': 1 });
    };

    expect(await api.previewEntityChange({ kind: 'merge', target: gsma.id, source: long.id })).toEqual({ before: 4, after: 4, linked: 0, unlinked: 0, taken: 0 });
    const merge = await api.mergeEntities(gsma.id, long.id);
    expect(await counts(api)).toEqual({ GSMA: 4 });
    const redo = await api.undoEntityChange(merge);
    await sameAsBefore();
    expect(await entitiesFile(dossier.dataDir)).toBe(initial.file);
    // What an undo returns redoes the change.
    await api.undoEntityChange(redo);
    expect(await counts(api)).toEqual({ GSMA: 4 });
    await api.undoEntityChange(merge);
    await sameAsBefore();

    expect(await api.previewEntityChange({ kind: 'delete', id: gsma.id })).toEqual({ before: 3, after: 0, linked: 0, unlinked: 3, taken: 0 });
    const deletion = await api.deleteEntity(gsma.id);
    expect(await counts(api)).toEqual({ 'Groupe Speciale Mobile Association': 1 });
    await api.undoEntityChange(deletion);
    await sameAsBefore();
    expect((await api.getEntity(gsma.id)).entity).toEqual(gsma);

    const rename = await api.updateEntity(gsma.id, { name: 'GSM Association body', aliases: [] });
    expect(await counts(api)).toMatchObject({ 'GSM Association body': 0 });
    await api.undoEntityChange(rename);
    await sameAsBefore();

    const accepted = await api.acceptSuggestions([{ type: 'person', name: 'John Hoffman' }, { type: 'person', name: 'Chen Zhongyue' }]);
    await api.undoEntityChange({ before: [], after: accepted });
    await sameAsBefore();
  });

  it('is not undone over later changes, nor twice, and an undo is checked like any input', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const gsma = await api.createEntity({ type: 'organisation', name: 'GSMA' });
    const rename = await api.updateEntity(gsma.id, { name: 'GSM Association' });
    await api.updateEntity(gsma.id, { notes: 'edited later' });
    await expect(api.undoEntityChange(rename)).rejects.toThrow(/“GSM Association” has changed since; undo the later changes first/);
    const deletion = await api.deleteEntity(gsma.id);
    await api.undoEntityChange(deletion);
    await expect(api.undoEntityChange(deletion)).rejects.toThrow(/is already back/);
    const other = await api.createEntity({ type: 'person', name: 'Someone' });
    const hostile = { before: [{ ...other, id: 'copy', name: 'GSM Association' }], after: [] };
    const before = await entitiesFile(dossier.dataDir);
    for (const [change, message] of [
      [hostile, /already an organisation named “GSM Association”/],
      [{ before: [{ ...other, id: 'x y' }], after: [] }, /must be letters, digits/i],
      [{ before: [{ ...other, id: 'new', created: 'yesterday' }], after: [] }, /ISO time/],
      [{ before: [{ ...other, id: 'new', name: 'Fresh', type: 'starship' }], after: [] }, /no entity type "starship"/],
    ] as const) {
      const result = await call(dossier, 'undoEntityChange', change);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(await entitiesFile(dossier.dataDir)).toBe(before);
  });
});

describe('rejected suggestions', () => {
  it('are listed with what they would be now, and come back when restored', async () => {
    const { api } = await openTestDossier();
    const hoffman = (await api.listSuggestions()).find((s) => s.name === 'John Hoffman');
    expect(hoffman).toBeDefined();
    await api.rejectSuggestions(['John Hoffman', 'Chen Zhongyue']);
    expect((await api.listSuggestions()).map((s) => s.name)).not.toContain('John Hoffman');
    expect((await api.listRejectedSuggestions()).map((s) => s.name).sort()).toEqual(['Chen Zhongyue', 'John Hoffman']);
    await api.restoreSuggestions(['John Hoffman']);
    expect((await api.listSuggestions()).find((s) => s.name === 'John Hoffman')).toEqual(hoffman);
    expect((await api.listRejectedSuggestions()).map((s) => s.name)).toEqual(['Chen Zhongyue']);
  });
});

describe('the entities as CSV', () => {
  it('give a row per mention with its document, date, passage and role phrases, formulas defused', async () => {
    const { api } = await openTestDossier();
    await api.createEntity({ type: 'person', name: 'Chen Zhongyue', aliases: ['=Chairman Chen'], notes: '+ met in Shanghai' });
    await api.createEntity({ type: 'place', name: 'Atlantis' });
    const { files } = await api.exportEntities();
    const csv = files[0]?.content ?? '';
    expect(csv.startsWith('\uFEFF"Entity","Type","Aliases","Notes","Document","Date","Passage"')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(1 + 5 + 1);
    expect(rows[1]).toMatch(/^"Atlantis","Place","","","","",""/);
    const chen = rows.filter((r) => r.startsWith('"Chen Zhongyue"'));
    expect(chen[0]).toContain(`"Person","'=Chairman Chen","'+ met in Shanghai"`);
    expect(chen[0]).toContain('"2024-06-26"');
    expect(chen[0]).toContain('"Chairman of China Unicom"');
    expect(chen.some((r) => r.includes('"Chen Zhongyue, EVP of China Telecom, kicked off the event'))).toBe(true);
  });
});
