/**
 * What the search index stores besides terms: its entries (a document's
 * title, its passages, the notes on it) and one record per document. Shared
 * by the engine, the builder and the snapshot.
 *
 * Pure code: no Node, no DOM.
 */
import { forEachTerm } from '../../text/tokens';
import { drain, Growable, SegmentBuilder, type ExpectedPairs, type Segment, type TermSlice } from './segment';

/** Kinds of entry, as stored in the kinds column. */
export const TITLE = 0;
export const PASSAGE = 1;
export const NOTE = 2;
export const KIND_NAMES = ['title', 'passage', 'note'] as const;

/** A document as the index knows it. `fingerprint` changes whenever its text does. */
export interface DocumentInput {
  id: string;
  title: string;
  date: string | null;
  fingerprint: string;
}

/** A reading block: its index, where it starts in the original text, its clean text. */
export interface PassageInput {
  block: number;
  start: number;
  text: string;
}

/** An annotation's note, with its tags and where its highlight starts in the original text (null when orphaned). */
export interface NoteInput {
  id: string;
  text: string;
  tags: string[];
  start: number | null;
}

/** What a note entry points back to: its annotation. */
export interface EntryMeta {
  id: string;
}

/**
 * Where an entry belongs: its kind, its document (slot), its block (-1 for
 * a title, or a note whose highlight was lost) and where it starts in the
 * original text (-1: nowhere); for a note, its annotation.
 */
export interface EntrySource {
  kind: number;
  doc: number;
  block: number;
  start: number;
  meta?: EntryMeta | undefined;
}

/** An entry as another segment or the delta holds it: tokenised, its text as UTF-8. */
export interface TokenisedEntry extends EntrySource {
  /** Its length in words. */
  length: number;
  terms: TermSlice;
  text: Uint8Array;
}

/**
 * One document's place in the index. Its entries are always added together,
 * so they are ranges: its title's entry, then its passages right after it,
 * and its notes (added with each change of them) wherever they were added.
 */
export interface DocRecord {
  id: string;
  title: string;
  date: string | null;
  fingerprint: string;
  notesPrint: string;
  titleEntry: number;
  /** How many passages follow the title's entry. */
  passages: number;
  /** Its notes: `notes` entries from `notesFrom`. */
  notesFrom: number;
  notes: number;
}

/** The entries of a document's passages, in reading order. */
export function passageEntries(r: DocRecord): number[] {
  return Array.from({ length: r.passages }, (_, i) => r.titleEntry + 1 + i);
}

/** Every entry of a document: title, passages, notes. */
export function documentEntries(r: DocRecord): number[] {
  return [r.titleEntry, ...passageEntries(r), ...Array.from({ length: r.notes }, (_, i) => r.notesFrom + i)];
}

/**
 * The changes since the segment was frozen, as saved with it: the term
 * lists and texts of the entries after the segment's, and the terms only
 * they have (their ids follow the segment's, in this order).
 */
export interface DeltaState {
  terms: string[];
  /** Delta entry i has terms [offsets[i], offsets[i + 1]) of `termIds` and `tfs`, ids ascending. */
  offsets: Uint32Array;
  termIds: Uint32Array;
  tfs: Uint8Array;
  /** Its text as UTF-8 is [textOffsets[i], textOffsets[i + 1]) of `texts`. */
  texts: Uint8Array;
  textOffsets: Uint32Array;
}

export const NO_DELTA: DeltaState = { terms: [], offsets: Uint32Array.of(0), termIds: new Uint32Array(0), tfs: new Uint8Array(0), texts: new Uint8Array(0), textOffsets: Uint32Array.of(0) };

/** Everything the engine is made of: what a snapshot holds. */
export interface EngineState {
  segment: Segment;
  /** The changes since (NO_DELTA right after a build or a merge). */
  delta: DeltaState;
  kinds: Uint8Array;
  docs: Uint32Array;
  blocks: Int32Array;
  starts: Int32Array;
  lengths: Uint32Array;
  dead: Uint8Array;
  /**
   * The segment's entries' texts as UTF-8, one after the other, in pieces of
   * some megabytes (an entry never straddles two); entry e is bytes
   * [textOffsets[e], textOffsets[e + 1]) of their concatenation.
   */
  texts: Uint8Array[];
  textOffsets: Uint32Array;
  meta: Array<[number, EntryMeta]>;
  records: Array<DocRecord | null>;
}

/** Per-entry columns, grown as entries are added. */
export class EntryColumns {
  readonly kinds: Growable<Uint8Array>;
  readonly docs: Growable<Uint32Array>;
  readonly blocks: Growable<Int32Array>;
  readonly starts: Growable<Int32Array>;
  readonly lengths: Growable<Uint32Array>;
  readonly dead: Growable<Uint8Array>;

  constructor(from?: Pick<EngineState, 'kinds' | 'docs' | 'blocks' | 'starts' | 'lengths' | 'dead'>) {
    this.kinds = Growable.of((n) => new Uint8Array(n), from?.kinds ?? new Uint8Array(0));
    this.docs = Growable.of((n) => new Uint32Array(n), from?.docs ?? new Uint32Array(0));
    this.blocks = Growable.of((n) => new Int32Array(n), from?.blocks ?? new Int32Array(0));
    this.starts = Growable.of((n) => new Int32Array(n), from?.starts ?? new Int32Array(0));
    this.lengths = Growable.of((n) => new Uint32Array(n), from?.lengths ?? new Uint32Array(0));
    // A copy: entries are marked dead in place, and the state may be being written to disk meanwhile.
    this.dead = Growable.of((n) => new Uint8Array(n), from?.dead.slice() ?? new Uint8Array(0));
  }

