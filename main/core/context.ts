import type { Annotations } from './annotations/annotations';
import type { CoreEmitter } from './events';
import type { Entities } from './entities/entities';
import type { Documents } from './library/documents';
import type { Settings } from './library/settings';
import type { SearchIndex } from './search/search-index';
import type { Store } from './store/store';
import type { Tags } from './tags/tags';

/**
 * The core's modules, as the API factories (api/) and the io features see
 * them. Modules themselves never take the whole context: each is given the
 * few others it needs, so that the import graph has no cycle.
 */
export interface CoreContext {
  store: Store;
  documents: Documents;
  index: SearchIndex;
  events: CoreEmitter;
  settings: Settings;
  /** Highlights and notes: `annotationsOf(docId)`, `allAnnotations()`, `renameTag(from, to)`. */
  annotations: Annotations;
  /** Entities and their mentions: `mentionsOf(docId)`, `documentsMentioning(ids)`, `findByName(name)`. */
  entities: Entities;
  /** Document tags (and, through annotations, annotation tags): `documentTags(docId)`. */
  tags: Tags;
}
