/**
 * The search engine: a frozen segment plus the changes since (the delta).
 *
 * Updates go to the delta; replaced entries are only marked dead. When the
 * delta grows, it is merged with the segment into a new one, from the
 * entries' term lists: no text is tokenised again. Queries are run by the
 * Matcher (matching.ts) over the same data.
 *
 * Pure code: no Node, no DOM.
 */
import type { DocumentMatch } from '../../../common/contract';
import {
  countTerms,
  documentEntries,
  NOTE,
  noteText,
  PASSAGE,
  passageEntries,
  SegmentWriter,
  TITLE,
  type DocRecord,
  type DocumentInput,
  type EngineState,
  type EntrySource,
  type NoteInput,
  type PassageInput,
} from './entries';
import { IndexData, termsOf } from './data';
import { DEFAULT_BUDGETS, Matcher, type Budgets, type EngineSearch } from './matching';
import { EVERYWHERE, type QueryTerms, type Scope } from '../query';
import { drain } from './segment';

/** The delta is merged into a new segment when it holds this many entries (or a fifth of the segment's). */
const DELTA_MERGE_MIN = 20_000;

/** Adds an entry of one document from its text; returns the entry. */
type AddEntry = (source: Omit<EntrySource, 'doc'>, text: string) => number;

/** What a document was indexed from: its text's fingerprint, title and date, and its notes' fingerprint. */
export interface Prints {
  text: string;
  title: string;
  date: string | null;
  notes: string;
}

export interface EngineStats {
  documents: number;
  entries: number;
  deadEntries: number;
  deltaEntries: number;
  terms: number;
  postings: number;
  /** Bytes held in typed arrays (segment, columns, texts). */
  bytes: number;
}


export interface EngineOptions {
  /** How much of the index a query may touch (see Budgets); the defaults keep a keystroke within milliseconds. */
  budgets?: Partial<Budgets>;
}

export class SearchEngine {
  private data!: IndexData;
  private matcher!: Matcher;
  /** The state last loaded, while nothing changed since (what a snapshot saves). */
  private clean: EngineState | null = null;
  private readonly budgets: Budgets;

  private constructor(state: EngineState, options: EngineOptions) {
    this.budgets = { ...DEFAULT_BUDGETS, ...options.budgets };
    this.load(state);
  }

  /** An engine with nothing in it. */
  static empty(options: EngineOptions = {}): SearchEngine {
    return new SearchEngine(new SegmentWriter().finish([]), options);
  }

  /** An engine made of a saved (or freshly built) state. */
  static fromState(state: EngineState, options: EngineOptions = {}): SearchEngine {
    return new SearchEngine(state, options);
  }

  /** What a snapshot saves: the segment and the changes since, as they are (merging is `compacting`'s job). */
  toState(): EngineState {
    if (this.clean) return this.clean;
    const { data } = this;
    const c = data.columns;
    return {
      segment: data.segment,
      delta: data.deltaState(),
      kinds: c.kinds.toArray(),
      docs: c.docs.toArray(),
      blocks: c.blocks.toArray(),
      starts: c.starts.toArray(),
      lengths: c.lengths.toArray(),
      dead: c.dead.toArray(),
      ...data.segmentTexts(),
      meta: [...data.meta],
      records: data.records.map((r) => r && { ...r }),
    };
  }

  // ---------------------------------------------------------------- updates

  /** Indexes (or re-indexes) a document's title and passages; its notes stay. */
  setDocument(doc: DocumentInput, passages: PassageInput[]): void {
    const { records, slots } = this.data;
    let slot = slots.get(doc.id);
    if (slot === undefined) {
      slot = records.length;
      records.push(newRecord(doc));
      slots.set(doc.id, slot);
    }
    const record = records[slot] as DocRecord;
    for (const e of [record.titleEntry, ...passageEntries(record)]) this.kill(e);
    Object.assign(record, { title: doc.title, date: doc.date, fingerprint: doc.fingerprint });
    Object.assign(record, addDocument(this.adder(slot), doc, passages));
  }

  removeDocument(id: string): void {
    const { records, slots } = this.data;
    const slot = slots.get(id);
    if (slot === undefined) return;
    const record = records[slot] as DocRecord;
    for (const e of documentEntries(record)) this.kill(e);
    records[slot] = null;
    slots.delete(id);
  }

