import { randomUUID } from 'node:crypto';
import { Low, type Adapter } from 'lowdb';
import { access, readdir, rename, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DossierError } from '../../common/errors';
import type { Notice } from '../../common/contract';
import { openCollection, type CollectionSpec, type Keyed, type StoreCollection } from './collection';
import { describeFsError, ensureDir, isOutOfSpace, readFileIfExists, removeFile, removeLeftoverTemps, syncDir, tightenPermissions, writeFileDurable } from './durable';
import { saveError, type AsideReason, type FileSpec, type Guarded, type StoreHost, type Transaction, type Versioned } from './host';
import { UpdateQueue } from './queue';
import { stringifyInSlices } from './serialise';
import { TextFolder } from './texts';
import { recoverTransaction, Transactions } from './transaction';

export type { FileSpec, Migration, Versioned } from './host';
export type { CollectionDraft, CollectionSpec, StoreCollection } from './collection';
export type { TextFolder } from './texts';

/**
 * One store file: its data as it is on disk, and the one way to change it.
 * `data` is shared, never a copy: read it, never change it in place.
 */
export interface StoreFile<T> {
  readonly name: string;
  readonly data: T;
  /**
   * Applies `change` to a copy of the data, saves the copy, and only once it
   * is on disk makes it the data: a change that throws or cannot be saved
   * leaves memory and disk as they were. Updates of one file run one after
   * another, each on the data the previous one left, so `change` sees every
   * update made before it was called.
   */
  update<R>(change: (draft: T) => R): Promise<R>;
  /** Removes the file from the folder (after the updates before it); its data is the spec's defaults again. */
  remove(): Promise<void>;
}

/**
 * The data folder's format. Raise it (with the store files' schemas) when
 * an older Dossier could no longer use the folder safely: an older Dossier
 * that finds a larger one opens the folder read-only before it reads
 * anything else, rather than discovering one newer file after another.
 */
const FOLDER_FORMAT = 1;

interface FolderData extends Versioned {
  /** The version of Dossier that last opened the folder to write in it. */
  app: string;
  /** Set once every file already in the folder has been made private to its owner. */
  private: boolean;
}

const FOLDER: FileSpec<FolderData> = {
  name: 'data-folder.json',
  schema: FOLDER_FORMAT,
  shape: z.object({ schema: z.number(), app: z.string().max(100), private: z.boolean() }),
  defaults: () => ({ schema: FOLDER_FORMAT, app: '', private: false }),
};

/** One plain name of the data folder: no separator, not `.` or `..`, no leading dot (temporaries have one). */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$/;

/** Why the folder is read-only: what the user was told, what a save answers, and whether trying again may help. */
interface ReadOnly {
  notice: Notice;
  refusal: string;
  retry: boolean;
}

/** lowdb adapter whose writes are atomic and durable (writeFileDurable), and serialised a slice at a time. Reads go through Store.load. */
class DurableJsonFile<T extends object> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    throw new DossierError('internal', `${this.file} is read through the store's checks, never by lowdb`);
  }

  async write(data: T): Promise<void> {
    await writeFileDurable(this.file, await stringifyInSlices(data));
  }
}

class OpenFile<T extends Versioned> implements StoreFile<T>, Guarded {
  frozen: string | null = null;
  /** Whether the file is on disk (an undone transaction removes a file it created). */
  onDisk = false;
  private readonly queue: UpdateQueue;
  private readonly low: Low<T>;

  constructor(
    readonly name: string,
    private readonly host: Store,
    private readonly defaults: () => T,
  ) {
    this.queue = new UpdateQueue(host);
    this.low = new Low<T>(new DurableJsonFile<T>(host.path(name)), defaults());
  }

  get data(): T {
    return this.low.data;
  }

  set data(data: T) {
    this.low.data = data;
  }

