import type { ImportChoice, ImportOutcome } from '../../../common/contract';
import type { CoreContext } from '../../context';
import { hashText, summaryOf, type DocumentRecord, type FileIdentity, type TextDetails } from '../../library/documents';
import type { ImportReader } from './reader';
import { Rejection } from './rejection';
import type { ReadDocument } from './types';
import type { Uploads } from './uploads';

/** What an import works with besides the core: the files on their way in, and the reader in its worker. */
export interface Importing {
  uploads: Uploads;
  reader: ImportReader;
  /** Imports that add or replace a document, one at a time. */
  commits: CommitQueue;
}

/**
 * Adds one uploaded file to the library. The same text already there is
 * recognised and not added twice. A file that looks like a new version of a
 * document (the same file, or one of the same name when its path is not
 * known) changes nothing until the person says whether it replaces that
 * document (keeping its id, so its annotations re-anchor on the new text) or
 * is added beside it. A file that cannot be read changes nothing, and neither
 * does one whose upload is cancelled, at whatever stage: reading, parsing,
 * or indexing (the document is then taken back out).
 */
export async function importUpload(ctx: CoreContext, importing: Importing, uploadId: string, choice?: ImportChoice): Promise<ImportOutcome> {
  const { uploads, reader, commits } = importing;
  const { file, signal, read: earlier } = uploads.claim(uploadId, 'import');
  const { name } = file;
  let waiting = false;
  try {
    const read = earlier ?? (await reader.read(name, file.bytes, signal));
    const outcome = await commits.run(() => commit(ctx, file.identity, read, signal, choice));
    waiting = outcome.status === 'matches';
    if (waiting) uploads.wait(uploadId, read);
    return outcome;
  } catch (error) {
    if (signal.aborted) return { name, status: 'cancelled' };
    if (error instanceof Rejection) return { name, status: 'rejected', reason: error.reason };
    throw error;
  } finally {
    if (!waiting) uploads.finish(uploadId);
  }
}

async function commit(ctx: CoreContext, identity: FileIdentity, read: ReadDocument, signal: AbortSignal, choice: ImportChoice | undefined): Promise<ImportOutcome> {
  const { documents } = ctx;
  const { name } = identity;
  signal.throwIfAborted();
  const same = documents.findByHash(hashText(read.text));
  if (same) return { name, status: 'duplicate', document: summaryOf(same), reason: `Already in the library as “${same.title}”.` };
  const earlier = choice?.onMatch === 'keep' ? undefined : versionOf(documents.list(), identity);
  if (earlier && !choice) return { name, status: 'matches', document: summaryOf(earlier) };
  const details: TextDetails = { title: read.title, date: read.date, format: read.format, file: identity, ...(read.byline ? { byline: read.byline } : {}) };
  if (earlier) return replace(ctx, earlier, read.text, details, signal);
  const { doc } = await documents.add({ text: read.text, source: name, origin: 'import', ...details });
  if (!(await indexed(ctx, doc.id, signal))) {
    await documents.remove(doc.id);
    ctx.events.emit('documentRemoved', doc.id);
    signal.throwIfAborted();
  }
  return { name, status: 'added', document: summaryOf(doc) };
}

async function replace(ctx: CoreContext, earlier: DocumentRecord, text: string, details: TextDetails, signal: AbortSignal): Promise<ImportOutcome> {
  const { documents } = ctx;
  const before = { text: await documents.text(earlier.id), details: detailsOf(earlier) };
  const doc = await documents.replaceText(earlier.id, text, details);
  if (!(await indexed(ctx, doc.id, signal))) {
    await documents.replaceText(earlier.id, before.text, before.details);
    await documentChanged(ctx, earlier.id);
    signal.throwIfAborted();
  }
  const annotations = await ctx.annotations.annotationsOf(doc.id);
  const orphaned = annotations.filter((a) => a.anchor.status === 'orphaned').length;
  return { name: details.file?.name ?? doc.source, status: 'replaced', document: summaryOf(doc), annotations: { anchored: annotations.length - orphaned, orphaned } };
}

/** What a record says about its text, to put back as it was. */
function detailsOf(record: DocumentRecord): TextDetails {
  const { title, date, byline, format, file } = record;
  return { title, date, ...(byline ? { byline } : {}), ...(format ? { format } : {}), ...(file ? { file } : {}) };
}

/**
 * The imported document this file may be a new version of, the latest first:
 * the one imported from the same path when both paths are known, else one
 * imported from a file of the same name.
 */
function versionOf(library: readonly DocumentRecord[], identity: FileIdentity): DocumentRecord | undefined {
  const candidates = library.filter((d) => {
    if (d.origin !== 'import') return false;
    if (identity.path && d.file?.path) return d.file.path === identity.path;
    return (d.file?.name ?? d.source) === identity.name;
  });
  return candidates.sort((a, b) => b.addedAt.localeCompare(a.addedAt))[0];
}

/** Tells the modules that follow texts that a document changed and waits for search to have it; false when cancelled first. */
async function indexed(ctx: CoreContext, docId: string, signal: AbortSignal): Promise<boolean> {
  ctx.events.emit('documentChanged', docId);
  const cancelled = new Promise<false>((resolve) => {
    if (signal.aborted) resolve(false);
    signal.addEventListener('abort', () => resolve(false), { once: true });
  });
  return Promise.race([ctx.index.settled().then(() => true), cancelled]);
}

/**
 * Tells the modules that keep data derived from texts (search index, anchors,
 * entity mentions) that a document changed, and waits for the index so that
 * a search right after an import finds the new text.
 */
export async function documentChanged(ctx: CoreContext, docId: string): Promise<void> {
  ctx.events.emit('documentChanged', docId);
  await ctx.index.settled();
}

/**
 * Runs changes to the library one after another: whether a text is already
 * there, or a file matches a document, is decided and acted on with no
 * other import in between (two imports of one file at once added it twice).
 */
export class CommitQueue {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(change: () => Promise<T>): Promise<T> {
    const next = this.last.then(change, change);
    this.last = next.catch(() => undefined);
    return next;
  }
}
