import type { TagChange, TagEdits } from '../../../main/common/contract';
import { api } from '../api/client';
import { changed, queryClient } from '../api/cache';
import { queries } from '../api/queries';

/*
 * Every change to tags: a document's new tags go into the cache as the core
 * saved them; the tag tree with its counts, the filters and (after a rename
 * or a delete, which reach notes too) the annotations fetch again.
 */

export async function setDocumentTags(docId: string, tags: string[]): Promise<string[]> {
  const saved = await api.setDocumentTags(docId, tags);
  const ofDocument = queries.tagsOf(docId).queryKey;
  const byDocument = queries.documentTags().queryKey;
  queryClient.setQueryData(ofDocument, saved);
  queryClient.setQueryData(byDocument, (all) => all && { ...all, [docId]: saved });
  changed(['tags'], [ofDocument, byDocument]);
  return saved;
}

export async function renameTag(from: string, to: string): Promise<TagChange> {
  const change = await api.renameTag(from, to);
  changed(['tags', 'annotations']);
  return change;
}

export async function deleteTag(tag: string): Promise<TagChange> {
  const change = await api.deleteTag(tag);
  changed(['tags', 'annotations']);
  return change;
}

export async function restoreTags(edits: TagEdits): Promise<TagChange> {
  const change = await api.restoreTags(edits);
  changed(['tags', 'annotations']);
  return change;
}
