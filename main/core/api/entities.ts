import type { ApiImpl } from '../../common/contract';
import type { Entity } from '../../common/contract/entities';
import type { CoreContext } from '../context';
import { annotationsWith, documentsWith } from '../search/filters';

type EntityMethods =
  | 'listEntityTypes'
  | 'createEntityType'
  | 'updateEntityType'
  | 'listEntities'
  | 'createEntity'
  | 'updateEntity'
  | 'mergeEntities'
  | 'deleteEntity'
  | 'undoEntityChange'
  | 'previewEntityChange'
  | 'getEntity'
  | 'getDocumentMentions'
  | 'listSuggestions'
  | 'listRejectedSuggestions'
  | 'acceptSuggestions'
  | 'rejectSuggestions'
  | 'restoreSuggestions'
  | 'exportEntities'
  | 'documentsWith'
  | 'annotationsWith';

/** The entities part of the API, with filtering by entities and tags. */
export function entitiesApi(ctx: CoreContext): Pick<ApiImpl, EntityMethods> {
  const { entities } = ctx;
  return {
    listEntityTypes: () => entities.types(),
    createEntityType: (input) => entities.createType(input),
    updateEntityType: (id, patch) => entities.updateType(id, patch),
    listEntities: () => entities.summaries(),
    createEntity: async (input) => (await entities.create([input]))[0] as Entity,
    updateEntity: (id, patch) => entities.update(id, patch),
    mergeEntities: (targetId, sourceId) => entities.merge(targetId, sourceId),
    deleteEntity: (id) => entities.delete(id),
    undoEntityChange: (change) => entities.undo(change),
    previewEntityChange: (proposal) => entities.preview(proposal),
    getEntity: (id) => entities.detail(id),
    getDocumentMentions: (docId) => entities.documentMentions(docId),
    listSuggestions: () => entities.suggest(),
    listRejectedSuggestions: () => entities.rejected(),
    acceptSuggestions: (inputs) => entities.create(inputs),
    rejectSuggestions: (names) => entities.rejectSuggestions(names),
    restoreSuggestions: (names) => entities.restoreSuggestions(names),
    exportEntities: async () => ({ name: 'entities', files: [{ name: 'entities.csv', mime: 'text/csv', content: await entities.exportCsv() }], annotations: 0 }),
    documentsWith: (filter) => documentsWith(ctx, filter),
    annotationsWith: (filter) => annotationsWith(ctx, filter),
  };
}
