import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Id } from '../../common/contract';
import { DossierError } from '../../common/errors';
import { AppendFile, readFileIfExists, removeFile, removeLeftoverTemps, writeFileDurable } from './durable';
import { saveError, type FileSpec, type Guarded, type StoreHost, type Versioned } from './host';
import { journalLines } from './journal';
import { UpdateQueue } from './queue';
import { stringifyInSlices } from './serialise';

/*
 * A collection: records with ids (the library's documents) and a few other
 * fields, kept as a snapshot (`library.json`, written whole, atomically)
 * plus journals of the changes since (`library.journal-<n>`, one JSON line
 * per change, appended and fdatasynced before the change is acknowledged).
 * A change costs one short append whatever the size of the collection; the
 * snapshot is written again in the background once the journal outgrows
 * it, so the time spent writing it stays in proportion to the changes.
 *
 * Every change replaces whole records (put, remove, meta fields), so
 * replaying a change the snapshot already holds changes nothing: a crash
 * at any point of the snapshot's rewrite loses nothing and doubles nothing.
 * The snapshot names the first journal it does not hold; older journals are
 * removed once the snapshot that holds them is on disk. A snapshot without
 * that name was written by something that knows nothing of journals (a
 * tool, or a Dossier from before them): it is the whole collection, and the
 * journals beside it are old. So before its first change in a folder, a
 * collection writes the snapshot with the name.
 *
 * An older Dossier reads the snapshot as the library file it always was
 * (same name, same schema, and the name kept as it found it): it misses only
 * the changes still in a journal, which come back when this one opens it again.
 */

export interface Keyed {
  id: string;
}

export interface CollectionSpec<R extends Keyed, M extends object> {
  /** The snapshot's name in the data folder, e.g. "library.json". */
  name: string;
  schema: number;
  /** The snapshot's field that holds the records, e.g. "documents". */
  field: string;
  record: z.ZodType<R>;
  /** The snapshot's other fields (besides schema): small, rewritten whole by each change of them. */
  meta: z.ZodObject & z.ZodType<M>;
  defaults: () => M;
}

type Op<R, M> = ['put', R] | ['remove', string] | ['meta', Partial<M>];

/** A change being made: reads see the change's own puts and removes. */
export interface CollectionDraft<R, M> {
  get(id: string): R | undefined;
  put(record: R): void;
  remove(id: string): void;
  readonly meta: Readonly<M>;
  setMeta(patch: Partial<M>): void;
}

/** A collection of the data folder, as its modules see it; `list()` and `meta` are shared, never copies: read them, never change them. */
export interface StoreCollection<R, M> {
  readonly name: string;
  /** The records in the order they were first added. */
  list(): R[];
  get(id: string): R | undefined;
  readonly meta: Readonly<M>;
  /**
   * Makes the change `change` describes, all of it or none: the change is
   * appended to the journal and fsynced, and only then applied to the data.
   * A change that throws or cannot be saved leaves memory and disk as they
   * were. Changes run one after another, each seeing the ones before.
   */
  update<T>(change: (draft: CollectionDraft<R, M>) => T): Promise<T>;
  /** Writes the snapshot now and removes the journals it holds (it also happens on its own). */
  compact(): Promise<void>;
}

/** The journal is folded into the snapshot once it is larger than this, or than the snapshot. */
const COMPACT_MIN_BYTES = 1024 * 1024;

const base = (name: string): string => name.replace(/\.json$/, '');
const journalName = (name: string, n: number): string => `${base(name)}.journal-${n}`;
const journalNumber = (name: string, file: string): number | null => {
  const match = /\.journal-(\d{1,9})$/.exec(file);
  return match && file === journalName(name, Number(match[1])) ? Number(match[1]) : null;
};

class Draft<R extends Keyed, M extends object> implements CollectionDraft<R, M> {
  readonly ops: Array<Op<R, M>> = [];
  private readonly changed = new Map<string, R | null>();
  private metaNow: M;

  constructor(private readonly collection: OpenCollection<R, M>) {
    this.metaNow = collection.meta;
  }

  get(id: string): R | undefined {
    const changed = this.changed.get(id);
    return changed === undefined ? this.collection.get(id) : (changed ?? undefined);
  }

  put(record: R): void {
    this.ops.push(['put', record]);
    this.changed.set(record.id, record);
  }

  remove(id: string): void {
    if (!this.get(id)) return;
    this.ops.push(['remove', id]);
    this.changed.set(id, null);
  }

  get meta(): Readonly<M> {
    return this.metaNow;
  }

  setMeta(patch: Partial<M>): void {
    this.ops.push(['meta', patch]);
    this.metaNow = { ...this.metaNow, ...patch };
  }
}

