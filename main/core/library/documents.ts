import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Id, type Block, type DocumentSummary } from '../../common/contract';
import { DossierError } from '../../common/errors';
import { describe } from './metadata';
import { toBlocks } from './paragraphs';
import type { CollectionSpec, Store, StoreCollection, TextFolder } from '../store/store';

/** A document as the library file keeps it: metadata only, the text lives in texts/<id>.txt. */
export interface DocumentRecord extends DocumentSummary {
  /** SHA-256 of the text: the same content imported twice is one document. */
  hash: string;
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
 * The library: document metadata in one collection, each text in a file of
 * its own so that nothing the user saves later rewrites them. Its storage
 * comes down to two steps, `put(record, text?)` and `remove(id)`, each
 * durable before it returns; callers emit documentChanged / documentRemoved.
 */
export class Documents {
  private readonly blockCache = new Map<string, Block[]>();

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

  /** The document as reading blocks, computed once per session. */
  async blocks(id: string): Promise<Block[]> {
    const cached = this.blockCache.get(id);
    if (cached) return cached;
    const blocks = toBlocks(await this.text(id));
    this.blockCache.set(id, blocks);
    return blocks;
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
    await this.put(doc, input.text);
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
    await this.put(next, text);
    return next;
  }

  /** Puts back a document as a backup recorded it (same id, title, dates; counts from the text). Callers emit documentChanged. */
  async restore(record: Omit<DocumentRecord, 'hash' | 'length' | 'words'>, text: string): Promise<DocumentRecord> {
    if (this.library.get(record.id)) {
      throw new DossierError('conflict', `The library already has a document with id "${record.id}"`);
    }
    const doc: DocumentRecord = { ...record, hash: hashText(text), length: text.length, words: countWords(text) };
    await this.put(doc, text);
    return doc;
  }

  /**
   * Saves a document's record, and first its text when one is given: a
   * record never points at a text that is not on disk. (If saving the record
   * fails after a new text of an existing document was written, only the
   * record's hash and counts are stale, and the next import mends them.)
   */
  async put(record: DocumentRecord, text?: string): Promise<void> {
    if (text !== undefined) {
      await this.texts.write(record.id, text, `the text of “${record.title}”`);
      this.blockCache.delete(record.id);
    }
    await this.library.update((draft) => draft.put(record));
  }

  /** Removes a document's record, then its text (a text left behind by a crash in between is never read). */
  async remove(id: string): Promise<void> {
    await this.library.update((draft) => draft.remove(id));
    this.blockCache.delete(id);
    await this.texts.remove(id);
  }

  /** Whether changes can be saved now (false in a folder opened read-only). */
  get writable(): boolean {
    return this.texts.writable;
  }
}
