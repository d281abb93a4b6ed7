import { randomUUID } from 'node:crypto';
import { MAX_BACKUP_BYTES, MAX_IMPORT_BYTES, UPLOAD_CHUNK_BYTES, type UploadChunk, type UploadPurpose, type UploadTicket } from '../../../common/contract';
import { DossierError } from '../../../common/errors';
import { tooLargeReason } from './rejection';

const LIMIT: Record<UploadPurpose, number> = { import: MAX_IMPORT_BYTES, restore: MAX_BACKUP_BYTES };
/** An upload nobody has added to for this long was abandoned (the window closed mid-file). */
const IDLE_MS = 10 * 60 * 1000;

interface Upload {
  name: string;
  purpose: UploadPurpose;
  size: number;
  chunks: Buffer[];
  received: number;
  touched: number;
}

/** A finished upload: the file's name and its bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Files on their way in, chunk by chunk, held in memory until they are read.
 * The declared size is checked against the limit before any byte is sent,
 * and every chunk against the declared size, so no upload grows past it.
 */
export class Uploads {
  private readonly open = new Map<string, Upload>();

  begin(name: string, size: number, purpose: UploadPurpose): UploadTicket {
    this.dropIdle();
    if (size > LIMIT[purpose]) return { accepted: false, reason: tooLargeReason(size, LIMIT[purpose]) };
    const uploadId = randomUUID();
    // Only the last path segment: a name is for showing, never a path to write to.
    const base = name.split(/[\\/]/).pop()?.trim() || 'untitled';
    this.open.set(uploadId, { name: base, purpose, size, chunks: [], received: 0, touched: Date.now() });
    return { accepted: true, uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  append({ uploadId, offset, data }: UploadChunk): { received: number } {
    const upload = this.get(uploadId);
    if (offset !== upload.received) {
      throw new DossierError('invalid_argument', `Chunk at byte ${offset} arrived but byte ${upload.received} was expected; send the file again`);
    }
    const chunk = Buffer.from(data, 'base64');
    if (upload.received + chunk.length > upload.size) {
      this.open.delete(uploadId);
      throw new DossierError('invalid_argument', `"${upload.name}" is larger than the ${upload.size} bytes announced; send the file again`);
    }
    upload.chunks.push(chunk);
    upload.received += chunk.length;
    upload.touched = Date.now();
    return { received: upload.received };
  }

  /** Hands over a complete upload (and forgets it). */
  take(uploadId: string, purpose: UploadPurpose): UploadedFile {
    const upload = this.get(uploadId);
    if (upload.purpose !== purpose) throw new DossierError('invalid_argument', `Upload "${uploadId}" was started for ${upload.purpose}, not ${purpose}`);
    if (upload.received !== upload.size) {
      throw new DossierError('invalid_argument', `"${upload.name}" is incomplete (${upload.received} of ${upload.size} bytes); send the file again`);
    }
    this.open.delete(uploadId);
    return { name: upload.name, bytes: Buffer.concat(upload.chunks) };
  }

  cancel(uploadId: string): void {
    this.open.delete(uploadId);
  }

  private get(uploadId: string): Upload {
    const upload = this.open.get(uploadId);
    if (!upload) throw new DossierError('not_found', `No upload "${uploadId}" in progress; it was finished, cancelled or abandoned. Choose the file again`);
    return upload;
  }

  private dropIdle(): void {
    const now = Date.now();
    for (const [id, upload] of this.open) if (now - upload.touched > IDLE_MS) this.open.delete(id);
  }
}
