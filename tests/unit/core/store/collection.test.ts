import { createHash } from 'node:crypto';
import { appendFile, cp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Documents, type DocumentRecord } from '../../../../main/core/library/documents';
import { Store, type CollectionSpec } from '../../../../main/core/store/store';
import { tempDir } from '../../helpers';

/*
 * The library's layout: library.json as a snapshot, plus journals of the
 * changes since. What these tests prove is what docs/RELIABILITY.md says of
 * it: a change costs the same whatever the size of the library, every
 * acknowledged change is there after a reopen, and nothing half-written is
 * ever read. tests/unit/core/store/crash.test.ts kills a real core to prove
 * the same against SIGKILL at any moment.
 */

interface Item {
  id: string;
  text: string;
}
const ITEMS: CollectionSpec<Item, { label: string }> = {
  name: 'items.json',
  schema: 1,
  field: 'items',
  record: z.object({ id: z.string(), text: z.string() }),
  meta: z.object({ label: z.string() }),
  defaults: () => ({ label: '' }),
};

const journals = async (dir: string, base = 'library') => (await readdir(dir)).filter((f) => f.startsWith(`${base}.journal-`)).sort();
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A library.json of `count` documents as Dossier writes it (their texts are not needed to add more). */
async function bigLibrary(dir: string, count: number): Promise<void> {
  const documents: DocumentRecord[] = Array.from({ length: count }, (_, i) => {
    const hash = sha(`document ${i}`);
    return { id: hash.slice(0, 16), title: `Document ${i}`, date: '2024-01-01', length: 10, words: 2, source: `d${i}.txt`, origin: 'import', addedAt: '2025-01-01T00:00:00.000Z', hash };
  });
  await writeFile(join(dir, 'library.json'), JSON.stringify({ schema: 1, journal: 0, documents, seededAt: '2025-01-01T00:00:00.000Z' }));
}

const stores: Store[] = [];
afterEach(() => Promise.all(stores.splice(0).map((store) => store.settled())));

/** The library of a data folder, opened as the core opens it (background work allowed once it is read). */
async function open(dir: string) {
  const store = await Store.open(dir);
  const documents = await Documents.open(store);
  store.ready();
  stores.push(store);
  return { store, documents };
}

const add = (documents: Documents, n: number) => documents.add({ text: `A new text ${n}, imported.`, source: `new-${n}.txt`, origin: 'import' });

