/*
 * The index's data as the engine (engine.ts) changes it and the matcher
 * (matching.ts) reads it: both import it, neither imports the other's code.
 * See DESIGN.md for the layout. Pure code: no Node, no DOM.
 */
import { EntryColumns, type DeltaState, type DocRecord, type EngineState, type EntryMeta } from './entries';
import type { Segment, TermSlice } from './segment';
import { indexOfTerm, lowerBound } from './vocabulary';

/** The index's data: segment, delta, entries and documents. The engine changes it; the matcher reads it. */
export class IndexData {
  readonly segment: Segment;
  readonly columns: EntryColumns;
  readonly meta: Map<number, EntryMeta>;
  readonly records: Array<DocRecord | null>;
  readonly slots = new Map<string, number>();
  /** Entries [0, segmentEntries) are in the segment, later ones in the delta. */
  readonly segmentEntries: number;
  readonly deltaTexts: string[] = [];
  readonly deltaForward: Array<{ terms: Uint32Array; tfs: Uint8Array }> = [];
  /** Delta postings by term id: entry, count, entry, count, … */
  readonly deltaPostings = new Map<number, number[]>();
  /** Terms only the delta has; their ids follow the segment's. */
  readonly extraTerms: string[] = [];
  readonly extraIds = new Map<string, number>();
  readonly extraSorted: string[] = [];
  readonly lengthSum = [0, 0, 0];
  readonly kindCount = [0, 0, 0];
  live = 0;
  dead = 0;
  private readonly texts: Uint8Array[];
  /** Where each piece of `texts` starts in their concatenation. */
  private readonly textStarts: number[] = [];
  private readonly textOffsets: Uint32Array;
  private readonly decoder = new TextDecoder();

  constructor(state: EngineState) {
    this.segment = state.segment;
    this.segmentEntries = state.segment.fwdOffsets.length - 1;
    this.columns = new EntryColumns(state);
    this.loadDelta(state.delta);
    this.texts = state.texts;
    let start = 0;
    for (const piece of state.texts) {
      this.textStarts.push(start);
      start += piece.length;
    }
    this.textOffsets = state.textOffsets;
    this.meta = new Map(state.meta);
    this.records = state.records.map((r) => (r ? { ...r } : null));
    this.records.forEach((r, slot) => r && this.slots.set(r.id, slot));
    for (let e = 0; e < this.columns.count; e++) {
      if (this.columns.dead.get(e)) this.dead++;
      else this.count(e, 1);
    }
  }

  /** The delta as saved, back in the shapes updates keep it in. */
  private loadDelta(delta: DeltaState): void {
    for (const term of delta.terms) this.termId(term);
    for (let i = 0; i + 1 < delta.offsets.length; i++) {
      const from = delta.offsets[i] as number;
      const to = delta.offsets[i + 1] as number;
      const forward = { terms: delta.termIds.subarray(from, to), tfs: delta.tfs.subarray(from, to) };
      this.deltaForward.push(forward);
      this.deltaTexts.push(this.decoder.decode(delta.texts.subarray(delta.textOffsets[i], delta.textOffsets[i + 1])));
      forward.terms.forEach((id, j) => this.addPosting(id, this.segmentEntries + i, forward.tfs[j] as number));
    }
  }

  /** Adds entry e, holding term `id` `tf` times, to the delta's postings. */
  addPosting(id: number, e: number, tf: number): void {
    let list = this.deltaPostings.get(id);
    if (!list) this.deltaPostings.set(id, (list = []));
    list.push(e, tf);
  }

  /** The delta as a snapshot saves it. */
  deltaState(): DeltaState {
    const encoder = new TextEncoder();
    const texts = this.deltaTexts.map((t) => encoder.encode(t));
    return {
      terms: [...this.extraTerms],
      offsets: runningTotal(this.deltaForward.map((f) => f.terms.length)),
      termIds: concatenated(this.deltaForward.map((f) => f.terms), (n) => new Uint32Array(n)),
      tfs: concatenated(this.deltaForward.map((f) => f.tfs), (n) => new Uint8Array(n)),
      texts: concatenated(texts, (n) => new Uint8Array(n)),
      textOffsets: runningTotal(texts.map((t) => t.length)),
    };
  }

