import { api } from '../api/client';
import { useApi } from '../api/useApi';
import { entityChanges } from '../entities/changes';
import { tagChanges } from '../tags/changes';
import { asFilter, useFilter } from './filter';

export interface FilteredIds {
  /** Whether a filter is set. */
  active: boolean;
  /** Whether `keeps` already answers for the current filter. */
  ready: boolean;
  /** Whether an item passes the filter (everything does when none is set). */
  keeps: (id: string) => boolean;
}

/** Which documents or annotations carry the current filter, kept current as entities and tags change. */
export function useFilteredIds(kind: 'documents' | 'annotations'): FilteredIds {
  const filter = useFilter();
  const entityVersion = entityChanges.useVersion();
  const tagVersion = tagChanges.useVersion();
  const key = JSON.stringify(asFilter(filter));
  const [ids] = useApi(async () => {
    if (!filter.active) return { key, ids: null };
    const wanted = asFilter(filter);
    const found = kind === 'documents' ? await api.documentsWith(wanted) : await api.annotationsWith(wanted);
    return { key, ids: new Set(found) };
  }, [kind, key, entityVersion, tagVersion]);
  const current = ids.state === 'ready' && ids.value.key === key ? ids.value.ids : undefined;
  if (!filter.active) return { active: false, ready: true, keeps: () => true };
  return { active: true, ready: current !== undefined, keeps: (id) => current?.has(id) ?? false };
}
