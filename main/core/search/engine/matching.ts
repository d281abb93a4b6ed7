/**
 * Running a query over the index, with a plan that keeps every keystroke
 * cheap at 100,000 documents, within budgets (see Budgets).
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
 * 4. Phrases are checked on the text in score order, only as far as needed;
 *    a complete one also in the passages the cut-off left out, so that a
 *    phrase present once is found.
 * 5. Documents are ranked by their best hit; only the shown ones get
 *    snippets. See DESIGN.md.
 *
 * Pure code: no Node, no DOM.
 */
import type { DocumentMatch, HitKind, SearchGroup, SearchHit } from '../../../common/contract';
import { KIND_NAMES, NOTE, PASSAGE, passageEntries, TITLE, type DocRecord } from './entries';
import { termsOf, type IndexData } from './data';
import { EVERYWHERE, type QueryTerms, type Scope } from '../query';
import { idf, lengthNorm, tfWeight } from './bm25';
import type { TermSlice } from './segment';
import { mergeRanges, patternRanges, phrasePattern, snippetOf, snippetWindow, termRanges, type Range } from '../../text/snippets';
import { normalizeTerm } from '../../text/tokens';
import { editDistance, fuzzyTerms, indexOfTerm, prefixRange } from './vocabulary';

/** A title match counts this much more than the same match in a passage. */
const TITLE_BOOST = 3;
/** Weights of a term one and two typos away from the word typed. */
const FUZZY_WEIGHT = [1, 0.45, 0.25] as const;
const HITS_PER_DOCUMENT = 3;
/** Passages beyond the top-N cut-off are read for a complete phrase this many at a time, until enough documents have it. */
const PHRASE_SCAN_CHUNK = 4096;

/** How much of the index one query may touch: what keeps every keystroke cheap whatever the library's size. */
export interface Budgets {
  /** Entries scored per query at most; beyond, each term gives the head of its impact-ordered postings (a top-N cut-off) and the answer is approximate. */
  candidates: number;
  /** Hits read for a phrase still being typed, best first (a complete phrase is looked for in every passage that may hold it). */
  phraseChecks: number;
  /** Matches findInDocument returns at most (a one-letter search in a long document). */
  documentMatches: number;
  /** Words resolved against the segment, kept for the next keystrokes. */
  cachedWords: number;
}

export const DEFAULT_BUDGETS: Budgets = { candidates: 2000, phraseChecks: 2000, documentMatches: 2000, cachedWords: 2000 };

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
  /** Every word: the query's own first (`free` of them), then the words of its phrases. */
  groups: Group[];
  free: number;
  excluded: Group[];
  phrases: RegExp[];
  /**
   * A phrase is complete (its closing quote typed): every passage that may
   * hold it is read, however broad its words, so that a phrase present once
   * is found. While a phrase is typed, the budgets hold as for any word.
   */
  exhaustive: boolean;
  allowed: Uint8Array | null;
  kindMask: number;
}

interface Hits {
  entries: number[];
  scores: number[];
}

/** Hits of a query, and what its top-N cut-off left unscored (kept only when a complete phrase may be there). */
interface Scored extends Hits {
  all: boolean;
  rest: number[];
}

export interface EngineSearch {
  groups: SearchGroup[];
  /** Documents that matched, before the limit. */
  total: number;
  /** True when the query was too broad to score every match (see Budgets.candidates). */
  approximate: boolean;
}

