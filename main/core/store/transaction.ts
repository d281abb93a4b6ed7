import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { Id } from '../../common/contract';
import { AppendFile, readFileIfExists, removeFile, syncDir, writeFileDurable } from './durable';
import { appendRecovery } from './collection';
import { journalLines } from './journal';
import type { StoreHost, Transaction, UndoEntry } from './host';

/*
 * A transaction: changes to several store files that land all together or
 * not at all. Before a change of the transaction is saved, how to undo it
 * is appended to transaction.journal (the file as it was before its first
 * change, the records a journal change replaces, the texts it adds), and
 * fsynced. When the work is done the journal is removed: that is the commit.
 *
 * - The work fails while Dossier runs: the caller's undo puts back what was
 *   changed, through the modules (so their caches and events follow), and
 *   the journal is removed.
 * - Dossier is killed (or the undo fails): the next start, before any file
 *   is read, puts every file back from the journal, newest change first.
 *
 * One transaction runs at a time, and changes made outside it wait until it
 * is over (see UpdateQueue), so undoing it never undoes someone else's change.
 */

export const TRANSACTION_LOG = 'transaction.journal';

const Header = z.object({ transaction: z.string().max(200) });
const Entry = z.union([
  z.object({ file: z.string().max(300), before: z.string().nullable() }),
  z.object({ collection: z.string().max(300), schema: z.number().int().min(1), ops: z.array(z.unknown()) }),
  z.object({ text: z.string().max(100), id: Id }),
]);

class Active implements Transaction {
  private log: AppendFile | null = null;
  private readonly files = new Set<string>();
  readonly done: Promise<void>;
  finish!: () => void;

  constructor(
    private readonly path: string,
    readonly label: string,
  ) {
    this.done = new Promise((resolve) => (this.finish = resolve));
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  async record(entry: UndoEntry): Promise<void> {
    const header = this.log ? '' : `${JSON.stringify({ transaction: this.label })}\n`;
    this.log ??= new AppendFile(this.path);
    await this.log.append(`${header}${JSON.stringify(entry)}\n`);
    if ('file' in entry) this.files.add(entry.file);
  }

  /** Removes the journal: from here on, the transaction's changes stay. */
  async commit(dir: string): Promise<void> {
    if (!this.log) return;
    await removeFile(this.path);
    await syncDir(dir);
  }
}

export class Transactions {
  private readonly context = new AsyncLocalStorage<Active>();
  private active: Active | null = null;
  private turn: Promise<unknown> = Promise.resolve();
  /** Set while a transaction waits for the operations under way to end; new ones wait for it. */
  private starting: Promise<void> | null = null;
  private operations = 0;
  private drained: (() => void) | null = null;

  constructor(private readonly host: StoreHost & { failed(message: string): void }) {}

  current(): Transaction | undefined {
    return this.context.getStore();
  }

  gate(): Promise<void> | null {
    return this.active && this.context.getStore() !== this.active ? this.active.done : null;
  }

  /**
   * Runs a module's operation that makes several updates in a row while it
   * holds a lock of its own (EntityStore's turn): it waits for a transaction
   * under way, and a transaction waits for it. Holding such a lock while an
   * update waits for the transaction would deadlock with a transaction that
   * needs the same lock.
   */
  async operation<T>(work: () => Promise<T>): Promise<T> {
    if (this.context.getStore() === undefined) {
      for (let wait = this.waitFor(); wait; wait = this.waitFor()) await wait;
    }
    this.operations++;
    try {
      return await work();
    } finally {
      if (--this.operations === 0) this.drained?.();
    }
  }

  private waitFor(): Promise<void> | null {
    return this.starting ?? this.active?.done ?? null;
  }

  /** Runs `work` as one transaction named `label`; on failure runs `undo` (in the transaction) and rethrows. */
  run<T>(label: string, work: () => Promise<T>, undo: () => Promise<void>): Promise<T> {
    const go = () => this.runNow(label, work, undo);
    const next = this.turn.then(go, go);
    this.turn = next.catch(() => undefined);
    return next;
  }

  private async runNow<T>(label: string, work: () => Promise<T>, undo: () => Promise<void>): Promise<T> {
    await this.host.writable();
    if (this.operations > 0) {
      this.starting = new Promise((resolve) => (this.drained = resolve));
      await this.starting;
      this.drained = null;
    }
    const active = new Active(this.host.path(TRANSACTION_LOG), label);
    this.active = active;
    this.starting = null;
    try {
      const result = await this.context.run(active, work);
      await active.commit(this.host.dir);
      return result;
    } catch (error) {
      await this.undo(active, undo, error);
      throw error;
    } finally {
      this.active = null;
      active.finish();
    }
  }

  private async undo(active: Active, undo: () => Promise<void>, cause: unknown): Promise<void> {
    try {
      await this.context.run(active, undo);
      await active.commit(this.host.dir);
    } catch (error) {
      // What is left of it is undone from the journal at the next start; until then nothing may be saved on top of it.
      this.host.failed(
        `${active.label} failed (${(cause as Error).message}) and could not be undone at once (${(error as Error).message}). ` +
          'Nothing more is saved until Dossier is started again, which puts the library back as it was before.',
      );
    }
  }
}

/**
 * Undoes a transaction that a killed process left unfinished: every file
 * back as its journal says, newest change first, then the journal removed.
 * Returns its name, or null when there was none.
 */
export async function recoverTransaction(host: StoreHost): Promise<string | null> {
  const path = host.path(TRANSACTION_LOG);
  const text = await readFileIfExists(path);
  if (text === null) return null;
  const [header, ...lines] = journalLines(text).entries;
  const label = Header.safeParse(header).data?.transaction ?? 'A change';
  const entries = lines.map((line) => Entry.parse(line)).reverse();
  for (const entry of entries) await undoOnDisk(host, entry);
  await removeFile(path);
  await syncDir(host.dir);
  // A journal cut short before its first entry stands for a transaction that had changed nothing yet.
  return entries.length > 0 ? label : null;
}

async function undoOnDisk(host: StoreHost, entry: z.infer<typeof Entry>): Promise<void> {
  if ('file' in entry) {
    if (entry.before === null) await removeFile(host.path(entry.file));
    else await writeFileDurable(host.path(entry.file), entry.before);
  } else if ('collection' in entry) {
    await appendRecovery(host, entry.collection, entry.schema, entry.ops);
  } else {
    await removeFile(host.path(`${entry.text}/${entry.id}.txt`));
  }
}
