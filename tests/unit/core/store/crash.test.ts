import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../main/common/contract';
import { LOCK_FILE } from '../../../../main/node/lock';
import { openTestDossier, SEED_DIR, tempDir } from '../../helpers';

/*
 * Kills a real core process with SIGKILL while it saves annotations, again
 * and again, and checks after every kill that the data folder opens without
 * a notice and holds every save the API acknowledged. See crash-child.ts.
 */

const KILLS = Number(process.env['CRASH_KILLS'] ?? 50);
const SEED = Number(process.env['CRASH_SEED'] ?? Date.now() % 1_000_000);

/** A small seeded generator, so a failing run can be repeated with CRASH_SEED. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// One self-contained file, dependencies included: a child starts in about half the time it takes to resolve them one by one.
const bundle = resolve(`node_modules/.cache/dossier-tests/crash-child-${process.pid}.mjs`);
beforeAll(async () => {
  await build({
    entryPoints: ['tests/unit/core/store/crash-child.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // Some dependencies are CommonJS and call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
});
afterAll(() => rm(bundle, { force: true }));

interface Child {
  process: ChildProcess;
  /** Lets it open the data folder and start saving. */
  go(): void;
  /** Annotation id -> the highest note number the API acknowledged for it. */
  acks: Map<string, number>;
  failure: string | null;
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** Starts crash-child, which loads and waits for go(); `fileSizeKb` caps the size of any file it writes (as a full disk would). */
function startChild(dataDir: string, mode: 'loop' | 'fill', fileSizeKb?: number): Child {
  const args = [bundle, dataDir, SEED_DIR, mode];
  const child =
    fileSizeKb === undefined
      ? spawn(process.execPath, args, { stdio: 'pipe' })
      : spawn('bash', ['-c', `ulimit -f ${fileSizeKb} && exec "$0" "$@"`, process.execPath, ...args], { stdio: 'pipe' });
  const go = () => void child.stdin?.write('go\n');
  const state: Child = { process: child, go, acks: new Map(), failure: null, ready: Promise.resolve(), exited: Promise.resolve(null) };
  let output = '';
  let pending = '';
  state.ready = new Promise((ready, failed) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, id = '', seq = ''] = line.split(' ');
        if (kind === 'ready') ready();
        if (kind === 'ack') state.acks.set(id, Math.max(Number(seq), state.acks.get(id) ?? 0));
        if (kind === 'fail') state.failure = line.slice(5);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => failed(new Error(`the child exited (${code}) before it was ready:\n${output}`)));
  });
  // A child killed before go() never gets ready; only an awaited ready() should fail a test.
  state.ready.catch(() => undefined);
  state.exited = new Promise((done) => child.once('exit', (code) => done(code)));
  return state;
}

/** Opens the data folder with the real core (as the next start would) and returns what it holds. */
async function reopen(dataDir: string): Promise<{ notices: string[]; notes: Map<string, number> }> {
  const dossier = await openTestDossier(dataDir);
  const notices = (await dossier.api.getStatus()).notices.map((n) => n.message);
  const all: Annotation[] = await dossier.api.listAnnotations({});
  return { notices, notes: new Map(all.map((a) => [a.id, Number(a.note.split(' ')[1])])) };
}

/** Acknowledged saves missing from disk, or on disk older than acknowledged. */
function lost(acked: Map<string, number>, onDisk: Map<string, number>): string[] {
  return [...acked].filter(([id, seq]) => (onDisk.get(id) ?? -1) < seq).map(([id, seq]) => `${id} (note ${seq}, found ${onDisk.get(id) ?? 'nothing'})`);
}

const leftoverTemps = async (dir: string): Promise<number> => (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.tmp')).length;

describe('killing the core while it saves', () => {
  it(`loses no acknowledged save across ${KILLS} SIGKILLs`, { timeout: 240_000 }, async () => {
    const dataDir = await tempDir();
    const next = random(SEED);
    const acked = new Map<string, number>();
    let checks = 0;
    let midWrite = 0;
    const started = performance.now();
    let waiting = startChild(dataDir, 'loop');
    for (let kill = 1; kill <= KILLS; kill++) {
      const child = waiting;
      child.go();
      await child.ready;
      // The next one loads its code while this one saves; it opens the folder only after this one is dead and checked.
      waiting = startChild(dataDir, 'loop');
      await new Promise((r) => setTimeout(r, 5 + next() * 200));
      child.process.kill('SIGKILL');
      await child.exited;
      expect(child.failure, `a save failed before kill ${kill}`).toBeNull();
      for (const [id, seq] of child.acks) acked.set(id, Math.max(seq, acked.get(id) ?? 0));
      if ((await leftoverTemps(join(dataDir, 'annotations'))) > 0) midWrite++;

      const { notices, notes } = await reopen(dataDir);
      expect(notices, `the data folder after kill ${kill} (CRASH_SEED=${SEED})`).toEqual([]);
      expect(lost(acked, notes), `acknowledged saves lost after kill ${kill} (CRASH_SEED=${SEED})`).toEqual([]);
      checks += acked.size;
    }
    waiting.process.kill('SIGKILL');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `crash test: ${KILLS} SIGKILLs (${midWrite} left a half-written temporary file), ${acked.size} annotations acknowledged, ` +
        `${checks} acknowledged-save checks after the kills, none lost; ${seconds} s, CRASH_SEED=${SEED}`,
    );
    expect(acked.size).toBeGreaterThan(KILLS);
  });

  it('answers a save on a full disk with a clear error, keeps every earlier save, and saves again once there is room', async () => {
    const dataDir = await tempDir();
    await openTestDossier(dataDir); // seeds the library while there is room
    // 16 KB per file: the annotations file of the first document outgrows it after some 30 notes.
    const child = startChild(dataDir, 'fill', 16);
    child.go();
    await child.ready;
    expect(await child.exited).toBe(0);
    expect(child.failure).toMatch(/^io Could not save annotations\/\w+\.json in .*: the file is larger than the system allows \(file size limit\)\. Nothing was changed; fix this, then try again\.$/);
    expect(child.acks.size).toBeGreaterThan(10);
    console.log(`full disk: ${child.acks.size} notes saved under a 16 KB file-size limit, then: ${child.failure}`);
    expect(await leftoverTemps(join(dataDir, 'annotations'))).toBe(0);
    const { notices, notes } = await reopen(dataDir);
    expect(notices).toEqual([]);
    expect(lost(child.acks, notes)).toEqual([]);
    // Nothing half-saved: the failed note is not there either.
    expect(notes.size).toBe(child.acks.size);

    const dossier = await openTestDossier(dataDir);
    const [doc] = await dossier.api.listDocuments();
    await dossier.api.createAnnotation({ docId: doc?.id ?? '', start: 0, end: 5, note: 'note 0 after freeing space' });
    expect((await dossier.api.listAnnotations({})).length).toBe(child.acks.size + 1);
  });

  it('leaves a stale lock behind a killed process that the next start takes over', async () => {
    const dataDir = await tempDir();
    const child = startChild(dataDir, 'loop');
    child.go();
    await child.ready;
    child.process.kill('SIGKILL');
    await child.exited;
    expect(await readdir(dataDir)).toContain(LOCK_FILE);
    const again = startChild(dataDir, 'loop');
    again.go();
    await again.ready;
    again.process.kill('SIGKILL');
    await again.exited;
  });
});
