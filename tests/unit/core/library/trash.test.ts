import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiImpl } from '../../../../main/common/contract';
import { openTestDossier, SEED_DIR, seedId } from '../../helpers';
import { importFile, sendFile, utf8 } from '../io/import/files';

/*
 * Deleting documents moves them to the Trash: they leave the library,
 * search, entity mentions, tags and the Notes view at once, and come back
 * exactly as they were (same ids, notes, tags, dates) until they are deleted
 * for good, by the person or after 30 days (measured as deleted notes are:
 * a clock set forward never empties the Trash of the session it runs in).
 */

const DAY = 24 * 3600 * 1000;
const START = new Date('2026-03-01T10:00:00.000Z');

afterEach(() => {
  vi.useRealTimers();
});

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Everything a person can see of one document, and of what it is part of. */
async function seen(api: ApiImpl, id: string, entityId: string) {
  return {
    record: (await api.listDocuments()).find((d) => d.id === id) ?? null,
    inTable: (await api.listDocumentPage({ sort: 'title', descending: false, from: 0, to: 100 })).rows.some((r) => r.id === id),
    inTableIds: (await api.listDocumentIds({ sort: 'date', descending: true, from: 0, to: 100 })).includes(id),
    inSearch: (await api.search({ q: 'IoT partnerships' })).groups.some((g) => g.docId === id),
    noteInSearch: (await api.search({ q: 'sensor-laden is:note' })).groups.some((g) => g.docId === id),
    mentioned: (await api.getEntity(entityId)).documents.some((d) => d.docId === id),
    notes: (await api.listAnnotations({})).filter((a) => a.docId === id),
    tagged: (await api.documentsWith({ tags: ['operators'] })).includes(id),
    noted: (await api.annotationsWith({ tags: ['iot'] })).length,
    tagCounts: (await api.listTags()).map(({ tag, documents, annotations }) => ({ tag, documents, annotations })),
    documentTags: (await api.listDocumentTags())[id] ?? [],
  };
}

async function withWork() {
  const dossier = await openTestDossier();
  const { api } = dossier;
  const id = await seedId(dossier, '003');
  const telecom = (await api.createEntity({ type: 'organisation', name: 'China Telecom', aliases: [] })).id;
  await api.setDocumentTags(id, ['operators/china']);
  const note = await api.createAnnotation({ docId: id, start: 0, end: 40, note: 'sensor-laden fields', tags: ['iot'], color: 'green' });
  const gone = await api.createAnnotation({ docId: id, start: 50, end: 80, note: 'deleted before the document' });
  await api.deleteAnnotation(gone.id);
  return { dossier, api, id, telecom, note, gone };
}

