import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir, type LockHolder } from '../../../main/node/lock';
import { tempDir } from '../helpers';

/** The pid of a process that has exited: a lock it held is stale. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

const holder = (pid: number, app: LockHolder['app'] = 'web', host = hostname()): string =>
  JSON.stringify({ pid, app, host, since: '2026-01-01T00:00:00.000Z' });

describe('the data-folder lock', () => {
  it('takes a free folder, names this process in the lock file, and gives it back', async () => {
    const dir = await tempDir();
    const lock = await lockDataDir(dir, 'web');
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, app: 'web', host: hostname() });
    lock.release();
    lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a folder a running Dossier holds, saying who and what to do', async () => {
    const dir = await tempDir();
    // The test runner's parent is alive for as long as this test runs.
    await writeFile(join(dir, LOCK_FILE), holder(process.ppid, 'desktop'));
    const refusal = lockDataDir(dir, 'web');
    await expect(refusal).rejects.toMatchObject({ code: 'conflict' });
    await expect(refusal).rejects.toThrow(
      `The data folder ${dir} is already open in the desktop app (process ${process.ppid}, since 2026-01-01T00:00:00.000Z). Close that Dossier first, or open another folder (npm run web -- --data DIR). If no Dossier is running, delete ${join(dir, LOCK_FILE)}.`,
    );
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.ppid);
  });

  it('refuses a second lock in the same folder from this very process', async () => {
    const dir = await tempDir();
    const lock = await lockDataDir(dir, 'desktop');
    await expect(lockDataDir(dir, 'web')).rejects.toThrow('already open in the desktop app');
    lock.release();
    await expect(lockDataDir(dir, 'web')).resolves.toBeDefined();
  });

  it.each([
    ['a process that is gone', async () => holder(await deadPid())],
    ['an empty file', async () => ''],
    ['a file that is not a lock', async () => '{"hello": 1}'],
  ])('takes over a stale lock left by %s', async (_case, content) => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), await content());
    const lock = await lockDataDir(dir, 'web');
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('treats a lock from another machine (a shared folder) as held', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), holder(await deadPid(), 'web', 'another-machine'));
    await expect(lockDataDir(dir, 'web')).rejects.toThrow('is already open in `npm run web` (process');
  });

  it('leaves a lock alone on release when it is no longer this process’s', async () => {
    const dir = await tempDir();
    const lock = await lockDataDir(dir, 'web');
    await writeFile(join(dir, LOCK_FILE), holder(process.ppid));
    lock.release();
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.ppid);
  });
});
