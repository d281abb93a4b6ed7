import type { ApiImpl, DocumentView } from '../../common/contract';
import type { CoreContext } from '../context';
import { summaryOf } from '../library/documents';

/** The library's documents, and the core's status. */
export function documentsApi({ store, documents }: CoreContext, version: string): Pick<ApiImpl, 'getStatus' | 'listDocuments' | 'getDocument'> {
  return {
    getStatus: () => ({ version, dataDir: store.dir, documents: documents.list().length, notices: store.notices }),
    listDocuments: () => documents.list().map(summaryOf),
    getDocument: async (id): Promise<DocumentView> => ({ ...summaryOf(documents.get(id)), blocks: await documents.blocks(id) }),
  };
}
