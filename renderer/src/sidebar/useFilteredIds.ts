import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { asFilter, useFilter } from './filter';

export interface FilteredIds {
  /** Whether a filter is set. */
  active: boolean;
  /** Whether `keeps` already answers for the current filter. */
  ready: boolean;
  /** Whether an item passes the filter (everything does when none is set). */
  keeps: (id: string) => boolean;
}

const asSet = (ids: string[]) => new Set(ids);

/** Which documents or annotations carry the current filter, kept current as entities and tags change. */
export function useFilteredIds(kind: 'documents' | 'annotations'): FilteredIds {
  const filter = useFilter();
  const wanted = asFilter(filter);
  const found = useQuery({
    ...(kind === 'documents' ? queries.documentsWith(wanted) : queries.annotationsWith(wanted)),
    enabled: filter.active,
    select: asSet,
  });
  if (!filter.active) return { active: false, ready: true, keeps: () => true };
  const ids = found.data;
  return { active: true, ready: ids !== undefined, keeps: (id) => ids?.has(id) ?? false };
}