  get count(): number {
    return this.kinds.length;
  }

  /** Adds an entry's row, `length` its length in words; returns the entry. */
  push({ kind, doc, block, start }: EntrySource, length: number): number {
    this.kinds.push(kind);
    this.docs.push(doc);
    this.blocks.push(block);
    this.starts.push(start);
    this.lengths.push(length);
    this.dead.push(0);
    return this.kinds.length - 1;
  }
}

/** Texts are kept in pieces of this size: no single huge buffer to grow or copy while building. */
const TEXT_CHUNK = 16 * 1024 * 1024;

/** The text a note entry indexes and shows: the note, then its tags. */
export const noteText = (note: NoteInput): string => [note.text.trim(), note.tags.map((t) => `#${t}`).join(' ')].filter(Boolean).join('\n');

/** The terms of a text with their counts, and its length in words. */
export function countTerms(text: string): { counts: Map<string, number>; words: number } {
  const counts = new Map<string, number>();
  const words = forEachTerm(text, (term) => counts.set(term, (counts.get(term) ?? 0) + 1));
  return { counts, words };
}

/**
 * Writes entries into a new segment: the first build (from texts) and every
 * merge (from entries already tokenised) go through here.
 */
export class SegmentWriter {
  readonly builder: SegmentBuilder;
  readonly columns = new EntryColumns();
  readonly meta: Array<[number, EntryMeta]> = [];
  private readonly chunks: Uint8Array[] = [];
  private chunk = new Uint8Array(TEXT_CHUNK);
  private used = 0;
  private readonly offsets = new Growable((n) => new Uint32Array(n));
  private readonly encoder = new TextEncoder();
  private counts = new Uint32Array(1 << 16);
  private bytes = 0;

  /** `expected`: how many (term, entry) pairs will be written, when known (see SegmentBuilder). */
  constructor(expected?: ExpectedPairs) {
    this.builder = new SegmentBuilder(expected);
    this.offsets.push(0);
  }

  /** Adds an entry from its text. */
  addText(source: EntrySource, text: string): number {
    // Counts per builder id in a reusable array: no map per entry on the build's hot path.
    const ids: number[] = [];
    const words = forEachTerm(text, (term) => {
      const id = this.builder.idOf(term);
      if (id >= this.counts.length) {
        const grown = new Uint32Array(this.counts.length * 2);
        grown.set(this.counts);
        this.counts = grown;
      }
      if (this.counts[id]!++ === 0) ids.push(id);
    });
    const tfs = ids.map((id) => this.counts[id] as number);
    for (const id of ids) this.counts[id] = 0;
    this.builder.addEntry(ids, tfs, words);
    // Straight into the current piece of text: no copy per entry.
    let written = this.encoder.encodeInto(text, this.chunk.subarray(this.used));
    if (written.read < text.length) {
      this.nextChunk(text.length * 3);
      written = this.encoder.encodeInto(text, this.chunk.subarray(this.used));
    }
    this.used += written.written;
    return this.record(source, words, written.written);
  }

  /** Adds an entry of another segment (or the delta), its terms mapped to builder ids by `map`. */
  addMapped(entry: TokenisedEntry, map: (id: number) => number): number {
    this.builder.addMapped(entry.terms, map, entry.length);
    return this.record(entry, entry.length, this.copyText(entry.text));
  }

  private record(source: EntrySource, length: number, bytes: number): number {
    const entry = this.columns.push(source, length);
    this.bytes += bytes;
    this.offsets.push(this.bytes);
    if (source.meta) this.meta.push([entry, source.meta]);
    return entry;
  }

  private copyText(text: Uint8Array): number {
    if (this.used + text.length > this.chunk.length) this.nextChunk(text.length);
    this.chunk.set(text, this.used);
    this.used += text.length;
    return text.length;
  }

  /** Closes the current piece of text and starts one with room for at least `room` bytes. */
  private nextChunk(room: number): void {
    if (this.used > 0) this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = new Uint8Array(Math.max(TEXT_CHUNK, room));
    this.used = 0;
  }

  /** The state of an engine holding exactly what was written (see `finishing`). */
  finish(records: Array<DocRecord | null>): EngineState {
    return drain(this.finishing(records));
  }

  /** The state of an engine holding exactly what was written, a step at a time (see SegmentBuilder.finishing). */
  *finishing(records: Array<DocRecord | null>): Generator<void, EngineState> {
    const { columns } = this;
    const lengthSum = [0, 0, 0];
    const count = [0, 0, 0];
    for (let e = 0; e < columns.count; e++) {
      lengthSum[columns.kinds.get(e)]! += columns.lengths.get(e);
      count[columns.kinds.get(e)]!++;
    }
    const average = (e: number) => {
      const kind = columns.kinds.get(e);
      return Math.max(1, (lengthSum[kind] as number) / Math.max(1, count[kind] as number));
    };
    // The last piece is copied to its size: the rest of its 16 MB would stay allocated for nothing.
    if (this.used > 0) this.chunks.push(this.chunk.slice(0, this.used));
    this.chunk = new Uint8Array(0);
    this.used = 0;
    const texts = this.chunks.splice(0);
    yield;
    const segment = yield* this.builder.finishing(average);
    return {
      segment,
      delta: NO_DELTA,
      kinds: columns.kinds.toArray(),
      docs: columns.docs.toArray(),
      blocks: columns.blocks.toArray(),
      starts: columns.starts.toArray(),
      lengths: columns.lengths.toArray(),
      dead: columns.dead.toArray(),
      texts,
      textOffsets: this.offsets.toArray(),
      meta: this.meta,
      records,
    };
  }
}
