import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Id, type Block, type DocumentFormat, type DocumentSummary } from '../../common/contract';
import { DossierError } from '../../common/errors';
import { describe } from './metadata';
import { type BlockTable, RecentTables } from './block-table';
import type { CollectionSpec, Store, StoreCollection, TextFolder } from '../store/store';

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
  hash: z.string().regex(/^[0-9a-f]{64}$/),
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

/** A record as the API shows it: without the hash, format and file, which are the library's own business. */
export const summaryOf = ({ hash: _hash, format: _format, file: _file, ...summary }: DocumentRecord): DocumentSummary => summary;

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

/**
 * The library: document metadata in one collection, each text in a file of
 * its own so that nothing the user saves later rewrites them. Its storage
 * comes down to two steps, `put(record, text?)` and `remove(id)`, each
 * durable before it returns; callers emit documentChanged / documentRemoved.
 */
export class Documents {
  private readonly tables = new RecentTables();

  private constructor(
    private readonly library: StoreCollection<DocumentRecord, LibraryMeta>,
    private readonly texts: TextFolder,
  ) {}

  static async open(store: Store): Promise<Documents> {
    return new Documents(await store.collection(LIBRARY), await store.texts('texts'));
  }

  /** When the library was first seeded, or null before. */
  get seededAt(): string | null {
    return this.library.meta.seededAt;
  }

  async markSeeded(): Promise<void> {
    await this.library.update((draft) => draft.setMeta({ seededAt: new Date().toISOString() }));
  }

  list(): DocumentRecord[] {
    return this.library.list();
  }

  get(id: string): DocumentRecord {
    const doc = this.library.get(id);
    if (!doc) throw new DossierError('not_found', `There is no document with id "${id}"`);
    return doc;
  }

  findByHash(hash: string): DocumentRecord | undefined {
    return this.library.list().find((d) => d.hash === hash);
  }

  async text(id: string): Promise<string> {
    this.get(id);
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
      id: hash.slice(0, 16),
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
