import type { Entity, EntityPatch, EntityType, EntityTypePatch, NewEntity, NewEntityType } from '../../../main/common/contract';
import { api } from '../api/client';
import { changed, queryClient } from '../api/cache';
import { queries } from '../api/queries';

/*
 * Every change to entities and their types, wherever it is made: what the
 * core returns goes into the cache where it fits whole, then the views made
 * from entities (the sidebar's counts, the reader's mentions, an entity's
 * page, the suggestions, the filters) fetch again.
 */

export async function createEntity(input: NewEntity): Promise<Entity> {
  const made = await api.createEntity(input);
  changed(['entities']);
  return made;
}

export async function updateEntity(id: string, patch: EntityPatch): Promise<Entity> {
  const saved = await api.updateEntity(id, patch);
  queryClient.setQueryData(queries.entity(id).queryKey, (detail) => detail && { ...detail, entity: saved });
  changed(['entities']);
  return saved;
}

export async function mergeEntities(targetId: string, sourceId: string): Promise<Entity> {
  const merged = await api.mergeEntities(targetId, sourceId);
  changed(['entities']);
  return merged;
}

export async function deleteEntity(id: string): Promise<Entity> {
  const deleted = await api.deleteEntity(id);
  changed(['entities']);
  return deleted;
}

export async function acceptSuggestions(accepted: NewEntity[]): Promise<Entity[]> {
  const made = await api.acceptSuggestions(accepted);
  const names = new Set(accepted.map((s) => s.name));
  queryClient.setQueryData(queries.suggestions().queryKey, (list) => list?.filter((s) => !names.has(s.name)));
  changed(['entities']);
  return made;
}

export async function rejectSuggestion(name: string): Promise<void> {
  await api.rejectSuggestion(name);
  queryClient.setQueryData(queries.suggestions().queryKey, (list) => list?.filter((s) => s.name !== name));
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
