import type { ImportOutcome } from '../../../common/contract';
import type { CoreContext } from '../../context';
import { hashText, summaryOf } from '../../library/documents';
import { readImportFile } from './read';
import { Rejection } from './rejection';
import type { Imported } from './types';
import type { UploadedFile } from './uploads';

/**
 * Adds one file to the library. The same text already there is recognised
 * and not added twice; a changed version of a file imported before (same
 * file name) replaces that document's text, keeping its id, so its
 * annotations re-anchor on the new text (those that cannot are kept as
 * orphans). A file that cannot be read changes nothing.
 */
export async function importDocument(ctx: CoreContext, file: UploadedFile): Promise<ImportOutcome> {
  const { documents } = ctx;
  const { name } = file;
  let imported: Imported;
  try {
    imported = await readImportFile(name, file.bytes);
  } catch (error) {
    if (error instanceof Rejection) return { name, status: 'rejected', reason: error.reason };
    throw error;
  }
  const same = documents.findByHash(hashText(imported.text));
  if (same) return { name, status: 'duplicate', document: summaryOf(same), reason: `Already in the library as “${same.title}”.` };

  const earlier = documents.list().find((d) => d.origin === 'import' && d.source === name);
  if (earlier) {
    const doc = await documents.replaceText(earlier.id, imported.text, imported.title);
    await documentChanged(ctx, doc.id);
    const annotations = await ctx.annotations.annotationsOf(doc.id);
    const orphaned = annotations.filter((a) => a.anchor.status === 'orphaned').length;
    return { name, status: 'replaced', document: summaryOf(doc), annotations: { anchored: annotations.length - orphaned, orphaned } };
  }
  const { doc } = await documents.add({ text: imported.text, source: name, origin: 'import', ...(imported.title ? { title: imported.title } : {}) });
  await documentChanged(ctx, doc.id);
  return { name, status: 'added', document: summaryOf(doc) };
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
