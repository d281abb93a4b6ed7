import type { DeletedDocuments, DocumentSummary, RestoreChoice, TrashRestore } from '../../../main/common/contract';
import type { DocumentDetails } from '../../../main/common/document-details';
import { api, ApiError } from '../api/client';
import { changed, queryClient } from '../api/cache';
import { queries, textOf, type Data } from '../api/queries';

/*
 * Every change to the library's documents themselves: details edited,
 * documents moved to the Trash, back, or deleted for good. A deletion or a
 * restore touches whatever is made from the library (search, mentions, the
 * Notes view, the tags' counts), so all of it fetches again. When another
 * window got there first, the core refuses and the library fetches again, so
 * that what is shown is what is there.
 */

/** What a document moving between the library and the Trash touches: both, everything made from the library, and the views of those documents. */
const libraryAnd = (ids: readonly string[]): Data[] => ['documents', 'trash', 'tags', ...ids.map(textOf)];

async function refreshedOnRefusal<T>(ids: readonly string[], call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') changed(libraryAnd(ids));
    throw error;
  }
}

export async function editDocument(id: string, details: DocumentDetails): Promise<DocumentSummary> {
  const saved = await refreshedOnRefusal([id], () => api.editDocument(id, details));
  const list = queries.documents().queryKey;
  queryClient.setQueryData(list, (docs) => docs?.map((d) => (d.id === id ? saved : d)));
  changed(['documents', textOf(id)], [list]);
  return saved;
}

export async function deleteDocuments(ids: readonly string[]): Promise<DeletedDocuments> {
  const deleted = await refreshedOnRefusal(ids, () => api.deleteDocuments([...ids]));
  const gone = new Set(deleted.ids);
  const list = queries.documents().queryKey;
  queryClient.setQueryData(list, (docs) => docs?.filter((d) => !gone.has(d.id)));
  changed(libraryAnd(ids), [list]);
  return deleted;
}

export async function restoreDocuments(ids: readonly string[], choice: RestoreChoice): Promise<TrashRestore> {
  const restore = await refreshedOnRefusal(ids, () => api.restoreDocuments([...ids], choice));
  if (restore.restored.length > 0) changed(libraryAnd([...ids, ...restore.replaced.map((d) => d.id)]));
  return restore;
}

export async function purgeDocuments(ids: readonly string[]): Promise<number> {
  const purged = await refreshedOnRefusal(ids, () => api.purgeDocuments([...ids]));
  const list = queries.trash().queryKey;
  const gone = new Set(ids);
  queryClient.setQueryData(list, (docs) => docs?.filter((d) => !gone.has(d.id)));
  changed(['trash'], [list]);
  return purged;
}
