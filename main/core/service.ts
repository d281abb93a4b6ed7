import { EventEmitter } from 'node:events';
import type { ApiImpl, DocumentView } from '../common/contract';
import type { CoreContext, CoreEvents } from './context';
import { Documents } from './library/documents';
import { Annotations, annotationsApi } from './annotations/annotations';
import { Entities, entitiesApi } from './entities/entities';
import { Tags, tagsApi } from './tags/tags';
import { readingApi } from './reading/related';
import { seedLibrary } from './library/seed';
import { settingsApi } from './library/settings';
import { ioApi } from './api/io';
import { SearchIndex, searchApi } from './search/search-index';
import { Store } from './store/store';

export interface DossierOptions {
  dataDir: string;
  seedDir: string;
  version: string;
}

/** The knowledge base behind every transport: plain Node, no Electron. */
export interface Dossier {
  readonly api: ApiImpl;
  readonly store: Store;
  /** What happens in the core, for the shell (e.g. the desktop theme follows settingsChanged). */
  readonly events: EventEmitter<CoreEvents>;
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

/** Opens the data folder, seeds it on first run and builds the search index. */
export async function openDossier(options: DossierOptions): Promise<Dossier> {
  const store = await Store.open(options.dataDir);
  // Started first, not awaited: the saved search index loads in its worker while the rest of the core opens.
  const index = SearchIndex.start({ dataDir: store.dir, notices: store.notices });
  const documents = await Documents.open(store);
  await seedLibrary(documents, options.seedDir);
  const events = new EventEmitter<CoreEvents>();
  index.follow(() => documents.list(), events);
  const annotations = await Annotations.open(store, documents, events, index);
  const entities = await Entities.open(store, documents, annotations, events);
  const tags = await Tags.open(store, documents, annotations, events);
  const ctx: CoreContext = { store, documents, index, events, annotations, entities, tags };

  const api: ApiImpl = {
    ...documentsApi(ctx, options.version),
    ...searchApi(ctx),
    ...annotationsApi(ctx),
    ...settingsApi(ctx),
    ...ioApi(ctx),
    ...entitiesApi(ctx),
    ...tagsApi(ctx),
    ...readingApi(ctx),
  };
  await index.ready;
  return { api, store, events: ctx.events };
}
