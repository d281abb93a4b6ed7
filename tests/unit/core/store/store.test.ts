import { chmod, cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store, type FileSpec, type Versioned } from '../../../../main/core/store/store';
import { openTestDossier, tempDir } from '../../helpers';

interface Notes extends Versioned {
  notes: string[];
}
const NOTES: FileSpec<Notes> = {
  name: 'notes.json',
  schema: 2,
  defaults: () => ({ schema: 2, notes: [] }),
  migrations: { 1: (data) => ({ notes: (data['items'] as string[]).map((s) => s.trim()) }) },
};

/** Root ignores file permissions, so chmod cannot make a folder read-only for it. */
const isRoot = process.getuid?.() === 0;

afterEach(() => {
  vi.useRealTimers();
});

async function saved(dir: string, name = NOTES.name): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, name), 'utf8'));
}

describe('the store', () => {
  it('writes a file and reads it back in a new session', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    const file = await store.file(NOTES);
    await file.update((data) => data.notes.push('first note'));
    const reopened = await (await Store.open(dir)).file(NOTES);
    expect(reopened.data).toEqual({ schema: 2, notes: ['first note'] });
    // The write went through a temporary file that is gone.
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('lands every one of many concurrent updates on disk, in order', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    const file = await store.file(NOTES);
    await Promise.all(Array.from({ length: 20 }, (_, i) => file.update((data) => data.notes.push(`note ${i}`))));
    expect(await saved(dir)).toEqual({ schema: 2, notes: Array.from({ length: 20 }, (_, i) => `note ${i}`) });
  });

  it('removes the temporary files a killed process left behind', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.json'), JSON.stringify({ schema: 2, notes: ['kept'] }));
    await writeFile(join(dir, '.notes.json.12345.7.tmp'), '{"schema":2,"notes":["never acknow');
    const file = await (await Store.open(dir)).file(NOTES);
    expect(file.data.notes).toEqual(['kept']);
    expect(await readdir(dir)).toEqual(['notes.json']);
  });

  it('migrates a file written by an earlier schema', async () => {
    const dir = await tempDir();
    await writeFile(`${dir}/notes.json`, JSON.stringify({ schema: 1, items: [' old '] }));
    const file = await (await Store.open(dir)).file(NOTES);
    expect(file.data).toEqual({ schema: 2, notes: ['old'] });
  });

  it('refuses a file spec that skips a migration', async () => {
    const store = await Store.open(await tempDir());
    await expect(store.file({ ...NOTES, schema: 3 })).rejects.toThrow('notes.json is at schema 3 but has no migration from schema 2');
  });

  it.each([
    ['not valid JSON', '{"schema": 2, "notes": [', 'broken', 'not valid JSON (it was damaged or cut short)'],
    ['truncated to nothing', '', 'broken', 'not valid JSON'],
    ['written by a newer version', JSON.stringify({ schema: 99, notes: [] }), 'newer', 'newer version of Dossier (schema 99, this one reads up to 2)'],
    ['not a Dossier file', JSON.stringify([1, 2, 3]), 'broken', 'not a Dossier store file'],
    ['impossible to upgrade', JSON.stringify({ schema: 1, items: 'not a list' }), 'broken', 'could not be upgraded from schema 1'],
  ])('moves a file that is %s aside, says so, and starts empty', async (_case, content, reason, words) => {
    const dir = await tempDir();
    await writeFile(`${dir}/notes.json`, content);
    const store = await Store.open(dir);
    const file = await store.file(NOTES);
    expect(file.data).toEqual({ schema: 2, notes: [] });
    const aside = (await readdir(dir)).find((f) => f.startsWith(`notes.json.${reason}-`));
    expect(aside).toBeDefined();
    expect(await readFile(`${dir}/${aside}`, 'utf8')).toBe(content);
    expect(store.notices[0]?.message).toContain(words);
    expect(store.notices[0]?.message).toMatch(/^notes\.json was moved aside/);
    expect(store.notices[0]?.message).toContain(`It is kept at ${dir}/${aside}; Dossier started without it.`);
  });

  it('moves aside a file it cannot read (a folder in its place)', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'notes.json', 'inner'), { recursive: true });
    const store = await Store.open(dir);
    expect((await store.file(NOTES)).data.notes).toEqual([]);
    expect(store.notices[0]?.message).toContain('notes.json was moved aside because it could not be read: part of the data folder is missing or is not a folder');
    expect((await readdir(dir)).some((f) => f.startsWith('notes.json.unreadable-'))).toBe(true);
  });

  it.skipIf(isRoot)('moves aside a file without read permission', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.json'), JSON.stringify({ schema: 2, notes: ['secret'] }));
    await chmod(join(dir, 'notes.json'), 0o000);
    const store = await Store.open(dir);
    await store.file(NOTES);
    expect(store.notices[0]?.message).toContain('could not be read: permission denied');
  });

  it('never overwrites an earlier file moved aside at the same moment', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-02T03:04:05.678Z'));
    const dir = await tempDir();
    const first = join(dir, 'notes.json.broken-2026-01-02T03-04-05-678Z');
    await writeFile(first, 'the first damaged copy');
    await writeFile(join(dir, 'notes.json'), 'the second damaged copy');
    await (await Store.open(dir)).file(NOTES);
    expect(await readFile(first, 'utf8')).toBe('the first damaged copy');
    expect(await readFile(`${first}-2`, 'utf8')).toBe('the second damaged copy');
  });

  it('offers the backups it finds when it moves a file aside', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'backups'));
    await writeFile(join(dir, 'backups', 'dossier-backup-2026-01-01.zip'), 'zip');
    await writeFile(join(dir, 'notes.json'), '{');
    const store = await Store.open(dir);
    await store.file(NOTES);
    expect(store.notices[0]?.message).toContain(`A backup of your data exists (${join(dir, 'backups', 'dossier-backup-2026-01-01.zip')}`);
    expect(store.notices[0]?.message).toContain('bring it back with “Restore from backup…” in the File menu or the command palette.');
  });

  it('leaves a damaged file it cannot move aside in place, and never saves over it', async () => {
    const dir = await tempDir();
    // The name plus ".broken-<time>" is longer than a file name may be, so the rename fails (even for root).
    const spec: FileSpec<Notes> = { ...NOTES, name: `${'n'.repeat(230)}.json` };
    await writeFile(join(dir, spec.name), 'damaged, but the user may want it');
    const store = await Store.open(dir);
    const file = await store.file(spec);
    expect(store.notices[0]).toMatchObject({ level: 'error' });
    expect(store.notices[0]?.message).toContain('could not be moved aside');
    await expect(file.update((data) => data.notes.push('new'))).rejects.toThrow('Dossier will not save over it');
    expect(await readFile(join(dir, spec.name), 'utf8')).toBe('damaged, but the user may want it');
  });

  it('starts with the seeds again, and reports it, when the library file is damaged', async () => {
    const first = await openTestDossier();
    await writeFile(`${first.dataDir}/library.json`, '{ damaged');
    const second = await openTestDossier(first.dataDir);
    const status = await second.api.getStatus();
    expect(status.notices).toHaveLength(1);
    expect(status.notices[0]?.message).toContain('library.json was moved aside');
    expect(status.documents).toBe(5);
  });
});

