import { BLOCK_READING, type ApiImpl, type LibraryIdsQuery, type LibraryPage, type LibraryPageQuery } from '../../common/contract';
import type { CoreContext } from '../context';
import { documentChanged } from '../io/import/import';
import { summaryOf } from '../library/documents';
import { LibraryOrder } from '../library/order';
import { Trash } from '../library/trash';
import { documentsWith } from '../search/filters';

type DocumentMethods =
  | 'getStatus'
  | 'listDocuments'
  | 'listDocumentPage'
  | 'listDocumentIds'
  | 'openDocument'
  | 'getBlocks'
  | 'blockAt'
  | 'editDocument'
  | 'countNotes'
  | 'deleteDocuments'
  | 'listTrash'
  | 'restoreDocuments'
  | 'purgeDocuments';

/** The library's documents: listed, paged, read a screen at a time, edited, deleted to the Trash and back; and the core's status. */
export function documentsApi(ctx: CoreContext, version: string): Pick<ApiImpl, DocumentMethods> {
  const { store, documents, events } = ctx;
  const order = new LibraryOrder();
  const trash = new Trash(ctx);
  // A re-imported text may change a title, a date or a length without the list changing size.
  events.on('documentChanged', () => order.clear());
  // The order the table opens in, ready before the window asks for it.
  setImmediate(() => order.of(documents.list(), 'date', true));
  // What waited in the Trash for 30 days goes once every module has read its files.
  store.whenReady(() => trash.expire());

  /** The library in the table's order, narrowed by its filter. */
  const rowsOf = async ({ sort, descending, filter }: LibraryIdsQuery) => {
    const rows = order.of(documents.list(), sort, descending);
    if (!filter || !(filter.entities?.length || filter.tags?.length)) return rows;
    const kept = new Set(await documentsWith(ctx, filter));
    return rows.filter((d) => kept.has(d.id));
  };
  const page = async (query: LibraryPageQuery): Promise<LibraryPage> => {
    const rows = await rowsOf(query);
    const { from, to } = query;
    return { total: documents.list().length, matching: rows.length, from, rows: rows.slice(from, to).map((d) => ({ ...summaryOf(d), tags: ctx.tags.documentTags(d.id) })) };
  };

  return {
    getStatus: () => ({ version, dataDir: store.dir, documents: documents.list().length, notices: store.notices }),
    listDocuments: () => documents.list().map(summaryOf),
    listDocumentPage: page,
    listDocumentIds: async (query) => (await rowsOf(query)).slice(query.from, query.to).map((d) => d.id),
    openDocument: async (id) => {
      const table = await documents.blockTable(id);
      return { ...summaryOf(documents.get(id)), blockCount: table.count, blocks: table.opening(BLOCK_READING.firstScreenBlocks, BLOCK_READING.firstScreenChars) };
    },
    getBlocks: async (id, from, to) => (await documents.blockTable(id)).range(from, to),
    blockAt: async (id, offset) => (await documents.blockTable(id)).indexAt(offset),
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