  update<R>(change: (draft: T) => R): Promise<R> {
    const transaction = this.host.activeTransaction();
    return this.queue.push(async () => {
      await this.host.writable();
      if (this.frozen) throw new DossierError('io', this.frozen);
      if (!this.onDisk) await ensureDir(dirname(this.host.path(this.name))).catch(() => undefined);
      const draft = structuredClone(this.low.data);
      const result = change(draft);
      if (transaction && !transaction.has(this.name)) await transaction.record({ file: this.name, before: this.onDisk ? JSON.stringify(this.low.data) : null });
      try {
        await this.low.adapter.write(draft);
      } catch (error) {
        throw saveError(this.name, this.host.dir, error);
      }
      this.low.data = draft;
      this.onDisk = true;
      return result;
    });
  }

  remove(): Promise<void> {
    const transaction = this.host.activeTransaction();
    return this.queue.push(async () => {
      await this.host.writable();
      if (this.frozen) throw new DossierError('io', this.frozen);
      if (this.onDisk) {
        if (transaction && !transaction.has(this.name)) await transaction.record({ file: this.name, before: JSON.stringify(this.low.data) });
        const path = this.host.path(this.name);
        try {
          await removeFile(path);
          await syncDir(dirname(path));
        } catch (error) {
          throw saveError(this.name, this.host.dir, error);
        }
      }
      this.low.data = this.defaults();
      this.onDisk = false;
    });
  }
}

/**
 * The data folder. Its files come in three kinds, each owned by one module
 * and opened on demand: JSON files (`file`), collections kept as a snapshot
 * and a journal (`collection`), and folders of texts (`texts`). Every file
 * is checked against its spec when it is read; one that cannot be used is
 * moved aside with a timestamp (never overwritten) and reported as a notice.
 *
 * The folder can be read-only: written by a newer Dossier (for the whole
 * session), or impossible to write to, such as a full disk (until a save
 * finds room again). Then every save refuses, saying why, and nothing in
 * the folder is changed, moved or removed.
 */
export class Store implements StoreHost {
  readonly notices: Notice[] = [];
  /** This session: a deletion made in it never expires in it, whatever the clock says. */
  readonly session = randomUUID();
  private readonly files = new Map<string, Promise<unknown>>();
  /** Each folder's names as they were when this session first opened a file there. */
  private readonly listings = new Map<string, Promise<string[]>>();
  private readonly transactions = new Transactions(this);
  private locked: ReadOnly | null = null;
  /** Background work waiting for `ready()`; null once it was called. */
  private waiting: Array<() => Promise<unknown>> | null = [];
  private readonly running = new Set<Promise<unknown>>();
  /** The Dossier that last wrote the folder, as its marker says. */
  private writtenBy = '';
  /** Whether every file that was in the folder is private to its owner. */
  private tightened = true;

  private constructor(
    readonly dir: string,
    private readonly app: string,
  ) {}

  /** Opens (creating if needed) the data folder; `app` is the version of Dossier opening it. */
  static async open(dir: string, options: { app?: string } = {}): Promise<Store> {
    try {
      await ensureDir(dir);
    } catch (error) {
      throw new DossierError('io', `Cannot create the data folder ${dir}: ${describeFsError(error)}`);
    }
    const store = new Store(dir, options.app ?? 'unknown');
    await store.start();
    return store;
  }

  get readOnly(): string | null {
    return this.locked?.refusal ?? null;
  }

  /** One file of the data folder, read once and cached. */
  file<T extends Versioned>(spec: FileSpec<T>): Promise<StoreFile<T>> {
    return this.cached(spec.name, () => this.openFile(spec));
  }

  /** A collection of the data folder (snapshot and journal), read once and cached. */
  collection<R extends Keyed, M extends object>(spec: CollectionSpec<R, M>): Promise<StoreCollection<R, M>> {
    return this.cached(spec.name, () => openCollection(this, spec));
  }

  /** A folder of texts, one file per id. */
  texts(folder: string): Promise<TextFolder> {
    return this.cached(`${folder}/`, () => TextFolder.open(this, folder));
  }