class OpenCollection<R extends Keyed, M extends object> implements StoreCollection<R, M>, Guarded {
  frozen: string | null = null;
  private readonly records = new Map<string, R>();
  private listed: R[] | null = null;
  private metaData: M;
  /** Journals on disk, by number; changes go to `current`. */
  private readonly journals = new Set<number>();
  private current = 0;
  private writer: AppendFile | null = null;
  private journalBytes = 0;
  private snapshotBytes = 0;
  private compacting: Promise<void> | null = null;
  /** Whether the snapshot on disk names its journal (see above). */
  private marked = false;
  private readonly queue: UpdateQueue;

  constructor(
    private readonly host: StoreHost,
    private readonly spec: CollectionSpec<R, M>,
  ) {
    this.metaData = spec.defaults();
    this.queue = new UpdateQueue(host);
  }

  get name(): string {
    return this.spec.name;
  }

  get meta(): Readonly<M> {
    return this.metaData;
  }

  list(): R[] {
    this.listed ??= [...this.records.values()];
    return this.listed;
  }

  get(id: string): R | undefined {
    return this.records.get(id);
  }

  update<T>(change: (draft: CollectionDraft<R, M>) => T): Promise<T> {
    const transaction = this.host.activeTransaction();
    return this.queue.push(async () => {
      await this.host.writable();
      if (this.frozen) throw new DossierError('io', this.frozen);
      const draft = new Draft(this);
      const result = change(draft);
      if (draft.ops.length === 0) return result;
      await transaction?.record({ collection: this.spec.name, schema: this.spec.schema, ops: this.inverse(draft.ops) });
      await this.append(draft.ops);
      this.apply(draft.ops);
      if (this.journalBytes > Math.max(COMPACT_MIN_BYTES, this.snapshotBytes)) this.host.background(this.compact());
      return result;
    });
  }

  compact(): Promise<void> {
    this.compacting ??= this.foldJournals().finally(() => (this.compacting = null));
    return this.compacting;
  }

  /** Reads the snapshot, then every journal it does not hold, in order. */
  async load(): Promise<void> {
    const path = this.host.path(this.spec.name);
    if (!this.host.readOnly) await removeLeftoverTemps(path, await this.host.listing(dirname(path)));
    const { data, found } = await this.host.load(this.snapshotSpec(), this);
    // A snapshot that cannot be used (a newer one, or one that could not be set aside) is left alone, and so are its journals.
    if (this.frozen) return;
    for (const record of data[this.spec.field] as R[]) this.records.set(record.id, record);
    const { [this.spec.field]: _records, schema: _schema, journal, ...meta } = data;
    this.metaData = meta as unknown as M;
    this.snapshotBytes = found ? JSON.stringify(data).length : 0;
    this.marked = found && journal !== undefined;
    // A snapshot found without the name of its journal holds everything; one that is not there (or was set aside) holds nothing.
    const held = typeof journal === 'number' ? journal : found ? Infinity : 0;
    const numbers = (await this.host.listing(this.host.dir)).flatMap((file) => journalNumber(this.spec.name, file) ?? []).sort((a, b) => a - b);
    for (const n of numbers) {
      this.journals.add(n);
      if (n >= held && !(await this.replay(n))) break;
    }
    this.current = Math.max(typeof journal === 'number' ? journal : 0, (numbers.at(-1) ?? -1) + 1);
    if (numbers.length > 0) this.host.whenReady(() => this.compact());
  }

  private snapshotSpec(): FileSpec<Versioned & Record<string, unknown>> {
    const { spec } = this;
    const records = z.array(spec.record).refine((list) => new Set(list.map((r) => r.id)).size === list.length, { error: 'the same id is there twice' });
    return {
      name: spec.name,
      schema: spec.schema,
      shape: spec.meta.extend({ schema: z.number(), journal: z.number().int().min(0).optional(), [spec.field]: records }) as unknown as z.ZodType<Versioned & Record<string, unknown>>,
      defaults: () => ({ schema: spec.schema, [spec.field]: [], ...spec.defaults() }),
    };
  }

  private entryShape() {
    const { spec } = this;
    const op = z.union([z.tuple([z.literal('put'), spec.record]), z.tuple([z.literal('remove'), Id]), z.tuple([z.literal('meta'), spec.meta.partial()])]);
    return z.object({ schema: z.number().int(), ops: z.array(op) });
  }

  /** Applies journal `n`; false when it was written by a newer Dossier (then nothing more is read). */
  private async replay(n: number): Promise<boolean> {
    const name = journalName(this.spec.name, n);
    const text = (await readFileIfExists(this.host.path(name))) ?? '';
    const read = journalLines(text);
    const shape = this.entryShape();
    let damaged = read.damaged;
    for (const line of read.entries) {
      const entry = shape.safeParse(line);
      if (entry.success && entry.data.schema > this.spec.schema) {
        this.host.newer(name, entry.data.schema, this.spec.schema);
        return false;
      }
      if (entry.success) this.apply(entry.data.ops as Array<Op<R, M>>);
      else damaged = true;
      this.journalBytes += JSON.stringify(line).length;
    }
    // Kept aside for whoever wants the damaged lines; were that impossible, the collection is frozen and never folds it away.
    if (damaged) {
      await this.host.moveAside(name, 'broken', 'some of its lines are damaged; Dossier read the others', this);
      if (!this.frozen) this.journals.delete(n);
    }
    return true;
  }