const ALL_KINDS = (1 << TITLE) | (1 << PASSAGE) | (1 << NOTE);
const KIND_BITS = { passage: (1 << PASSAGE) | (1 << TITLE), note: 1 << NOTE, entity: 0 };

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
  /** BM25's length part for each kind is lengthNorm(length, averages[kind]): set per query. */
  private averages = [1, 1, 1];
  private readonly slice: TermSlice = { terms: new Uint32Array(0), tfs: new Uint8Array(0), from: 0, to: 0 };

  constructor(
    private readonly data: IndexData,
    private readonly budgets: Budgets = DEFAULT_BUDGETS,
  ) {}

  /**
   * The documents matching a query, best first, each with its best hits as
   * snippets, within `scope` (every filter of the query, resolved by
   * search/scope.ts).
   */
  search(query: QueryTerms, limit: number, scope: Scope = EVERYWHERE): EngineSearch {
    this.approximate = false;
    const plan = this.plan(query, scope);
    if (plan.kindMask === 0) return { groups: [], total: 0, approximate: false };
    if (plan.groups.length === 0) return this.listDocuments(plan, limit);
    let scored = this.score(plan, true);
    if (scored.entries.length === 0 && plan.groups.length > 1) scored = this.score(plan, false);
    const hits = plan.phrases.length > 0 ? this.withPhrases(scored, plan, limit) : scored;
    const { docs, total } = this.rankDocuments(hits, limit);
    return { groups: docs.map((d) => this.present(d, plan)), total, approximate: this.approximate };
  }

  /**
   * Where the query is in one document's passages (clean offsets of each
   * block), in reading order: its words, and its phrases where they are
   * whole (a passage without them is not a match).
   */
  findInDocument(docId: string, query: QueryTerms): DocumentMatch[] {
    const record = this.data.record(docId);
    const plan = { ...this.plan(query, EVERYWHERE), kindMask: 1 << PASSAGE };
    if (!record || plan.groups.length === 0) return [];
    const passages = passageEntries(record);
    let hits = this.scoreEntries(plan, passages, true);
    if (hits.entries.length === 0) hits = this.scoreEntries(plan, passages, false);
    const words = plan.groups.slice(0, plan.free);
    const matches: DocumentMatch[] = [];
    for (const e of [...hits.entries].sort((a, b) => a - b)) {
      const text = this.data.textOf(e);
      if (!holdsPhrases(text, plan.phrases)) continue;
      const block = this.data.columns.blocks.get(e);
      for (const [from, to] of rangesIn(text, words, plan.phrases)) {
        matches.push({ block, from, to });
        if (matches.length >= this.budgets.documentMatches) return matches;
      }
    }
    return matches;
  }

  // ---------------------------------------------------------------- planning

  private plan(query: QueryTerms, scope: Scope): Plan {
    const groups = query.words.map((w) => this.group(w.term, w.typing ? 'typing' : 'word'));
    const free = groups.length;
    for (const phrase of query.phrases) {
      phrase.words.forEach((word, i) => groups.push(this.group(word, phrase.open && i === phrase.words.length - 1 ? 'typing' : 'exact')));
    }
    this.averages = [TITLE, PASSAGE, NOTE].map((kind) => this.data.averageLength(kind));
    return {
      groups,
      free,
      excluded: query.excluded.map((t) => this.group(t, 'exact')),
      phrases: query.phrases.map((p) => phrasePattern(p.atoms, p.open)),
      exhaustive: query.phrases.some((p) => !p.open),
      allowed: this.allowedDocuments(scope),
      kindMask: scope.kinds.length === 0 ? ALL_KINDS : scope.kinds.reduce((mask, k) => mask | KIND_BITS[k], 0),
    };
  }

  private group(term: string, mode: 'typing' | 'word' | 'exact'): Group {
    const prefix = mode === 'typing' || (mode === 'word' && term.length >= 4);
    const typos = mode === 'exact' ? 0 : term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0;
    const key = `${prefix ? 'p' : 'x'}${typos}:${term}`;
    let base = this.cache.get(key);
    if (!base) {
      base = this.segmentGroup(term, prefix, typos);
      if (this.cache.size >= this.budgets.cachedWords) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, base);
    }
    const g: Group = { ...base, term, prefix, extra: new Map(), deltaLists: [], idf: 0 };
    this.addDelta(g, typos);
    g.idf = idf(g.df, this.data.live);
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

  /** Which document slots the scope allows (null: all). */
  private allowedDocuments({ docIds, after, before }: Scope): Uint8Array | null {
    if (!docIds && !after && !before) return null;
    const inScope = docIds && new Set(docIds);
    const allowed = new Uint8Array(this.data.records.length);
    this.data.records.forEach((r, slot) => {
      if (!r) return;
      if (inScope && !inScope.has(r.id)) return;
      if (after && !(r.date && r.date >= after)) return;
      if (before && !(r.date && r.date < before)) return;
      allowed[slot] = 1;
    });
    return allowed;
  }

  // ---------------------------------------------------------------- scoring

  /**
   * Scores the candidates of a plan: those of its rarest group when `all`
   * words must match; else those of every group, or, with a phrase, of its
   * rarest word (a passage without it cannot hold the phrase).
   */
  private score(plan: Plan, all: boolean): Scored {
    this.nextStamp();
    const { groups } = plan;
    const candidates: number[] = [];
    const rest: number[] = [];
    if (!all && plan.phrases.length === 0) {
      for (const g of groups) this.collect(g, Math.floor(this.budgets.candidates / groups.length), candidates, null);
      return { ...this.scoreEntries(plan, candidates, false), all, rest };
    }
    let driver = all ? 0 : plan.free;
    for (let i = driver + 1; i < groups.length; i++) if ((groups[i] as Group).df < (groups[driver] as Group).df) driver = i;
    this.collect(groups[driver] as Group, this.budgets.candidates, candidates, plan.exhaustive ? rest : null);
    return { ...this.scoreEntries(plan, candidates, all, driver), all, rest };
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
   * the head of each of its terms' postings (the rest go to `rest`, when
   * given); and keeps each candidate's score for the group in `found`, from
   * the counts in the postings.
   */
  private collect(g: Group, budget: number, out: number[], rest: number[] | null): void {
    const { postOffsets, postEntries, postTfs } = this.data.segment;
    const { marks, stamp, found, averages } = this;
    const kinds = this.data.columns.kinds.array;
    const lengths = this.data.columns.lengths.array;
    // Segment postings: entries and counts in two arrays; delta postings: interleaved in one (step 2, counts one after).
    const take = (weight: number, from: number, to: number, entries: ArrayLike<number>, tfs: ArrayLike<number>, step: number, tfAt: number) => {
      for (let p = from; p < to; p += step) {
        const e = entries[p] as number;
        const s = g.idf * weight * tfWeight(tfs[p + tfAt] as number, lengthNorm(lengths[e] as number, averages[kinds[e] as number] as number));
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
      if (rest) for (let p = from + count; p < from + n; p++) rest.push(postEntries[p] as number);
    };
    for (let t = g.lo; t < g.hi; t++) postingsOf(t);
    for (const t of g.fuzzyIds) postingsOf(t);
    for (const [weight, list] of g.deltaLists) take(weight, 0, list.length, list, list, 2, 1);
  }

  /** BM25's length part for entry e. */
  private norm(e: number): number {
    const { kinds, lengths } = this.data.columns;
    return lengthNorm(lengths.get(e), this.averages[kinds.get(e)] as number);
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
    const { averages } = this;
    const titles = new Map<number, Float64Array>();
    const hits: Hits = { entries: [], scores: [] };
    for (const e of candidates) {
      if (dead[e]) continue;
      const kind = kinds[e] as number;
      const doc = docs[e] as number;
      if (!(plan.kindMask & (1 << kind)) || (plan.allowed && !plan.allowed[doc])) continue;
      const norm = lengthNorm(lengths[e] as number, averages[kind] as number);
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
   * is BM25's length part for the entry. Reads the entry's sorted term list
   * in place: this runs for every candidate and group.
   */
  private groupScore(e: number, g: Group, norm: number): number {
    const { terms, tfs, from, to } = termsOf(this.data, e, this.slice);
    let best = 0;
    if (g.hi > g.lo) {
      for (let i = firstAtLeast(terms, from, to, g.lo); i < to && (terms[i] as number) < g.hi; i++) {
        best = Math.max(best, this.weightOf(g, terms[i] as number) * tfWeight(tfs[i] as number, norm));
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
        best = Math.max(best, (g.fuzzy.get(id) as number) * tfWeight(tfs[i] as number, norm));
        i++;
        j++;
      }
    }
    if (g.extra.size > 0) {
      for (let i = firstAtLeast(terms, from, to, this.data.segment.terms.length); i < to; i++) {
        best = Math.max(best, (g.extra.get(terms[i] as number) ?? 0) * tfWeight(tfs[i] as number, norm));
      }
    }
    return best * g.idf;
  }

  /** Every group's score in a document's title, computed once per document and query. */
  private titleScores(doc: number, groups: Group[], cache: Map<number, Float64Array>): Float64Array {
    let scores = cache.get(doc);
    if (!scores) {
      const title = (this.data.records[doc] as DocRecord).titleEntry;
      const norm = this.norm(title);
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
   * hits are checked best first, until `limit` documents have one (or, for
   * a phrase still typed, the budget of checks is spent). A complete phrase
   * is then looked for in the passages the top-N cut-off left out, until
   * `limit` documents have it or none is left: a phrase present once is found.
   */
  private withPhrases(hits: Scored, plan: Plan, limit: number): Hits {
    const docs = this.data.columns.docs.array;
    const found = new Set<number>();
    const kept: Hits = { entries: [], scores: [] };
    const check = (e: number, score: number) => {
      if (!holdsPhrases(this.data.textOf(e), plan.phrases)) return;
      kept.entries.push(e);
      kept.scores.push(score);
      found.add(docs[e] as number);
    };
    const order = hits.entries.map((_, i) => i).sort((a, b) => (hits.scores[b] as number) - (hits.scores[a] as number));
    let checked = 0;
    for (const i of order) {
      if (found.size >= limit || (!plan.exhaustive && checked >= this.budgets.phraseChecks)) {
        this.approximate = true;
        return kept;
      }
      checked++;
      check(hits.entries[i] as number, hits.scores[i] as number);
    }
    for (let at = 0; at < hits.rest.length && found.size < limit; at += PHRASE_SCAN_CHUNK) {
      // Only documents not found yet: the passages left out are their documents' weaker ones.
      const unseen = this.unseen(hits.rest.slice(at, at + PHRASE_SCAN_CHUNK)).filter((e) => !found.has(docs[e] as number));
      const more = this.scoreEntries(plan, unseen, hits.all);
      more.entries.forEach((e, i) => found.has(docs[e] as number) || check(e, more.scores[i] as number));
    }
    return kept;
  }

  /** The entries not yet candidates of this query, made candidates (an entry may be in several postings of a group). */
  private unseen(entries: number[]): number[] {
    const { marks, stamp } = this;
    const fresh: number[] = [];
    for (const e of entries) {
      if (marks[e] === stamp) continue;
      marks[e] = stamp;
      fresh.push(e);
    }
    return fresh;
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
    // The best `limit` by insertion: a few comparisons per document, where sorting all would cost more on every keystroke.
    const ahead = (a: number, b: number) => (best[a] as number) > (best[b] as number) || (best[a] === best[b] && a < b);
    const top: number[] = [];
    for (const doc of touched) {
      if (top.length === limit && !ahead(doc, top[limit - 1] as number)) continue;
      let at = top.length;
      while (at > 0 && ahead(doc, top[at - 1] as number)) at--;
      top.splice(at, 0, doc);
      if (top.length > limit) top.pop();
    }
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
      const ranges = rangesIn(text, plan.groups, plan.phrases, terms);
      if (kind === TITLE) titleHighlights = ranges;
      else hits.push(this.hit(e, kind, score, text, ranges));
    }
    titleHighlights ??= rangesIn(record.title, plan.groups, plan.phrases, terms);
    if (hits.length === 0 && record.passages > 0) {
      // Only the title matched (or only filters): show how the document begins.
      const first = record.titleEntry + 1;
      hits.push(this.hit(first, TITLE, d.score, this.data.textOf(first), []));
    }
    return { docId: record.id, title: record.title, titleHighlights, date: record.date, score: d.score, terms: [...terms], hits };
  }

  /** A hit on entry e, its snippet cut from its text around `ranges` (where it matched). */
  private hit(e: number, kind: number, score: number, text: string, ranges: Range[]): SearchHit {
    const meta = this.data.meta.get(e);
    const block = this.data.columns.blocks.get(e);
    const window = snippetWindow(text, ranges);
    return {
      kind: KIND_NAMES[kind] as HitKind,
      blockIndex: block >= 0 ? block : null,
      ...(meta && kind === NOTE && { noteId: meta.id }),
      score,
      snippet: snippetOf(text, ranges, window),
      // A passage's text is its block's clean text: offsets in the block of what the snippet shows, for the reader.
      ranges: kind === PASSAGE ? shown(ranges, window) : [],
    };
  }
}

/** Where these words and phrases are in a text; the words found are added to `found`. */
function rangesIn(text: string, groups: Group[], phrases: RegExp[], found?: Set<string>): Range[] {
  const ranges = termRanges(text, (term) => groups.some((g) => matchesName(g, term)));
  for (const [from, to] of ranges) found?.add(normalizeTerm(text.slice(from, to)));
  const inPhrases = phrases.flatMap((p) => patternRanges(text, p));
  return inPhrases.length > 0 ? mergeRanges([...ranges, ...inPhrases]) : ranges;
}

/** The ranges inside a window. */
function shown(ranges: Range[], [from, to]: Range): Range[] {
  return ranges.filter(([s, e]) => s >= from && e <= to);
}

function holdsPhrases(text: string, phrases: RegExp[]): boolean {
  return phrases.every((p) => ((p.lastIndex = 0), p.test(text)));
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