describe('deleting documents', () => {
  it('takes one out of the library, search, mentions, tags and the Notes view at once; restoring it brings everything back exactly', async () => {
    const { dossier, api, id, telecom, note, gone } = await withWork();
    const before = await seen(api, id, telecom);
    expect(before).toMatchObject({ inTable: true, inTableIds: true, inSearch: true, noteInSearch: true, mentioned: true, tagged: true, noted: 1, documentTags: ['operators/china'] });

    expect(await api.countNotes([id])).toBe(1);
    expect(await api.deleteDocuments([id])).toEqual({ ids: [id], annotations: 1 });
    expect(await seen(api, id, telecom)).toEqual({
      record: null,
      inTable: false,
      inTableIds: false,
      inSearch: false,
      noteInSearch: false,
      mentioned: false,
      notes: [],
      tagged: false,
      noted: 0,
      tagCounts: [],
      documentTags: [],
    });
    await expect(api.openDocument(id)).rejects.toMatchObject({ code: 'not_found', message: '“Why China Telecom is building IoT partnerships” is in the Trash: restore it from the Trash to read it.' });
    await expect(api.listAnnotations({ docId: id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.updateAnnotation(note.id, { note: 'changed in the Trash' })).rejects.toMatchObject({ code: 'not_found' });
    // Waiting in the Trash: the text, the notes and the tags are still on disk.
    expect(await exists(join(dossier.dataDir, 'texts', `${id}.txt`))).toBe(true);
    expect(await readFile(join(dossier.dataDir, 'annotations', `${id}.json`), 'utf8')).toContain(note.id);
    expect(JSON.parse(await readFile(join(dossier.dataDir, 'tags.json'), 'utf8')).documents[id]).toEqual(['operators/china']);
    expect(await api.listTrash()).toEqual([{ ...before.record, deletedAt: expect.any(String), annotations: 1, tags: ['operators/china'] }]);

    expect(await api.restoreDocuments([id], 'ask')).toEqual({ restored: [before.record], replaced: [], conflicts: [] });
    expect(await seen(api, id, telecom)).toEqual(before);
    await expect(api.restoreAnnotation(gone.id)).resolves.toMatchObject({ note: 'deleted before the document' });
    expect(await api.listTrash()).toEqual([]);
  });

  it('of several is all or nothing; they wait in the Trash across a restart and come back with their notes', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const ids = [await seedId(dossier, '000'), await seedId(dossier, '001'), await seedId(dossier, '002')] as [string, string, string];
    const notes = [await api.createAnnotation({ docId: ids[0], start: 0, end: 20 }), await api.createAnnotation({ docId: ids[2], start: 5, end: 25, note: 'a note' })];
    const records = (await api.listDocuments()).filter((d) => ids.includes(d.id));
    expect(await api.countNotes(ids)).toBe(2);

    await api.deleteDocuments([ids[2]]);
    await expect(api.deleteDocuments([ids[0], ids[2]])).rejects.toMatchObject({
      code: 'not_found',
      message: '“The State Grid Corporation of China and China Telecom Group Co., Ltd. signed a business…” is in the Trash: it was deleted, perhaps in another window. Nothing was deleted.',
    });
    expect((await api.listDocuments()).map((d) => d.id)).toContain(ids[0]);
    await api.restoreDocuments([ids[2]], 'ask');

    expect(await api.deleteDocuments(ids)).toEqual({ ids, annotations: 2 });
    const later = await openTestDossier(dossier.dataDir);
    expect(await later.api.listDocuments()).toHaveLength(2);
    expect((await later.api.listTrash()).map((d) => [d.id, d.annotations])).toEqual(expect.arrayContaining([[ids[0], 1], [ids[1], 0], [ids[2], 1]]));
    expect((await later.api.search({ q: 'Unicom' })).groups.map((g) => g.docId)).not.toContain(ids[0]);

    const { restored } = await later.api.restoreDocuments(ids, 'ask');
    expect(restored.sort((a, b) => a.id.localeCompare(b.id))).toEqual(records.sort((a, b) => a.id.localeCompare(b.id)));
    expect((await later.api.listAnnotations({})).map((a) => a.id).sort()).toEqual(notes.map((n) => n.id).sort());
    expect((await later.api.search({ q: 'Unicom' })).groups.map((g) => g.docId)).toContain(ids[0]);
    await expect(later.api.restoreDocuments([ids[0]], 'ask')).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/is back in the library, perhaps restored in another window\. Nothing was restored\.$/) });
  });

  it('for good removes the text, the notes file and the tags, and the same text imported later starts afresh', async () => {
    const { dossier, api, id, note } = await withWork();
    const text = await readFile(join(SEED_DIR, '003_4edd7da4a1324c87.txt'), 'utf8');
    await expect(api.purgeDocuments([id])).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/is back in the library/) });
    await api.deleteDocuments([id]);
    expect(await api.purgeDocuments([id])).toBe(1);

    expect(await exists(join(dossier.dataDir, 'texts', `${id}.txt`))).toBe(false);
    expect(await exists(join(dossier.dataDir, 'annotations', `${id}.json`))).toBe(false);
    expect(JSON.parse(await readFile(join(dossier.dataDir, 'tags.json'), 'utf8')).documents).not.toHaveProperty(id);
    expect(await api.listTrash()).toEqual([]);
    await expect(api.restoreDocuments([id], 'ask')).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/^One of these documents is no longer in the Trash/) });
    await expect(api.purgeDocuments([id])).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.getAnnotation(note.id)).rejects.toMatchObject({ code: 'not_found' });

    const again = await importFile(api, 'iot.txt', utf8(text));
    expect(again).toMatchObject({ status: 'added', document: { id } });
    expect(await api.listAnnotations({ docId: id })).toEqual([]);
    expect(await api.getDocumentTags(id)).toEqual([]);

    const later = await openTestDossier(dossier.dataDir);
    expect((await later.api.listDocuments()).find((d) => d.id === id)).toMatchObject({ source: 'iot.txt', origin: 'import' });
  });
});

