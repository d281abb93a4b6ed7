import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../main/core/dispatch';
import type { ApiImpl, RestoreReport } from '../../../../main/common/contract';
import { allBlocks, openTestDossier, seedId } from '../../helpers';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Sends bytes as an upload for `purpose`, the way the window does. */
async function upload(api: ApiImpl, name: string, bytes: Uint8Array, purpose: 'import' | 'restore'): Promise<string> {
  const ticket = await api.beginUpload({ name, size: bytes.length, purpose });
  if (!ticket.accepted) throw new Error(ticket.reason);
  for (let offset = 0; offset < bytes.length; offset += ticket.chunkBytes) {
    await api.sendUploadChunk({ uploadId: ticket.uploadId, offset, data: Buffer.from(bytes.subarray(offset, offset + ticket.chunkBytes)).toString('base64') });
  }
  return ticket.uploadId;
}

async function restore(api: ApiImpl, content: string): Promise<RestoreReport> {
  return api.restoreBackup(await upload(api, 'backup.json', utf8(content), 'restore'));
}

const MEMO = 'Port Memo\n\nThe harbour board met the shipping lines on Monday and agreed the new tariff schedule for container traffic.';

/** Everything a person can see of a library, to compare two of them. */
async function snapshot(api: ApiImpl) {
  const documents = (await api.listDocuments()).sort((a, b) => a.id.localeCompare(b.id));
  return {
    // Every library seeds itself when it is created: the seeds' time of arrival is its own.
    documents: documents.map((d) => (d.origin === 'seed' ? { ...d, addedAt: 'when seeded' } : d)),
    texts: await Promise.all(documents.map(async (d) => (await allBlocks(api, d.id)).map((b) => b.text).join('\n'))),
    annotations: (await api.listAnnotations({})).sort((a, b) => a.id.localeCompare(b.id)),
    entities: (await api.listEntities()).map(({ id: _id, created: _c, modified: _m, ...e }) => e),
    types: (await api.listEntityTypes()).map(({ name, color, builtin }) => ({ name, color, builtin })),
    documentTags: await api.listDocumentTags(),
    settings: await api.getSettings(),
  };
}

/** A library with one of everything a person makes. */
async function makeLibrary() {
  const dossier = await openTestDossier();
  const { api } = dossier;
  const memo = await api.importUpload(await upload(api, 'memo.txt', utf8(MEMO), 'import'));
  const memoId = memo.document?.id as string;
  const seed = await seedId(dossier, '000');
  const at = MEMO.indexOf('tariff schedule');
  await api.createAnnotation({ docId: memoId, start: at, end: at + 15, note: 'Check *the* rates\n> later', tags: ['ports/tariffs'], color: 'green' });
  await api.createAnnotation({ docId: seed, start: 0, end: 20, note: 'Opening' });
  const type = await api.createEntityType({ name: 'Vessel', color: '#336699' });
  await api.createEntity({ type: type.id, name: 'Harbour Board', aliases: ['the board'] });
  await api.setDocumentTags(memoId, ['shipping', 'memos/2024']);
  await api.updateSettings({ theme: 'dark', reader: { fontSize: 21 } });
  return { ...dossier, memoId };
}

