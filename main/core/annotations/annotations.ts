import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import pLimit from 'p-limit';
import { z } from 'zod';
import {
  HighlightColor,
  Id,
  NoteText,
  Tag,
  type Annotation,
  type AnnotationAnchor,
  type AnnotationFilter,
  type AnnotationPatch,
  type AnnotationRange,
  type NewAnnotation,
  type StoredAnnotation,
} from '../../common/contract';
import { DossierError } from '../../common/errors';
import { Anchorer, describeRange, trimRange, type TextSpan } from './anchoring';
import type { CoreEmitter } from '../events';
import type { Documents } from '../library/documents';
import { expired } from '../store/expiry';
import type { FileSpec, Store, StoreFile, Versioned } from '../store/store';

/*
 * Annotations live in one small file per document, annotations/<docId>.json,
 * so that saving one never rewrites anything else: not the document texts,
 * not the other documents' annotations. Deleting only marks an annotation
 * (so Undo brings back the same one); marked annotations are dropped from the
 * file a month later, the next time that file is saved (see `expired`).
 */

/** A stored annotation, possibly deleted (kept for Undo until the file is next saved after the grace period). */
interface AnnotationRecord extends StoredAnnotation {
  /** When it was deleted, by the clock of the session that deleted it. */
  deleted?: string;
  /** The session that deleted it (Store.session). */
  deletedIn?: string;
}

interface AnnotationFile extends Versioned {
  docId: string;
  annotations: AnnotationRecord[];
}

const Offset = z.number().int().min(0);

/** An annotation as it is stored, and as a backup carries it. */
export const StoredAnnotationShape = z.object({
  id: Id,
  docId: Id,
  target: z.object({
    selector: z.tuple([
      z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string(), suffix: z.string() }),
      z.object({ type: z.literal('TextPositionSelector'), start: Offset, end: Offset }),
    ]),
  }),
  note: NoteText,
  // No upper bound on the count: a merge of tags may leave more than a person can type in.
  tags: z.array(Tag),
  color: HighlightColor,
  created: z.string().max(40),
  modified: z.string().max(40),
});

const AnnotationRecordShape = StoredAnnotationShape.extend({ deleted: z.string().max(40).optional(), deletedIn: z.string().max(100).optional() });

const FOLDER = 'annotations';
const fileSpec = (docId: string): FileSpec<AnnotationFile> => ({
  name: `${FOLDER}/${docId}.json`,
  schema: 1,
  shape: z
    .object({ schema: z.number(), docId: z.literal(docId), annotations: z.array(AnnotationRecordShape) })
    .refine((file) => file.annotations.every((a) => a.docId === docId), { error: 'an annotation of another document is in it' })
    .refine((file) => new Set(file.annotations.map((a) => a.id)).size === file.annotations.length, { error: 'the same annotation is in it twice' }),
  defaults: () => ({ schema: 1, docId, annotations: [] }),
});
const FILE_NAME = /^(.+)\.json$/;
const PARALLEL_READS = 32;

/** A note as the library search indexes it: its text and tags, and where its highlight now starts (null: orphaned). */
export interface AnchoredNote {
  id: string;
  text: string;
  tags: string[];
  start: number | null;
}

const notFound = (id: string) =>
  new DossierError('not_found', `There is no annotation with id "${id}". It may have been deleted; reload the list to see the current annotations.`);

/**
 * Every document's annotations, anchored on the current texts.
 *
 * For other modules (export, entities): `annotationsOf(docId)` gives one
 * document's live annotations in reading order, `allAnnotations()` every
 * live annotation; both carry `anchor` (anchored with its current range, or
 * orphaned). `renameTag(from, to)` rewrites a tag and the tags under it.
 * Every saved change, and every change of anchors with a new text, emits
 * `annotationsChanged(docId)`; `notesOf(docId)` gives what search indexes.
 */
export class Annotations {
  private readonly files = new Map<string, StoreFile<AnnotationFile>>();
  /** Annotation id -> document id, deleted ones included (for Undo). */
  private readonly docOf = new Map<string, string>();
  /** Anchors are worked out once per document text and dropped when the text changes. */
  private readonly anchors = new Map<string, Promise<Map<string, AnnotationAnchor>>>();
  /** Reads of many files (at start, for the Notes view) run a few at a time: enough to overlap, never thousands of open files. */
  private readonly reading = pLimit(PARALLEL_READS);

