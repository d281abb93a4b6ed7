import { readdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Store, type FileSpec, type Versioned } from '../../../main/core/store';
import { openTestDossier, tempDir } from '../helpers';

interface Notes extends Versioned {
  notes: string[];
}
const NOTES: FileSpec<Notes> = {
  name: 'notes.json',
  schema: 2,
  defaults: () => ({ schema: 2, notes: [] }),
  migrations: { 1: (data) => ({ notes: (data['items'] as string[]).map((s) => s.trim()) }) },
};

describe('the store', () => {
  it('writes a file and reads it back in a new session', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    const low = await store.file(NOTES);
    low.data.notes.push('first note');
    await store.save(low, NOTES.name);
    const reopened = await (await Store.open(dir)).file(NOTES);
    expect(reopened.data).toEqual({ schema: 2, notes: ['first note'] });
    // The write went through a temporary file that is gone.
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('migrates a file written by an earlier schema', async () => {
    const dir = await tempDir();
    await writeFile(`${dir}/notes.json`, JSON.stringify({ schema: 1, items: [' old '] }));
    const low = await (await Store.open(dir)).file(NOTES);
    expect(low.data).toEqual({ schema: 2, notes: ['old'] });
  });

  it.each([
    ['not valid JSON', '{"schema": 2, "notes": [', 'broken', 'could not be read'],
    ['truncated to nothing', '', 'broken', 'could not be read'],
    ['written by a newer version', JSON.stringify({ schema: 99, notes: [] }), 'newer', 'newer version of Dossier'],
    ['not a Dossier file', JSON.stringify([1, 2, 3]), 'broken', 'not a Dossier store file'],
  ])('moves a file that is %s aside, says so, and starts empty', async (_case, content, reason, words) => {
    const dir = await tempDir();
    await writeFile(`${dir}/notes.json`, content);
    const store = await Store.open(dir);
    const low = await store.file(NOTES);
    expect(low.data).toEqual({ schema: 2, notes: [] });
    const aside = (await readdir(dir)).find((f) => f.startsWith(`notes.json.${reason}-`));
    expect(aside).toBeDefined();
    expect(await readFile(`${dir}/${aside}`, 'utf8')).toBe(content);
    expect(store.notices[0]?.message).toContain(words);
    expect(store.notices[0]?.message).toMatch(/^store: notes\.json was moved aside/);
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
