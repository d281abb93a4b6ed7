import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir, type LockHolder } from '../../../main/node/lock';
import { bundleChild, tempDir } from '../helpers';

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

/** A start waiting in tests/unit/node/lock-race-child.ts: each command it is sent gets one line back. */
interface Racer {
  process: ChildProcess;
  send(command: string): Promise<string>;
}

function startRacer(bundle: string): Racer {
  const child = spawn(process.execPath, [bundle], { stdio: ['pipe', 'pipe', 'inherit'] });
  const replies = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    process: child,
    send: async (command) => {
      child.stdin?.write(`${command}\n`);
      const reply = await replies.next();
      if (reply.done) throw new Error(`racer ${child.pid} exited with ${child.exitCode}`);
      return reply.value;
    },
  };
}

describe('simultaneous starts on one data folder', () => {
  const STARTS = 100;
  const ROUNDS = 6;
  let bundle = '';
  let racers: Racer[] = [];
  beforeAll(async () => {
    bundle = await bundleChild('tests/unit/node/lock-race-child.ts');
    racers = Array.from({ length: STARTS }, () => startRacer(bundle));
  });
  afterAll(async () => {
    await Promise.all(racers.map((r) => new Promise((done) => (r.process.exitCode === null ? (r.process.once('exit', done), r.process.stdin?.end()) : done(null)))));
    await rm(dirname(bundle), { recursive: true, force: true });
  });

  it(`let exactly one of ${STARTS} win, on a free folder and on one with a stale lock`, { timeout: 120_000 }, async () => {
    const winners: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dir = await tempDir();
      const stale = round % 2 === 1;
      if (stale) await writeFile(join(dir, LOCK_FILE), holder(await deadPid()));
      // Every start is loaded and waiting: the commands go out together and they race on the folder.
      const replies = await Promise.all(racers.map((r) => r.send(`take ${dir}`)));
      const won = racers.filter((_r, i) => replies[i] === 'won');
      const others = replies.filter((r) => r !== 'won');
      expect(won, `round ${round}${stale ? ' (stale lock)' : ''}: ${replies.filter((r) => r !== 'won' && !r.includes('already open')).join('; ')}`).toHaveLength(1);
      expect(others.every((r) => r.startsWith('refused ') && r.includes('is already open in `npm run web`'))).toBe(true);
      // The lock names the winner, and nothing else the losers made is left in the folder.
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(won[0]?.process.pid);
      expect(await readdir(dir)).toEqual([LOCK_FILE]);
      expect(await won[0]?.send('release')).toBe('released');
      expect(await readdir(dir)).toEqual([]);
      winners.push(racers.indexOf(won[0] as Racer));
    }
    console.log(`lock.test: ${ROUNDS} rounds of ${STARTS} simultaneous starts (${ROUNDS / 2} on a stale lock): one winner each (racers ${winners.join(', ')})`);
  });
});