  private constructor(
    private readonly store: Store,
    private readonly documents: Documents,
    private readonly events: CoreEmitter,
  ) {}

  /** Reads every annotation file of the data folder, and keeps anchors fresh when texts change. */
  static async open(store: Store, documents: Documents, events: CoreEmitter): Promise<Annotations> {
    const annotations = new Annotations(store, documents, events);
    let names: string[] = [];
    try {
      names = await readdir(store.path(FOLDER));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const docIds = names.map((name) => FILE_NAME.exec(name)?.[1]).filter((id): id is string => id !== undefined && Id.safeParse(id).success);
    await Promise.all(docIds.map((docId) => annotations.reading(() => annotations.load(docId))));
    const reanchor = (docId: string) => {
      annotations.anchors.delete(docId);
      if (annotations.files.has(docId)) events.emit('annotationsChanged', docId);
    };
    events.on('documentChanged', reanchor);
    events.on('documentRemoved', reanchor);
    return annotations;
  }

  /** Documents that have annotation files (deleted annotations included, documents in the Trash too). */
  annotatedDocuments(): string[] {
    return [...this.files.keys()];
  }

  /** How many live annotations a document has, in the library or in the Trash. */
  countOf(docId: string): number {
    return (this.files.get(docId)?.data.annotations ?? []).filter((record) => !record.deleted).length;
  }

  /** Removes a document's annotations file, deleted annotations and all: the document was deleted for good. */
  async removeDocument(docId: string): Promise<void> {
    const file = this.files.get(docId);
    if (!file) return;
    // Nothing changes them meanwhile: annotations of a document outside the library refuse every change.
    const ids = file.data.annotations.map((record) => record.id);
    await file.remove();
    this.files.delete(docId);
    this.anchors.delete(docId);
    for (const id of ids) this.docOf.delete(id);
    this.events.emit('annotationsChanged', docId);
  }

  /** A document's live notes, each where its highlight now starts: what the library search indexes. */
  async notesOf(docId: string): Promise<AnchoredNote[]> {
    const anchors = await this.anchorsOf(docId);
    return this.live(docId).map((record) => {
      const anchor = anchors.get(record.id);
      return { id: record.id, text: record.note, tags: record.tags, start: anchor?.status === 'anchored' ? anchor.start : null };
    });
  }

  /** One document's live annotations in reading order (orphans last). */
  async annotationsOf(docId: string): Promise<Annotation[]> {
    const anchors = await this.anchorsOf(docId);
    return this.live(docId)
      .map((record) => withAnchor(record, anchors.get(record.id)))
      .sort(byReadingOrder);
  }

  /** Every live annotation, document by document (newest document first), each in reading order. */
  async allAnnotations(): Promise<Annotation[]> {
    const lists = await Promise.all(this.documentOrder().map((docId) => this.annotationsOf(docId)));
    return lists.flat();
  }

  /** Annotations matching a filter (document, tag with its sub-tags, colour), sorted. */
  async list(filter: AnnotationFilter): Promise<Annotation[]> {
    // A document that is not in the library (one in the Trash) says so rather than listing nothing.
    if (filter.docId !== undefined && !this.documents.has(filter.docId)) this.documents.get(filter.docId);
    const found = filter.docId === undefined ? await this.allAnnotations() : await this.annotationsOf(filter.docId);
    const matching = found.filter((a) => (!filter.tag || hasTag(a.tags, filter.tag)) && (!filter.color || a.color === filter.color));
    if (filter.sort === 'newest') return matching.sort((a, b) => b.created.localeCompare(a.created));
    if (filter.sort === 'oldest') return matching.sort((a, b) => a.created.localeCompare(b.created));
    return matching;
  }

  async get(id: string): Promise<Annotation> {
    const record = this.record(id);
    if (record.deleted) throw notFound(id);
    return this.anchored(record);
  }

  /** Highlights a passage of a document's original text (whitespace at its ends left out). */
  async create(input: NewAnnotation): Promise<Annotation> {
    const { text, span } = await this.selection(input.docId, input);
    const now = new Date().toISOString();
    const record: AnnotationRecord = {
      id: randomUUID(),
      docId: input.docId,
      target: { selector: describeRange(text, span) },
      note: input.note ?? '',
      tags: unique(input.tags ?? []),
      color: input.color ?? 'yellow',
      created: now,
      modified: now,
    };
    await this.setAnchor(record.docId, record.id, { status: 'anchored', ...span });
    this.docOf.set(record.id, record.docId);
    await this.commit(input.docId, (list) => [...list, record]);
    return this.anchored(record);
  }

  /** Changes an annotation's note, tags or colour. */
  async update(id: string, patch: AnnotationPatch): Promise<Annotation> {
    const current = this.record(id);
    if (current.deleted) throw notFound(id);
    if (!changes(current, patch)) return this.anchored(current);
    return this.anchored(await this.revise(id, (record) => (changes(record, patch) ? { ...patched(record, patch), modified: new Date().toISOString() } : record)));
  }

  /** Deletes an annotation; `restore(id)` undoes it. Returns it as it was. */
  async delete(id: string): Promise<Annotation> {
    if (this.record(id).deleted) throw notFound(id);
    const deleted = await this.revise(id, (record) => ({ ...record, deleted: new Date().toISOString(), deletedIn: this.store.session }));
    return this.anchored(withoutDeletion(deleted));
  }

  /** Brings back a deleted annotation, same id and content. */
  async restore(id: string): Promise<Annotation> {
    const current = this.record(id);
    if (!current.deleted) return this.anchored(current);
    return this.anchored(await this.revise(id, withoutDeletion));
  }

  /**
   * What adopting a backup's annotations would do: add those this library
   * has never had (same ids, notes and dates), and bring back those it has
   * deleted since; those it has are left as they are. Changes nothing.
   */
  planAdoption(records: readonly StoredAnnotation[]): Adoption {
    const add = records.filter((r) => !this.docOf.has(r.id));
    const bringBack = records.flatMap((r) => {
      const current = this.recordOrNull(r.id);
      return current?.deleted ? [{ id: r.id, docId: current.docId, deleted: current.deleted, deletedIn: current.deletedIn }] : [];
    });
    return { add, bringBack };
  }

  /** Makes an adoption (see planAdoption); anchors of the added ones are worked out on the current texts. */
  async adopt({ add, bringBack }: Adoption): Promise<void> {
    for (const [docId, list] of groupByDoc(add)) {
      this.anchors.delete(docId);
      await this.commit(docId, (current) => [...current, ...list]);
      for (const record of list) this.docOf.set(record.id, docId);
    }
    const back = new Set(bringBack.map((b) => b.id));
    for (const docId of new Set(bringBack.map((b) => b.docId))) {
      await this.commit(docId, (list) => list.map((r) => (back.has(r.id) ? withoutDeletion(r) : r)));
    }
  }

  /** Undoes an adoption: the added annotations leave, those brought back are deleted again as they were. */
  async unadopt({ add, bringBack }: Adoption): Promise<void> {
    const added = new Set(add.map((r) => r.id));
    for (const docId of new Set(add.map((r) => r.docId))) {
      if (this.holds(docId, (r) => added.has(r.id))) await this.commit(docId, (list) => list.filter((r) => !added.has(r.id)));
    }
    for (const id of added) this.docOf.delete(id);
    const deletions = new Map(bringBack.map((b) => [b.id, b]));
    const redelete = (r: AnnotationRecord): AnnotationRecord => {
      const was = deletions.get(r.id);
      return was && !r.deleted ? { ...r, deleted: was.deleted, ...(was.deletedIn !== undefined && { deletedIn: was.deletedIn }) } : r;
    };
    for (const docId of new Set(bringBack.map((b) => b.docId))) {
      if (this.holds(docId, (r) => deletions.has(r.id) && !r.deleted)) await this.commit(docId, (list) => list.map(redelete));
    }
  }

  /** Points an annotation at another passage of its document (to rescue an orphan, or fix a selection). */
  async reattach(id: string, range: AnnotationRange): Promise<Annotation> {
    const current = this.record(id);
    if (current.deleted) throw notFound(id);
    const { text, span } = await this.selection(current.docId, range);
    const target = { selector: describeRange(text, span) };
    await this.setAnchor(current.docId, id, { status: 'anchored', ...span });
    try {
      return this.anchored(await this.revise(id, (record) => ({ ...record, target, modified: new Date().toISOString() })));
    } catch (error) {
      this.anchors.delete(current.docId);
      throw error;
    }
  }

  /**
   * Renames a tag everywhere, with the tags under it ("ops" -> "operators"
   * also turns "ops/china" into "operators/china"); renaming onto an existing
   * tag merges the two. Returns how many annotations changed.
   */
  async renameTag(from: string, to: string): Promise<number> {
    for (const tag of [from, to]) {
      const checked = Tag.safeParse(tag);
      if (!checked.success) throw new DossierError('invalid_argument', checked.error.issues[0]?.message ?? `“${tag}” is not a tag`);
    }
    let changed = 0;
    for (const docId of [...this.files.keys()]) {
      for (const record of this.live(docId).filter((r) => hasTag(r.tags, from))) {
        const renamed = (tags: string[]) => unique(tags.map((t) => (hasTag([t], from) ? to + t.slice(from.length) : t)));
        await this.revise(record.id, (latest) => ({ ...latest, tags: renamed(latest.tags), modified: new Date().toISOString() }));
        changed++;
      }
    }
    return changed;
  }

  private async load(docId: string): Promise<StoreFile<AnnotationFile>> {
    let file = this.files.get(docId);
    if (file) return file;
    file = await this.store.file(fileSpec(docId));
    this.files.set(docId, file);
    for (const record of file.data.annotations) this.docOf.set(record.id, docId);
    return file;
  }

  private holds(docId: string, test: (record: AnnotationRecord) => boolean): boolean {
    return this.files.get(docId)?.data.annotations.some(test) ?? false;
  }

  /**
   * A document's annotations that are not deleted, while the document is in
   * the library: those of a document in the Trash wait, unchanged, for it.
   */
  private live(docId: string): AnnotationRecord[] {
    if (!this.documents.has(docId)) return [];
    return (this.files.get(docId)?.data.annotations ?? []).filter((record) => !record.deleted);
  }

  private recordOrNull(id: string): AnnotationRecord | null {
    const docId = this.docOf.get(id);
    return (docId && this.files.get(docId)?.data.annotations.find((r) => r.id === id)) || null;
  }

  /** An annotation of a document in the library, deleted or not. */
  private record(id: string): AnnotationRecord {
    const record = this.recordOrNull(id);
    if (!record || !this.documents.has(record.docId)) throw notFound(id);
    return record;
  }

  private async anchored(record: AnnotationRecord): Promise<Annotation> {
    const anchors = await this.anchorsOf(record.docId);
    return withAnchor(record, anchors.get(record.id));
  }

  private anchorsOf(docId: string): Promise<Map<string, AnnotationAnchor>> {
    let anchors = this.anchors.get(docId);
    if (!anchors) {
      anchors = this.computeAnchors(docId);
      this.anchors.set(docId, anchors);
      anchors.catch(() => this.anchors.delete(docId));
    }
    return anchors;
  }

  private async computeAnchors(docId: string): Promise<Map<string, AnnotationAnchor>> {
    const text = await this.textOrNull(docId);
    const anchorer = text === null ? null : new Anchorer(text);
    const anchors = new Map<string, AnnotationAnchor>();
    for (const record of this.files.get(docId)?.data.annotations ?? []) {
      const [quote, position] = record.target.selector;
      const span = anchorer?.locate(quote, position);
      anchors.set(record.id, span ? { status: 'anchored', ...span } : { status: 'orphaned' });
    }
    return anchors;
  }

  private async setAnchor(docId: string, id: string, anchor: AnnotationAnchor): Promise<void> {
    (await this.anchorsOf(docId)).set(id, anchor);
  }

  // A document that was removed leaves its annotations orphaned, never lost.
  private async textOrNull(docId: string): Promise<string | null> {
    try {
      return await this.reading(() => this.documents.text(docId));
    } catch (error) {
      if (error instanceof DossierError && error.code === 'not_found') return null;
      throw error;
    }
  }

  /** The document's text and the selection in it, trimmed; a clear error when nothing is selected. */
  private async selection(docId: string, { start, end }: { start: number; end: number }): Promise<{ text: string; span: TextSpan }> {
    const text = await this.documents.text(docId);
    if (end > text.length) {
      throw new DossierError('invalid_argument', `The selection ends at ${end} but the document has ${text.length} characters; select the passage again.`);
    }
    const span = end > start ? trimRange(text, start, end) : null;
    if (!span) throw new DossierError('invalid_argument', 'The selection is empty or only whitespace; select some text to highlight.');
    return { text, span };
  }

  /** Documents with annotations, in the library's reading order: newest first, undated last, then by title. */
  private documentOrder(): string[] {
    const known = new Map(this.documents.list().map((d) => [d.id, d]));
    const key = (docId: string) => ({ date: known.get(docId)?.date ?? '', title: known.get(docId)?.title ?? docId });
    return [...this.files.keys()].filter((docId) => known.has(docId)).sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return y.date.localeCompare(x.date) || x.title.localeCompare(y.title);
    });
  }

  /**
   * Saves a new version of a stored annotation, made by `edit` from the
   * version saved last: two changes sent at once (a note saved as a tag is
   * added) each build on the other, and neither is lost.
   */
  private async revise(id: string, edit: (record: AnnotationRecord) => AnnotationRecord): Promise<AnnotationRecord> {
    let revised: AnnotationRecord | null = null;
    await this.commit(this.record(id).docId, (list) => list.map((r) => (r.id === id ? (revised = edit(r)) : r)));
    if (!revised) throw notFound(id);
    return revised;
  }

  /**
   * Applies a change to one document's file and saves it (see StoreFile.update:
   * nothing is ever half saved), then tells the modules that follow annotations.
   * Annotations deleted more than a month ago leave the file with the next change (see store/expiry.ts).
   */
  private async commit(docId: string, change: (list: AnnotationRecord[]) => AnnotationRecord[]): Promise<void> {
    const file = await this.load(docId);
    await file.update((data) => {
      data.annotations = change(data.annotations).filter((r) => !expired(r, this.store.session));
    });
    this.events.emit('annotationsChanged', docId);
  }
}

