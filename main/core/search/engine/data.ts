/*
 * The index's data as the engine (engine.ts) changes it and the matcher
 * (matching.ts) reads it: both import it, neither imports the other's code.
 * See DESIGN.md for the layout. Pure code: no Node, no DOM.
 */
import { EntryColumns, type DocRecord, type EngineState, type EntryMeta } from './entries';
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
