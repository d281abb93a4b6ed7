import type { ApiImpl, DocumentView } from '../../common/contract';
import type { CoreContext } from '../context';
import { documentChanged } from '../io/import/import';
import { summaryOf } from '../library/documents';
import { Trash } from '../library/trash';

type DocumentMethods = 'getStatus' | 'listDocuments' | 'getDocument' | 'editDocument' | 'countNotes' | 'deleteDocuments' | 'listTrash' | 'restoreDocuments' | 'purgeDocuments';

/** The library's documents: listed, read, edited, deleted to the Trash and back; and the core's status. */
export function documentsApi(ctx: CoreContext, version: string): Pick<ApiImpl, DocumentMethods> {
  const { store, documents } = ctx;
  const trash = new Trash(ctx);
  // What waited in the Trash for 30 days goes once every module has read its files.
  store.whenReady(() => trash.expire());
  return {
    getStatus: () => ({ version, dataDir: store.dir, documents: documents.list().length, notices: store.notices }),
    listDocuments: () => documents.list().map(summaryOf),
    getDocument: async (id): Promise<DocumentView> => ({ ...summaryOf(documents.get(id)), blocks: await documents.blocks(id) }),
    editDocument: async (id, details) => {
      const doc = await documents.edit(id, details);
      await documentChanged(ctx, id);
      return summaryOf(doc);
    },
    countNotes: (ids) => trash.countNotes(ids),
    deleteDocuments: (ids) => trash.delete(ids),
    listTrash: () => trash.list(),
    restoreDocuments: (ids, choice) => trash.restore(ids, choice),
    purgeDocuments: (ids) => trash.purge(ids),
  };
}
