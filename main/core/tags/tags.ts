/**
 * Tags on documents (tags.json: document id → tags) together with the tags
 * annotations carry (kept by the annotations module), as one hierarchy:
 * "operators/china" sits under "operators". Renaming or deleting a tag
 * changes both kinds and never deletes a document or an annotation.
 *
 * For other modules: `documentTags(docId)`, `carries(tags, tag)`.
 * `documentTagsChanged` on the core's events says a document's tags changed.
 */

import { z } from 'zod';
import { Id, Tag } from '../../common/contract';
import type { TagChange, TagEdits, TagInfo } from '../../common/contract/tags';
import { DossierError } from '../../common/errors';
import type { Annotations } from '../annotations/annotations';
import type { CoreEmitter } from '../events';
import type { Documents } from '../library/documents';
import type { FileSpec, Store, StoreFile, Versioned } from '../store/store';

interface TagsData extends Versioned {
  /** Document id → its tags, for documents that have some. */
  documents: Record<string, string[]>;
}

const FILE: FileSpec<TagsData> = {
  name: 'tags.json',
  schema: 1,
  // Ids are never names every object has (`__proto__`, `constructor`): a document id always keys its own entry.
  shape: z.object({ schema: z.number(), documents: z.record(Id, z.array(Tag)) }),
  defaults: () => ({ schema: 1, documents: {} }),
};

/** Whether `tags` holds `tag` or a tag under it. */
export const carries = (tags: readonly string[], tag: string): boolean => tags.some((t) => t === tag || t.startsWith(`${tag}/`));

/** `tag` with the `from` part of its path replaced by `to` ("ops/china" → "operators/china"). */
const renamed = (tag: string, from: string, to: string): string => (carries([tag], from) ? to + tag.slice(from.length) : tag);

/** Every level of a tag: "a/b/c" → "a", "a/b", "a/b/c". */
const levels = (tag: string): string[] => tag.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));

type TagEdit = TagEdits['documents'][number];

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * The tags an item had before an edit, given what it carries now: exactly
 * the old list when nothing changed it since, else its current tags without
 * what the edit added and with what it took away.
 */
function reverted(current: readonly string[], { before, after }: TagEdit): string[] {
  if (sameList(current, after)) return [...before];
  const added = after.filter((t) => !before.includes(t));
  const removed = before.filter((t) => !after.includes(t));
  return [...new Set([...current.filter((t) => !added.includes(t)), ...removed])];
}

const changeOf = (edits: TagEdits): TagChange => ({ documents: edits.documents.length, annotations: edits.annotations.length, edits });

export class Tags {
  private constructor(
    private readonly file: StoreFile<TagsData>,
    private readonly documents: Documents,
    private readonly annotations: Annotations,
    private readonly events: CoreEmitter,
  ) {}

  static async open(store: Store, documents: Documents, annotations: Annotations, events: CoreEmitter): Promise<Tags> {
    // A document moved to the Trash keeps its tags there (they come back with it); removeDocument drops them once it is deleted for good.
    return new Tags(await store.file(FILE), documents, annotations, events);
  }

  /** A document's tags, kept while it is in the Trash too. */
  documentTags(docId: string): string[] {
    return Object.hasOwn(this.file.data.documents, docId) ? (this.file.data.documents[docId] as string[]) : [];
  }

  /** Tags of every document of the library that has some. */
  allDocumentTags(): Record<string, string[]> {
    return Object.fromEntries(this.inLibrary());
  }

  /** Forgets a document's tags: it was deleted for good. */
  async removeDocument(docId: string): Promise<void> {
    if (!Object.hasOwn(this.file.data.documents, docId)) return;
    await this.file.update((data) => delete data.documents[docId]);
    this.events.emit('documentTagsChanged', docId);
  }

  /** The tags of the documents in the library; those in the Trash neither count nor change until they come back. */
  private inLibrary(): Array<[string, string[]]> {
    return Object.entries(this.file.data.documents).filter(([id]) => this.documents.has(id));
  }

  /** Replaces a document's tags; a tag typed in another case than an existing one takes the existing spelling. */
  async setDocumentTags(docId: string, tags: readonly string[]): Promise<string[]> {
    this.documents.get(docId);
    const known = new Map((await this.knownTags()).map((t) => [t.toLowerCase(), t]));
    const next = [...new Set(tags.map((t) => known.get(t.toLowerCase()) ?? t))];
    await this.file.update((data) => {
      if (next.length > 0) data.documents[docId] = next;
      else delete data.documents[docId];
    });
    this.events.emit('documentTagsChanged', docId);
    return next;
  }

