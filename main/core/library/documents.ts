import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Block, DocumentFormat, DocumentSummary } from '../../common/contract';
import { DossierError } from '../../common/errors';
import { readFileIfExists, writeFileDurable, ensureDir } from '../store/durable';
import { describe } from './metadata';
import { toBlocks } from './paragraphs';
import type { FileSpec, Store, StoreFile, Versioned } from '../store/store';

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

interface LibraryData extends Versioned {
  documents: DocumentRecord[];
  seededAt: string | null;
}

const LIBRARY: FileSpec<LibraryData> = {
  name: 'library.json',
  schema: 1,
  defaults: () => ({ schema: 1, documents: [], seededAt: null }),
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
 * The library: document metadata in one small file, each text in a file of
 * its own so that nothing the user saves later rewrites them.
 */
export class Documents {
  private readonly blockCache = new Map<string, Block[]>();

  private constructor(
    private readonly store: Store,
    private readonly file: StoreFile<LibraryData>,
  ) {}

  static async open(store: Store): Promise<Documents> {
    await ensureDir(store.path('texts'));
    return new Documents(store, await store.file(LIBRARY));
  }

  /** When the library was first seeded, or null before. */
  get seededAt(): string | null {
    return this.file.data.seededAt;
  }

  async markSeeded(): Promise<void> {
    await this.file.update((data) => (data.seededAt = new Date().toISOString()));
  }

  list(): DocumentRecord[] {
    return this.file.data.documents;
  }

  get(id: string): DocumentRecord {
    const doc = this.file.data.documents.find((d) => d.id === id);
    if (!doc) throw new DossierError('not_found', `There is no document with id "${id}"`);
    return doc;
  }

  findByHash(hash: string): DocumentRecord | undefined {
    return this.file.data.documents.find((d) => d.hash === hash);
  }

  async text(id: string): Promise<string> {
    this.get(id);
    const text = await readFileIfExists(this.textPath(id));
    if (text === null) throw new DossierError('not_found', `The text of "${id}" is missing from ${this.textPath(id)}`);
    return text;
  }

  /** The document as reading blocks, computed once per session. */
  async blocks(id: string): Promise<Block[]> {
    const cached = this.blockCache.get(id);
    if (cached) return cached;
    const blocks = toBlocks(await this.text(id), this.get(id).format);
    this.blockCache.set(id, blocks);
    return blocks;
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
    const added = await this.insert(doc, text);
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
    // The text first: if saving the library then fails, only the hash is stale.
    await writeFileDurable(this.textPath(id), text);
    this.blockCache.delete(id);
    await this.file.update((data) => (data.documents = data.documents.map((d) => (d.id === id ? next : d))));
    return next;
  }

  /** Puts back a document as a backup recorded it (same id, title, dates; counts from the text). Callers emit documentChanged. */
  async restore(record: Omit<DocumentRecord, 'hash' | 'length' | 'words'>, text: string): Promise<void> {
    if (this.file.data.documents.some((d) => d.id === record.id)) {
      throw new DossierError('conflict', `The library already has a document with id "${record.id}"`);
    }
    if (!(await this.insert({ ...record, hash: hashText(text), length: text.length, words: countWords(text) }, text))) {
      throw new DossierError('conflict', `The library already has a document with id "${record.id}"`);
    }
  }

  /**
   * Takes back a document that was just added, text and all, before anyone
   * could have used it (its import was cancelled while it was being indexed).
   * Callers emit documentRemoved.
   */
  async discard(id: string): Promise<void> {
    this.get(id);
    this.blockCache.delete(id);
    // The entry first: a library entry must never point at a text that is not on disk.
    await this.file.update((data) => (data.documents = data.documents.filter((d) => d.id !== id)));
    await rm(this.textPath(id), { force: true });
  }

  /** Adds the record unless a document with its id is already there (two adds of one text at once); says whether it did. */
  private async insert(doc: DocumentRecord, text: string): Promise<boolean> {
    // Text first: a library entry must never point at a text that is not on disk.
    await writeFileDurable(this.textPath(doc.id), text);
    return this.file.update((data) => {
      if (data.documents.some((d) => d.id === doc.id)) return false;
      data.documents.push(doc);
      return true;
    });
  }

  private textPath(id: string): string {
    return this.store.path(`texts/${id}.txt`);
  }
}
