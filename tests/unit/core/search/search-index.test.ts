import { build } from 'esbuild';
import { EventEmitter } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Annotations } from '../../../../main/core/annotations/annotations';
import type { CoreEmitter } from '../../../../main/core/events';
import { Documents } from '../../../../main/core/library/documents';
import { SearchIndex, type IndexSource, type SearchIndexOptions } from '../../../../main/core/search/search-index';
import { parseQuery } from '../../../../main/core/search/query';
import { scopeOf } from '../../../../main/core/search/scope';
import { INDEX_FILE } from '../../../../main/core/search/service';
import { Store } from '../../../../main/core/store/store';
import { openTestDossier, seedId, tempDir } from '../../helpers';

const QUERIES = ['Chen Zhongyue', 'partnersh', 'NB-IoT', '"global partners"', 'Unicm', 'iot -telecom', '5G after:2024'];

/** A seeded library, and its documents as the index reads them. */
async function seededLibrary(): Promise<{ dataDir: string; documents: Documents }> {
  const { dataDir } = await openTestDossier();
  return { dataDir, documents: await Documents.open(await Store.open(dataDir)) };
}

async function openIndex(dataDir: string, documents: Documents, options: Partial<SearchIndexOptions & IndexSource & { events: CoreEmitter }> = {}): Promise<SearchIndex> {
  const index = await SearchIndex.open({ dataDir, library: () => documents.list(), worker: null, ...options });
  await index.settled();
  return index;
}

/** The index's answer to a query typed in the box (its filters resolved as search/scope.ts does, without tags or entities). */
function ask(index: SearchIndex, q: string) {
  const parsed = parseQuery(q);
  return index.search(parsed, 20, scopeOf(parsed.filters));
}

const answers = (index: SearchIndex) => Promise.all(QUERIES.map((q) => ask(index, q)));