  /** Every tag and every level above one, with counts of what carries it (or a tag under it). */
  async list(): Promise<TagInfo[]> {
    const docTags = this.inLibrary().map(([, tags]) => tags);
    const annotationTags = (await this.annotations.allAnnotations()).map((a) => a.tags);
    const used = new Set([...docTags, ...annotationTags].flat());
    const all = new Set([...used].flatMap(levels));
    return [...all]
      .sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
      .map((tag) => ({
        tag,
        documents: docTags.filter((tags) => carries(tags, tag)).length,
        annotations: annotationTags.filter((tags) => carries(tags, tag)).length,
        used: used.has(tag),
      }));
  }

  /** Renames `from` (and the tags under it) to `to` on documents and annotations; onto an existing tag, the two merge. */
  async rename(from: string, to: string): Promise<TagChange> {
    if (from === to) throw new DossierError('invalid_argument', `"${from}" already has that name; type a different one.`);
    await this.mustExist(from);
    const documents = this.documentEdits(from, (tags) => [...new Set(tags.map((t) => renamed(t, from, to)))]);
    const tagged = await this.annotationsCarrying(from);
    await this.saveDocumentTags(documents);
    await this.annotations.renameTag(from, to);
    const annotations = await Promise.all(tagged.map(async (a) => ({ id: a.id, before: a.tags, after: (await this.annotations.get(a.id)).tags })));
    return changeOf({ documents, annotations });
  }

  /** Removes `tag` and the tags under it from documents and annotations, which themselves stay. */
  async delete(tag: string): Promise<TagChange> {
    await this.mustExist(tag);
    const without = (tags: readonly string[]) => tags.filter((t) => !carries([t], tag));
    const documents = this.documentEdits(tag, without);
    const annotations = (await this.annotationsCarrying(tag)).map((a) => ({ id: a.id, before: a.tags, after: without(a.tags) }));
    await this.saveDocumentTags(documents);
    for (const edit of annotations) await this.annotations.update(edit.id, { tags: edit.after });
    return changeOf({ documents, annotations });
  }

  /**
   * Takes back a rename, merge or delete: each document and annotation it
   * changed gets its tags from before (keeping what was changed on it since).
   * Items that are gone since are passed over. Returns the change that redoes it.
   */
  async restore(edits: TagEdits): Promise<TagChange> {
    const known = new Set(this.documents.list().map((d) => d.id));
    const documents = edits.documents
      .filter((edit) => known.has(edit.id))
      .map((edit) => ({ id: edit.id, before: this.documentTags(edit.id), after: reverted(this.documentTags(edit.id), edit) }));
    const live = new Map((await this.annotations.allAnnotations()).map((a) => [a.id, a.tags]));
    const annotations = edits.annotations.flatMap((edit) => {
      const current = live.get(edit.id);
      return current ? [{ id: edit.id, before: current, after: reverted(current, edit) }] : [];
    });
    await this.saveDocumentTags(documents);
    for (const edit of annotations) await this.annotations.update(edit.id, { tags: edit.after });
    return changeOf({ documents, annotations });
  }

  /** The documents carrying `tag` (or a tag under it), each with its tags before and after `change`. */
  private documentEdits(tag: string, change: (tags: readonly string[]) => string[]): TagEdit[] {
    return this.inLibrary()
      .filter(([, tags]) => carries(tags, tag))
      .map(([id, tags]) => ({ id, before: tags, after: change(tags) }));
  }

  private async annotationsCarrying(tag: string) {
    return (await this.annotations.allAnnotations()).filter((a) => carries(a.tags, tag));
  }

  /** Saves the documents' new tags in one write, then tells the modules that follow them. */
  private async saveDocumentTags(edits: readonly TagEdit[]): Promise<void> {
    if (edits.length === 0) return;
    await this.file.update((data) => {
      for (const { id, after } of edits) {
        if (after.length > 0) data.documents[id] = after;
        else delete data.documents[id];
      }
    });
    for (const { id } of edits) this.events.emit('documentTagsChanged', id);
  }

  private async knownTags(): Promise<string[]> {
    return (await this.list()).map((t) => t.tag);
  }

  private async mustExist(tag: string): Promise<void> {
    if (!(await this.knownTags()).includes(tag)) throw new DossierError('not_found', `No document or annotation is tagged "${tag}"; reload the tag list to see the current tags.`);
  }
}
