/**
 * The immutable part of the search index: every term's postings and every
 * entry's terms, in flat typed arrays.
 *
 * Why not a Map per term (what MiniSearch keeps)? At 10,000 documents the
 * index holds millions of (term, entry) pairs; as typed arrays they cost 5
 * bytes each, load from disk as views without parsing, and are walked
 * without allocating. Two layouts of the same pairs are kept:
 *
 * - postings, term by term, each term's entries ordered by impact (how much
 *   the term weighs in that entry), so the head of a list is its best
 *   entries (a "champion list") and a query too broad to score in full can
 *   stop early;
 * - the forward index, entry by entry, each entry's term ids ascending, so
 *   whether an entry holds a term, or any term of a prefix (a range of ids
 *   in the sorted vocabulary), is a binary search in a few dozen numbers.
 *
 * Pure code: no Node, no DOM.
 */
import { lengthNorm, tfWeight, TF_WEIGHT_MAX } from './bm25';

/** A frozen segment: terms sorted (a term's id is its position), postings and forward lists. */
export interface Segment {
  terms: string[];
  /** Postings of term t are [postOffsets[t], postOffsets[t + 1]); a range of terms is one slice. */
  postOffsets: Uint32Array;
  postEntries: Uint32Array;
  postTfs: Uint8Array;
  /** Terms of entry e are [fwdOffsets[e], fwdOffsets[e + 1]), ids ascending. */
  fwdOffsets: Uint32Array;
  fwdTerms: Uint32Array;
  fwdTfs: Uint8Array;
}

/** An entry's terms: [from, to) of `terms` (ids ascending) with their counts in `tfs`. */
export interface TermSlice {
  terms: Uint32Array;
  tfs: Uint8Array;
  from: number;
  to: number;
}

/** A typed array that grows by doubling. */
export class Growable<T extends Uint32Array | Uint8Array | Int32Array> {
  private data: T;
  length = 0;

  constructor(
    private readonly make: (size: number) => T,
    capacity = 1024,
  ) {
    this.data = make(Math.max(1, capacity));
  }

  /** A growable array starting with `values`, which it takes over (no copy: a loaded index's columns are views of its file). */
  static of<U extends Uint32Array | Uint8Array | Int32Array>(make: (size: number) => U, values: U): Growable<U> {
    const grown = new Growable(make, 1);
    grown.data = values;
    grown.length = values.length;
    return grown;
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(Math.max(1024, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index] as number;
  }

  /** The backing array (valid until the next push): for loops that read many values. */
  get array(): T {
    return this.data;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** The values pushed so far, in an array of their exact size. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }

  /** The values pushed so far (as toArray), letting go of the growing buffer: for a builder done with it. */
  take(): T {
    const values = this.toArray();
    this.data = this.make(1);
    this.length = 0;
    return values;
  }
}

/**
 * Values pushed one at a time into chunks of a fixed size, for the big
 * arrays of a build: growing costs no copy (a doubling array copies, and for
 * a moment holds, up to three times what it has), and `take` makes one
 * array of the exact size.
 */
class Chunked<T extends Uint32Array | Uint8Array> {
  private readonly chunks: T[] = [];
  private chunk: T;
  private used = 0;
  /** Values in the chunks before the current one. */
  private before = 0;

  /**
   * `expected`: how many values will come, about (`exact` when known, as a
   * merge knows): when they fit the first chunk, it is the array `take`
   * gives, not copied (a few spare values left at its end at most).
   */
  constructor(
    private readonly make: (size: number) => T,
    private readonly expected: ExpectedPairs = { pairs: CHUNK, exact: false },
  ) {
    this.chunk = make(Math.max(1, expected.pairs));
  }

  get length(): number {
    return this.before + this.used;
  }

  push(value: number): void {
    if (this.used === this.chunk.length) {
      this.before += this.used;
      this.chunks.push(this.chunk);
      this.chunk = this.make(CHUNK);
      this.used = 0;
    }
    this.chunk[this.used++] = value;
  }

