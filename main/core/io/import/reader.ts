/**
 * Reads imported files in a worker thread (worker.ts), so that no file,
 * however it is built, can block or crash the thread that serves the window:
 * the worker runs with a cap on its memory and stack, and is ended when a
 * file runs out of time or memory, or its import is cancelled; the next file
 * then gets a fresh one. Files are read one at a time, and a worker left
 * without work for a while is ended too, giving its memory back.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { transfer, wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { readDocument } from './read';
import { formatBytes, Rejection } from './rejection';
import type { ReadDocument } from './types';

const MB = 1024 * 1024;
/** A worker without a file to read for this long is ended. */
const IDLE_MS = 30_000;

export interface ReadLimits {
  /** How long one file may take: at least `minMs`, and `msPerMb` for each megabyte of it. */
  minMs: number;
  msPerMb: number;
  /** The worker's heap (V8's old generation), in megabytes. */
  memoryMb: number;
  stackMb: number;
}

// About 20 times what a busy laptop takes to read plain text (a 24 MB file: 6 s): a limit for files built to
// be slow, never for a large file on a machine that is busy with other work.
export const READ_LIMITS: ReadLimits = { minMs: 30_000, msPerMb: 5_000, memoryMb: 2048, stackMb: 4 };

interface WorkerApi {
  read(name: string, bytes: Uint8Array): Promise<ReadDocument>;
}

interface Thread {
  worker: Worker;
  remote: Remote<WorkerApi>;
  /** Ends the read under way, if any, when the worker dies. */
  fail: ((error: Rejection) => void) | null;
}

/** The import worker's script: bundled next to this module; none when running from sources (the unit tests), unless given. */
export function defaultReadWorker(): URL | null {
  const bundled = new URL('./import-worker.js', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : null;
}

export class ImportReader {
  private thread: Thread | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: ReturnType<typeof setTimeout> | null = null;

  /**
   * `script`: the worker's script; null reads on the calling thread (only
   * the readers' own limits then hold: their depth limits, not time or memory).
   */
  constructor(
    private readonly script: URL | null,
    private readonly limits: ReadLimits = READ_LIMITS,
  ) {}

  /** Reads a file into a document; rejects with a Rejection saying why it cannot be, or with `signal`'s reason once aborted. */
  read(name: string, bytes: Uint8Array, signal: AbortSignal): Promise<ReadDocument> {
    const run = async (): Promise<ReadDocument> => {
      signal.throwIfAborted();
      if (!this.script) {
        const read = await readDocument(name, bytes);
        signal.throwIfAborted();
        return read;
      }
      return this.inWorker(this.script, name, bytes, signal);
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private inWorker(script: URL, name: string, bytes: Uint8Array, signal: AbortSignal): Promise<ReadDocument> {
    const { minMs, msPerMb } = this.limits;
    const timeLimit = Math.max(minMs, (bytes.length / MB) * msPerMb);
    const thread = this.thread ?? this.start(script);
    if (this.idle) clearTimeout(this.idle);
    return new Promise<ReadDocument>((resolve, reject) => {
      let done = false;
      /** `clean`: the worker itself answered (a document, or why not); one stopped or out of time or memory is not trusted again. */
      const finish = (error: unknown, value?: ReadDocument, clean = false): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        thread.fail = null;
        if (clean) this.rest(thread);
        else this.stop(thread);
        if (error === undefined) resolve(value as ReadDocument);
        else reject(error);
      };
      const onAbort = (): void => finish(signal.reason);
      const seconds = Math.max(1, Math.round(timeLimit / 1000));
      const timer = setTimeout(() => finish(new Rejection(`Reading it took longer than ${seconds} second${seconds === 1 ? '' : 's'}, so Dossier stopped: the file may be damaged, or built to be slow to read.`)), timeLimit);
      signal.addEventListener('abort', onAbort, { once: true });
      thread.fail = (error) => finish(error);
      const owned = ownBytes(bytes);
      thread.remote.read(name, transfer(owned, [owned.buffer])).then(
        (read) => finish(undefined, read, true),
        (error: Error) => finish(new Rejection(error.name === 'Rejection' ? error.message : `It could not be read (${error.message}).`), undefined, true),
      );
    });
  }

  private start(script: URL): Thread {
    const { memoryMb, stackMb } = this.limits;
    const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: memoryMb, stackSizeMb: stackMb } });
    // A resting worker never keeps the process alive; a read under way is held by its caller.
    worker.unref();
    const thread: Thread = { worker, remote: wrap<WorkerApi>(nodeEndpoint(worker as unknown as Parameters<typeof nodeEndpoint>[0])), fail: null };
    worker.on('error', (error: Error & { code?: string }) => {
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `Reading it needed more than ${formatBytes(memoryMb * MB)} of memory, so Dossier stopped: the file may be damaged, or built to overwhelm a reader.` : `Reading it failed (${error.message}).`;
      thread.fail?.(new Rejection(reason));
    });
    worker.on('exit', () => {
      thread.fail?.(new Rejection('Reading it stopped before it was done.'));
      if (this.thread === thread) this.thread = null;
    });
    this.thread = thread;
    return thread;
  }

  /** Keeps the worker for the next file, for a while. */
  private rest(thread: Thread): void {
    this.idle = setTimeout(() => this.stop(thread), IDLE_MS);
    this.idle.unref();
  }

  private stop(thread: Thread): void {
    if (this.thread === thread) this.thread = null;
    void thread.worker.terminate();
  }
}

/** Bytes that own their buffer, to hand it over to the worker: these, or a copy when they share it (Node's small-buffer pool). */
function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
