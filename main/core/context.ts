import type { EventEmitter } from 'node:events';
import type { Annotations } from './annotations/annotations';
import type { AppSettings } from '../common/contract';
import type { Documents } from './library/documents';
import type { Entities } from './entities/entities';
import type { SearchIndex } from './search/search-index';
import type { Store } from './store/store';
import type { Tags } from './tags/tags';

/** What happened in the library, for the modules that keep derived data (index, mentions, anchors). */
export interface CoreEvents {
  /** A document was added, or its text replaced. */
  documentChanged: [docId: string];
  documentRemoved: [docId: string];
  /** The app settings were saved (the desktop shell follows the theme). */
  settingsChanged: [settings: AppSettings];
  /** Entities were added, renamed, merged or deleted: any document's mentions may have changed. */
  entitiesChanged: [];
  /** A document's own tags changed (renamed or deleted tags included). */
  documentTagsChanged: [docId: string];
}

/** The shared parts of the core every module's API is built from. */
export interface CoreContext {
  store: Store;
  documents: Documents;
  index: SearchIndex;
  events: EventEmitter<CoreEvents>;
  /** Highlights and notes: `annotationsOf(docId)`, `allAnnotations()`, `renameTag(from, to)`. */
  annotations: Annotations;
  /** Entities and their mentions: `mentionsOf(docId)`, `documentsMentioning(ids)`, `findByName(name)`. */
  entities: Entities;
  /** Document tags (and, through annotations, annotation tags): `documentTags(docId)`. */
  tags: Tags;
}