  /** Every value in one array, letting go of each chunk once copied, a step at a time. */
  *taking(): Generator<void, T> {
    // Spare room up to a fifth of an estimate is kept rather than copied: the copy would hold both for a while.
    const spare = this.expected.exact ? 0 : Math.floor(this.chunk.length / 5);
    if (this.chunks.length === 0 && this.chunk.length - this.used <= spare) {
      const all = this.used === this.chunk.length ? this.chunk : (this.chunk.subarray(0, this.used) as T);
      this.chunk = this.make(0);
      this.used = 0;
      return all;
    }
    const all = this.make(this.length);
    let at = 0;
    for (let chunk = this.chunks.shift(); chunk; chunk = this.chunks.shift()) {
      all.set(chunk, at);
      at += chunk.length;
      yield;
    }
    all.set(this.chunk.subarray(0, this.used), at);
    this.chunk = this.make(0);
    this.used = 0;
    this.before = 0;
    return all;
  }
}

const CHUNK = 1 << 20;

/** How many (term, entry) pairs a build or a merge will add: exactly (a merge), or an estimate from the text's size. */
export interface ExpectedPairs {
  pairs: number;
  exact: boolean;
}

/**
 * Collects entries (each a list of term ids with counts) and freezes them
 * into a Segment. Used for the first build and to merge the changes since
 * into a new segment.
 */
export class SegmentBuilder {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly offsets = new Growable((n) => new Uint32Array(n));
  private readonly termIds: Chunked<Uint32Array>;
  private readonly tfs: Chunked<Uint8Array>;
  private readonly lengths: number[] = [];

  /** `expected`: how many (term, entry) pairs will be added, when known or estimated. */
  constructor(expected?: ExpectedPairs) {
    this.termIds = new Chunked((n) => new Uint32Array(n), expected);
    this.tfs = new Chunked((n) => new Uint8Array(n), expected);
    this.offsets.push(0);
  }

  /** The builder's id of a term, added when new. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
    }
    return id;
  }

  /** Adds the next entry: its terms (builder ids, each once) with their counts, and its length in words. */
  addEntry(termIds: ArrayLike<number>, counts: ArrayLike<number>, length: number): void {
    for (let i = 0; i < termIds.length; i++) {
      this.termIds.push(termIds[i] as number);
      this.tfs.push(Math.min(255, counts[i] as number));
    }
    this.endEntry(length);
  }

  /** Adds the next entry from another segment's terms, mapped to builder ids by `map`. */
  addMapped({ terms, tfs, from, to }: TermSlice, map: (id: number) => number, length: number): void {
    for (let i = from; i < to; i++) {
      this.termIds.push(map(terms[i] as number));
      this.tfs.push(tfs[i] as number);
    }
    this.endEntry(length);
  }

  private endEntry(length: number): void {
    this.offsets.push(this.termIds.length);
    this.lengths.push(length);
  }

