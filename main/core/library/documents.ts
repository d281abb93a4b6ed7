import { createHash } from 'node:crypto';
import type { Block, DocumentSummary } from '../../common/contract';
import { DossierError } from '../../common/errors';
import { readFileIfExists, writeFileDurable, ensureDir } from '../store/durable';
import { describe } from './metadata';
import { type BlockTable, RecentTables } from './block-table';
import type { FileSpec, Store, StoreFile, Versioned } from '../store/store';

/** A document as the library file keeps it: metadata only, the text lives in texts/<id>.txt. */
export interface DocumentRecord extends DocumentSummary {
  /** SHA-256 of the text: the same content imported twice is one document. */
  hash: string;
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

export interface NewDocument {
  text: string;
  source: string;
  origin: DocumentRecord['origin'];
  title?: string;
}

/** A record as the API shows it: without the hash, which is the library's own business. */
export const summaryOf = ({ hash: _hash, ...summary }: DocumentRecord): DocumentSummary => summary;

/** What a document's record says about its text: read from the text unless a title is given. */
function textFacts(text: string, source: string, title?: string): Pick<DocumentRecord, 'title' | 'date' | 'length' | 'words'> {
  const described = describe(text, source);
  return {
    title: title ?? described.title,
    date: described.date,
    length: text.length,
    words: countWords(text),
  };
}

const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Hex SHA-256 of a text. */
export const hashText = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The library: document metadata in one small file, each text in a file of
 * its own so that nothing the user saves later rewrites them.
 */
export class Documents {
  private readonly tables = new RecentTables();

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

  /** The document's reading blocks, packed; kept for the documents read last. */
  blockTable(id: string): Promise<BlockTable> {
    this.get(id);
    return this.tables.get(id, () => this.text(id));
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
    const doc: DocumentRecord = {
      id: hash.slice(0, 16),
      ...textFacts(input.text, input.source, input.title),
      source: input.source,
      origin: input.origin,
      addedAt: new Date().toISOString(),
      hash,
    };
    await this.insert(doc, input.text);
    return { doc, added: true };
  }

  /**
   * Replaces a document's text with a new version (a changed file imported
   * again). The id stays, so its annotations stay with it and re-anchor on
   * the new text. Callers emit documentChanged.
   */
  async replaceText(id: string, text: string, title?: string): Promise<DocumentRecord> {
    const current = this.get(id);
    const next: DocumentRecord = { ...current, ...textFacts(text, current.source, title), hash: hashText(text) };
    // The text first: if saving the library then fails, only the hash is stale.
    await writeFileDurable(this.textPath(id), text);
    this.tables.forget(id);
    await this.file.update((data) => (data.documents = data.documents.map((d) => (d.id === id ? next : d))));
    return next;
  }

  /** Puts back a document as a backup recorded it (same id, title, dates; counts from the text). Callers emit documentChanged. */
  async restore(record: Omit<DocumentRecord, 'hash' | 'length' | 'words'>, text: string): Promise<void> {
    if (this.file.data.documents.some((d) => d.id === record.id)) {
      throw new DossierError('conflict', `The library already has a document with id "${record.id}"`);
    }
    await this.insert({ ...record, hash: hashText(text), length: text.length, words: countWords(text) }, text);
  }

  private async insert(doc: DocumentRecord, text: string): Promise<void> {
    // Text first: a library entry must never point at a text that is not on disk.
    await writeFileDurable(this.textPath(doc.id), text);
    await this.file.update((data) => data.documents.push(doc));
  }

  private textPath(id: string): string {
    return this.store.path(`texts/${id}.txt`);
  }
}
