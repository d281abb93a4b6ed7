import type { z } from 'zod';
import type { Notice } from '../../common/contract';
import { DossierError } from '../../common/errors';
import { describeFsError, isOutOfSpace } from './durable';

/*
 * What the kinds of store file (store.ts: JSON files; collection.ts:
 * snapshot and journal; texts.ts: one text per id) share: the data folder,
 * its read-only state, how an unreadable file is set aside, and the
 * transaction a change may belong to. The Store implements it.
 */

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
  /** What the data must look like once upgraded; anything else is set aside as damaged. */
  shape: z.ZodType<T>;
  defaults: () => T;
  /** migrations[v] upgrades version v to v + 1; one is required for every v from 1 to schema - 1. */
  migrations?: Record<number, Migration>;
}

/** How a damaged file is renamed: `<name>.<reason>-<time>`. */
export type AsideReason = 'broken' | 'unreadable';

/** What a file does when it cannot be read safely: saves to it refuse while `frozen` says why. */
export interface Guarded {
  frozen: string | null;
}

/** One change in a transaction, written down before the change is made so that a crash can undo it. */
export type UndoEntry =
  | { file: string; before: string | null }
  | { collection: string; schema: number; ops: unknown[] }
  | { text: string; id: string };

/** The transaction a change belongs to (see Store.transaction). */
export interface Transaction {
  /** Writes down how to undo the entry, durably, before the change it undoes is made. */
  record(entry: UndoEntry): Promise<void>;
  /** True once the file's state before the transaction is written down. */
  has(file: string): boolean;
}

export interface StoreHost {
  readonly dir: string;
  readonly notices: Notice[];
  /** Why nothing may be saved now, or null. */
  readonly readOnly: string | null;
  /** Absolute path of a file of the data folder; throws for anything but a plain relative name. */
  path(name: string): string;
  /** A folder's names as they were when this session first asked. */
  listing(dir: string): Promise<string[]>;
  /** Resolves when a change may be saved; throws the refusal while the folder is read-only. */
  writable(): Promise<void>;
  /**
   * Reads a file and checks it against its spec: its data at the current
   * schema, and whether it was there. A file that cannot be used is set aside
   * (or, when that fails or the folder is read-only, `target` is frozen) and
   * the defaults come back instead.
   */
  load<T extends Versioned>(spec: FileSpec<T>, target: Guarded): Promise<{ data: T; found: boolean }>;
  /** A file (or a journal line) was written by a newer Dossier: the folder becomes read-only, the user is told. */
  newer(name: string, found: number, supported: number): void;
  /** Sets an unusable file aside (renamed, never overwritten) and tells the user why. */
  moveAside(name: string, reason: AsideReason, why: string, target: Guarded): Promise<void>;
  /** The transaction the caller runs in, if any. */
  activeTransaction(): Transaction | undefined;
  /** Resolves when no transaction but the caller's is under way: changes outside a transaction wait for it. */
  gate(): Promise<void> | null;
  /** Runs background work once every module has read its files (see Store.ready), so that it never writes before a newer file is found. */
  whenReady(task: () => Promise<unknown>): void;
  /** Background work under way (see Store.settled); its failure is only logged, it is retried later. */
  background(work: Promise<unknown>): void;
}

/** The error for a save that did not reach the disk: nothing was changed, in words, with the cause kept. */
export function saveError(what: string, dir: string, error: unknown): DossierError {
  if (error instanceof DossierError) return error;
  const fix = isOutOfSpace(error) ? 'free some space' : 'fix this';
  const failure = new DossierError('io', `Could not save ${what} in ${dir}: ${describeFsError(error)}. Nothing was changed; ${fix}, then try again.`);
  failure.cause = error;
  return failure;
}
