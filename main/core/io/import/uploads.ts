import { randomUUID } from 'node:crypto';
import { MAX_BACKUP_BYTES, MAX_IMPORT_BYTES, UPLOAD_CHUNK_BYTES, type NewUpload, type UploadChunk, type UploadPurpose, type UploadTicket } from '../../../common/contract';
import { DossierError } from '../../../common/errors';
import type { FileIdentity } from '../../library/documents';
import { formatBytes, tooLargeReason } from './rejection';
import type { ReadDocument } from './types';

const LIMIT: Record<UploadPurpose, number> = { import: MAX_IMPORT_BYTES, restore: MAX_BACKUP_BYTES };
/** Files on their way in at once: a person imports one after another; more is a runaway client. */
export const MAX_OPEN_UPLOADS = 8;
/** What all the files on their way in may hold in memory together: one backup of the largest size, and a document. */
export const MAX_HELD_BYTES = MAX_BACKUP_BYTES + MAX_IMPORT_BYTES;
/** An upload nobody has added to for this long was abandoned (the window closed mid-file). */
export const IDLE_MS = 60 * 1000;
/** An upload read and waiting for the person's answer (replace a document, or keep both) waits this long. */
export const ANSWER_MS = 10 * 60 * 1000;
const SWEEP_MS = 15 * 1000;

/** Characters that reorder or hide the text around them (bidi controls, invisible formatting) or are not text at all. */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const HIDDEN = /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2028\u2029\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/**
 * A file name as it may be shown: its last path segment, with every control
 * or bidi character written out ("report⟨U+202E⟩txt.exe"), so that a name
 * can never pass for another ("reportexe.txt").
 */
