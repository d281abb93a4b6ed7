import type { EventEmitter } from 'node:events';
import type { AppSettings } from '../common/contract';

/**
 * What changed in the library: one event for each kind of change that
 * another module follows. The module that makes the change emits it once
 * the change is saved; the modules that keep derived data (search index,
 * mention caches, anchors, resolved filters) follow it. No module reaches
 * into another to tell it what changed.
 */
export interface CoreEvents {
  /** A document came into the library (added, or restored from the Trash), or its text or details (title, date, source) changed. */
  documentChanged: [docId: string];
  /** A document left the library: to the Trash (its text, annotations and tags are kept for its return) or for good. */
  documentRemoved: [docId: string];
  /** A document's annotations changed: one added, edited, deleted or restored, or their anchors moved with a new text. */
  annotationsChanged: [docId: string];
  /** Entities were added, renamed, merged or deleted: any document's mentions may have changed. */
  entitiesChanged: [];
  /** A document's own tags changed (renamed or deleted tags included). */
  documentTagsChanged: [docId: string];
  /** The app settings were saved (the desktop shell follows the theme). */
  settingsChanged: [settings: AppSettings];
}

export type CoreEmitter = EventEmitter<CoreEvents>;
