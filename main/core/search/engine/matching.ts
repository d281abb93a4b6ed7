/**
 * Running a query over the index, with a plan that keeps every keystroke
 * cheap at 10,000 documents.
 *
 * 1. Each word becomes a group of index terms: itself (weight 1), its
 *    completions (a range of ids in the sorted vocabulary; from the first
 *    letter while the word is typed, from four letters once it is complete)
 *    and, from five letters, the terms a typo away (two from nine letters;
 *    the first letter is taken as typed). An exact match weighs more than a
 *    completion, which weighs more than a typo.
 * 2. The rarest group drives: only its entries are candidates. When even the
 *    rarest is huge (one letter typed), each of its terms gives only the head
 *    of its impact-ordered postings, in proportion to its size: a top-N
 *    cut-off instead of scoring every matching passage.
 * 3. Each candidate is checked against the other groups in its own sorted
 *    term list (a binary search per group) and scored with BM25: a group
 *    scores its best term; a word found only in the document's title counts
 *    with the title's boost. All words must match; when that finds nothing,
 *    passages with some of them are ranked by how many they have.
 * 4. Documents are ranked by their best hit; only the shown ones get
 *    snippets, and phrases are checked in score order, only as far as needed.
 *
 * Pure code: no Node, no DOM.
 */
import type { DocumentMatch, HitKind, SearchGroup, SearchHit } from '../../../common/contract';
import { KIND_NAMES, NOTE, PASSAGE, TITLE, type DocRecord } from './entries';
import type { IndexData } from './data';
import type { ParsedQuery, QueryFilters } from '../query';
import { BM25_B, BM25_K1 } from './segment';
import { mergeRanges, patternRanges, phrasePattern, snippetOf, termRanges, type Range } from '../../text/snippets';
import { normalizeTerm } from '../../text/tokens';
import { editDistance, fuzzyTerms, indexOfTerm, prefixRange } from './vocabulary';

/** A title match counts this much more than the same match in a passage. */
const TITLE_BOOST = 3;
/** Weights of a term one and two typos away from the word typed. */
const FUZZY_WEIGHT = [1, 0.45, 0.25] as const;
/** At most this many entries are scored per query; beyond, each term gives its best entries. */
export const CANDIDATE_BUDGET = 2000;
/** At most this many hits are checked for a phrase, best first. */
const PHRASE_CHECKS = 2000;
const HITS_PER_DOCUMENT = 3;
/** Matches that findInDocument returns at most (a one-letter search in a long document). */
export const MAX_DOCUMENT_MATCHES = 2000;
/** Words resolved against the segment, kept for the next keystrokes. */
const CACHED_WORDS = 2000;

/** What a word resolves to in the segment (cached: the segment never changes). */
interface SegmentGroup {
  /** Segment id of the word itself, or -1. */
  exact: number;
  /** Segment ids [lo, hi): the word and its completions (or just the word). */
  lo: number;
  hi: number;
  /** Segment ids a typo or two away (outside [lo, hi)), ascending, with their weights. */
  fuzzyIds: number[];
  fuzzy: Map<number, number>;
  /** Their names, for marking them in snippets. */
  names: Set<string>;
  /** Postings in the segment (an entry may count twice). */
  df: number;
}

/** One word of the query, resolved to index terms. */
interface Group extends SegmentGroup {
  term: string;
  prefix: boolean;
  /** Delta-only term ids that match, with their weights. */
  extra: Map<number, number>;
  /** Delta postings of every matching term, with the term's weight. */
  deltaLists: Array<[weight: number, postings: number[]]>;
  idf: number;
}

/** A query resolved against the index. */
interface Plan {
  groups: Group[];
  excluded: Group[];
  phrases: RegExp[];
  allowed: Uint8Array | null;
  kindMask: number;
}

interface Hits {
  entries: number[];
  scores: number[];
}

export interface EngineSearch {
  groups: SearchGroup[];
  /** Documents that matched, before the limit. */
  total: number;
  /** True when the query was too broad to score every match (see CANDIDATE_BUDGET). */
  approximate: boolean;
}

const ALL_KINDS = (1 << TITLE) | (1 << PASSAGE) | (1 << NOTE);

export class Matcher {
  private readonly cache = new Map<string, SegmentGroup>();
  // An entry is a candidate of the current query when marks[e] === stamp: no clearing between queries.
  private marks = new Uint32Array(0);
  private stamp = 0;
  /** The driving group's score of each candidate (valid where marks[e] === stamp). */
  private found = new Float64Array(0);
  /** Each document's best hit in the current query (back to 0 after ranking). */
  private docBest = new Float64Array(0);
  private approximate = false;

