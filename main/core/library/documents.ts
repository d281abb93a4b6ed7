import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Id, type Block, type DocumentFormat, type DocumentSummary } from '../../common/contract';
import { cleanSourceLabel, cleanTitle, detailProblems, type DocumentDetails } from '../../common/document-details';
import { DossierError } from '../../common/errors';
import type { Deletion } from '../store/expiry';
import { describe } from './metadata';
import { type BlockTable, RecentTables } from './block-table';
import type { CollectionSpec, Store, StoreCollection, TextFolder } from '../store/store';

/** When a document went to the Trash, and in which session (the same rule as deleted notes: store/expiry.ts). */
export type TrashMark = Required<Deletion>;

/** What identifies an imported file beyond its name: how two imports are known to be the same file. */
export interface FileIdentity {
  name: string;
  size: number;
  lastModified?: number;
  /** The full path, where the desktop app knows it. */
  path?: string;
}

/** A document as the library file keeps it: metadata only, the text lives in texts/<id>.txt. */
export interface DocumentRecord extends DocumentSummary {
  /** SHA-256 of the text: the same content imported twice is one document. */
  hash: string;
  /** Set while the document is in the Trash: out of the library, its text, notes and tags kept. */
  trashed?: TrashMark;
  /** How the text is written (how it is read into blocks); plain text when absent. */
  format?: DocumentFormat;
  /** The file it was imported from. */
  file?: FileIdentity;
}

const DocumentRecord = z.object({
  id: Id,
  title: z.string(),
  date: z.string().nullable(),
  length: z.number().int().min(0),
  words: z.number().int().min(0),
  source: z.string(),
  origin: z.enum(['seed', 'import']),
  addedAt: z.string(),
  sourceLabel: z.string().max(1000).optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  trashed: z.object({ deleted: z.string().max(40), deletedIn: z.string().max(100) }).optional(),
  byline: z.string().optional(),
  format: z.enum(['text', 'markdown', 'html', 'pdf']).optional(),
  file: z.object({ name: z.string(), size: z.number().int().min(0), lastModified: z.number().optional(), path: z.string().optional() }).optional(),
});

interface LibraryMeta {
  seededAt: string | null;
}

/** library.json (a snapshot) and its journal: one short append per change, whatever the size of the library. */
const LIBRARY: CollectionSpec<DocumentRecord, LibraryMeta> = {
  name: 'library.json',
  schema: 1,
  field: 'documents',
  record: DocumentRecord,
  meta: z.object({ seededAt: z.string().nullable() }),
  defaults: () => ({ seededAt: null }),
};

/** What the importer read about a text besides the text itself; what it leaves out is read from the text. */
export interface TextDetails {
  title?: string;
  /** The date the document states, or null when it states none. */
  date?: string | null;
  byline?: string;
  format?: DocumentFormat;
  file?: FileIdentity;
}

export interface NewDocument extends TextDetails {
  text: string;
  source: string;
  origin: DocumentRecord['origin'];
}

/** A record as the API shows it: without the hash, format, file and Trash mark, which are the library's own business. */
export const summaryOf = ({ hash: _hash, format: _format, file: _file, trashed: _trashed, ...summary }: DocumentRecord): DocumentSummary => summary;

/** What a document's record says about its text: the importer's details, else read from the text. */
function textFacts(text: string, source: string, details: TextDetails): Omit<DocumentRecord, 'id' | 'source' | 'origin' | 'addedAt' | 'hash'> {
  const described = details.title !== undefined && details.date !== undefined ? null : describe(text, source);
  const { title, date, ...rest } = details;
  return {
    title: title ?? (described as NonNullable<typeof described>).title,
    date: date !== undefined ? date : (described as NonNullable<typeof described>).date,
    length: text.length,
    words: countWords(text),
    ...rest,
  };
}