  private apply(ops: ReadonlyArray<Op<R, M>>): void {
    for (const [kind, value] of ops) {
      if (kind === 'put') this.records.set(value.id, value);
      else if (kind === 'remove') this.records.delete(value);
      else this.metaData = { ...this.metaData, ...value };
    }
    this.listed = null;
  }

  /** The changes that put back what `ops` change, in the order to make them. */
  private inverse(ops: ReadonlyArray<Op<R, M>>): Array<Op<R, M>> {
    const now = new Map<string, R | undefined>();
    const at = (id: string) => (now.has(id) ? now.get(id) : this.records.get(id));
    let meta = this.metaData;
    const undo: Array<Op<R, M>> = [];
    for (const op of ops) {
      if (op[0] === 'meta') {
        undo.unshift(['meta', Object.fromEntries(Object.keys(op[1]).map((key) => [key, meta[key as keyof M]])) as Partial<M>]);
        meta = { ...meta, ...op[1] };
        continue;
      }
      const id = op[0] === 'put' ? op[1].id : op[1];
      const before = at(id);
      undo.unshift(before ? ['put', before] : ['remove', id]);
      now.set(id, op[0] === 'put' ? op[1] : undefined);
    }
    return undo;
  }

  private async append(ops: ReadonlyArray<Op<R, M>>): Promise<void> {
    const line = `${JSON.stringify({ schema: this.spec.schema, ops })}\n`;
    try {
      if (!this.marked) await this.writeSnapshot(this.capture());
      if (!this.writer) {
        this.writer = new AppendFile(this.host.path(journalName(this.spec.name, this.current)));
        this.journals.add(this.current);
      }
      await this.writer.append(line);
    } catch (error) {
      // The journal may now end in part of this line: the next change starts a new journal, and a reader leaves that part out.
      this.closeWriter();
      throw saveError(this.spec.name, this.host.dir, error);
    }
    this.journalBytes += line.length;
  }

  /** Changes from here on go to the next journal. */
  private closeWriter(): void {
    if (!this.writer) return;
    this.writer = null;
    this.current++;
  }

  /** Writes the snapshot of the collection as it is now; changes made meanwhile go to a new journal. */
  private async foldJournals(): Promise<void> {
    const folded = await this.queue.push(async () => (this.host.readOnly || this.frozen ? null : this.capture()));
    if (folded) await this.writeSnapshot(folded);
  }

  /** The collection as it is now, for a snapshot; the changes after it go to the next journal. Runs in the queue. */
  private capture(): { upTo: number; records: R[]; meta: M } {
    this.closeWriter();
    this.journalBytes = 0;
    return { upTo: this.current, records: this.list(), meta: this.metaData };
  }

  /** Writes a snapshot that holds every journal before `upTo`, then removes those journals. */
  private async writeSnapshot({ upTo, records, meta }: { upTo: number; records: R[]; meta: M }): Promise<void> {
    const text = await stringifyInSlices({ schema: this.spec.schema, journal: upTo, ...meta, [this.spec.field]: records });
    await writeFileDurable(this.host.path(this.spec.name), text);
    this.snapshotBytes = text.length;
    this.marked = true;
    for (const n of [...this.journals].filter((j) => j < upTo)) {
      await removeFile(this.host.path(journalName(this.spec.name, n)));
      this.journals.delete(n);
    }
  }
}

/** Opens a collection of the data folder (see Store.collection). */
export async function openCollection<R extends Keyed, M extends object>(host: StoreHost, spec: CollectionSpec<R, M>): Promise<StoreCollection<R, M>> {
  const collection = new OpenCollection(host, spec);
  await collection.load();
  return collection;
}

/**
 * Appends changes to a collection that is not open (undoing a transaction
 * at start): as a journal after every other, so that they are replayed last.
 */
export async function appendRecovery(host: StoreHost, name: string, schema: number, ops: unknown[]): Promise<void> {
  const snapshot = await readFileIfExists(host.path(name));
  const held = snapshot === null ? 0 : Number((JSON.parse(snapshot) as { journal?: unknown }).journal ?? 0) || 0;
  // Listed afresh: journals written by the undo a moment ago count too.
  const numbers = (await readdir(host.dir)).flatMap((file) => journalNumber(name, file) ?? []);
  const n = Math.max(held, ...numbers.map((j) => j + 1));
  await new AppendFile(host.path(journalName(name, n))).append(`${JSON.stringify({ schema, ops })}\n`);
}