  constructor(private readonly data: IndexData) {}

  /**
   * The documents matching a query, best first, each with its best hits as
   * snippets. `scope`: only these documents (what the tag:, entity: and
   * type: filters allow, worked out by the modules that own them).
   */
  search(query: ParsedQuery, limit: number, scope: readonly string[] | null = null): EngineSearch {
    this.approximate = false;
    const plan = this.plan(query, scope);
    if (plan.kindMask === 0) return { groups: [], total: 0, approximate: false };
    if (plan.groups.length === 0) return this.listDocuments(plan, limit);
    let hits = this.score(plan, true);
    if (hits.entries.length === 0 && plan.groups.length > 1) hits = this.score(plan, false);
    if (plan.phrases.length > 0) hits = this.withPhrases(hits, plan.phrases, limit);
    const { docs, total } = this.rankDocuments(hits, limit);
    return { groups: docs.map((d) => this.present(d, plan)), total, approximate: this.approximate };
  }

  /** Where the query's words are in one document's passages (clean offsets of each block), in reading order. */
  findInDocument(docId: string, query: ParsedQuery): DocumentMatch[] {
    const record = this.data.record(docId);
    const plan = { ...this.plan(query, null), allowed: null, kindMask: 1 << PASSAGE };
    if (!record || plan.groups.length === 0) return [];
    let hits = this.scoreEntries(plan, record.passages, true);
    if (hits.entries.length === 0) hits = this.scoreEntries(plan, record.passages, false);
    const matches: DocumentMatch[] = [];
    for (const e of [...hits.entries].sort((a, b) => a - b)) {
      const block = this.data.columns.blocks.get(e);
      for (const [from, to] of this.rangesIn(this.data.textOf(e), plan)) {
        matches.push({ block, from, to });
        if (matches.length >= MAX_DOCUMENT_MATCHES) return matches;
      }
    }
    return matches;
  }

  // ---------------------------------------------------------------- planning

  private plan(query: ParsedQuery, scope: readonly string[] | null): Plan {
    const groups = query.words.map((w) => this.group(w.term, w.typing ? 'typing' : 'word'));
    for (const phrase of query.phrases) {
      phrase.words.forEach((word, i) => groups.push(this.group(word, phrase.open && i === phrase.words.length - 1 ? 'typing' : 'exact')));
    }
    const kinds = query.filters.kinds;
    const kindBits = { passage: (1 << PASSAGE) | (1 << TITLE), note: 1 << NOTE, entity: 0 };
    const kindMask = kinds.length === 0 ? ALL_KINDS : kinds.reduce((mask, k) => mask | kindBits[k], 0);
    return {
      groups,
      excluded: query.excluded.map((t) => this.group(t, 'exact')),
      phrases: query.phrases.map((p) => phrasePattern(p.atoms, p.open)),
      allowed: this.allowedDocuments(query.filters, scope),
      kindMask,
    };
  }

