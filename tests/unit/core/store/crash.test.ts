import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Entity, Notice } from '../../../../main/common/contract';
import { LOCK_FILE } from '../../../../main/node/lock';
import { bundleChild, openTestDossier, SEED_DIR, tempDir } from '../../helpers';
import { importedText, restoredParts } from './crash-data';

/*
 * Kills a real core process with SIGKILL while it makes every kind of change
 * at once (notes, imports, entities, restores of backups), again and again,
 * and checks after every kill that the data folder opens and holds every
 * change the API acknowledged, and that a restore cut short left all of its
 * backup or none of it. See crash-child.ts. The kill comes after a random
 * number of acknowledged changes, never after a fixed time, so a busy
 * machine changes when the kills land, not what is checked.
 */

const KILLS = Number(process.env['CRASH_KILLS'] ?? 100);
const SEED = Number(process.env['CRASH_SEED'] ?? Date.now() % 1_000_000);
/** The one notice a start after a kill may give: the restore it cut short was undone. */
const RESTORE_UNDONE = 'The restore from a backup was interrupted (Dossier stopped during it), so none of it was kept: the library is as it was before. Do it again if you still want it.';

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
let bundle = '';
beforeAll(async () => {
  bundle = await bundleChild('tests/unit/core/store/crash-child.ts');
});
afterAll(() => rm(dirname(bundle), { recursive: true, force: true }));

/** What a child's API acknowledged: for notes and entities the highest sequence number per id. */
interface Acks {
  notes: Map<string, number>;
  docs: Map<string, number>;
  entities: Map<string, number>;
  restores: Set<number>;
  begun: Set<number>;
}

const noAcks = (): Acks => ({ notes: new Map(), docs: new Map(), entities: new Map(), restores: new Set(), begun: new Set() });