  /** The segment's texts, as the state holds them. */
  segmentTexts(): Pick<EngineState, 'texts' | 'textOffsets'> {
    return { texts: this.texts, textOffsets: this.textOffsets };
  }

  record(docId: string): DocRecord | null {
    const slot = this.slots.get(docId);
    return slot === undefined ? null : (this.records[slot] ?? null);
  }

  textOf(e: number): string {
    if (e >= this.segmentEntries) return this.deltaTexts[e - this.segmentEntries] as string;
    return this.decoder.decode(this.segmentBytes(e));
  }

  /** Entry e's text as UTF-8 (a view for segment entries). */
  bytesOf(e: number, encoder: TextEncoder): Uint8Array {
    if (e >= this.segmentEntries) return encoder.encode(this.deltaTexts[e - this.segmentEntries]);
    return this.segmentBytes(e);
  }

  private segmentBytes(e: number): Uint8Array {
    const from = this.textOffsets[e] as number;
    const to = this.textOffsets[e + 1] as number;
    let piece = this.textStarts.length - 1;
    while (piece > 0 && (this.textStarts[piece] as number) > from) piece--;
    const start = this.textStarts[piece] as number;
    return (this.texts[piece] as Uint8Array).subarray(from - start, to - start);
  }

  /** Mean length in words of the live entries of a kind. */
  averageLength(kind: number): number {
    return Math.max(1, (this.lengthSum[kind] as number) / Math.max(1, this.kindCount[kind] as number));
  }

  count(e: number, sign: 1 | -1): void {
    const kind = this.columns.kinds.get(e);
    this.lengthSum[kind]! += sign * this.columns.lengths.get(e);
    this.kindCount[kind]! += sign;
    this.live += sign;
  }

  /** The id of a term: its segment id, or an id after the segment's for a term only the delta has. */
  termId(term: string): number {
    const known = indexOfTerm(this.segment.terms, term);
    if (known >= 0) return known;
    let id = this.extraIds.get(term);
    if (id === undefined) {
      id = this.segment.terms.length + this.extraTerms.length;
      this.extraTerms.push(term);
      this.extraIds.set(term, id);
      this.extraSorted.splice(lowerBound(this.extraSorted, term), 0, term);
    }
    return id;
  }

  /** The name of a term id. */
  termName(id: number): string {
    const base = this.segment.terms.length;
    return (id < base ? this.segment.terms[id] : this.extraTerms[id - base]) as string;
  }
}

/** Entry e's terms (ascending ids) and counts, written into `into` (a reused object: this runs for every candidate). */
export function termsOf(data: IndexData, e: number, into: TermSlice = { terms: EMPTY_TERMS, tfs: EMPTY_TFS, from: 0, to: 0 }): TermSlice {
  if (e < data.segmentEntries) {
    const s = data.segment;
    into.terms = s.fwdTerms;
    into.tfs = s.fwdTfs;
    into.from = s.fwdOffsets[e] as number;
    into.to = s.fwdOffsets[e + 1] as number;
  } else {
    const d = data.deltaForward[e - data.segmentEntries] as { terms: Uint32Array; tfs: Uint8Array };
    into.terms = d.terms;
    into.tfs = d.tfs;
    into.from = 0;
    into.to = d.terms.length;
  }
  return into;
}

const EMPTY_TERMS = new Uint32Array(0);
const EMPTY_TFS = new Uint8Array(0);

/** 0, a, a + b, …: the offsets of runs of these lengths one after the other. */
function runningTotal(lengths: number[]): Uint32Array {
  const offsets = new Uint32Array(lengths.length + 1);
  lengths.forEach((n, i) => (offsets[i + 1] = (offsets[i] as number) + n));
  return offsets;
}

function concatenated<T extends Uint32Array | Uint8Array>(parts: T[], make: (n: number) => T): T {
  const all = make(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (all.set(p, at), at + p.length), 0);
  return all;
}