/** Words of a text, counted without splitting it (a 50 MB text would be millions of strings). */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code <= 32 ? code === 32 || (code >= 9 && code <= 13) : code >= 128 && /\s/.test(text.charAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Hex SHA-256 of a text. */
export const hashText = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Why a document cannot be changed or deleted: it left the library, perhaps in another window. */
function gone(record: DocumentRecord | undefined, subject: string, action: string): DossierError {
  const what = record ? `“${record.title}” is in the Trash` : `${subject} is no longer in the library`;
  return new DossierError('not_found', `${what}: it was deleted, perhaps in another window. Nothing was ${action}.`);
}

/** Why a document cannot be restored or deleted for good: it left the Trash, perhaps in another window. */
export function notInTrash(record: DocumentRecord | undefined, action: string): DossierError {
  const what = record ? `“${record.title}” is back in the library, perhaps restored in another window` : 'One of these documents is no longer in the Trash: it was deleted for good, perhaps in another window';
  return new DossierError('not_found', `${what}. Nothing was ${action}.`);
}

/**
 * The library: document metadata in one collection, each text in a file of
 * its own so that nothing the user saves later rewrites them. Its storage
 * comes down to two steps, `put(record, text?)` and `remove(id)`, each
 * durable before it returns; callers emit documentChanged / documentRemoved.
 * Changes to several records at once (`edit`, `trash`, `untrash`) are one
 * step too: one write that lands whole or not at all.
 *
 * A document in the Trash keeps its record (marked), its text, and so its
 * id: `list()`, `get()` and `has()` know only the documents in the library,
 * `trashed()` the others.
 */
export class Documents {
  private readonly tables = new RecentTables();
  /** The documents in the library, worked out again when the collection's list changes. */
  private live: { from: DocumentRecord[]; records: DocumentRecord[]; ids: Set<string> } | null = null;

  private constructor(
    private readonly library: StoreCollection<DocumentRecord, LibraryMeta>,
    private readonly texts: TextFolder,
    /** This session (Store.session), for the Trash's marks. */
    private readonly session: string,
  ) {}

  static async open(store: Store): Promise<Documents> {
    return new Documents(await store.collection(LIBRARY), await store.texts('texts'), store.session);
  }

  /** When the library was first seeded, or null before. */
  get seededAt(): string | null {
    return this.library.meta.seededAt;
  }

  async markSeeded(): Promise<void> {
    await this.library.update((draft) => draft.setMeta({ seededAt: new Date().toISOString() }));
  }

  /** The documents in the library (not those in the Trash), in the order they were added; shared: never change it. */
  list(): DocumentRecord[] {
    return this.inLibrary().records;
  }

  has(id: string): boolean {
    return this.inLibrary().ids.has(id);
  }

  get(id: string): DocumentRecord {
    const doc = this.library.get(id);
    if (!doc) throw new DossierError('not_found', `There is no document with id "${id}"`);
    if (doc.trashed) throw new DossierError('not_found', `“${doc.title}” is in the Trash: restore it from the Trash to read it.`);
    return doc;
  }

  findByHash(hash: string): DocumentRecord | undefined {
    return this.list().find((d) => d.hash === hash);
  }

  /** The documents in the Trash. */
  trashed(): DocumentRecord[] {
    return this.library.list().filter((d) => d.trashed);
  }

  /** A document of the Trash, or undefined. */
  inTrash(id: string): DocumentRecord | undefined {
    const doc = this.library.get(id);
    return doc?.trashed ? doc : undefined;
  }

  private inLibrary(): { records: DocumentRecord[]; ids: Set<string> } {
    const all = this.library.list();
    if (this.live?.from !== all) {
      const records = all.filter((d) => !d.trashed);
      this.live = { from: all, records, ids: new Set(records.map((d) => d.id)) };
    }
    return this.live;
  }

  async text(id: string): Promise<string> {
    this.get(id);
    return this.storedText(id);
  }

  /** The text of a document in the library or in the Trash. */
  async storedText(id: string): Promise<string> {
    const text = await this.texts.read(id);
    if (text === null) throw new DossierError('not_found', `The text of "${id}" is missing from ${this.texts.path(id)}`);
    return text;
  }

  /** The document's reading blocks, packed; kept for the documents read last. */
  blockTable(id: string): Promise<BlockTable> {
    this.get(id);
    return this.tables.get(id, () => this.text(id), this.get(id).format);
  }

  /** Every reading block of the document. */
  async blocks(id: string): Promise<Block[]> {
    const table = await this.blockTable(id);
    return table.range(0, table.count);
  }

  /** Adds a document unless the same text is already in the library; returns the record and whether it is new. */
  async add(input: NewDocument): Promise<{ doc: DocumentRecord; added: boolean }> {
    const hash = hashText(input.text);
    const existing = this.findByHash(hash);
    if (existing) return { doc: existing, added: false };
    const { text, source, origin, ...details } = input;
    const doc: DocumentRecord = {
      id: this.freeId(hash),
      ...textFacts(text, source, details),
      source,
      origin,
      addedAt: new Date().toISOString(),
      hash,
    };
    const added = await this.put(doc, text, { onlyIfNew: true });
    return added ? { doc, added: true } : { doc: this.get(doc.id), added: false };
  }

  /**
   * A new document's id: the start of its text's hash, unless a document in
   * the Trash has it (the same text imported again after it was deleted),
   * whose notes and tags must not become the new one's.
   */
  private freeId(hash: string): string {
    const id = hash.slice(0, 16);
    let free = id;
    for (let n = 2; this.library.get(free); n++) free = `${id}-${n}`;
    return free;
  }

  /** Changes a document's title, date or source label; refuses, changing nothing, what the rules refuse (document-details.ts). */
  async edit(id: string, details: DocumentDetails): Promise<DocumentRecord> {
    const problems = Object.values(detailProblems(details));
    if (problems.length > 0) throw new DossierError('invalid_argument', `${problems.join(' ')} Nothing was saved.`);
    return this.library.update((draft) => {
      const current = draft.get(id);
      if (!current || current.trashed) throw gone(current, 'This document', 'changed');
      const { sourceLabel: _label, ...rest } = current;
      const label = details.sourceLabel === undefined ? (current.sourceLabel ?? null) : cleanSourceLabel(details.sourceLabel);
      const next: DocumentRecord = {
        ...rest,
        ...(details.title !== undefined && { title: cleanTitle(details.title) }),
        ...(details.date !== undefined && { date: details.date }),
        ...(label !== null && { sourceLabel: label }),
      };
      draft.put(next);
      return next;
    });
  }

  /**
   * Moves documents of the library to the Trash and brings `back` from it:
   * one write, all of it or none. Refuses, changing nothing, when one of them
   * is not where it should be (another window deleted or restored it).
   * Returns the records as saved, `trash` first.
   */
  async move({ trash = [], back = [] }: { trash?: readonly string[]; back?: readonly string[] }): Promise<DocumentRecord[]> {
    const mark: TrashMark = { deleted: new Date().toISOString(), deletedIn: this.session };
    return this.library.update((draft) => {
      const moved: DocumentRecord[] = [];
      for (const id of trash) {
        const current = draft.get(id);
        if (!current || current.trashed) throw gone(current, 'One of these documents', 'deleted');
        moved.push({ ...current, trashed: mark });
      }
      for (const id of back) {
        const current = draft.get(id);
        if (!current?.trashed) throw notInTrash(current, 'restored');
        const { trashed: _trashed, ...restored } = current;
        moved.push(restored);
      }
      for (const record of moved) draft.put(record);
      return moved;
    });
  }

  /** Deletes documents of the Trash for good: their records in one write, then their texts. */
  async purge(ids: readonly string[]): Promise<void> {
    await this.library.update((draft) => {
      for (const id of ids) {
        const current = draft.get(id);
        if (!current?.trashed) throw notInTrash(current, 'deleted');
      }
      for (const id of ids) draft.remove(id);
    });
    for (const id of ids) {
      this.tables.forget(id);
      await this.texts.remove(id);
    }
  }

  /**
   * Replaces a document's text with a new version (a changed file imported
   * again). The id stays, so its annotations stay with it and re-anchor on
   * the new text. Callers emit documentChanged.
   */
  async replaceText(id: string, text: string, details: TextDetails = {}): Promise<DocumentRecord> {
    const current = this.get(id);
    const next: DocumentRecord = { ...current, ...textFacts(text, current.source, details), hash: hashText(text) };
    await this.put(next, text);
    return next;
  }

  /** Puts back a document as a backup recorded it (same id, title, dates; counts from the text). Callers emit documentChanged. */
  async restore(record: Omit<DocumentRecord, 'hash' | 'length' | 'words'>, text: string): Promise<DocumentRecord> {
    if (this.library.get(record.id)) {
      throw new DossierError('conflict', `The library already has a document with id "${record.id}"`);
    }
    const doc: DocumentRecord = { ...record, hash: hashText(text), length: text.length, words: countWords(text) };
    if (!(await this.put(doc, text, { onlyIfNew: true }))) throw new DossierError('conflict', `The library already has a document with id "${record.id}"`);
    return doc;
  }

  /**
   * Saves a document's record, and first its text when one is given: a
   * record never points at a text that is not on disk. (If saving the record
   * fails after a new text of an existing document was written, only the
   * record's hash and counts are stale, and the next import mends them.)
   * `onlyIfNew` adds the record only when no document has its id (two adds
   * of one text at once); the answer says whether the record was saved.
   */
  async put(record: DocumentRecord, text?: string, { onlyIfNew = false } = {}): Promise<boolean> {
    if (onlyIfNew && this.library.get(record.id)) return false;
    if (text !== undefined) {
      await this.texts.write(record.id, text, `the text of “${record.title}”`);
      this.tables.forget(record.id);
    }
    return this.library.update((draft) => {
      if (onlyIfNew && draft.get(record.id)) return false;
      draft.put(record);
      return true;
    });
  }

  /** Removes a document's record, then its text (a text left behind by a crash in between is never read). */
  async remove(id: string): Promise<void> {
    await this.library.update((draft) => draft.remove(id));
    this.tables.forget(id);
    await this.texts.remove(id);
  }

  /** Whether changes can be saved now (false in a folder opened read-only). */
  get writable(): boolean {
    return this.texts.writable;
  }
}
