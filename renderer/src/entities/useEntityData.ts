import type { EntitySummary, EntityType } from '../../../main/common/contract';
import { api } from '../api/client';
import { useApi, type Loadable } from '../api/useApi';
import { entityChanges } from './changes';

/** The entity types, reloaded when entities change. */
export function useEntityTypes(): EntityType[] {
  const version = entityChanges.useVersion();
  const [types] = useApi(() => api.listEntityTypes(), [version]);
  return types.state === 'ready' ? types.value : [];
}

/** Every entity with its counts, reloaded when entities change. */
export function useEntitySummaries(): [Loadable<EntitySummary[]>, () => void] {
  const version = entityChanges.useVersion();
  return useApi(() => api.listEntities(), [version]);
}