  private group(term: string, mode: 'typing' | 'word' | 'exact'): Group {
    const prefix = mode === 'typing' || (mode === 'word' && term.length >= 4);
    const typos = mode === 'exact' ? 0 : term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0;
    const key = `${prefix ? 'p' : 'x'}${typos}:${term}`;
    let base = this.cache.get(key);
    if (!base) {
      base = this.segmentGroup(term, prefix, typos);
      if (this.cache.size >= CACHED_WORDS) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, base);
    }
    const g: Group = { ...base, term, prefix, extra: new Map(), deltaLists: [], idf: 0 };
    this.addDelta(g, typos);
    const n = Math.max(1, this.data.live);
    const df = Math.min(n, g.df);
    g.idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    return g;
  }

  private segmentGroup(term: string, prefix: boolean, typos: number): SegmentGroup {
    const { terms, postOffsets } = this.data.segment;
    const exact = indexOfTerm(terms, term);
    const [lo, hi] = prefix ? prefixRange(terms, term) : exact >= 0 ? [exact, exact + 1] : [0, 0];
    const fuzzy = new Map<number, number>();
    const names = new Set<string>();
    if (typos > 0) {
      fuzzyTerms(terms, term, typos, 1, (id, distance) => {
        if (id >= lo && id < hi) return;
        fuzzy.set(id, FUZZY_WEIGHT[distance] as number);
        names.add(terms[id] as string);
      });
    }
    const fuzzyIds = [...fuzzy.keys()].sort((a, b) => a - b);
    let df = (postOffsets[hi] as number) - (postOffsets[lo] as number);
    for (const id of fuzzyIds) df += (postOffsets[id + 1] as number) - (postOffsets[id] as number);
    return { exact, lo, hi, fuzzyIds, fuzzy, names, df };
  }

  /** Adds what the delta has for a group: its own terms, and postings of matching terms. */
  private addDelta(g: Group, typos: number): void {
    const { extraSorted, extraIds, deltaPostings } = this.data;
    const add = (term: string, weight: number) => {
      const id = extraIds.get(term) as number;
      g.extra.set(id, Math.max(weight, g.extra.get(id) ?? 0));
      g.names.add(term);
    };
    if (extraSorted.length > 0) {
      g.names = new Set(g.names);
      if (g.prefix) {
        const [from, to] = prefixRange(extraSorted, g.term);
        for (let i = from; i < to; i++) add(extraSorted[i] as string, prefixWeight(g.term.length, (extraSorted[i] as string).length));
      } else if (extraIds.has(g.term)) add(g.term, 1);
      if (typos > 0) {
        for (const term of extraSorted) {
          const distance = term.charCodeAt(0) === g.term.charCodeAt(0) ? editDistance(g.term, term, typos) : typos + 1;
          if (distance > 0 && distance <= typos) add(term, FUZZY_WEIGHT[distance] as number);
        }
      }
    }
    for (const [id, list] of deltaPostings) {
      const weight = this.weightOf(g, id);
      if (weight > 0) {
        g.deltaLists.push([weight, list]);
        g.df += list.length / 2;
      }
    }
  }

  /** How much term `id` counts for group `g` (0: not at all). */
  private weightOf(g: Group, id: number): number {
    if (id === g.exact) return 1;
    if (id >= g.lo && id < g.hi) return prefixWeight(g.term.length, (this.data.segment.terms[id] as string).length);
    return g.fuzzy.get(id) ?? g.extra.get(id) ?? 0;
  }

  /** Which document slots the filters allow (null: all). */
  private allowedDocuments({ docs, after, before }: QueryFilters, scope: readonly string[] | null): Uint8Array | null {
    if (docs.length === 0 && !after && !before && !scope) return null;
    const inScope = scope && new Set(scope);
    const allowed = new Uint8Array(this.data.records.length);
    this.data.records.forEach((r, slot) => {
      if (!r) return;
      if (docs.length > 0 && !docs.includes(r.id)) return;
      if (inScope && !inScope.has(r.id)) return;
      if (after && !(r.date && r.date >= after)) return;
      if (before && !(r.date && r.date < before)) return;
      allowed[slot] = 1;
    });
    return allowed;
  }

  // ---------------------------------------------------------------- scoring

  /** Scores the candidates of a plan: those of its rarest group (or, when `all` is false, of every group). */
  private score(plan: Plan, all: boolean): Hits {
    this.nextStamp();
    const candidates: number[] = [];
    if (!all) {
      for (const g of plan.groups) this.collect(g, Math.floor(CANDIDATE_BUDGET / plan.groups.length), candidates);
      return this.scoreEntries(plan, candidates, false);
    }
    const driver = plan.groups.reduce((best, g, i) => (g.df < (plan.groups[best] as Group).df ? i : best), 0);
    this.collect(plan.groups[driver] as Group, CANDIDATE_BUDGET, candidates);
    return this.scoreEntries(plan, candidates, true, driver);
  }

  private nextStamp(): void {
    if (this.marks.length < this.data.columns.count) {
      this.marks = new Uint32Array(this.data.columns.count * 2 + 1024);
      this.found = new Float64Array(this.marks.length);
    }
    if (++this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 1;
    }
  }

  /**
   * Adds a group's entries to the candidates, all of them or, within budget,
   * the head of each of its terms' postings; and keeps each one's score for
   * the group in `found`, from the counts in the postings.
   */
  private collect(g: Group, budget: number, out: number[]): void {
    const { postOffsets, postEntries, postTfs } = this.data.segment;
    const { marks, stamp, found } = this;
    const norms = this.norms();
    const kinds = this.data.columns.kinds.array;
    const lengths = this.data.columns.lengths.array;
    // Segment postings: entries and counts in two arrays; delta postings: interleaved in one (step 2, counts one after).
    const take = (weight: number, from: number, to: number, entries: ArrayLike<number>, tfs: ArrayLike<number>, step: number, tfAt: number) => {
      for (let p = from; p < to; p += step) {
        const e = entries[p] as number;
        const tf = tfs[p + tfAt] as number;
        const norm = norms.base + (norms.slope[kinds[e] as number] as number) * (lengths[e] as number);
        const s = (g.idf * weight * tf * (BM25_K1 + 1)) / (tf + norm);
        if (marks[e] !== stamp) {
          marks[e] = stamp;
          found[e] = s;
          out.push(e);
        } else if (s > (found[e] as number)) found[e] = s;
      }
    };
    const whole = g.df <= budget;
    if (!whole) this.approximate = true;
    // Each term gets its share of the budget; fractions are carried over, so rare terms get their turn too.
    let carry = 0;
    const postingsOf = (t: number) => {
      const from = postOffsets[t] as number;
      const n = (postOffsets[t + 1] as number) - from;
      let count = n;
      if (!whole) {
        carry += (budget * n) / g.df;
        count = Math.min(n, Math.floor(carry));
        carry -= count;
      }
      if (count > 0) take(this.weightOf(g, t), from, from + count, postEntries, postTfs, 1, 0);
    };
    for (let t = g.lo; t < g.hi; t++) postingsOf(t);
    for (const t of g.fuzzyIds) postingsOf(t);
    for (const [weight, list] of g.deltaLists) take(weight, 0, list.length, list, list, 2, 1);
  }

  /** BM25's length normalisation of an entry: base + slope[kind] x its length in words. */
  private norms(): { base: number; slope: number[] } {
    return { base: BM25_K1 * (1 - BM25_B), slope: [TITLE, PASSAGE, NOTE].map((kind) => (BM25_K1 * BM25_B) / this.data.averageLength(kind)) };
  }

  /**
   * BM25 of each candidate that passes the plan: every group when `all`,
   * else at least one (ranked by how many). The `driver` group's scores were
   * kept by collect.
   */
  private scoreEntries(plan: Plan, candidates: number[], all: boolean, driver = -1): Hits {
    const { groups } = plan;
    const { columns, records } = this.data;
    const [dead, kinds, docs, lengths] = [columns.dead.array, columns.kinds.array, columns.docs.array, columns.lengths.array];
    const { base, slope } = this.norms();
    const titles = new Map<number, Float64Array>();
    const hits: Hits = { entries: [], scores: [] };
    for (const e of candidates) {
      if (dead[e]) continue;
      const kind = kinds[e] as number;
      const doc = docs[e] as number;
      if (!(plan.kindMask & (1 << kind)) || (plan.allowed && !plan.allowed[doc])) continue;
      const norm = base + (slope[kind] as number) * (lengths[e] as number);
      let score = 0;
      let own = 0;
      let matched = 0;
      for (let i = 0; i < groups.length; i++) {
        const mine = i === driver ? (this.found[e] as number) : this.groupScore(e, groups[i] as Group, norm);
        if (mine > 0) {
          score += mine;
          own++;
          matched++;
          continue;
        }
        const title = kind === TITLE ? 0 : (this.titleScores(doc, groups, titles)[i] as number);
        if (title > 0) {
          score += TITLE_BOOST * title;
          matched++;
        } else if (all) break;
      }
      if (own === 0 || (all && matched < groups.length)) continue;
      if (plan.excluded.length > 0 && this.hasExcluded(e, (records[doc] as DocRecord).titleEntry, plan.excluded)) continue;
      hits.entries.push(e);
      hits.scores.push((kind === TITLE ? TITLE_BOOST : 1) * score * (all ? 1 : (matched / groups.length) ** 2));
    }
    return hits;
  }

  /**
   * A group's BM25 score in an entry: its best term there, weighted. `norm`
   * is BM25's length normalisation for the entry. Reads the entry's sorted
   * term list in place: this runs for every candidate and group.
   */
  private groupScore(e: number, g: Group, norm: number): number {
    const data = this.data;
    let terms: Uint32Array;
    let tfs: Uint8Array;
    let from: number;
    let to: number;
    if (e < data.segmentEntries) {
      terms = data.segment.fwdTerms;
      tfs = data.segment.fwdTfs;
      from = data.segment.fwdOffsets[e] as number;
      to = data.segment.fwdOffsets[e + 1] as number;
    } else {
      const d = data.deltaForward[e - data.segmentEntries] as { terms: Uint32Array; tfs: Uint8Array };
      terms = d.terms;
      tfs = d.tfs;
      from = 0;
      to = terms.length;
    }
    // Inlined (no closure per call): this is the innermost loop of every query.
    let best = 0;
    if (g.hi > g.lo) {
      for (let i = firstAtLeast(terms, from, to, g.lo); i < to && (terms[i] as number) < g.hi; i++) {
        const tf = tfs[i] as number;
        const s = (this.weightOf(g, terms[i] as number) * tf * (BM25_K1 + 1)) / (tf + norm);
        if (s > best) best = s;
      }
    }
    // Both lists are sorted: walk them side by side.
    const fuzzy = g.fuzzyIds;
    for (let i = fuzzy.length > 0 ? firstAtLeast(terms, from, to, fuzzy[0] as number) : to, j = 0; i < to && j < fuzzy.length; ) {
      const term = terms[i] as number;
      const id = fuzzy[j] as number;
      if (term < id) i++;
      else if (term > id) j++;
      else {
        const tf = tfs[i] as number;
        const s = ((g.fuzzy.get(id) as number) * tf * (BM25_K1 + 1)) / (tf + norm);
        if (s > best) best = s;
        i++;
        j++;
      }
    }
    if (g.extra.size > 0) {
      for (let i = firstAtLeast(terms, from, to, data.segment.terms.length); i < to; i++) {
        const weight = g.extra.get(terms[i] as number) ?? 0;
        const tf = tfs[i] as number;
        const s = (weight * tf * (BM25_K1 + 1)) / (tf + norm);
        if (s > best) best = s;
      }
    }
    return best * g.idf;
  }

  /** Every group's score in a document's title, computed once per document and query. */
  private titleScores(doc: number, groups: Group[], cache: Map<number, Float64Array>): Float64Array {
    let scores = cache.get(doc);
    if (!scores) {
      const title = (this.data.records[doc] as DocRecord).titleEntry;
      const norm = BM25_K1 * (1 - BM25_B + (BM25_B * this.data.columns.lengths.get(title)) / this.data.averageLength(TITLE));
      scores = Float64Array.from(groups, (g) => this.groupScore(title, g, norm));
      cache.set(doc, scores);
    }
    return scores;
  }

  private hasExcluded(e: number, title: number, excluded: Group[]): boolean {
    return excluded.some((g) => this.groupScore(e, g, 1) > 0 || this.groupScore(title, g, 1) > 0);
  }

  /**
   * Keeps the hits holding every phrase. Checking means reading the text, so
   * hits are checked best first, until `limit` documents have one or
   * PHRASE_CHECKS hits were read.
   */
  private withPhrases(hits: Hits, phrases: RegExp[], limit: number): Hits {
    const order = hits.entries.map((_, i) => i).sort((a, b) => (hits.scores[b] as number) - (hits.scores[a] as number));
    const docs = this.data.columns.docs.array;
    const found = new Set<number>();
    const kept: Hits = { entries: [], scores: [] };
    let checked = 0;
    for (const i of order) {
      if (found.size >= limit || checked >= PHRASE_CHECKS) {
        this.approximate = true;
        break;
      }
      checked++;
      const e = hits.entries[i] as number;
      const text = this.data.textOf(e);
      if (phrases.every((p) => ((p.lastIndex = 0), p.test(text)))) {
        kept.entries.push(e);
        kept.scores.push(hits.scores[i] as number);
        found.add(docs[e] as number);
      }
    }
    return kept;
  }

  // ---------------------------------------------------------------- ranking and presenting

  /** The best `limit` documents by their best hit, each with its best few hits; and how many matched. */
  private rankDocuments(hits: Hits, limit: number): { docs: RankedDocument[]; total: number } {
    const docs = this.data.columns.docs.array;
    if (this.docBest.length < this.data.records.length) this.docBest = new Float64Array(this.data.records.length * 2);
    const best = this.docBest;
    const touched: number[] = [];
    for (let i = 0; i < hits.entries.length; i++) {
      const doc = docs[hits.entries[i] as number] as number;
      const score = hits.scores[i] as number;
      if (best[doc] === 0) touched.push(doc);
      if (score > (best[doc] as number)) best[doc] = score;
    }
    const top = touched.sort((a, b) => (best[b] as number) - (best[a] as number) || a - b).slice(0, limit);
    const chosen = new Map(top.map((doc) => [doc, { doc, score: best[doc] as number, hits: [] as Array<[number, number]> }]));
    for (let i = 0; i < hits.entries.length; i++) {
      const e = hits.entries[i] as number;
      const d = chosen.get(docs[e] as number);
      if (d) keepBest(d.hits, e, hits.scores[i] as number);
    }
    for (const doc of touched) best[doc] = 0;
    return { docs: [...chosen.values()], total: touched.length };
  }

  /** With no words, only filters: the documents they allow, newest first. */
  private listDocuments(plan: Plan, limit: number): EngineSearch {
    if (!plan.allowed) return { groups: [], total: 0, approximate: false };
    const docs: number[] = [];
    this.data.records.forEach((r, slot) => r && (!plan.allowed || plan.allowed[slot]) && docs.push(slot));
    const record = (slot: number) => this.data.records[slot] as DocRecord;
    docs.sort((a, b) => (record(b).date ?? '').localeCompare(record(a).date ?? '') || record(a).title.localeCompare(record(b).title));
    const groups = docs.slice(0, limit).map((doc) => this.present({ doc, score: 0, hits: [] }, plan));
    return { groups, total: docs.length, approximate: false };
  }

  private present(d: RankedDocument, plan: Plan): SearchGroup {
    const { columns, records } = this.data;
    const record = records[d.doc] as DocRecord;
    const terms = new Set<string>();
    const hits: SearchHit[] = [];
    let titleHighlights: Range[] | null = null;
    for (const [e, score] of d.hits) {
      const kind = columns.kinds.get(e);
      const text = this.data.textOf(e);
      const ranges = this.rangesIn(text, plan, terms);
      if (kind === TITLE) titleHighlights = ranges;
      else hits.push(this.hit(e, kind, score, snippetOf(text, ranges)));
    }
    titleHighlights ??= this.rangesIn(record.title, plan, terms);
    if (hits.length === 0 && record.passages.length > 0) {
      // Only the title matched (or only filters): show how the document begins.
      const first = record.passages[0] as number;
      hits.push(this.hit(first, TITLE, d.score, snippetOf(this.data.textOf(first), [])));
    }
    return { docId: record.id, title: record.title, titleHighlights, date: record.date, score: d.score, terms: [...terms], hits };
  }

  private hit(e: number, kind: number, score: number, snippet: SearchHit['snippet']): SearchHit {
    const meta = this.data.meta.get(e);
    const block = this.data.columns.blocks.get(e);
    return {
      kind: KIND_NAMES[kind] as HitKind,
      blockIndex: block >= 0 ? block : null,
      ...(meta && kind === NOTE && { noteId: meta.id }),
      score,
      snippet,
    };
  }

  /** Where a plan's words and phrases are in a text; the words found are added to `found`. */
  private rangesIn(text: string, plan: Plan, found?: Set<string>): Range[] {
    const ranges = termRanges(text, (term) => plan.groups.some((g) => matchesName(g, term)));
    for (const [from, to] of ranges) found?.add(normalizeTerm(text.slice(from, to)));
    const phrases = plan.phrases.flatMap((p) => patternRanges(text, p));
    return phrases.length > 0 ? mergeRanges([...ranges, ...phrases]) : ranges;
  }
}

interface RankedDocument {
  doc: number;
  score: number;
  hits: Array<[entry: number, score: number]>;
}

/** A completion weighs less the more of it was not typed: "chi" finds "china" before "chinese". */
function prefixWeight(typed: number, length: number): number {
  return length === typed ? 1 : (0.8 * typed) / length;
}

/** Whether an index term (by name) belongs to a group: for marking words in snippets. */
function matchesName(g: Group, term: string): boolean {
  return term === g.term || (g.prefix && term.startsWith(g.term)) || g.names.has(term);
}

/** Keeps the best HITS_PER_DOCUMENT hits, best first. */
function keepBest(hits: Array<[number, number]>, e: number, score: number): void {
  if (hits.length === HITS_PER_DOCUMENT && score <= (hits.at(-1) as [number, number])[1]) return;
  let at = hits.length;
  while (at > 0 && score > (hits[at - 1] as [number, number])[1]) at--;
  hits.splice(at, 0, [e, score]);
  if (hits.length > HITS_PER_DOCUMENT) hits.pop();
}

function firstAtLeast(values: Uint32Array, from: number, to: number, value: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if ((values[mid] as number) < value) from = mid + 1;
    else to = mid;
  }
  return from;
}
