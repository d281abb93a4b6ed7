import { useQuery } from '@tanstack/react-query';
import type { EntityType } from '../../../main/common/contract';
import { queries } from '../api/queries';

const NO_TYPES: EntityType[] = [];

/** The entity types, none until they are known. */
export function useEntityTypes(): EntityType[] {
  return useQuery(queries.entityTypes()).data ?? NO_TYPES;
}