describe('backup and restore', () => {
  it('restores into an empty library the same library, and says what it added', async () => {
    const original = await makeLibrary();
    const backup = await original.api.createBackup();
    expect(backup).toMatchObject({ name: expect.stringMatching(/^Dossier backup \d{4}-\d{2}-\d{2}\.json$/), mime: 'application/json' });

    const fresh = await openTestDossier();
    const report = await restore(fresh.api, backup.content);
    expect(report).toEqual({ documents: 1, annotations: 2, annotationsBroughtBack: 0, entityTypes: 1, entities: 1, documentTags: 1, settings: true, problems: [] });
    expect(await snapshot(fresh.api)).toEqual(await snapshot(original.api));
  });

  it('restored into the library it came from, adds nothing', async () => {
    const library = await makeLibrary();
    const before = await snapshot(library.api);
    const report = await restore(library.api, (await library.api.createBackup()).content);
    expect(report).toEqual({ documents: 0, annotations: 0, annotationsBroughtBack: 0, entityTypes: 0, entities: 0, documentTags: 0, settings: false, problems: [] });
    expect(await snapshot(library.api)).toEqual(before);
  });

  it('merges into a library with work of its own, without duplicates', async () => {
    const original = await makeLibrary();
    const backup = await original.api.createBackup();

    const other = await openTestDossier();
    // The same memo imported there under another name, annotated differently.
    const memo = await other.api.importUpload(await upload(other.api, 'port memo (copy).txt', utf8(MEMO), 'import'));
    const memoId = memo.document?.id as string;
    const own = await other.api.createAnnotation({ docId: memoId, start: 0, end: 9, note: 'Mine' });
    await other.api.createEntity({ type: 'organisation', name: 'Harbour Board' });
    await other.api.setDocumentTags(memoId, ['shipping']);
    await other.api.updateSettings({ theme: 'light' });

    const report = await restore(other.api, backup.content);
    expect(report).toEqual({ documents: 0, annotations: 2, annotationsBroughtBack: 0, entityTypes: 1, entities: 0, documentTags: 1, settings: false, problems: [] });
    expect((await other.api.listDocuments()).filter((d) => d.origin === 'import')).toHaveLength(1);
    const notes = await other.api.listAnnotations({ docId: memoId });
    expect(notes.map((a) => a.note).sort()).toEqual(['Check *the* rates\n> later', 'Mine']);
    expect(notes.find((a) => a.id !== own.id)?.anchor).toMatchObject({ status: 'anchored', start: MEMO.indexOf('tariff schedule') });
    expect(await other.api.getDocumentTags(memoId)).toEqual(['shipping', 'memos/2024']);
    expect((await other.api.listEntities()).filter((e) => e.name === 'Harbour Board')).toHaveLength(1);
    expect((await other.api.getSettings()).theme).toBe('light');
  });

  it('refuses a file that is not a backup, or a damaged one, and changes nothing', async () => {
    const library = await makeLibrary();
    const before = await snapshot(library.api);
    await expect(restore(library.api, 'not json at all')).rejects.toThrow('This file is not a Dossier backup: it is not the JSON text a backup is. Choose a file made with “Back up”.');
    await expect(restore(library.api, JSON.stringify({ format: 'something-else' }))).rejects.toThrow(/This file is not a Dossier backup/);
    const backup = JSON.parse((await library.api.createBackup()).content);
    backup.annotations[0].color = 'ultraviolet';
    await expect(restore(library.api, JSON.stringify(backup))).rejects.toThrow(/note 1 of the backup\)\. Nothing was changed\./);
    backup.version = 99;
    await expect(restore(library.api, JSON.stringify(backup))).rejects.toThrow(/made by a newer version of Dossier/);
    expect(await snapshot(library.api)).toEqual(before);
  });
});

