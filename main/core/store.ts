import { Low, type Adapter } from 'lowdb';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { DossierError } from '../common/errors';
import type { Notice } from '../common/contract';
import { ensureDir, readFileIfExists, writeFileDurable } from './durable';

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
  /** migrations[v] upgrades version v to v + 1. */
  migrations?: Record<number, Migration>;
}

/**
 * lowdb adapter whose writes are atomic and durable (see writeFileDurable),
 * and queued so that an older state never lands after a newer one.
 */
class DurableJsonFile<T> implements Adapter<T> {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    const text = await readFileIfExists(this.file);
    return text === null ? null : (JSON.parse(text) as T);
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    const next = this.queue.then(() => writeFileDurable(this.file, text));
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

  private constructor(readonly dir: string) {}

  /** Opens (creating if needed) the data folder. */
  static async open(dir: string): Promise<Store> {
    try {
      await ensureDir(dir);
    } catch (error) {
      throw new DossierError('io', `store: cannot create the data folder ${dir}: ${(error as Error).message}`);
    }
    return new Store(dir);
  }

  /** The lowdb database of one file, read once and cached. */
  file<T extends Versioned>(spec: FileSpec<T>): Promise<Low<T>> {
    // Each name is opened with one spec, so the cached promise has that spec's type.
    let low = this.files.get(spec.name) as Promise<Low<T>> | undefined;
    if (!low) {
      low = this.load(spec);
      this.files.set(spec.name, low);
      low.catch(() => this.files.delete(spec.name));
    }
    return low;
  }

  /** Absolute path of a file in the data folder. */
  path(name: string): string {
    return join(this.dir, name);
  }

  /** Saves one file; the promise resolves once it is on disk. */
  async save<T extends Versioned>(low: Low<T>, name: string): Promise<void> {
    try {
      await low.write();
    } catch (error) {
      throw new DossierError('io', `store: could not save ${name}: ${(error as Error).message}. Your change is kept on screen; free some space or fix the folder's permissions and try again.`);
    }
  }

  private async load<T extends Versioned>(spec: FileSpec<T>): Promise<Low<T>> {
    const path = this.path(spec.name);
    await ensureDir(join(path, '..'));
    const low = new Low<T>(new DurableJsonFile<T>(path), spec.defaults());
    let data: unknown;
    try {
      data = await low.adapter.read();
    } catch (error) {
      await this.quarantine(spec.name, 'broken', `it could not be read (${(error as Error).message})`);
      return low;
    }
    if (data === null) return low;
    low.data = await this.upgrade(spec, data);
    return low;
  }

  private async upgrade<T extends Versioned>(spec: FileSpec<T>, data: unknown): Promise<T> {
    const schema = typeof data === 'object' && data !== null ? (data as Versioned).schema : undefined;
    if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
      await this.quarantine(spec.name, 'broken', 'it is not a Dossier store file');
      return spec.defaults();
    }
    if (schema > spec.schema) {
      await this.quarantine(spec.name, 'newer', `it was written by a newer version of Dossier (schema ${schema}, this one reads ${spec.schema})`);
      return spec.defaults();
    }
    let current = data as Record<string, unknown>;
    for (let version = schema; version < spec.schema; version++) {
      const migrate = spec.migrations?.[version];
      if (!migrate) throw new DossierError('internal', `store: no migration for ${spec.name} from schema ${version}`);
      current = { ...migrate(current), schema: version + 1 };
    }
    return current as unknown as T;
  }

  private async quarantine(name: string, reason: string, why: string): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = `${name}.${reason}-${stamp}`;
    await rename(this.path(name), this.path(aside));
    this.notices.push({
      level: 'warning',
      message: `store: ${name} was moved aside because ${why}. It is kept at ${this.path(aside)}; Dossier started without it.`,
    });
  }
}
