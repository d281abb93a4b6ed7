import type { DeletedDocuments, DocumentSummary, TrashRestore } from '../../../main/common/contract';
import type { DocumentDetails } from '../../../main/common/document-details';
import { plural } from '../app/plural';
import { pushUndo } from '../app/undo';
import * as changes from './changes';
import { askRestoreChoice } from './restoreChoice';

/*
 * What a person does to documents, each offered for Undo (the toast and
 * Ctrl/Cmd+Z) where it can be taken back: an edit, a move to the Trash, a
 * restore. Deleting for good is confirmed first instead.
 */

type Named = Pick<DocumentSummary, 'id' | 'title'>;

const quoted = (title: string): string => `“${title}”`;

/** "“Minutes”" for one document, "3 documents" for more. */
export const which = (docs: readonly Named[]): string => (docs.length === 1 ? quoted((docs[0] as Named).title) : plural(docs.length, 'document'));

export async function editDocument(doc: DocumentSummary, details: DocumentDetails): Promise<DocumentSummary> {
  const saved = await changes.editDocument(doc.id, details);
  const before: DocumentDetails = { title: doc.title, date: doc.date, sourceLabel: doc.sourceLabel ?? null };
  pushUndo({
    message: saved.title === doc.title ? `Saved the details of ${quoted(saved.title)}` : `Renamed ${quoted(doc.title)} to ${quoted(saved.title)}`,
    undo: async () => {
      await changes.editDocument(doc.id, before);
    },
  });
  return saved;
}

export async function deleteDocuments(docs: readonly Named[]): Promise<DeletedDocuments> {
  const deleted = await changes.deleteDocuments(docs.map((d) => d.id));
  pushUndo({
    message: `Moved ${which(docs)} to the Trash`,
    undo: async () => {
      await restoreDocuments(docs, { undoable: false });
    },
  });
  return deleted;
}

/**
 * Brings documents back from the Trash. When one of them came into the
 * library again meanwhile, the person is asked first (keep both, replace,
 * or cancel: then null and nothing changed).
 */
export async function restoreDocuments(docs: readonly Named[], { undoable = true } = {}): Promise<TrashRestore | null> {
  const ids = docs.map((d) => d.id);
  let restore = await changes.restoreDocuments(ids, 'ask');
  if (restore.conflicts.length > 0) {
    const choice = await askRestoreChoice(restore.conflicts);
    if (choice === null) return null;
    restore = await changes.restoreDocuments(ids, choice);
  }
  if (undoable) {
    const replaced = restore.replaced.length > 0 ? `; ${restore.replaced.length === 1 ? 'the copy in the library went' : 'the copies in the library went'} to the Trash` : '';
    pushUndo({
      message: `Restored ${which(docs)}${replaced}`,
      undo: async () => {
        await changes.deleteDocuments(ids);
        if (restore.replaced.length > 0) await changes.restoreDocuments(restore.replaced.map((d) => d.id), 'keep-both');
      },
    });
  }
  return restore;
}

export function purgeDocuments(docs: readonly Named[]): Promise<number> {
  return changes.purgeDocuments(docs.map((d) => d.id));
}