interface Child {
  process: ChildProcess;
  /** What makes its texts and names unique. */
  run: number;
  /** Lets it open the data folder and start. */
  go(): void;
  acks: Acks;
  /** How many changes it has had acknowledged so far. */
  count: number;
  /** Resolves once `count` reaches `n`. */
  acknowledged(n: number): Promise<void>;
  failure: string | null;
  status: string | null;
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** Starts crash-child, which loads and waits for go(); `fileSizeKb` caps the size of any file it writes (as a full disk would). */
function startChild(dataDir: string, mode: 'mixed' | 'fill' | 'import-full' | 'read-only', run = 0, fileSizeKb?: number): Child {
  const args = [bundle, dataDir, SEED_DIR, mode, String(run)];
  const child =
    fileSizeKb === undefined
      ? spawn(process.execPath, args, { stdio: 'pipe' })
      : spawn('bash', ['-c', `ulimit -f ${fileSizeKb} && exec "$0" "$@"`, process.execPath, ...args], { stdio: 'pipe' });
  const waiting: Array<{ n: number; done: () => void }> = [];
  const state: Child = {
    process: child,
    run,
    go: () => void child.stdin?.write('go\n'),
    acks: noAcks(),
    count: 0,
    acknowledged: (n) => (state.count >= n ? Promise.resolve() : new Promise((done) => waiting.push({ n, done }))),
    failure: null,
    status: null,
    ready: Promise.resolve(),
    exited: Promise.resolve(null),
  };
  const higher = (map: Map<string, number>, id: string, seq: number) => map.set(id, Math.max(seq, map.get(id) ?? 0));
  let output = '';
  let pending = '';
  state.ready = new Promise((ready, failed) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [kind = '', what = '', id = '', seq = ''] = line.split(' ');
        if (kind === 'ready') ready();
        if (kind === 'fail') state.failure = line.slice(5);
        if (kind === 'status') state.status = line.slice(7);
        if (kind === 'begin') state.acks.begun.add(Number(id));
        if (kind !== 'ack') continue;
        if (what === 'note') higher(state.acks.notes, id, Number(seq));
        if (what === 'doc') higher(state.acks.docs, id, Number(seq));
        if (what === 'entity') higher(state.acks.entities, id, Number(seq));
        if (what === 'restore') state.acks.restores.add(Number(id));
        state.count++;
        for (const w of waiting.filter((w) => state.count >= w.n)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.done();
        }
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

/** What a data folder holds, read with the real core as the next start would (and left settled for the next process). */
async function reopen(dataDir: string) {
  const dossier = await openTestDossier(dataDir);
  const { api } = dossier;
  const notices: Notice[] = (await api.getStatus()).notices;
  const annotations: Annotation[] = await api.listAnnotations({});
  const documents = await api.listDocuments();
  const entities: Entity[] = await api.listEntities();
  const tags = await api.listDocumentTags();
  // Every document listed can be opened: no record points at a text that is not there.
  const texts = new Map(await Promise.all(documents.map(async (d) => [d.id, (await api.openDocument(d.id)) && (await readFile(join(dataDir, 'texts', `${d.id}.txt`), 'utf8'))] as const)));
  await dossier.store.settled();
  return { notices: notices.map((n) => n.message), annotations, documents, entities, tags, texts };
}

type Folder = Awaited<ReturnType<typeof reopen>>;

/** Acknowledged changes missing from the folder (or there in an older version). */
function lost(acks: Acks, folder: Folder, runs: Map<string, number>): string[] {
  const notes = new Map(folder.annotations.map((a) => [a.id, Number(a.note.split(' ')[1])]));
  const entities = new Map(folder.entities.map((e) => [e.id, Number(e.notes.split(' ')[1])]));
  return [
    ...[...acks.notes].filter(([id, seq]) => (notes.get(id) ?? -1) < seq).map(([id, seq]) => `note ${id} (note ${seq}, found ${notes.get(id) ?? 'nothing'})`),
    ...[...acks.entities].filter(([id, seq]) => (entities.get(id) ?? -1) < seq).map(([id, seq]) => `entity ${id} (edit ${seq}, found ${entities.get(id) ?? 'nothing'})`),
    ...[...acks.docs].filter(([id, n]) => folder.texts.get(id) !== importedText(runs.get(id) ?? -1, n)).map(([id, n]) => `document ${id} (import ${n})`),
    ...[...acks.restores].filter((k) => restoreParts(folder, k) !== 4).map((k) => `restore ${k} (${restoreParts(folder, k)} of its 4 parts)`),
  ];
}

/** How many of backup k's document, note, entity and tag the folder holds: 0 or 4, never in between. */
function restoreParts(folder: Folder, k: number): number {
  const parts = restoredParts(k);
  return [
    folder.texts.get(parts.docId) === parts.text,
    folder.annotations.some((a) => a.id === parts.annotationId),
    folder.entities.some((e) => e.name === parts.entity),
    (folder.tags[parts.docId] ?? []).includes(parts.tag),
  ].filter(Boolean).length;
}

const leftoverTemps = async (dir: string): Promise<number> => (await readdir(dir, { recursive: true }).catch(() => [])).filter((f) => f.endsWith('.tmp')).length;

describe('killing the core while it makes every kind of change', () => {
  it(`loses no acknowledged change across ${KILLS} SIGKILLs, and a restore lands whole or not at all`, { timeout: 900_000 }, async () => {
    const dataDir = await tempDir();
    const next = random(SEED);
    const acks = noAcks();
    const runs = new Map<string, number>();
    const figures = { checks: 0, midWrite: 0, restoresCut: 0, restoresUndone: 0 };
    const started = performance.now();
    let run = 1;
    let waiting = startChild(dataDir, 'mixed', run);
    for (let kill = 1; kill <= KILLS; kill++) {
      const child = waiting;
      child.go();
      await child.ready;
      // The next one loads its code while this one works; it opens the folder only after this one is dead and checked.
      waiting = startChild(dataDir, 'mixed', (run += 1000));
      await child.acknowledged(1 + Math.floor(next() * 25));
      child.process.kill('SIGKILL');
      await child.exited;
      const where = `after kill ${kill} (CRASH_SEED=${SEED})`;
      expect(child.failure, `a change failed before kill ${kill}`).toBeNull();
      for (const id of child.acks.docs.keys()) runs.set(id, child.run);
      mergeAcks(acks, child.acks);
      if ((await leftoverTemps(dataDir)) > 0) figures.midWrite++;
      const cut = [...child.acks.begun].filter((k) => !child.acks.restores.has(k));
      figures.restoresCut += cut.length;

      const folder = await reopen(dataDir);
      expect(folder.notices.filter((n) => n !== RESTORE_UNDONE), `the notices ${where}`).toEqual([]);
      if (folder.notices.includes(RESTORE_UNDONE)) figures.restoresUndone++;
      expect(lost(acks, folder, runs), `acknowledged changes lost ${where}`).toEqual([]);
      for (const k of cut) expect([0, 4], `the restore of backup ${k}, cut short, ${where}`).toContain(restoreParts(folder, k));
      figures.checks += acks.notes.size + acks.docs.size + acks.entities.size + acks.restores.size;
    }
    waiting.process.kill('SIGKILL');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const total = { notes: acks.notes.size, documents: acks.docs.size, entities: acks.entities.size, restores: acks.restores.size };
    console.log(
      `crash test: ${KILLS} SIGKILLs (${figures.midWrite} left a half-written temporary file, ${figures.restoresCut} cut a restore short, ` +
        `${figures.restoresUndone} starts undid one); acknowledged: ${total.notes} notes, ${total.documents} imports, ${total.entities} entities, ` +
        `${total.restores} restores; ${figures.checks} acknowledged-change checks after the kills, none lost; ${seconds} s, CRASH_SEED=${SEED}`,
    );
    expect(total.notes + total.documents + total.entities + total.restores).toBeGreaterThan(KILLS);
    expect(Math.min(total.notes, total.documents, total.entities, total.restores)).toBeGreaterThan(0);
  });

  it('answers a save on a full disk with a clear error, keeps every earlier save, and saves again once there is room', async () => {
    const dataDir = await tempDir();
    await (await openTestDossier(dataDir)).store.settled(); // seeds the library while there is room
    // 16 KB per file: the annotations file of the first document outgrows it after some 30 notes.
    const child = startChild(dataDir, 'fill', 0, 16);
    child.go();
    await child.ready;
    expect(await child.exited).toBe(0);
    expect(child.failure).toMatch(/^io Could not save annotations\/\w+\.json in .*: the file is larger than the system allows \(file size limit\)\. Nothing was changed; free some space, then try again\.$/);
    expect(child.acks.notes.size).toBeGreaterThan(10);
    console.log(`full disk: ${child.acks.notes.size} notes saved under a 16 KB file-size limit, then: ${child.failure}`);
    expect(await leftoverTemps(dataDir)).toBe(0);
    const folder = await reopen(dataDir);
    expect(folder.notices).toEqual([]);
    expect(lost(child.acks, folder, new Map())).toEqual([]);
    // Nothing half-saved: the failed note is not there either.
    expect(folder.annotations.length).toBe(child.acks.notes.size);

    const dossier = await openTestDossier(dataDir);
    const [doc] = await dossier.api.listDocuments();
    await dossier.api.createAnnotation({ docId: doc?.id ?? '', start: 0, end: 5, note: 'note 0 after freeing space' });
    expect((await dossier.api.listAnnotations({})).length).toBe(child.acks.notes.size + 1);
  });

  it('answers an import on a full disk with the disk-full message, and adds nothing', async () => {
    const dataDir = await tempDir();
    await (await openTestDossier(dataDir)).store.settled();
    const before = await reopen(dataDir);
    const child = startChild(dataDir, 'import-full', 0, 16);
    child.go();
    await child.ready;
    expect(await child.exited).toBe(0);
    expect(child.failure).toMatch(/^io Could not save the text of “Crash import 0-0” in .*: the file is larger than the system allows \(file size limit\)\. Nothing was changed; free some space, then try again\.$/);
    console.log(`import on a full disk: ${child.failure}`);
    const after = await reopen(dataDir);
    expect(after.documents).toEqual(before.documents);
    expect(after.notices).toEqual([]);
    expect(await leftoverTemps(dataDir)).toBe(0);
  });

  it('starts read-only with a notice when not one byte can be written, and every document can still be read', async () => {
    const dataDir = await tempDir();
    await (await openTestDossier(dataDir)).store.settled();
    const child = startChild(dataDir, 'read-only', 0, 0);
    child.go();
    await child.ready;
    expect(await child.exited).toBe(0);
    const status = JSON.parse(child.status ?? '{}');
    expect(status.documents).toBe(5);
    expect(status.read).toBe(true);
    expect(status.notices.map((n: Notice) => n.message)).toEqual([
      `Dossier cannot save in ${dataDir}: the file is larger than the system allows (file size limit). It opened your library read-only: you can read and search, and changes are saved again once you free some space on the disk.`,
    ]);
    expect(status.save).toEqual({
      ok: false,
      error: { code: 'io', message: 'Nothing was saved: the file is larger than the system allows (file size limit), so Dossier has the library open read-only. Free some space on the disk, then try again.' },
    });
    console.log(`no room at all: started read-only, ${status.documents} documents readable; a save answered: ${status.save.error.message}`);
    // With room again, the next start saves as ever.
    const dossier = await openTestDossier(dataDir);
    expect((await dossier.api.getStatus()).notices).toEqual([]);
    await dossier.api.createAnnotation({ docId: (await dossier.api.listDocuments())[0]?.id ?? '', start: 0, end: 5 });
  });

  it('leaves a stale lock behind a killed process that the next start takes over', async () => {
    const dataDir = await tempDir();
    const child = startChild(dataDir, 'mixed', 1);
    child.go();
    await child.ready;
    child.process.kill('SIGKILL');
    await child.exited;
    expect(await readdir(dataDir)).toContain(LOCK_FILE);
    const again = startChild(dataDir, 'mixed', 2);
    again.go();
    await again.ready;
    again.process.kill('SIGKILL');
    await again.exited;
  });
});

function mergeAcks(into: Acks, from: Acks): void {
  for (const [key, map] of [['notes', from.notes], ['docs', from.docs], ['entities', from.entities]] as const) {
    for (const [id, seq] of map) into[key].set(id, Math.max(seq, into[key].get(id) ?? 0));
  }
  for (const k of from.restores) into.restores.add(k);
}
