import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AnnotationFilter, EntityProposal, Filter, LibraryPageQuery, SearchQuery } from '../../../main/common/contract';
import { api } from './client';

/*
 * Every query the renderer makes, in one place: its key (the API method and
 * its arguments, so equal calls share one answer), the call, and the data it
 * is made from. A change names the data it changed (cache.ts `changed`), and
 * exactly the queries made from that data fetch again.
 */

/**
 * The kinds of data a change can touch. `documents` is the library as a
 * whole (which documents there are, and all their texts); a view of one
 * document reads only that document's text, `text:<id>`, so that bringing
 * in another document leaves it alone.
 */
export type Data = 'documents' | `text:${string}` | 'annotations' | 'tags' | 'entities' | 'entityTypes' | 'rejections' | 'settings' | 'trash';

/** One document's text. */
export const textOf = (docId: string): Data => `text:${docId}`;

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { reads: readonly Data[] };
  }
}

const query = <K extends readonly unknown[], R>(reads: readonly Data[], queryKey: K, queryFn: () => Promise<R>) => queryOptions({ queryKey, queryFn, meta: { reads } });

/** Answers that follow what is typed: the last one stays on screen until the next arrives. */
const typed = { placeholderData: keepPreviousData };

export const queries = {
  status: () => query(['documents'], ['getStatus'], () => api.getStatus()),
  settings: () => query(['settings'], ['getSettings'], () => api.getSettings()),
  documents: () => query(['documents'], ['listDocuments'], () => api.listDocuments()),
  /** A page of the library's table; its rows carry their tags, and a filter reads entities and annotations. */
  libraryPage: (page: LibraryPageQuery) =>
    ({ ...query(['documents', 'tags', 'entities', 'annotations'], ['listDocumentPage', page], () => api.listDocumentPage(page)), ...typed }),
  document: (id: string) => query([textOf(id)], ['openDocument', id], () => api.openDocument(id)),
  /** Blocks of a text change only with it, and `changed` says when: read once, then kept. */
  blocks: (id: string, from: number, to: number) => ({ ...query([textOf(id)], ['getBlocks', id, from, to], () => api.getBlocks(id, from, to)), staleTime: Infinity }),
  blockAt: (id: string, offset: number) => ({ ...query([textOf(id)], ['blockAt', id, offset], () => api.blockAt(id, offset)), staleTime: Infinity }),
  trash: () => query(['trash'], ['listTrash'], () => api.listTrash()),
  noteCount: (docIds: readonly string[]) => query(['documents', 'annotations'], ['countNotes', docIds], () => api.countNotes([...docIds])),
  annotations: (filter: AnnotationFilter) =>
    query(['annotations', filter.docId ? textOf(filter.docId) : 'documents'], ['listAnnotations', filter], () => api.listAnnotations(filter)),
  entityTypes: () => query(['entityTypes'], ['listEntityTypes'], () => api.listEntityTypes()),
  entities: () => query(['entities', 'documents'], ['listEntities'], () => api.listEntities()),
  entity: (id: string) => query(['entities', 'entityTypes', 'documents', 'annotations'], ['getEntity', id], () => api.getEntity(id)),
  mentions: (docId: string) => query(['entities', textOf(docId)], ['getDocumentMentions', docId], () => api.getDocumentMentions(docId)),
  suggestions: () => query(['entities', 'rejections', 'documents'], ['listSuggestions'], () => api.listSuggestions()),
  rejectedSuggestions: () => query(['entities', 'rejections', 'documents'], ['listRejectedSuggestions'], () => api.listRejectedSuggestions()),
  /** What an entity change would link and unlink; the last answer stays while the next is asked. */
  entityPreview: (proposal: EntityProposal) => ({
    ...query(['entities', 'documents'], ['previewEntityChange', proposal], () => api.previewEntityChange(proposal)),
    ...typed,
  }),
  tags: () => query(['tags'], ['listTags'], () => api.listTags()),
  documentTags: () => query(['tags'], ['listDocumentTags'], () => api.listDocumentTags()),
  tagsOf: (docId: string) => query(['tags'], ['getDocumentTags', docId], () => api.getDocumentTags(docId)),
  documentsWith: (filter: Filter) => query(['entities', 'tags', 'documents'], ['documentsWith', filter], () => api.documentsWith(filter)),
  annotationsWith: (filter: Filter) => query(['entities', 'tags', 'annotations', 'documents'], ['annotationsWith', filter], () => api.annotationsWith(filter)),
  related: (docId: string, block: number, otherId: string, limit: number) =>
    query(['entities', textOf(docId), textOf(otherId)], ['relatedPassages', docId, block, otherId, limit], () => api.relatedPassages(docId, block, otherId, limit)),
  comparison: (left: string, right: string) => query(['entities', 'entityTypes', textOf(left), textOf(right)], ['compareDocuments', left, right], () => api.compareDocuments(left, right)),
  search: (request: SearchQuery) => ({
    ...query(['documents', 'annotations', 'entities', 'entityTypes', 'tags'], ['search', request], () => api.search(request)),
    ...typed,
  }),
  find: (docId: string, text: string) => ({ ...query([textOf(docId)], ['findInDocument', docId, text], () => api.findInDocument(docId, text)), ...typed }),
};

/** Every list of annotations, whatever its filter (for `setQueriesData`). */
export const annotationLists = { queryKey: ['listAnnotations'] };
