import type { EventEmitter } from 'node:events';
import type { Documents } from './documents';
import type { SearchIndex } from './search';
import type { Store } from './store';

/** What happened in the library, for the modules that keep derived data (index, mentions, anchors). */
export interface CoreEvents {
  /** A document was added, or its text replaced. */
  documentChanged: [docId: string];
  documentRemoved: [docId: string];
}

/** The shared parts of the core every module's API is built from. */
export interface CoreContext {
  store: Store;
  documents: Documents;
  index: SearchIndex;
  events: EventEmitter<CoreEvents>;
}