  /**
   * Makes the changes `work` makes to any store files all together or not
   * at all (see transaction.ts). When `work` fails, `undo` must put back
   * what it changed; a crash is undone at the next start without it.
   */
  transaction<T>(label: string, work: () => Promise<T>, undo: () => Promise<void>): Promise<T> {
    return this.transactions.run(label, work, undo);
  }

  /** See Transactions.operation: for a module that holds a lock of its own across several updates. */
  operation<T>(work: () => Promise<T>): Promise<T> {
    return this.transactions.operation(work);
  }

  activeTransaction(): Transaction | undefined {
    return this.transactions.current();
  }

  /** Absolute path of a file in the data folder; anything that could name a file outside it is refused. */
  path(name: string): string {
    const parts = name.split('/');
    if (!parts.every((part) => SEGMENT.test(part))) throw new DossierError('internal', `${JSON.stringify(name.slice(0, 80))} is not a name in the data folder`);
    return join(this.dir, ...parts);
  }

  listing(dir: string): Promise<string[]> {
    let names = this.listings.get(dir);
    if (!names) {
      names = readdir(dir).catch(() => []);
      this.listings.set(dir, names);
    }
    return names;
  }

  gate(): Promise<void> | null {
    return this.transactions.gate();
  }

  /**
   * Every module has read its files: background work (folding journals into
   * snapshots) may start. Until then nothing is written but what a module
   * asks for, so a newer file found late leaves every other file as it was.
   */
  ready(): void {
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const task of waiting) this.background(task());
  }

  whenReady(task: () => Promise<unknown>): void {
    if (this.waiting) this.waiting.push(task);
    else this.background(task());
  }

  background(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => console.error(`Saving in the background failed (it is tried again later): ${describeFsError(error)}`));
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
  }

  /** Resolves once the background work under way is done (tests, and a clean exit). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  async writable(): Promise<void> {
    const locked = this.locked;
    if (!locked) return;
    if (locked.retry && (await this.probe()) === null) {
      this.notices.splice(this.notices.indexOf(locked.notice), 1);
      this.locked = null;
      return;
    }
    throw new DossierError('io', locked.refusal);
  }

  async load<T extends Versioned>(spec: FileSpec<T>, target: Guarded): Promise<{ data: T; found: boolean }> {
    checkMigrations(spec);
    let text: string | null;
    try {
      text = await readFileIfExists(this.path(spec.name));
    } catch (error) {
      await this.moveAside(spec.name, 'unreadable', `it could not be read: ${describeFsError(error)}`, target);
      return { data: spec.defaults(), found: false };
    }
    if (text === null) return { data: spec.defaults(), found: false };
    const data = await this.accept(spec, text, target);
    return data === null ? { data: spec.defaults(), found: false } : { data, found: true };
  }

  /** A file's text as data at the current schema, or null when it cannot be used (and was dealt with). */
  private async accept<T extends Versioned>(spec: FileSpec<T>, text: string, target: Guarded): Promise<T | null> {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      await this.moveAside(spec.name, 'broken', 'it is not valid JSON (it was damaged or cut short)', target);
      return null;
    }
    const schema = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Versioned).schema : undefined;
    if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
      await this.moveAside(spec.name, 'broken', 'it is not a Dossier store file (no schema version)', target);
      return null;
    }
    if (schema > spec.schema) {
      if (spec.name === FOLDER.name) this.writtenBy = String((data as { app?: unknown }).app ?? '').slice(0, 100);
      target.frozen = `${spec.name} was written by a newer version of Dossier; it is kept as it is.`;
      this.newer(spec.name, schema, spec.schema);
      return null;
    }
    let upgraded: Record<string, unknown>;
    try {
      upgraded = { ...spec.defaults(), ...migrate(spec, data as Record<string, unknown>, schema) };
    } catch (error) {
      await this.moveAside(spec.name, 'broken', `it could not be upgraded from schema ${schema}: ${(error as Error).message}`, target);
      return null;
    }
    const checked = spec.shape.safeParse(upgraded);
    if (checked.success) return checked.data;
    const issue = checked.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    await this.moveAside(spec.name, 'broken', `it does not hold what Dossier keeps there (${issue?.message ?? 'wrong shape'}${where})`, target);
    return null;
  }

  newer(name: string, found: number, supported: number): void {
    if (this.locked && !this.locked.retry) return;
    const by = this.writtenBy ? ` (${this.writtenBy})` : '';
    const what =
      name === FOLDER.name
        ? `This data folder was written by a newer version of Dossier${by}: its format is ${found}, and this version reads up to ${supported}.`
        : `${name} was written by a newer version of Dossier${by}: it has schema ${found}, and this version reads up to ${supported}.`;
    this.lock({
      notice: {
        level: 'warning',
        message: `${what} Dossier opened the folder read-only so that nothing the newer version saved is lost: you can read and search, but changes are not saved. Update Dossier to work in this folder again.`,
      },
      refusal: 'Nothing was saved: this data folder was written by a newer version of Dossier and is open read-only. Update Dossier to make changes here.',
      retry: false,
    });
  }

  /** A transaction could not be undone: nothing more is saved until the next start undoes it from its journal. */
  failed(message: string): void {
    this.lock({ notice: { level: 'error', message }, refusal: `Nothing was saved: ${message}`, retry: false });
  }

  /**
   * Renames a file that cannot be used to `<name>.<reason>-<time>` (never over
   * another file) and tells the user. When that fails, or the folder is
   * read-only, the file is left where it is and saves to it refuse.
   */
  async moveAside(name: string, reason: AsideReason, why: string, target: Guarded): Promise<void> {
    const offer = await this.backupOffer();
    if (this.locked) {
      target.frozen = `${name} cannot be used and Dossier has the folder open read-only, so it is left as it is.`;
      this.notices.push({ level: 'error', message: `${name} cannot be used because ${why}. The folder is open read-only, so Dossier left it as it is and started without it.${offer}` });
      return;
    }
    const from = this.path(name);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let aside = `${from}.${reason}-${stamp}`;
    for (let n = 2; await exists(aside); n++) aside = `${from}.${reason}-${stamp}-${n}`;
    try {
      await rename(from, aside);
    } catch (error) {
      target.frozen = `${name} is damaged and could not be moved aside (${describeFsError(error)}), so Dossier will not save over it. Move ${this.path(name)} away yourself, then restart Dossier.`;
      this.notices.push({ level: 'error', message: `${name} cannot be used because ${why}, and it could not be moved aside (${describeFsError(error)}). Dossier started without it and will not save over it; move ${this.path(name)} away, then restart.${offer}` });
      return;
    }
    this.notices.push({ level: 'warning', message: `${name} was moved aside because ${why}. It is kept at ${aside}; Dossier started without it.${offer}` });
  }

  private cached<F>(name: string, open: () => Promise<F>): Promise<F> {
    // Each name is opened as one kind with one spec, so the cached promise has that type.
    let file = this.files.get(name) as Promise<F> | undefined;
    if (!file) {
      file = open();
      this.files.set(name, file);
      file.catch(() => this.files.delete(name));
    }
    return file;
  }

  private async openFile<T extends Versioned>(spec: FileSpec<T>): Promise<OpenFile<T>> {
    const path = this.path(spec.name);
    // A folder that is read-only (full, or a newer Dossier's) is left as it is: its saves refuse anyway.
    if (!this.locked) {
      try {
        await ensureDir(dirname(path));
        await removeLeftoverTemps(path, await this.listing(dirname(path)));
      } catch (error) {
        throw new DossierError('io', `Cannot open ${spec.name} in ${this.dir}: ${describeFsError(error)}`);
      }
    }
    const file = new OpenFile<T>(spec.name, this, spec.defaults);
    const { data, found } = await this.load(spec, file);
    file.data = data;
    file.onDisk = found;
    return file;
  }

  /**
   * Before anything else is read: the folder's marker (a newer Dossier's
   * folder opens read-only), an interrupted transaction undone, the files
   * made private, and a write that proves the folder can be written to.
   */
  private async start(): Promise<void> {
    await tightenPermissions(this.dir, false).catch(() => undefined);
    const marker = (await this.file(FOLDER)) as OpenFile<FolderData>;
    if (marker.frozen) return;
    this.writtenBy = marker.data.app;
    this.tightened = marker.data.private;
    const failure = await this.probe();
    if (failure) {
      this.lock(unwritable(this.dir, failure));
      return;
    }
    try {
      const undone = await recoverTransaction(this);
      if (undone) this.notices.push({ level: 'warning', message: `${undone} was interrupted (Dossier stopped during it), so none of it was kept: the library is as it was before. Do it again if you still want it.` });
    } catch (error) {
      this.failed(`An interrupted change could not be undone (${describeFsError(error)}).`);
    }
    this.listings.clear();
    if (!this.tightened) {
      await tightenPermissions(this.dir, true).catch(() => undefined);
      this.tightened = true;
      await this.probe();
    }
  }

  /** Writes the folder's marker: null when that worked, else the error. */
  private async probe(): Promise<unknown> {
    try {
      await writeFileDurable(this.path(FOLDER.name), JSON.stringify({ schema: FOLDER_FORMAT, app: this.app, private: this.tightened }));
      return null;
    } catch (error) {
      return error;
    }
  }

  private lock(state: ReadOnly): void {
    if (this.locked) this.notices.splice(this.notices.indexOf(this.locked.notice), 1);
    this.locked = state;
    this.notices.push(state.notice);
  }

  private async backupOffer(): Promise<string> {
    const backups = await findBackups([this.dir, join(this.dir, 'backups'), join(homedir(), 'Downloads')]);
    return backups.length > 0 ? ` A backup of your data exists (${backups.join(', ')}): bring it back with “Restore from backup…” in the File menu or the command palette.` : '';
  }
}