export function visibleName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() || 'untitled';
  return base.replace(HIDDEN, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

type State = 'receiving' | 'reading' | 'waiting';

interface Upload {
  identity: FileIdentity;
  purpose: UploadPurpose;
  size: number;
  chunks: Buffer[];
  received: number;
  touched: number;
  state: State;
  /** The bytes the upload counts against MAX_HELD_BYTES. */
  held: number;
  /** Aborted when the upload is cancelled or dropped: the import reading it stops. */
  abort: AbortController;
  read: ReadDocument | null;
}

/** A finished upload: the file (its shown name and identity) and its bytes. */
export interface UploadedFile {
  name: string;
  identity: FileIdentity;
  bytes: Uint8Array;
}

/** A finished upload handed to its reader: the file, what stops it, and what was read of it already. */
export interface ClaimedUpload {
  file: UploadedFile;
  signal: AbortSignal;
  read: ReadDocument | null;
}

/**
 * Files on their way in, chunk by chunk, held in memory until they are read.
 * The declared size is checked against the limits before any byte is sent
 * (per file, and for all the files under way together), and every chunk
 * against the declared size, so no upload grows past it. Uploads left
 * without news are dropped.
 */
export class Uploads {
  private readonly open = new Map<string, Upload>();
  private sweeper: ReturnType<typeof setInterval> | null = null;

  begin({ name, size, purpose, lastModified, path }: NewUpload): UploadTicket {
    this.dropIdle();
    if (size > LIMIT[purpose]) return { accepted: false, reason: tooLargeReason(size, LIMIT[purpose]) };
    if (this.open.size >= MAX_OPEN_UPLOADS) {
      return { accepted: false, reason: `Dossier is already receiving ${this.open.size} files; wait until they are done, then try this one again.` };
    }
    const held = this.held();
    if (held + size > MAX_HELD_BYTES) {
      return { accepted: false, reason: `Dossier is already receiving ${formatBytes(held)} of files; wait until they are done, then try this one again.` };
    }
    const uploadId = randomUUID();
    // Only the last path segment: a name is for showing, never a path to write to.
    const identity: FileIdentity = { name: visibleName(name), size, ...(lastModified !== undefined ? { lastModified } : {}), ...(path ? { path } : {}) };
    this.open.set(uploadId, { identity, purpose, size, chunks: [], received: 0, touched: Date.now(), state: 'receiving', held: size, abort: new AbortController(), read: null });
    this.sweep();
    return { accepted: true, uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  append({ uploadId, offset, data }: UploadChunk): { received: number } {
    const upload = this.get(uploadId);
    if (upload.state !== 'receiving') throw new DossierError('invalid_argument', `"${upload.identity.name}" was sent in full already`);
    if (offset !== upload.received) {
      throw new DossierError('invalid_argument', `Chunk at byte ${offset} arrived but byte ${upload.received} was expected; send the file again`);
    }
    const chunk = Buffer.from(data, 'base64');
    if (upload.received + chunk.length > upload.size) {
      this.drop(uploadId);
      throw new DossierError('invalid_argument', `"${upload.identity.name}" is larger than the ${upload.size} bytes announced; send the file again`);
    }
    upload.chunks.push(chunk);
    upload.received += chunk.length;
    upload.touched = Date.now();
    return { received: upload.received };
  }

  /** Hands over a complete upload and forgets it (a backup to restore). */
  take(uploadId: string, purpose: UploadPurpose): UploadedFile {
    const { file } = this.claim(uploadId, purpose);
    this.finish(uploadId);
    return file;
  }

  /**
   * Hands a complete upload to its reader, which ends it with `finish` or
   * parks it with `wait`. Its bytes are handed over once: an upload waiting
   * for an answer is claimed again with what was read of it.
   */
  claim(uploadId: string, purpose: UploadPurpose): ClaimedUpload {
    const upload = this.get(uploadId);
    if (upload.purpose !== purpose) throw new DossierError('invalid_argument', `Upload "${uploadId}" was started for ${upload.purpose}, not ${purpose}`);
    if (upload.state === 'reading') throw new DossierError('conflict', `"${upload.identity.name}" is being imported already`);
    if (upload.received !== upload.size) {
      throw new DossierError('invalid_argument', `"${upload.identity.name}" is incomplete (${upload.received} of ${upload.size} bytes); send the file again`);
    }
    const bytes = upload.state === 'receiving' ? Buffer.concat(upload.chunks) : new Uint8Array(0);
    upload.chunks = [];
    upload.state = 'reading';
    return { file: { name: upload.identity.name, identity: upload.identity, bytes }, signal: upload.abort.signal, read: upload.read };
  }

  /** Keeps a read upload until the person answers (a second importUpload), holding only what was read. */
  wait(uploadId: string, read: ReadDocument): void {
    const upload = this.open.get(uploadId);
    if (!upload) return;
    Object.assign(upload, { state: 'waiting', read, held: read.text.length * 2, touched: Date.now() });
  }

  finish(uploadId: string): void {
    this.open.delete(uploadId);
    if (this.open.size === 0) this.stopSweeping();
  }

  /** Drops an upload, and stops the import reading it. */
  cancel(uploadId: string): void {
    this.drop(uploadId);
  }

  private drop(uploadId: string): void {
    this.open.get(uploadId)?.abort.abort(new DOMException('The import was cancelled', 'AbortError'));
    this.finish(uploadId);
  }

  private held(): number {
    let held = 0;
    for (const upload of this.open.values()) held += upload.held;
    return held;
  }

  private get(uploadId: string): Upload {
    const upload = this.open.get(uploadId);
    if (!upload) throw new DossierError('not_found', `No upload "${uploadId}" in progress; it was finished, cancelled or abandoned. Choose the file again`);
    return upload;
  }

  private dropIdle(): void {
    const now = Date.now();
    for (const [id, upload] of this.open) {
      const idle = upload.state === 'receiving' ? IDLE_MS : upload.state === 'waiting' ? ANSWER_MS : Infinity;
      if (now - upload.touched > idle) this.drop(id);
    }
  }

  /** While uploads are open, abandoned ones are dropped without waiting for the next one to begin. */
  private sweep(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.dropIdle(), SWEEP_MS);
    this.sweeper.unref();
  }

  private stopSweeping(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }
}
