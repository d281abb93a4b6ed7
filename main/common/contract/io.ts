import { z } from 'zod';
import { method } from './method';
import { Id, type DocumentSummary } from './documents';
import { Tag } from './annotations';

export { IMPORT_EXTENSIONS } from './values';

/*
 * Bringing documents in and taking notes out. Files travel from the window
 * to the core in chunks (base64 in JSON, the same over IPC and HTTP), one
 * upload per file, so that progress is per file and Cancel stops between
 * files; the core reads a finished upload as a document, or as a backup.
 */

/** The largest document file Dossier imports. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** The largest backup file Dossier restores: a whole library with its texts. */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;
/** Bytes per chunk: well under the web transport's 64 MB request limit once base64-encoded. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

export const UploadPurpose = z.enum(['import', 'restore']);
export type UploadPurpose = z.infer<typeof UploadPurpose>;

export const NewUpload = z.strictObject({
  /** The file's name as the person chose it; only its last path segment is kept. */
  name: z.string().min(1).max(1000),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  purpose: UploadPurpose,
  /** When the file was last changed (a browser File's lastModified, ms since 1970): part of what makes it the same file. */
  lastModified: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** The file's full path, where the desktop app knows it: the surest sign that two imports are the same file. */
  path: z.string().min(1).max(4096).optional(),
});
export type NewUpload = z.infer<typeof NewUpload>;

/** An upload the core accepted, or why it did not (too large, or too many files on their way at once). */
export type UploadTicket = { accepted: true; uploadId: string; chunkBytes: number } | { accepted: false; reason: string };

/** One chunk of an upload, at its byte offset in the file. */
export const UploadChunk = z.strictObject({
  uploadId: Id,
  offset: z.number().int().min(0).max(MAX_BACKUP_BYTES),
  data: z.base64({ error: 'a chunk is base64 text' }).max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4, { error: `a chunk is at most ${UPLOAD_CHUNK_BYTES / (1024 * 1024)} MB` }),
});
export type UploadChunk = z.infer<typeof UploadChunk>;

/** What happened to one imported file. */
export interface ImportOutcome {
  name: string;
  /**
   * added: a new document; replaced: a new version of a document, as the person chose; duplicate: the
   * same text is already in the library; rejected: the file cannot be read (see reason); cancelled:
   * Cancel was pressed before the document was added, and nothing was kept; matches: the file looks like
   * a new version of `document` (the same file, or one of the same name), and nothing changes until
   * importUpload is called again with the person's answer.
   */
  status: 'added' | 'replaced' | 'duplicate' | 'rejected' | 'cancelled' | 'matches';
  /** The document added, replaced, already holding this text, or (matches) the one this file may be a new version of. */
  document?: DocumentSummary;
  /** Why a file was rejected, in plain words. */
  reason?: string;
  /** For a replaced document: its annotations that found their passage again, and those that did not (kept, as orphans). */
  annotations?: { anchored: number; orphaned: number };
}

/** The person's answer when an import matches a document: replace that document's text, or add this file beside it. */
export const ImportChoice = z.strictObject({ onMatch: z.enum(['replace', 'keep']) });
export type ImportChoice = z.infer<typeof ImportChoice>;

/** Which notes to export. */
export const ExportScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('document'), id: Id }),
  z.strictObject({ kind: z.literal('tag'), tag: Tag }),
  /** Notes on passages that mention the entity. */
  z.strictObject({ kind: z.literal('entity'), id: Id }),
  z.strictObject({ kind: z.literal('library') }),
]);
export type ExportScope = z.infer<typeof ExportScope>;

export const ExportFormat = z.enum(['markdown', 'jsonld', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** A file to save, named safely for any file system. */
export interface ExportedFile {
  name: string;
  mime: string;
  content: string;
}

/** An export: one file, or (the whole library as Markdown) one file per document to put in a folder. */
export interface ExportResult {
  /** A name for the file, or for the folder when there are several files. */
  name: string;
  files: ExportedFile[];
  annotations: number;
}

/** What a restore did to the library; everything else in the backup was already there. */
export interface RestoreReport {
  documents: number;
  annotations: number;
  /** Annotations deleted since the backup was made, brought back. */
  annotationsBroughtBack: number;
  entityTypes: number;
  entities: number;
  /** Documents that got tags back. */
  documentTags: number;
  /** Whether the backup's settings were applied (only into a library whose settings were never changed). */
  settings: boolean;
  /** Items of the backup that could not be restored, and why. */
  problems: string[];
}

export const ioContract = {
  /** Starts sending a file; a file over the size limit is refused with the reason to show. */
  beginUpload: method<UploadTicket>()(z.tuple([NewUpload])),
  sendUploadChunk: method<{ received: number }>()(z.tuple([UploadChunk])),
  /** Drops an upload (the person pressed Cancel), and stops its import if one is under way: that file is not added. */
  cancelUpload: method<void>()(z.tuple([Id])),
  /**
   * Reads a finished upload as a document: adds it, says it is already there or why it cannot be read,
   * or (matches) asks whether it replaces the document it looks like a new version of; called again
   * with the answer, it does what the person chose.
   */
  importUpload: method<ImportOutcome>()(z.tuple([Id, ImportChoice.optional()])),
  /** Notes as Markdown for Obsidian and similar tools, W3C Web Annotation JSON-LD, or CSV. */
  exportNotes: method<ExportResult>()(z.tuple([ExportScope, ExportFormat])),
  /** One file with everything the person made: documents, annotations, entities, tags, settings. */
  createBackup: method<ExportedFile>()(z.tuple([])),
  /** Merges a finished upload of a backup into the library, adding only what is missing. */
  restoreBackup: method<RestoreReport>()(z.tuple([Id])),
};
