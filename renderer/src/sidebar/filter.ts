import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Filter } from '../../../main/common/contract';

/** The views a filter narrows; choosing a filter anywhere else opens the library with it. */
const FILTERED_VIEWS = ['/', '/notes'];

export type FilterKind = 'entity' | 'tag';

export interface FilterState {
  entities: string[];
  tags: string[];
  active: boolean;
  has: (kind: FilterKind, value: string) => boolean;
  toggle: (kind: FilterKind, value: string) => void;
  remove: (kind: FilterKind, value: string) => void;
  clear: () => void;
}

/**
 * The entities and tags the library and the Notes view are narrowed to. It
 * lives in the address (`?entity=<id>&tag=operators/china`), so back and
 * forward step through filters and a link carries its filter along.
 */
export function useFilter(): FilterState {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const entities = useMemo(() => params.getAll('entity'), [params]);
  const tags = useMemo(() => params.getAll('tag'), [params]);

  const apply = useCallback(
    (change: (next: URLSearchParams) => void) => {
      const here = FILTERED_VIEWS.includes(pathname);
      const next = new URLSearchParams(here ? params : undefined);
      change(next);
      if (here) setParams(next);
      else void navigate({ pathname: '/', search: next.toString() });
    },
    [params, pathname, navigate, setParams],
  );

  const has = useCallback((kind: FilterKind, value: string) => params.getAll(kind).includes(value), [params]);
  const remove = useCallback((kind: FilterKind, value: string) => apply((next) => next.delete(kind, value)), [apply]);
  const toggle = useCallback(
    (kind: FilterKind, value: string) => apply((next) => (next.getAll(kind).includes(value) ? next.delete(kind, value) : next.append(kind, value))),
    [apply],
  );
  const clear = useCallback(
    () =>
      apply((next) => {
        next.delete('entity');
        next.delete('tag');
      }),
    [apply],
  );
  return { entities, tags, active: entities.length + tags.length > 0, has, toggle, remove, clear };
}

/** The filter as the API takes it. */
export const asFilter = ({ entities, tags }: Pick<FilterState, 'entities' | 'tags'>): Filter => ({ entities, tags });