  /** Replaces a document's notes; false when the document is not indexed. */
  setNotes(docId: string, notes: NoteInput[], fingerprint: string): boolean {
    const record = this.data.record(docId);
    if (!record) return false;
    for (let e = record.notesFrom; e < record.notesFrom + record.notes; e++) this.kill(e);
    const starts = passageEntries(record).map((e) => this.data.columns.starts.get(e));
    Object.assign(record, addNotes(this.adder(this.data.slots.get(docId) as number), notes, (start) => blockAt(starts, start)));
    record.notesPrint = fingerprint;
    // The record changed even when no entry did (no notes before, none now): what is saved must say so.
    this.clean = null;
    return true;
  }

  /** What each indexed document was indexed from, to find what changed while the index was not running. */
  fingerprints(): Map<string, Prints> {
    const prints = new Map<string, Prints>();
    for (const r of this.data.records) if (r) prints.set(r.id, printsOf(r));
    return prints;
  }

  /** What one document was indexed from, or null when it is not indexed. */
  printsOf(docId: string): Prints | null {
    const r = this.data.record(docId);
    return r && printsOf(r);
  }

  /** Whether the delta has grown enough to merge. */
  needsMerge(): boolean {
    return this.data.deltaForward.length + this.data.dead >= Math.max(DELTA_MERGE_MIN, this.data.segmentEntries / 5);
  }

  /** Merges the delta into a new segment and drops dead entries (see `compacting`). */
  compact(): void {
    drain(this.compacting());
  }

  /**
   * Merges the delta into a new segment and drops dead entries, a step at a
   * time: no text is tokenised again. Queries may run between steps (they
   * see the index as it was); updates must wait until it is done.
   */
  *compacting(): Generator<void, void> {
    const data = this.data;
    const writer = new SegmentWriter({ pairs: livePairs(data), exact: true });
    const ids = new Int32Array(data.segment.terms.length + data.extraTerms.length).fill(-1);
    const map = (id: number) => {
      if (ids[id] === -1) ids[id] = writer.builder.idOf(data.termName(id));
      return ids[id] as number;
    };
    const encoder = new TextEncoder();
    const c = data.columns;
    const copy = (e: number, slot: number): number =>
      writer.addMapped(
        { kind: c.kinds.get(e), doc: slot, block: c.blocks.get(e), start: c.starts.get(e), meta: data.meta.get(e), length: c.lengths.get(e), terms: termsOf(data, e), text: data.bytesOf(e, encoder) },
        map,
      );
    const records: Array<DocRecord | null> = [];
    for (const [slot, r] of data.records.entries()) {
      if (!r) {
        records.push(null);
        continue;
      }
      const titleEntry = copy(r.titleEntry, slot);
      for (const e of passageEntries(r)) copy(e, slot);
      const notesFrom = writer.columns.count;
      for (let e = r.notesFrom; e < r.notesFrom + r.notes; e++) copy(e, slot);
      records.push({ ...r, titleEntry, notesFrom });
      if (slot % 200 === 0) yield;
    }
    this.load(yield* writer.finishing(records));
  }

  // ---------------------------------------------------------------- queries

  /** The documents matching a query within `scope` (its filters, resolved), best first, each with its best hits as snippets. */
  search(query: QueryTerms, limit: number, scope: Scope = EVERYWHERE): EngineSearch {
    return this.matcher.search(query, limit, scope);
  }

  /** Where the query is in one document's passages (clean offsets of each block), in reading order. */
  findInDocument(docId: string, query: QueryTerms): DocumentMatch[] {
    return this.matcher.findInDocument(docId, query);
  }

  stats(): EngineStats {
    const { segment: s, columns: c } = this.data;
    const arrays = [s.postOffsets, s.postEntries, s.postTfs, s.fwdOffsets, s.fwdTerms, s.fwdTfs];
    const { texts: pieces, textOffsets } = this.data.segmentTexts();
    const texts = pieces.reduce((sum, piece) => sum + piece.byteLength, 0) + textOffsets.byteLength;
    let deltaPostings = 0;
    for (const list of this.data.deltaPostings.values()) deltaPostings += list.length / 2;
    return {
      documents: this.data.slots.size,
      entries: this.data.live,
      deadEntries: this.data.dead,
      deltaEntries: this.data.deltaForward.length,
      terms: s.terms.length + this.data.extraTerms.length,
      postings: s.postEntries.length + deltaPostings,
      bytes: arrays.reduce((sum, a) => sum + a.byteLength, 0) + texts + c.count * (1 + 4 + 4 + 4 + 4 + 1),
    };
  }

  // ---------------------------------------------------------------- internals

  private load(state: EngineState): void {
    this.data = new IndexData(state);
    this.matcher = new Matcher(this.data, this.budgets);
    this.clean = state;
  }