describe('the Trash after 30 days', () => {
  const clockAt = (days: number) => vi.setSystemTime(new Date(START.getTime() + days * DAY));

  async function deletedAtDayZero() {
    vi.useFakeTimers({ toFake: ['Date'] });
    clockAt(0);
    const dossier = await openTestDossier();
    const [first, second] = [await seedId(dossier, '000'), await seedId(dossier, '001')];
    await dossier.api.createAnnotation({ docId: first, start: 0, end: 20 });
    await dossier.api.deleteDocuments([first]);
    return { dossier, first, second };
  }

  it('keeps what this session deleted when the clock jumps a month ahead', async () => {
    const { dossier, first, second } = await deletedAtDayZero();
    clockAt(31);
    await dossier.api.deleteDocuments([second]);
    await dossier.store.settled();
    expect((await dossier.api.listTrash()).map((d) => d.id).sort()).toEqual([first, second].sort());
    expect((await dossier.api.restoreDocuments([first], 'ask')).restored.map((d) => d.id)).toEqual([first]);
    expect(await dossier.api.listAnnotations({ docId: first })).toHaveLength(1);
  });

  it('keeps what an earlier session deleted 29 days ago', async () => {
    const { dossier, first } = await deletedAtDayZero();
    clockAt(29);
    const later = await openTestDossier(dossier.dataDir);
    await later.store.settled();
    expect((await later.api.listTrash()).map((d) => d.id)).toEqual([first]);
  });

  it('deletes for good, at the next start, what an earlier session deleted more than 30 days ago', async () => {
    const { dossier, first, second } = await deletedAtDayZero();
    clockAt(31);
    const later = await openTestDossier(dossier.dataDir);
    await later.store.settled();
    expect(await later.api.listTrash()).toEqual([]);
    expect(await exists(join(dossier.dataDir, 'texts', `${first}.txt`))).toBe(false);
    expect(await exists(join(dossier.dataDir, 'annotations', `${first}.json`))).toBe(false);
    expect((await later.api.listDocuments()).map((d) => d.id)).toContain(second);
  });
});

describe('restoring from the Trash a document that came into the library again', () => {
  const MEMO = 'Harbour Memo\n\nThe harbour board met the shipping lines on Monday and agreed the new tariff schedule.';
  const MEMO_V2 = `${MEMO}\n\nAddendum: the schedule starts in May.`;

  it('with the same text, asks first and never merges them; both can stay', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const first = (await importFile(api, 'memo.txt', utf8(MEMO))).document?.id as string;
    await api.createAnnotation({ docId: first, start: 0, end: 12, note: 'the old one' });
    await api.deleteDocuments([first]);

    const copy = await importFile(api, 'memo copy.txt', utf8(MEMO));
    expect(copy).toMatchObject({ status: 'added' });
    const copyId = copy.document?.id as string;
    expect(copyId).not.toBe(first);
    expect(await api.listAnnotations({ docId: copyId })).toEqual([]);

    expect(await api.restoreDocuments([first], 'ask')).toEqual({ restored: [], replaced: [], conflicts: [{ id: first, title: 'Harbour Memo', copies: [{ id: copyId, title: 'Harbour Memo' }] }] });
    expect((await api.listTrash()).map((d) => d.id)).toEqual([first]);

    expect((await api.restoreDocuments([first], 'keep-both')).restored.map((d) => d.id)).toEqual([first]);
    expect((await api.listDocuments()).filter((d) => d.title === 'Harbour Memo').map((d) => d.id).sort()).toEqual([first, copyId].sort());
    expect((await api.listAnnotations({ docId: first })).map((a) => a.note)).toEqual(['the old one']);
    expect(await api.listAnnotations({ docId: copyId })).toEqual([]);
  });

  it('from the same file, replaces the copy when asked to, which then waits in the Trash', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const first = (await importFile(api, 'memo.txt', utf8(MEMO))).document?.id as string;
    await api.deleteDocuments([first]);
    const copy = await importFile(api, 'memo.txt', utf8(MEMO_V2));
    expect(copy).toMatchObject({ status: 'added' });
    const copyId = copy.document?.id as string;

    expect((await api.restoreDocuments([first], 'ask')).conflicts).toEqual([{ id: first, title: 'Harbour Memo', copies: [{ id: copyId, title: 'Harbour Memo' }] }]);
    const replaced = await api.restoreDocuments([first], 'replace');
    expect(replaced).toMatchObject({ restored: [{ id: first }], replaced: [{ id: copyId }], conflicts: [] });
    expect((await api.listDocuments()).filter((d) => d.origin === 'import').map((d) => d.id)).toEqual([first]);
    expect((await api.listTrash()).map((d) => d.id)).toEqual([copyId]);
    expect((await api.search({ q: 'addendum' })).groups).toEqual([]);
  });
});

describe('restoring a backup', () => {
  it('brings back from the Trash a document the backup holds', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const id = await seedId(dossier, '004');
    const note = await api.createAnnotation({ docId: id, start: 0, end: 20, note: 'kept in the backup' });
    const backup = await api.createBackup();
    await api.deleteDocuments([id]);
    const sent = await sendFile(api, 'backup.json', utf8(backup.content), { purpose: 'restore' });
    if ('refused' in sent) throw new Error(sent.refused);
    await api.restoreBackup(sent.uploadId);
    expect((await api.listDocuments()).map((d) => d.id)).toContain(id);
    expect(await api.listTrash()).toEqual([]);
    expect((await api.listAnnotations({ docId: id })).map((a) => a.id)).toEqual([note.id]);
  });
});
