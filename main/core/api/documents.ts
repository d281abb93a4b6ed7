import { BLOCK_READING, type ApiImpl, type LibraryPage, type LibraryPageQuery } from '../../common/contract';
import type { CoreContext } from '../context';
import { summaryOf } from '../library/documents';
import { LibraryOrder } from '../library/order';
import { documentsWith } from '../search/filters';

type DocumentMethods = 'getStatus' | 'listDocuments' | 'listDocumentPage' | 'openDocument' | 'getBlocks' | 'blockAt';

/** The library's documents, a document's blocks a screen at a time, and the core's status. */
export function documentsApi(ctx: CoreContext, version: string): Pick<ApiImpl, DocumentMethods> {
  const { store, documents, events } = ctx;
  const order = new LibraryOrder();
  // A re-imported text may change a title, a date or a length without the list changing size.
  events.on('documentChanged', () => order.clear());
  // The order the table opens in, ready before the window asks for it.
  setImmediate(() => order.of(documents.list(), 'date', true));

  const page = async ({ sort, descending, filter, from, to }: LibraryPageQuery): Promise<LibraryPage> => {
    const all = documents.list();
    let rows = order.of(all, sort, descending);
    if (filter && (filter.entities?.length || filter.tags?.length)) {
      const kept = new Set(await documentsWith(ctx, filter));
      rows = rows.filter((d) => kept.has(d.id));
    }
    return { total: all.length, matching: rows.length, from, rows: rows.slice(from, to).map((d) => ({ ...summaryOf(d), tags: ctx.tags.documentTags(d.id) })) };
  };

  return {
    getStatus: () => ({ version, dataDir: store.dir, documents: documents.list().length, notices: store.notices }),
    listDocuments: () => documents.list().map(summaryOf),
    listDocumentPage: page,
    openDocument: async (id) => {
      const table = await documents.blockTable(id);
      return { ...summaryOf(documents.get(id)), blockCount: table.count, blocks: table.opening(BLOCK_READING.firstScreenBlocks, BLOCK_READING.firstScreenChars) };
    },
    getBlocks: async (id, from, to) => (await documents.blockTable(id)).range(from, to),
    blockAt: async (id, offset) => (await documents.blockTable(id)).indexAt(offset),
  };
}
