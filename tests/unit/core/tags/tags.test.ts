import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../main/core/dispatch';
import { openTestDossier, seedId } from '../../helpers';

async function tagged() {
  const dossier = await openTestDossier();
  const { api } = dossier;
  const [a, b, c] = [await seedId(dossier, '000'), await seedId(dossier, '001'), await seedId(dossier, '003')];
  await api.setDocumentTags(a, ['operators/china', 'events']);
  await api.setDocumentTags(b, ['operators/china/mobile']);
  const note = await api.createAnnotation({ docId: c, start: 0, end: 20, tags: ['operators/europe', 'iot'] });
  return { dossier, api, a, b, c, note };
}

describe('tags', () => {
  it('are kept per document, without repeats, in the spelling already in use', async () => {
    const { api, a, c } = await tagged();
    expect(await api.getDocumentTags(a)).toEqual(['operators/china', 'events']);
    expect(await api.setDocumentTags(c, ['Operators/China', 'iot', 'iot'])).toEqual(['operators/china', 'iot']);
    expect(await api.listDocumentTags()).toMatchObject({ [c]: ['operators/china', 'iot'] });
    expect(await api.setDocumentTags(c, [])).toEqual([]);
    expect(Object.keys(await api.listDocumentTags())).not.toContain(c);
  });

  it('form a hierarchy with counts of documents and annotations under each level', async () => {
    const { api } = await tagged();
    expect(await api.listTags()).toEqual([
      { tag: 'events', documents: 1, annotations: 0, used: true },
      { tag: 'iot', documents: 0, annotations: 1, used: true },
      { tag: 'operators', documents: 2, annotations: 1, used: false },
      { tag: 'operators/china', documents: 2, annotations: 0, used: true },
      { tag: 'operators/china/mobile', documents: 1, annotations: 0, used: true },
      { tag: 'operators/europe', documents: 0, annotations: 1, used: true },
    ]);
  });

  it('rename with everything under them, on documents and annotations, and merge into an existing tag', async () => {
    const { api, a, b, note } = await tagged();
    expect(await api.renameTag('operators', 'carriers')).toMatchObject({ documents: 2, annotations: 1 });
    expect(await api.getDocumentTags(b)).toEqual(['carriers/china/mobile']);
    expect((await api.getAnnotation(note.id)).tags).toEqual(['carriers/europe', 'iot']);
    expect(await api.renameTag('events', 'carriers/china')).toMatchObject({ documents: 1, annotations: 0 });
    expect(await api.getDocumentTags(a)).toEqual(['carriers/china']);
    await expect(api.renameTag('operators', 'x')).rejects.toThrow(/No document or annotation is tagged "operators"/);
  });

  it('deleted leave the documents and annotations in place', async () => {
    const { api, a, note } = await tagged();
    expect(await api.deleteTag('operators')).toMatchObject({ documents: 2, annotations: 1 });
    expect(await api.getDocumentTags(a)).toEqual(['events']);
    expect(await api.listDocuments()).toHaveLength(5);
    expect((await api.getAnnotation(note.id)).tags).toEqual(['iot']);
    expect((await api.listTags()).map((t) => t.tag)).toEqual(['events', 'iot']);
  });

  it('come back exactly as they were when a rename, a merge or a delete is undone', async () => {
    const { api, a, b, c, note } = await tagged();
    await api.setDocumentTags(c, ['iot', 'carriers']);
    const before = { tags: await api.listDocumentTags(), note: (await api.getAnnotation(note.id)).tags, list: await api.listTags() };
    const state = async () => ({ tags: await api.listDocumentTags(), note: (await api.getAnnotation(note.id)).tags, list: await api.listTags() });

    const rename = await api.renameTag('operators', 'carriers');
    expect(rename.edits.documents.map((e) => e.id).sort()).toEqual([a, b].sort());
    expect(rename.edits.annotations).toEqual([{ id: note.id, before: ['operators/europe', 'iot'], after: ['carriers/europe', 'iot'] }]);
    await api.restoreTags(rename.edits);
    expect(await state()).toEqual(before);

    // A merge into a tag the document already had: undone, the document has both again, in their order.
    const merge = await api.renameTag('events', 'operators/china');
    expect(await api.getDocumentTags(a)).toEqual(['operators/china']);
    await api.restoreTags(merge.edits);
    expect(await state()).toEqual(before);

    const deletion = await api.deleteTag('operators');
    expect(await api.getDocumentTags(b)).toEqual([]);
    const redo = await api.restoreTags(deletion.edits);
    expect(await state()).toEqual(before);
    // What a restore returns redoes the change.
    await api.restoreTags(redo.edits);
    expect(await api.getDocumentTags(a)).toEqual(['events']);
  });

  it('undone after a later edit keep that edit', async () => {
    const { api, a } = await tagged();
    const rename = await api.renameTag('events', 'meetings');
    await api.setDocumentTags(a, ['operators/china', 'meetings', 'later']);
    await api.restoreTags(rename.edits);
    expect(await api.getDocumentTags(a)).toEqual(['operators/china', 'later', 'events']);
  });

  it('refuse bad input with a clear message and change nothing', async () => {
    const { dossier, a } = await tagged();
    const dispatch = createDispatcher(dossier.api, () => undefined);
    const before = await readFile(join(dossier.dataDir, 'tags.json'), 'utf8');
    const refusals: Array<[string, unknown[], RegExp]> = [
      ['setDocumentTags', [a, ['with space']], /is not a tag/],
      ['setDocumentTags', [a, ['']], /A tag cannot be empty/],
      ['setDocumentTags', [a, ['a//b']], /is not a tag/],
      ['setDocumentTags', ['nope', ['x']], /no document with id "nope"/],
      ['renameTag', ['events', '/events'], /is not a tag/],
      ['renameTag', ['events', 'events'], /already has that name/],
      ['deleteTag', ['nothing'], /No document or annotation is tagged "nothing"/],
      ['restoreTags', [{ documents: [{ id: a, before: ['bad tag'], after: [] }], annotations: [] }], /is not a tag/],
    ];
    for (const [name, args, message] of refusals) {
      const result = await dispatch(name, args);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(await readFile(join(dossier.dataDir, 'tags.json'), 'utf8')).toBe(before);
  });
});

describe('filtering by entities and tags', () => {
  it('keeps the documents and annotations that carry all of them', async () => {
    const { api, a, b, c, note } = await tagged();
    const chen = await api.createEntity({ type: 'person', name: 'Chen Zhongyue' });
    const telecom = await api.createEntity({ type: 'organisation', name: 'China Telecom' });
    const seed002 = (await api.listDocuments()).find((d) => d.source.startsWith('002'))?.id as string;
    expect(new Set(await api.documentsWith({ entities: [chen.id] }))).toEqual(new Set([a, seed002, c]));
    expect(new Set(await api.documentsWith({ entities: [chen.id, telecom.id] }))).toEqual(new Set([seed002, c]));
    // Seed 003 carries "operators" through its annotation's "operators/europe".
    const order = byLibraryOrder(await api.listDocuments());
    expect(await api.documentsWith({ entities: [chen.id], tags: ['operators'] })).toEqual([a, c].sort(order));
    expect(await api.documentsWith({ tags: ['operators/china'] })).toEqual([a, b].sort(order));
    expect(await api.documentsWith({ entities: ['deleted'] })).toEqual([]);
    expect(await api.documentsWith({})).toHaveLength(5);

    expect(await api.annotationsWith({ tags: ['operators'] })).toEqual([note.id]);
    expect(await api.annotationsWith({ tags: ['operators/china'] })).toEqual([]);
    // Seed 003 opens with "Why China Telecom is…": the note's passage mentions China Telecom.
    expect(await api.annotationsWith({ entities: [telecom.id] })).toEqual([note.id]);
    expect(await api.annotationsWith({ entities: [chen.id] })).toEqual([]);
  });
});

const byLibraryOrder = (docs: Array<{ id: string }>) => (x: string, y: string) => docs.findIndex((d) => d.id === x) - docs.findIndex((d) => d.id === y);