describe('the saved search index', () => {
  it('is loaded at start-up and answers exactly as a fresh build does', async () => {
    const { dataDir, documents } = await seededLibrary();
    const saved = await openIndex(dataDir, documents);
    expect((await saved.status()).loadedFrom).toBe('saved');
    const fromSaved = await answers(saved);

    const fresh = await openIndex(await copyWithoutIndex(dataDir), documents);
    expect((await fresh.status()).loadedFrom).toBe('built');
    expect(await answers(fresh)).toEqual(fromSaved);
    expect(fromSaved.every((a) => a.groups.length > 0)).toBe(true);
  });

  it('is rebuilt, with a notice, when its file is damaged', async () => {
    const { dataDir } = await openTestDossier();
    const file = join(dataDir, INDEX_FILE);
    const bytes = await readFile(file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    await writeFile(file, bytes);

    const reopened = await openTestDossier(dataDir);
    const { notices } = await reopened.api.getStatus();
    expect(notices.map((n) => n.message)).toContain(
      'The saved search index could not be used (its checksum does not match (the file is damaged or incomplete)); it is being rebuilt from your documents.',
    );
    expect((await reopened.api.search({ q: 'Chen Zhongyue' })).groups).toHaveLength(3);
    // The rebuilt index was saved in place of the damaged one.
    expect((await readFile(file)).equals(bytes)).toBe(false);
  });

  it('catches up with documents that changed while it was not running', async () => {
    const { dataDir, documents } = await seededLibrary();
    const id = await seedId(await openTestDossier(dataDir), '002');
    await documents.replaceText(id, 'State Grid and China Telecom signed a lighthouse agreement.');
    const index = await openIndex(dataDir, documents);
    expect((await ask(index, 'lighthouse')).groups.map((g) => g.docId)).toEqual([id]);
    expect((await ask(index, 'Yang Jinbai')).groups.map((g) => g.docId)).not.toContain(id);
  });
});

describe('keeping the index in step', () => {
  it('indexes a document added, changed or removed, and notes set on it, without a rebuild', async () => {
    const { dataDir, documents } = await seededLibrary();
    const store = await Store.open(dataDir);
    const events: CoreEmitter = new EventEmitter();
    const annotations = await Annotations.open(store, documents, events);
    const index = await openIndex(dataDir, documents, { notes: annotations, events });
    const { doc } = await documents.add({ text: 'Harbour pilots\n\nPilots guide ships into the harbour.', source: 'pilots.txt', origin: 'import' });
    void index.setDocument(doc.id);
    expect((await ask(index, 'pilots')).groups[0]?.docId).toBe(doc.id);

    await documents.replaceText(doc.id, 'Harbour pilots\n\nTugboats push ships into the harbour.');
    void index.setDocument(doc.id);
    expect((await ask(index, 'tugboats')).groups.map((g) => g.docId)).toEqual([doc.id]);

    const note = await annotations.create({ docId: doc.id, start: 20, end: 28, note: 'Ask about the night shifts', tags: ['ports'] });
    const noteHit = (await ask(index, 'night shifts')).groups[0]?.hits[0];
    expect(noteHit).toMatchObject({ kind: 'note', noteId: note.id, blockIndex: 1 });

    void index.removeDocument(doc.id);
    expect((await ask(index, 'tugboats')).groups).toEqual([]);
    expect((await index.status()).loadedFrom).toBe('saved');
  });
});

describe('the search worker', () => {
  it('answers from its own thread exactly as the index does on this one', async () => {
    const { dataDir, documents } = await seededLibrary();
    const out = await tempDir();
    await build({ entryPoints: ['main/core/search/worker.ts'], bundle: true, platform: 'node', format: 'esm', outfile: join(out, 'search-worker.js'), logLevel: 'warning' });
    const inThread = await openIndex(dataDir, documents);
    const inWorker = await openIndex(dataDir, documents, { worker: pathToFileURL(join(out, 'search-worker.js')) });
    try {
      expect(await answers(inWorker)).toEqual(await answers(inThread));
    } finally {
      await inWorker.close();
    }
  });

  it('is started again when it stops, three times at most, on the saved index and the library as it is then', async () => {
    const { dataDir, documents } = await seededLibrary();
    const index = await openIndex(dataDir, documents, { worker: await crashingWorker() });
    const stopped = 'Search is not available right now: the search worker stopped (exit code 3)';
    try {
      const before = await answers(index);
      for (let crash = 1; crash <= 3; crash++) {
        const { doc } = await documents.add({ text: `Lighthouse log ${crash}\n\nThe keeper counted ${crash} gulls.`, source: `log-${crash}.txt`, origin: 'import' });
        await writeFile(join(dataDir, CRASHES_LEFT), '1');
        await expect(ask(index, 'Unicom')).rejects.toThrow(stopped);
        await index.settled();
        expect((await answers(index)).map((a) => a.groups.map((g) => g.docId))).toEqual(before.map((a) => a.groups.map((g) => g.docId)));
        expect((await ask(index, 'keeper')).groups.map((g) => g.docId)).toContain(doc.id);
      }
      await writeFile(join(dataDir, CRASHES_LEFT), '1');
      await expect(ask(index, 'Unicom')).rejects.toThrow(stopped);
      await expect(ask(index, 'Unicom')).rejects.toThrow(stopped);
    } finally {
      await index.close();
    }
  });
});

/** A file in the data folder: how many more searches stop the crashing worker. */
const CRASHES_LEFT = 'crashes-left';

/** The search worker, stopping (exit code 3) on a search while the data folder's CRASHES_LEFT says so. */
async function crashingWorker(): Promise<URL> {
  const out = await tempDir();
  const contents = `
    import { existsSync, readFileSync, writeFileSync } from 'node:fs';
    import { join } from 'node:path';
    import { parentPort, workerData } from 'node:worker_threads';
    import './main/core/search/worker.ts';
    const file = join(workerData.dataDir, ${JSON.stringify(CRASHES_LEFT)});
    parentPort.on('message', (message) => {
      const left = existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0;
      if (message?.path?.[0] !== 'search' || left <= 0) return;
      writeFileSync(file, String(left - 1));
      process.exit(3);
    });`;
  await build({ stdin: { contents, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: join(out, 'crashing-worker.js'), logLevel: 'warning' });
  return pathToFileURL(join(out, 'crashing-worker.js'));
}

/** A copy of a data folder's library and texts, without its search index. */
async function copyWithoutIndex(dataDir: string): Promise<string> {
  const { cp, rm } = await import('node:fs/promises');
  const copy = await tempDir();
  await cp(dataDir, copy, { recursive: true });
  await rm(join(copy, INDEX_FILE));
  return copy;
}