  /**
   * Freezes what was added, a step at a time: the caller may let other work
   * run at each yield (the index keeps answering while it merges).
   * `averageLength(e)` is the mean length of entries of e's kind, for
   * ordering postings by impact.
   */
  *finishing(averageLength: (entry: number) => number): Generator<void, Segment> {
    const order = this.names.map((_, i) => i).sort((a, b) => compare(this.names[a] as string, this.names[b] as string));
    const rank = new Uint32Array(order.length);
    order.forEach((old, position) => (rank[old] = position));
    const terms = order.map((old) => this.names[old] as string);
    yield;
    const fwdOffsets = this.offsets.take();
    // The forward lists are the builder's own arrays, renamed to sorted ids and sorted within each entry; the
    // postings are their inversion. Two copies of the pairs at most, never three: a big build's peak memory.
    const fwdTerms = yield* this.termIds.taking();
    for (let i = 0; i < fwdTerms.length; i++) {
      fwdTerms[i] = rank[fwdTerms[i] as number] as number;
      if (i % STEP === 0) yield;
    }
    const fwdTfs = yield* this.tfs.taking();
    yield* sortingEachEntry(fwdOffsets, fwdTerms, fwdTfs);
    const postings = yield* inverting(fwdOffsets, fwdTerms, fwdTfs, terms.length);
    yield* orderingByImpact(postings, (e, tf) => tfWeight(tf, lengthNorm(this.lengths[e] as number, averageLength(e))));
    const forward = { offsets: fwdOffsets, items: fwdTerms, tfs: fwdTfs };
    return {
      terms,
      postOffsets: postings.offsets,
      postEntries: postings.items,
      postTfs: postings.tfs,
      fwdOffsets: forward.offsets,
      fwdTerms: forward.items,
      fwdTfs: forward.tfs,
    };
  }
}

/** Work done between two yields of a step-by-step job: a few milliseconds. */
const STEP = 1 << 18;

/** Runs a step-by-step job to its end at once. */
export function drain<T>(job: Generator<void, T>): T {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Lists {
  offsets: Uint32Array;
  items: Uint32Array;
  tfs: Uint8Array;
}

/** Sorts each entry's terms by id, their counts alongside (packed into one key each). */
function* sortingEachEntry(offsets: Uint32Array, terms: Uint32Array, tfs: Uint8Array): Generator<void, void> {
  let scratch = new Float64Array(1024);
  let done = 0;
  for (let e = 0; e + 1 < offsets.length; e++) {
    const from = offsets[e] as number;
    const n = (offsets[e + 1] as number) - from;
    if (scratch.length < n) scratch = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) scratch[i] = (terms[from + i] as number) * 256 + (tfs[from + i] as number);
    sortFirst(scratch, n);
    for (let i = 0; i < n; i++) {
      const key = scratch[i] as number;
      terms[from + i] = Math.floor(key / 256);
      tfs[from + i] = key % 256;
    }
    done += n;
    if (done >= STEP) {
      done = 0;
      yield;
    }
  }
}

/** Turns lists of items per owner into lists of owners per item (counting sort: linear, no allocation per list). */
function* inverting(offsets: Uint32Array, items: Uint32Array, tfs: Uint8Array, itemCount: number): Generator<void, Lists> {
  const counts = new Uint32Array(itemCount + 1);
  for (let i = 0; i < items.length; i++) counts[(items[i] as number) + 1]!++;
  for (let t = 0; t < itemCount; t++) counts[t + 1]! += counts[t] as number;
  yield;
  const out: Lists = { offsets: counts.slice(), items: new Uint32Array(items.length), tfs: new Uint8Array(items.length) };
  const cursor = counts;
  let done = 0;
  for (let owner = 0; owner + 1 < offsets.length; owner++) {
    const from = offsets[owner] as number;
    const to = offsets[owner + 1] as number;
    for (let i = from; i < to; i++) {
      const at = cursor[items[i] as number]!++;
      out.items[at] = owner;
      out.tfs[at] = tfs[i] as number;
    }
    done += to - from;
    if (done >= STEP) {
      done = 0;
      yield;
    }
  }
  return out;
}

/**
 * Orders each postings list by descending impact: the term's weight in
 * the entry, which grows with its count and shrinks with the entry's length.
 * Impact, count and entry are packed into one float (12 + 8 + 32 bits of a
 * 53-bit mantissa) so the native numeric sort does the work.
 */
function* orderingByImpact(postings: Lists, weight: (entry: number, tf: number) => number): Generator<void, void> {
  const { offsets, items, tfs } = postings;
  const scratch = new Float64Array(maxListLength(offsets));
  let done = 0;
  for (let t = 0; t + 1 < offsets.length; t++) {
    const from = offsets[t] as number;
    const n = (offsets[t + 1] as number) - from;
    if (n < 2) continue;
    for (let i = 0; i < n; i++) {
      const entry = items[from + i] as number;
      const tf = tfs[from + i] as number;
      // Scaled into 12 bits, inverted so ascending sort puts the best first.
      const impact = Math.min(4095, Math.round((weight(entry, tf) * 4095) / TF_WEIGHT_MAX));
      scratch[i] = (4095 - impact) * 2 ** 40 + tf * 2 ** 32 + entry;
    }
    sortFirst(scratch, n);
    for (let i = 0; i < n; i++) {
      const key = scratch[i] as number;
      items[from + i] = key % 2 ** 32;
      tfs[from + i] = Math.floor(key / 2 ** 32) % 256;
    }
    done += n;
    if (done >= STEP / 4) {
      done = 0;
      yield;
    }
  }
}

/** Sorts the first n keys in place: short runs by insertion (most lists are a few entries long), long ones natively. */
function sortFirst(keys: Float64Array, n: number): void {
  if (n > 16) {
    keys.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const key = keys[i] as number;
    let j = i - 1;
    for (; j >= 0 && (keys[j] as number) > key; j--) keys[j + 1] = keys[j] as number;
    keys[j + 1] = key;
  }
}

function maxListLength(offsets: Uint32Array): number {
  let max = 0;
  for (let t = 0; t + 1 < offsets.length; t++) max = Math.max(max, (offsets[t + 1] as number) - (offsets[t] as number));
  return max;
}