describe('the library as a snapshot and a journal', () => {
  it('adds a document to a 10,000-document library with one short append, and never rewrites library.json for it', async () => {
    const costs: number[] = [];
    for (const size of [100, 10_000]) {
      const dir = await tempDir();
      await bigLibrary(dir, size);
      const snapshot = await stat(join(dir, 'library.json'));
      const { documents } = await open(dir);
      for (let n = 0; n < 20; n++) await add(documents, n);
      const after = await stat(join(dir, 'library.json'));
      expect([after.mtimeMs, after.size, after.ino]).toEqual([snapshot.mtimeMs, snapshot.size, snapshot.ino]);
      const [journal] = await journals(dir);
      costs.push((await stat(join(dir, journal as string))).size / 20);
      expect(documents.list()).toHaveLength(size + 20);
    }
    // The same bytes per document, whatever the size of the library.
    expect(costs[1]).toBe(costs[0]);
    expect(costs[0]).toBeLessThan(600);
  });

  it('finds every change again after a reopen: added, replaced, removed, and the library marked as seeded', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    const kept = (await add(first.documents, 1)).doc;
    const replaced = (await add(first.documents, 2)).doc;
    const removed = (await add(first.documents, 3)).doc;
    const next = await first.documents.replaceText(replaced.id, 'A second version of text 2.');
    await first.documents.remove(removed.id);
    await first.documents.markSeeded();
    const seededAt = first.documents.seededAt;

    const { documents } = await open(dir);
    expect(documents.list()).toEqual([kept, next]);
    expect(documents.seededAt).toBe(seededAt);
    expect(await documents.text(replaced.id)).toBe('A second version of text 2.');
    expect(await readdir(join(dir, 'texts'))).not.toContain(`${removed.id}.txt`);
  });

  it('leaves out a journal line cut short by a crash, and reads the lines before it', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    const doc = (await add(first.documents, 1)).doc;
    const [journal] = await journals(dir);
    await appendFile(join(dir, journal as string), '{"schema":1,"ops":[["put",{"id":"cut');
    const { store, documents } = await open(dir);
    expect(documents.list()).toEqual([doc]);
    expect(store.notices).toEqual([]);
  });

  it('folds the journals into library.json in the background at the next start, as the library it always was', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    for (let n = 0; n < 5; n++) await add(first.documents, n);
    const { store, documents } = await open(dir);
    await store.settled();
    expect(await journals(dir)).toEqual([]);
    // Exactly what an older Dossier reads: schema 1, the documents, seededAt.
    const snapshot = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    expect(snapshot).toEqual({ schema: 1, journal: 1, seededAt: null, documents: documents.list() });
    expect((await open(dir)).documents.list()).toEqual(documents.list());
  });

  it('takes a library.json written by something that knows nothing of journals for the whole library', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await add(first.documents, 1);
    // A tool (or a Dossier from before journals) writes library.json afresh; the journal beside it is older.
    const record = (await add(first.documents, 2)).doc;
    await writeFile(join(dir, 'library.json'), JSON.stringify({ schema: 1, seededAt: null, documents: [record] }));
    const second = await open(dir);
    expect(second.documents.list()).toEqual([record]);
    const added = (await add(second.documents, 3)).doc;
    expect((await open(dir)).documents.list()).toEqual([record, added]);
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).journal).toEqual(expect.any(Number));
  });

  it('doubles nothing when a crash left a journal that library.json already holds', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    for (let n = 0; n < 3; n++) await add(first.documents, n);
    const [journal] = await journals(dir);
    await cp(join(dir, journal as string), join(dir, 'kept-journal'));
    const second = await open(dir);
    await second.store.settled();
    // As if the process died between writing library.json and removing the journal it holds.
    await rename(join(dir, 'kept-journal'), join(dir, journal as string));
    const { documents, store } = await open(dir);
    expect(documents.list()).toEqual(second.documents.list());
    expect(store.notices).toEqual([]);
  });

  it('keeps the changes made while library.json is being rewritten', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    const items = await store.collection(ITEMS);
    for (let n = 0; n < 100; n++) await items.update((draft) => draft.put({ id: `i${n}`, text: 'x'.repeat(100) }));
    const folding = items.compact();
    const during = Array.from({ length: 20 }, (_, n) => items.update((draft) => draft.put({ id: `late${n}`, text: 'late' })));
    await Promise.all([folding, ...during]);
    await items.update((draft) => draft.remove('i0'));
    const again = await (await Store.open(dir)).collection(ITEMS);
    expect(again.list().map((i) => i.id)).toEqual(items.list().map((i) => i.id));
    expect(again.list()).toHaveLength(119);
  });

  it('leaves memory and disk as they were when a change cannot be saved, and saves the next one once it can', async () => {
    const dir = await tempDir();
    const first = await (await Store.open(dir)).collection(ITEMS);
    await first.update((draft) => draft.put({ id: 'a', text: 'saved' }));
    const items = await (await Store.open(dir)).collection(ITEMS);
    await rename(dir, `${dir}.away`);
    await writeFile(dir, 'not a folder');
    await expect(items.update((draft) => draft.put({ id: 'b', text: 'lost' }))).rejects.toThrow(`Could not save items.json in ${dir}: part of the data folder is missing or is not a folder. Nothing was changed; fix this, then try again.`);
    expect(items.list().map((i) => i.id)).toEqual(['a']);
    await rm(dir);
    await rename(`${dir}.away`, dir);
    await items.update((draft) => draft.put({ id: 'c', text: 'saved later' }));
    expect((await (await Store.open(dir)).collection(ITEMS)).list().map((i) => i.id)).toEqual(['a', 'c']);
  });

  it('applies a change all or nothing: one that throws leaves no trace', async () => {
    const dir = await tempDir();
    const items = await (await Store.open(dir)).collection(ITEMS);
    await expect(
      items.update((draft) => {
        draft.put({ id: 'a', text: 'first' });
        draft.setMeta({ label: 'changed' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect([items.list(), items.meta]).toEqual([[], { label: '' }]);
    expect(await journals(dir, 'items')).toEqual([]);
  });

  it('refuses a snapshot with the same id twice, as a damaged file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'items.json'), JSON.stringify({ schema: 1, label: '', items: [{ id: 'a', text: '1' }, { id: 'a', text: '2' }] }));
    const store = await Store.open(dir);
    expect((await store.collection(ITEMS)).list()).toEqual([]);
    expect(store.notices[0]?.message).toMatch(/^items\.json was moved aside because it does not hold what Dossier keeps there \(the same id is there twice at items\)/);
  });
});
