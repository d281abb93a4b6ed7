import type { Annotation, AnnotationPatch, AnnotationRange, NewAnnotation } from '../../../main/common/contract';
import { api } from '../api/client';
import { changed, queryClient } from '../api/cache';
import { annotationLists, queries, type Data } from '../api/queries';

/*
 * Every change to an annotation, wherever it is made (the reader, the Notes
 * view, an undo): the annotation the core returns goes into every list that
 * holds it at once, then the lists and what else is made from annotations
 * (their tags' counts, an entity's page, the filters) fetch again.
 */

/** Puts the annotation as saved into every list holding it; `drop` takes it out instead. */
function fill(saved: Annotation, drop = false): void {
  queryClient.setQueriesData<Annotation[]>(annotationLists, (list) => list && (drop ? list.filter((a) => a.id !== saved.id) : list.map((a) => (a.id === saved.id ? saved : a))));
}

/** What a change to annotations touched: the tags' counts too when it added or took away tags. */
const touched = (tagsChanged: boolean): Data[] => (tagsChanged ? ['annotations', 'tags'] : ['annotations']);

export async function createAnnotation(input: NewAnnotation): Promise<Annotation> {
  const created = await api.createAnnotation(input);
  // The reader's own list has it at once, so its editor can open on it.
  queryClient.setQueryData(queries.annotations({ docId: created.docId }).queryKey, (list) => list && [...list, created]);
  changed(touched(created.tags.length > 0));
  return created;
}

export async function updateAnnotation(id: string, patch: AnnotationPatch): Promise<Annotation> {
  const saved = await api.updateAnnotation(id, patch);
  fill(saved);
  changed(touched(patch.tags !== undefined));
  return saved;
}

export async function reattachAnnotation(id: string, range: AnnotationRange): Promise<Annotation> {
  const saved = await api.reattachAnnotation(id, range);
  fill(saved);
  changed(['annotations']);
  return saved;
}

export async function deleteAnnotation(id: string): Promise<Annotation> {
  const deleted = await api.deleteAnnotation(id);
  fill(deleted, true);
  changed(touched(deleted.tags.length > 0));
  return deleted;
}

export async function restoreAnnotation(id: string): Promise<Annotation> {
  const restored = await api.restoreAnnotation(id);
  changed(touched(restored.tags.length > 0));
  return restored;
}