  private kill(e: number): void {
    const { columns } = this.data;
    if (e < 0 || columns.dead.get(e)) return;
    columns.dead.set(e, 1);
    this.data.count(e, -1);
    this.data.dead++;
    this.clean = null;
  }

  /** Adds entries of one document to the delta. */
  private adder(slot: number): AddEntry {
    const data = this.data;
    return (source, text) => {
      const { counts, words } = countTerms(text);
      const pairs = [...counts].map(([term, n]): [number, number] => [data.termId(term), Math.min(255, n)]).sort((a, b) => a[0] - b[0]);
      const e = data.columns.push({ ...source, doc: slot }, words);
      data.deltaTexts.push(text);
      data.deltaForward.push({ terms: Uint32Array.from(pairs, (p) => p[0]), tfs: Uint8Array.from(pairs, (p) => p[1]) });
      for (const [id, tf] of pairs) data.addPosting(id, e, tf);
      if (source.meta) data.meta.set(e, source.meta);
      data.count(e, 1);
      this.clean = null;
      return e;
    };
  }
}

/** How many (term, entry) pairs the live entries hold: what a merge will write. */
function livePairs(data: IndexData): number {
  const dead = data.columns.dead.array;
  const slice = { terms: new Uint32Array(0), tfs: new Uint8Array(0), from: 0, to: 0 };
  let pairs = 0;
  for (let e = 0; e < data.columns.count; e++) {
    if (dead[e]) continue;
    termsOf(data, e, slice);
    pairs += slice.to - slice.from;
  }
  return pairs;
}

function newRecord(doc: DocumentInput): DocRecord {
  return { ...doc, notesPrint: '', titleEntry: -1, passages: 0, notesFrom: 0, notes: 0 };
}

function printsOf(r: DocRecord): Prints {
  return { text: r.fingerprint, title: r.title, date: r.date, notes: r.notesPrint };
}

/** Adds a document's title and, right after it, its passages through `add`. */
function addDocument(add: AddEntry, doc: DocumentInput, passages: PassageInput[]): Pick<DocRecord, 'titleEntry' | 'passages'> {
  const titleEntry = add({ kind: TITLE, block: -1, start: -1 }, doc.title);
  for (const p of passages) add({ kind: PASSAGE, block: p.block, start: p.start }, p.text);
  return { titleEntry, passages: passages.length };
}

/** Adds notes through `add`, one after the other, each pointing at the block its highlight starts in. */
function addNotes(add: AddEntry, notes: NoteInput[], blockOf: (start: number) => number): Pick<DocRecord, 'notesFrom' | 'notes'> {
  const added = notes
    .filter((n) => noteText(n))
    .map((n) => add({ kind: NOTE, block: n.start === null ? -1 : blockOf(n.start), start: n.start ?? -1, meta: { id: n.id } }, noteText(n)));
  return { notesFrom: added[0] ?? 0, notes: added.length };
}

/** The index of the block starting at or before `start`, given the blocks' starts in order. */
export function blockAt(starts: number[], start: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) <= start) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/**
 * Builds an engine from many documents at once, straight into a segment
 * (no delta on the way): the first indexing of a library.
 */
/** (term, entry) pairs per character of English prose, a little over what was measured (0.124): the size a build starts with. */
const PAIRS_PER_CHARACTER = 0.135;

export class EngineBuilder {
  private readonly writer: SegmentWriter;
  private readonly records: DocRecord[] = [];
  private readonly seen = new Set<string>();

  /** `characters`: how much text will be added, when known, so that the build's arrays start at about their size. */
  constructor(private readonly options: EngineOptions & { characters?: number } = {}) {
    this.writer = new SegmentWriter(options.characters ? { pairs: Math.ceil(options.characters * PAIRS_PER_CHARACTER), exact: false } : undefined);
  }

  add(doc: DocumentInput, passages: PassageInput[]): void {
    if (this.seen.has(doc.id)) return;
    this.seen.add(doc.id);
    const slot = this.records.length;
    const add: AddEntry = (source, text) => this.writer.addText({ ...source, doc: slot }, text);
    this.records.push({ ...newRecord(doc), ...addDocument(add, doc, passages) });
  }

  finish(): SearchEngine {
    return drain(this.finishing());
  }

  /** The engine, built a step at a time (see SegmentBuilder.finishing). */
  *finishing(): Generator<void, SearchEngine> {
    return SearchEngine.fromState(yield* this.writer.finishing(this.records), this.options);
  }
}