describe('restoring a crafted or damaged backup', () => {
  /** A library's own backup, as an object to tamper with. */
  async function backupOf(api: ApiImpl) {
    return JSON.parse((await api.createBackup()).content);
  }

  it.each(['__proto__', 'constructor', 'toString'])('refuses %s as an id, whatever it names, before changing anything', async (name) => {
    const original = await makeLibrary();
    const backup = await backupOf(original.api);
    const fresh = await openTestDossier();
    const before = await snapshot(fresh.api);
    for (const tamper of [
      (b: typeof backup) => (b.documents[0].id = name),
      (b: typeof backup) => (b.annotations[0].id = name),
      (b: typeof backup) => (b.entities[0].id = name),
    ]) {
      const crafted = structuredClone(backup);
      tamper(crafted);
      await expect(restore(fresh.api, JSON.stringify(crafted))).rejects.toThrow(new RegExp(`"${name}" is a name JavaScript reserves, not an id \\((document|note|entity) 1 of the backup\\)\\. Nothing was changed\\.`));
    }
    expect(await snapshot(fresh.api)).toEqual(before);
  });

  it('refuses an id that is there twice, and an annotation of a document the backup does not have', async () => {
    const original = await makeLibrary();
    const backup = await backupOf(original.api);
    const fresh = await openTestDossier();
    const before = await snapshot(fresh.api);
    const twice = structuredClone(backup);
    twice.annotations.push({ ...twice.annotations[0], note: 'the same id again' });
    await expect(restore(fresh.api, JSON.stringify(twice))).rejects.toThrow(/^The id "[\w-]+" is there twice \(note 3 of the backup\)\. Nothing was changed\.$/);
    const sameDocument = structuredClone(backup);
    sameDocument.documents.push({ ...sameDocument.documents[0], title: 'Another title' });
    await expect(restore(fresh.api, JSON.stringify(sameDocument))).rejects.toThrow(/is there twice \(document \d+ of the backup\)/);
    const stray = structuredClone(backup);
    stray.annotations[0].docId = 'nowhere';
    await expect(restore(fresh.api, JSON.stringify(stray))).rejects.toThrow('No document of the backup has the id "nowhere" (note 1 of the backup). Nothing was changed.');
    expect(await snapshot(fresh.api)).toEqual(before);
  });

  it('brings back notes deleted since the backup was made, and says so', async () => {
    const library = await makeLibrary();
    const backup = (await library.api.createBackup()).content;
    const [first, second] = await library.api.listAnnotations({});
    await library.api.deleteAnnotation(first?.id as string);
    await library.api.deleteAnnotation(second?.id as string);
    await library.api.restoreAnnotation(second?.id as string);
    const report = await restore(library.api, backup);
    expect(report).toMatchObject({ annotations: 0, annotationsBroughtBack: 1, documents: 0 });
    expect((await library.api.listAnnotations({})).map((a) => a.id).sort()).toEqual([first?.id, second?.id].sort());
  });

  it('changes nothing when it fails half-way, and restores all of it once the cause is gone', async () => {
    const original = await makeLibrary();
    const backup = (await original.api.createBackup()).content;
    const fresh = await openTestDossier();
    const before = await snapshot(fresh.api);
    // The documents can be added, the notes cannot: a file stands where their folder should be.
    await writeFile(join(fresh.dataDir, 'annotations'), 'not a folder');
    await expect(restore(fresh.api, backup)).rejects.toMatchObject({ code: 'io' });
    expect(await snapshot(fresh.api)).toEqual(before);
    expect(await readdir(join(fresh.dataDir, 'texts'))).toHaveLength(5);
    expect((await readdir(fresh.dataDir)).filter((f) => f.startsWith('transaction'))).toEqual([]);

    await rm(join(fresh.dataDir, 'annotations'));
    expect(await restore(fresh.api, backup)).toMatchObject({ documents: 1, annotations: 2, entities: 1 });
    expect(await snapshot(fresh.api)).toEqual(await snapshot(original.api));
  });
});

describe('tag names and document ids that every object has', () => {
  it('refuses __proto__ and constructor as document ids through the API, and saves nothing', async () => {
    const dossier = await openTestDossier();
    const dispatch = createDispatcher(dossier.api, () => undefined);
    for (const id of ['__proto__', 'constructor', 'toString']) {
      const answer = await dispatch('setDocumentTags', [id, ['a']]);
      expect(answer).toEqual({ ok: false, error: { code: 'invalid_argument', message: `"${id}" is a name JavaScript reserves, not an id` } });
    }
    expect(await dossier.api.listDocumentTags()).toEqual({});
  });

  it('keeps tags named like them as plain tags, saved and restored', async () => {
    const library = await makeLibrary();
    const tags = ['__proto__', 'constructor', 'toString'];
    await library.api.setDocumentTags(library.memoId, tags);
    const fresh = await openTestDossier();
    await restore(fresh.api, (await library.api.createBackup()).content);
    const again = await openTestDossier(fresh.dataDir);
    expect(await again.api.getDocumentTags(library.memoId)).toEqual(tags);
    expect(Object.getPrototypeOf(await again.api.listDocumentTags())).toBe(Object.prototype);
  });
});
