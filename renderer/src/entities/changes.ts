import type { Entity, EntityChange, EntityPatch, EntityType, EntityTypePatch, NewEntity, NewEntityType } from '../../../main/common/contract';
import { api } from '../api/client';
import { changed, queryClient } from '../api/cache';
import { queries } from '../api/queries';

/*
 * Every change to entities and their types, wherever it is made: what the
 * core returns goes into the cache where it fits whole, then the views made
 * from entities (the sidebar's counts, the reader's mentions, an entity's
 * page, the suggestions, the filters) fetch again. Undo is added on top, in
 * actions.ts.
 */

export async function createEntity(input: NewEntity): Promise<Entity> {
  const made = await api.createEntity(input);
  changed(['entities']);
  return made;
}

/** Puts the entities a change left into their pages. */
function fillPages(change: EntityChange): void {
  for (const entity of change.after) queryClient.setQueryData(queries.entity(entity.id).queryKey, (detail) => detail && { ...detail, entity });
}

export async function updateEntity(id: string, patch: EntityPatch): Promise<EntityChange> {
  const change = await api.updateEntity(id, patch);
  fillPages(change);
  changed(['entities']);
  return change;
}

export async function mergeEntities(targetId: string, sourceId: string): Promise<EntityChange> {
  const change = await api.mergeEntities(targetId, sourceId);
  changed(['entities']);
  return change;
}

export async function deleteEntity(id: string): Promise<EntityChange> {
  const change = await api.deleteEntity(id);
  changed(['entities']);
  return change;
}

export async function undoEntityChange(change: EntityChange): Promise<EntityChange> {
  const reverse = await api.undoEntityChange(change);
  fillPages(reverse);
  changed(['entities']);
  return reverse;
}

export async function acceptSuggestions(accepted: NewEntity[]): Promise<Entity[]> {
  const made = await api.acceptSuggestions(accepted);
  const names = new Set(accepted.map((s) => s.name));
  queryClient.setQueryData(queries.suggestions().queryKey, (list) => list?.filter((s) => !names.has(s.name)));
  changed(['entities']);
  return made;
}

export async function rejectSuggestions(names: string[]): Promise<void> {
  await api.rejectSuggestions(names);
  const gone = new Set(names);
  queryClient.setQueryData(queries.suggestions().queryKey, (list) => list?.filter((s) => !gone.has(s.name)));
  changed(['rejections']);
}

export async function restoreSuggestions(names: string[]): Promise<void> {
  await api.restoreSuggestions(names);
  const back = new Set(names);
  queryClient.setQueryData(queries.rejectedSuggestions().queryKey, (list) => list?.filter((s) => !back.has(s.name)));
  changed(['rejections']);
}

export async function createEntityType(input: NewEntityType): Promise<EntityType> {
  const made = await api.createEntityType(input);
  const types = queries.entityTypes().queryKey;
  queryClient.setQueryData(types, (list) => list && [...list, made]);
  changed(['entityTypes'], [types]);
  return made;
}

export async function updateEntityType(id: string, patch: EntityTypePatch): Promise<EntityType> {
  const saved = await api.updateEntityType(id, patch);
  const types = queries.entityTypes().queryKey;
  queryClient.setQueryData(types, (list) => list?.map((t) => (t.id === id ? saved : t)));
  changed(['entityTypes'], [types]);
  return saved;
}
