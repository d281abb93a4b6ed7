import { Low, type Adapter } from 'lowdb';
import { access, readdir, rename, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { DossierError } from '../../common/errors';
import type { Notice } from '../../common/contract';
import { describeFsError, ensureDir, readFileIfExists, removeLeftoverTemps, writeFileDurable } from './durable';

/** Every store file carries the schema version that wrote it. */
export interface Versioned {
  schema: number;
}

/** Upgrades data written by schema `from` to schema `from + 1`. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

export interface FileSpec<T extends Versioned> {
  /** Path relative to the data folder, e.g. "library.json" or "annotations/abc.json". */
  name: string;
  /** Current schema version; data with a larger one was written by a newer Dossier. */
  schema: number;
  defaults: () => T;
  /** migrations[v] upgrades version v to v + 1; one is required for every v from 1 to schema - 1. */
  migrations?: Record<number, Migration>;
}

/** How a damaged file is renamed: `<name>.<reason>-<time>`. */
type AsideReason = 'broken' | 'newer' | 'unreadable';

/**
 * lowdb adapter whose writes are atomic and durable (see writeFileDurable).
 * Writes are never concurrent: each file's updates run one after another.
 */
class DurableJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    const text = await readFileIfExists(this.file);
    return text === null ? null : (JSON.parse(text) as T);
  }

  write(data: T): Promise<void> {
    return writeFileDurable(this.file, JSON.stringify(data));
  }
}

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
}

class OpenFile<T> implements StoreFile<T> {
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when a damaged file could not be moved aside: saving would destroy it, so updates refuse. */
  frozen: string | null = null;

  constructor(
    readonly name: string,
    private readonly low: Low<T>,
    private readonly dir: string,
  ) {}

  get data(): T {
    return this.low.data;
  }

  set initial(data: T) {
    this.low.data = data;
  }

  update<R>(change: (draft: T) => R): Promise<R> {
    const run = async (): Promise<R> => {
      if (this.frozen) throw new DossierError('io', this.frozen);
      const draft = structuredClone(this.low.data);
      const result = change(draft);
      try {
        await this.low.adapter.write(draft);
      } catch (error) {
        throw new DossierError('io', `Could not save ${this.name} in ${this.dir}: ${describeFsError(error)}. Nothing was changed; fix this, then try again.`);
      }
      this.low.data = draft;
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/**
 * The data folder: small lowdb files, each owned by one module, opened on
 * demand and cached. Files that cannot be read safely are moved aside with
 * a timestamp (never overwritten) and reported as notices.
 */
export class Store {
  readonly notices: Notice[] = [];
  private readonly files = new Map<string, Promise<unknown>>();
  /** Each folder's names as they were when this session first opened a file there. */
  private readonly listings = new Map<string, Promise<string[]>>();

  private constructor(readonly dir: string) {}

  /** Opens (creating if needed) the data folder. */
  static async open(dir: string): Promise<Store> {
    try {
      await ensureDir(dir);
    } catch (error) {
      throw new DossierError('io', `Cannot create the data folder ${dir}: ${describeFsError(error)}`);
    }
    return new Store(dir);
  }

  /** One file of the data folder, read once and cached. */
  file<T extends Versioned>(spec: FileSpec<T>): Promise<StoreFile<T>> {
    // Each name is opened with one spec, so the cached promise has that spec's type.
    let file = this.files.get(spec.name) as Promise<OpenFile<T>> | undefined;
    if (!file) {
      file = this.load(spec);
      this.files.set(spec.name, file);
      file.catch(() => this.files.delete(spec.name));
    }
    return file;
  }

  /** Absolute path of a file in the data folder. */
  path(name: string): string {
    return join(this.dir, name);
  }

  private listing(dir: string): Promise<string[]> {
    let names = this.listings.get(dir);
    if (!names) {
      names = readdir(dir).catch(() => []);
      this.listings.set(dir, names);
    }
    return names;
  }

  private async load<T extends Versioned>(spec: FileSpec<T>): Promise<OpenFile<T>> {
    checkMigrations(spec);
    const path = this.path(spec.name);
    try {
      await ensureDir(dirname(path));
      await removeLeftoverTemps(path, await this.listing(dirname(path)));
    } catch (error) {
      throw new DossierError('io', `Cannot open ${spec.name} in ${this.dir}: ${describeFsError(error)}`);
    }
    const adapter = new DurableJsonFile<T>(path);
    const file = new OpenFile<T>(spec.name, new Low<T>(adapter, spec.defaults()), this.dir);
    file.initial = await this.readData(spec, adapter, file);
    return file;
  }

  /** The file's data, upgraded to the current schema; defaults when it is missing or was moved aside. */
  private async readData<T extends Versioned>(spec: FileSpec<T>, adapter: DurableJsonFile<T>, file: OpenFile<T>): Promise<T> {
    let data: unknown;
    try {
      data = await adapter.read();
    } catch (error) {
      if (error instanceof SyntaxError) await this.moveAside(spec.name, 'broken', 'it is not valid JSON (it was damaged or cut short)', file);
      else await this.moveAside(spec.name, 'unreadable', `it could not be read: ${describeFsError(error)}`, file);
      return spec.defaults();
    }
    if (data === null) return spec.defaults();
    const schema = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Versioned).schema : undefined;
    if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
      await this.moveAside(spec.name, 'broken', 'it is not a Dossier store file (no schema version)', file);
      return spec.defaults();
    }
    if (schema > spec.schema) {
      await this.moveAside(spec.name, 'newer', `it was written by a newer version of Dossier (schema ${schema}, this one reads up to ${spec.schema}); update Dossier to read it`, file);
      return spec.defaults();
    }
    try {
      return { ...spec.defaults(), ...migrate(spec, data as Record<string, unknown>, schema) };
    } catch (error) {
      await this.moveAside(spec.name, 'broken', `it could not be upgraded from schema ${schema}: ${(error as Error).message}`, file);
      return spec.defaults();
    }
  }

  /**
   * Renames a file that cannot be used to `<name>.<reason>-<time>` (never over
   * another file) and tells the user. When even that fails, the file is left
   * where it is and saves to it refuse, so nothing ever writes over it.
   */
  private async moveAside(name: string, reason: AsideReason, why: string, file: { frozen: string | null }): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let aside = `${name}.${reason}-${stamp}`;
    for (let n = 2; await exists(this.path(aside)); n++) aside = `${name}.${reason}-${stamp}-${n}`;
    const backups = await findBackups([this.dir, this.path('backups'), join(homedir(), 'Downloads')]);
    const offer = backups.length > 0 ? ` A backup of your data exists (${backups.join(', ')}): bring it back with “Restore from backup…” in the File menu or the command palette.` : '';
    try {
      await rename(this.path(name), this.path(aside));
    } catch (error) {
      file.frozen = `${name} is damaged and could not be moved aside (${describeFsError(error)}), so Dossier will not save over it. Move ${this.path(name)} away yourself, then restart Dossier.`;
      this.notices.push({ level: 'error', message: `${name} cannot be used because ${why}, and it could not be moved aside (${describeFsError(error)}). Dossier started without it and will not save over it; move ${this.path(name)} away, then restart.${offer}` });
      return;
    }
    this.notices.push({
      level: 'warning',
      message: `${name} was moved aside because ${why}. It is kept at ${this.path(aside)}; Dossier started without it.${offer}`,
    });
  }
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
