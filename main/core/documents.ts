import { createHash } from 'node:crypto';
import type { Low } from 'lowdb';
import type { Block, DocumentSummary } from '../common/contract';
import { DossierError } from '../common/errors';
import { readFileIfExists, writeFileDurable, ensureDir } from './durable';
import { describe } from './metadata';
import { toBlocks } from './paragraphs';
import type { FileSpec, Store, Versioned } from './store';

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
    private readonly low: Low<LibraryData>,
  ) {}

  static async open(store: Store): Promise<Documents> {
    await ensureDir(store.path('texts'));
    return new Documents(store, await store.file(LIBRARY));
  }

  /** When the library was first seeded, or null before. */
  get seededAt(): string | null {
    return this.low.data.seededAt;
  }

  async markSeeded(): Promise<void> {
    this.low.data.seededAt = new Date().toISOString();
    await this.store.save(this.low, LIBRARY.name);
  }

  list(): DocumentRecord[] {
    return this.low.data.documents;
  }

  get(id: string): DocumentRecord {
    const doc = this.low.data.documents.find((d) => d.id === id);
    if (!doc) throw new DossierError('not_found', `documents: no document with id "${id}"`);
    return doc;
  }

  findByHash(hash: string): DocumentRecord | undefined {
    return this.low.data.documents.find((d) => d.hash === hash);
  }

  async text(id: string): Promise<string> {
    this.get(id);
    const text = await readFileIfExists(this.textPath(id));
    if (text === null) throw new DossierError('not_found', `documents: the text of "${id}" is missing from ${this.textPath(id)}`);
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
    const described = describe(input.text, input.source);
    const doc: DocumentRecord = {
      id: hash.slice(0, 16),
      title: input.title ?? described.title,
      date: described.date,
      length: input.text.length,
      words: input.text.split(/\s+/).filter(Boolean).length,
      source: input.source,
      origin: input.origin,
      addedAt: new Date().toISOString(),
      hash,
    };
    // Text first: a library entry must never point at a text that is not on disk.
    await writeFileDurable(this.textPath(doc.id), input.text);
    this.low.data.documents.push(doc);
    await this.store.save(this.low, LIBRARY.name);
    return { doc, added: true };
  }

  private textPath(id: string): string {
    return this.store.path(`texts/${id}.txt`);
  }
}
