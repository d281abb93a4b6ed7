import type { ApiImpl } from '../../common/contract';
import type { CoreContext } from '../context';

type TagMethods = 'listTags' | 'listDocumentTags' | 'getDocumentTags' | 'setDocumentTags' | 'renameTag' | 'deleteTag' | 'restoreTags';

/** The tags part of the API. */
export function tagsApi({ tags, documents }: CoreContext): Pick<ApiImpl, TagMethods> {
  return {
    listTags: () => tags.list(),
    listDocumentTags: () => tags.allDocumentTags(),
    getDocumentTags: (docId) => {
      documents.get(docId);
      return tags.documentTags(docId);
    },
    setDocumentTags: (docId, list) => tags.setDocumentTags(docId, list),
    renameTag: (from, to) => tags.rename(from, to),
    deleteTag: (tag) => tags.delete(tag),
    restoreTags: (edits) => tags.restore(edits),
  };
}
