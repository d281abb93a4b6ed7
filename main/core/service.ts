import { EventEmitter } from 'node:events';
import type { ApiImpl, DocumentView } from '../common/contract';
import type { CoreContext, CoreEvents } from './context';
import { Documents } from './documents';
import { seedLibrary } from './seed';
import { findTerms, SearchIndex, toSearchGroup } from './search';
import { Store } from './store';

export interface DossierOptions {
  dataDir: string;
  seedDir: string;
  version: string;
}

/** The knowledge base behind every transport: plain Node, no Electron. */
export interface Dossier {
  readonly api: ApiImpl;
  readonly store: Store;
}

type Methods<K extends keyof ApiImpl> = Pick<ApiImpl, K>;

function documentsApi({ store, documents }: CoreContext, version: string): Methods<'getStatus' | 'listDocuments' | 'getDocument'> {
  return {
    getStatus: () => ({ version, dataDir: store.dir, documents: documents.list().length, notices: store.notices }),
    listDocuments: () => documents.list().map(({ hash: _hash, ...summary }) => summary),
    getDocument: async (id): Promise<DocumentView> => {
      const { hash: _hash, ...summary } = documents.get(id);
      return { ...summary, blocks: await documents.blocks(id) };
    },
  };
}

function searchApi({ documents, index }: CoreContext): Methods<'search' | 'findInDocument'> {
  return {
    search: async ({ q, limit }) => {
      const started = performance.now();
      const raw = index.query(q, limit ?? 20);
      const groups = await Promise.all(raw.map(async (g) => toSearchGroup(g, documents.get(g.docId), await documents.blocks(g.docId))));
      return { query: q, groups, total: groups.length, tookMs: performance.now() - started };
    },
    findInDocument: async (id, q) => {
      const blocks = await documents.blocks(id);
      return index
        .queryDocument(id, q)
        .flatMap(({ block, terms }) => findTerms(blocks[block]?.text ?? '', terms).map(([from, to]) => ({ block, from, to })));
    },
  };
}

/** Opens the data folder, seeds it on first run and builds the search index. */
export async function openDossier(options: DossierOptions): Promise<Dossier> {
  const store = await Store.open(options.dataDir);
  const documents = await Documents.open(store);
  await seedLibrary(documents, options.seedDir);
  const index = new SearchIndex();
  for (const doc of documents.list()) index.setDocument(doc.id, doc.title, await documents.blocks(doc.id));
  const ctx: CoreContext = { store, documents, index, events: new EventEmitter<CoreEvents>() };

  const api: ApiImpl = {
    ...documentsApi(ctx, options.version),
    ...searchApi(ctx),
  };
  return { api, store };
}