/** The folder cannot be written to: read-only until a save finds that it can again. */
function unwritable(dir: string, error: unknown): ReadOnly {
  const why = describeFsError(error);
  const fix = isOutOfSpace(error) ? 'free some space on the disk' : 'fix this';
  return {
    notice: { level: 'error', message: `Dossier cannot save in ${dir}: ${why}. It opened your library read-only: you can read and search, and changes are saved again once you ${fix}.` },
    refusal: `Nothing was saved: ${why}, so Dossier has the library open read-only. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}, then try again.`,
    retry: true,
  };
}

/** What "Back up library…" names its files ("Dossier backup 2026-01-31.json"), and names like it. */
const BACKUP_NAME = /dossier[ _-]?backup/i;

/** Backup files in `places` (the data folder, where browsers download to), newest first, at most three. */
async function findBackups(places: string[]): Promise<string[]> {
  const found: Array<{ path: string; time: number }> = [];
  for (const dir of places) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((e) => e.isFile() && BACKUP_NAME.test(e.name))) {
      const path = join(dir, entry.name);
      found.push({ path, time: (await stat(path)).mtimeMs });
    }
  }
  return found.sort((a, b) => b.time - a.time).slice(0, 3).map((b) => b.path);
}

/** A spec that skips a migration would strand files of that schema: refuse it at once. */
function checkMigrations(spec: FileSpec<Versioned>): void {
  for (let version = 1; version < spec.schema; version++) {
    if (!spec.migrations?.[version]) throw new DossierError('internal', `${spec.name} is at schema ${spec.schema} but has no migration from schema ${version}`);
  }
}

function migrate(spec: FileSpec<Versioned>, data: Record<string, unknown>, schema: number): Record<string, unknown> {
  let current = data;
  for (let version = schema; version < spec.schema; version++) {
    const step = spec.migrations?.[version];
    if (!step) throw new Error(`no migration from schema ${version}`);
    current = { ...step(current), schema: version + 1 };
  }
  return current;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