/** What adopting a backup's annotations adds, and which deleted ones it brings back (with how they were deleted). */
export interface Adoption {
  add: StoredAnnotation[];
  bringBack: Array<{ id: string; docId: string; deleted: string; deletedIn: string | undefined }>;
}

function groupByDoc(records: readonly StoredAnnotation[]): Map<string, StoredAnnotation[]> {
  const byDoc = new Map<string, StoredAnnotation[]>();
  for (const record of records) byDoc.set(record.docId, [...(byDoc.get(record.docId) ?? []), record]);
  return byDoc;
}

function withoutDeletion({ deleted: _deleted, deletedIn: _deletedIn, ...record }: AnnotationRecord): AnnotationRecord {
  return record;
}

function withAnchor(record: AnnotationRecord, anchor: AnnotationAnchor | undefined): Annotation {
  const { deleted: _deleted, deletedIn: _deletedIn, ...stored } = record;
  return { ...stored, anchor: anchor ?? { status: 'orphaned' } };
}

function byReadingOrder(a: Annotation, b: Annotation): number {
  const start = (x: Annotation) => (x.anchor.status === 'anchored' ? x.anchor.start : Number.MAX_SAFE_INTEGER);
  return start(a) - start(b) || a.target.selector[1].start - b.target.selector[1].start || a.created.localeCompare(b.created);
}

/** True when `tags` holds `tag` or a tag under it. */
function hasTag(tags: string[], tag: string): boolean {
  return tags.some((t) => t === tag || t.startsWith(`${tag}/`));
}

const unique = (tags: string[]): string[] => [...new Set(tags)];

const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function patched(record: AnnotationRecord, patch: AnnotationPatch): AnnotationRecord {
  return {
    ...record,
    ...(patch.note !== undefined && { note: patch.note }),
    ...(patch.tags !== undefined && { tags: unique(patch.tags) }),
    ...(patch.color !== undefined && { color: patch.color }),
  };
}

/** Whether a patch changes anything of an annotation. */
function changes(record: AnnotationRecord, patch: AnnotationPatch): boolean {
  const next = patched(record, patch);
  return next.note !== record.note || next.color !== record.color || !sameList(next.tags, record.tags);
}