describe('a save that cannot reach the disk', () => {
  /** Opens notes.json with one saved note. */
  async function withOneNote() {
    const dir = await tempDir();
    const store = await Store.open(dir);
    const file = await store.file(NOTES);
    await file.update((data) => data.notes.push('saved before'));
    return { dir, file };
  }

  it('fails with a clear io error when the data folder is gone (replaced by a file), keeps the disk and memory as they were, and succeeds on retry', async () => {
    const { dir, file } = await withOneNote();
    await rename(dir, `${dir}.away`);
    await writeFile(dir, 'not a folder');
    const failure = file.update((data) => data.notes.push('typed while the folder was gone'));
    await expect(failure).rejects.toMatchObject({ code: 'io' });
    await expect(failure).rejects.toThrow(`Could not save notes.json in ${dir}: part of the data folder is missing or is not a folder. Nothing was changed; fix this, then try again.`);
    // Memory is as on disk, so the retry adds the note once.
    expect(file.data.notes).toEqual(['saved before']);
    expect(await saved(`${dir}.away`)).toEqual({ schema: 2, notes: ['saved before'] });
    expect((await readdir(`${dir}.away`)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    await rm(dir);
    await rename(`${dir}.away`, dir);
    await file.update((data) => data.notes.push('typed while the folder was gone'));
    expect(await saved(dir)).toEqual({ schema: 2, notes: ['saved before', 'typed while the folder was gone'] });
  });

  it.skipIf(isRoot)('fails with a clear io error in a read-only data folder', async () => {
    const { dir, file } = await withOneNote();
    await chmod(dir, 0o555);
    try {
      await expect(file.update((data) => data.notes.push('typed into a read-only folder'))).rejects.toThrow('permission denied (the data folder or file is read-only for you)');
      expect(await saved(dir)).toEqual({ schema: 2, notes: ['saved before'] });
    } finally {
      await chmod(dir, 0o755);
    }
  });

  if (isRoot) console.log('store.test: the chmod read-only cases are SKIPPED: running as root, whom permissions do not stop. The "data folder gone" case and tests/unit/core/crash.test.ts (full disk through a file size limit) fail writes in ways root cannot bypass.');
});

describe('data folders written by every version the project has shipped', () => {
  const fixtures = resolve('tests/fixtures/datadirs');

  const shipped = readdirSync(fixtures);

  it('has a data folder for every shipped version (add one when a version ships)', () => {
    expect(shipped).toContain('0.1.0');
  });

  it.each(shipped)('opens a data folder written by Dossier %s with every document in it and no notice', async (version) => {
    const dir = await tempDir();
    await cp(join(fixtures, version), dir, { recursive: true });
    const before = (await saved(dir, 'library.json')) as { documents: Array<{ id: string }> };
    const dossier = await openTestDossier(dir);
    const status = await dossier.api.getStatus();
    expect(status.notices).toEqual([]);
    const docs = await dossier.api.listDocuments();
    expect(docs.map((d) => d.id)).toEqual(before.documents.map((d) => d.id));
    for (const doc of docs) expect((await dossier.api.openDocument(doc.id)).blockCount).toBeGreaterThan(0);
  });
});
