import MiniSearch, { type Options, type SearchOptions, type SearchResult as MiniResult } from 'minisearch';
import type { Block, SearchGroup, SearchHit, Snippet } from '../common/contract';

/** One indexed passage: a block of a document. */
interface Passage {
  id: string;
  docId: string;
  block: number;
  title: string;
  text: string;
}

/** Per-term matching: prefix only for the word being typed, fuzziness only on words long enough to carry a typo. */
const QUERY_OPTIONS: SearchOptions = {
  boost: { title: 3 },
  prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 2,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  combineWith: 'AND',
};

/**
 * The one set of options the index is built and loaded with: a saved index
 * read back with other options would silently disagree with new entries.
 */
export const INDEX_OPTIONS: Options<Passage> = {
  fields: ['title', 'text'],
  storeFields: ['docId', 'block'],
  searchOptions: QUERY_OPTIONS,
};

const SNIPPET_LENGTH = 220;
const HITS_PER_DOCUMENT = 3;

/** Full-text search over the passages of every document. */
export class SearchIndex {
  private readonly mini = new MiniSearch<Passage>(INDEX_OPTIONS);
  private readonly passagesOf = new Map<string, string[]>();

  /** Indexes (or re-indexes) one document's blocks. */
  setDocument(docId: string, title: string, blocks: Block[]): void {
    this.removeDocument(docId);
    const passages = blocks.map((b) => ({ id: `${docId}#${b.index}`, docId, block: b.index, title, text: b.text }));
    this.mini.addAll(passages);
    this.passagesOf.set(docId, passages.map((p) => p.id));
  }

  removeDocument(docId: string): void {
    for (const id of this.passagesOf.get(docId) ?? []) this.mini.discard(id);
    this.passagesOf.delete(docId);
  }

  /**
   * Matching passages grouped by document, best first. All words must match;
   * when that finds nothing, any word may.
   */
  query(q: string, limit: number): RawGroup[] {
    if (!q.trim()) return [];
    let results = this.mini.search(q);
    if (results.length === 0) results = this.mini.search(q, { combineWith: 'OR' });
    return groupByDocument(results).slice(0, limit);
  }

  /** The passages of one document that match, with the terms they matched on. */
  queryDocument(docId: string, q: string): Array<{ block: number; terms: string[] }> {
    if (!q.trim()) return [];
    const inDoc = { filter: (r: MiniResult) => r['docId'] === docId };
    let results = this.mini.search(q, inDoc);
    if (results.length === 0) results = this.mini.search(q, { ...inDoc, combineWith: 'OR' });
    return results.map((r) => ({ block: r['block'] as number, terms: r.terms })).sort((a, b) => a.block - b.block);
  }
}

/** A document's matching passages before snippets are cut. */
export interface RawGroup {
  docId: string;
  score: number;
  terms: string[];
  hits: Array<{ block: number; score: number; terms: string[] }>;
}

function groupByDocument(results: MiniResult[]): RawGroup[] {
  const groups = new Map<string, RawGroup>();
  for (const r of results) {
    const docId = r['docId'] as string;
    let group = groups.get(docId);
    if (!group) {
      group = { docId, score: 0, terms: [], hits: [] };
      groups.set(docId, group);
    }
    group.score = Math.max(group.score, r.score);
    group.terms = [...new Set([...group.terms, ...r.terms])];
    if (group.hits.length < HITS_PER_DOCUMENT) group.hits.push({ block: r['block'] as number, score: r.score, terms: r.terms });
  }
  return [...groups.values()].sort((a, b) => b.score - a.score);
}

/** Ranges of `text` where a word starts with one of the (lower-case) index terms. */
export function findTerms(text: string, terms: string[]): Array<[number, number]> {
  if (terms.length === 0) return [];
  const escaped = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})[\\p{L}\\p{N}]*`, 'giu');
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/** A window of the passage around its first match, with the matches to highlight. */
export function makeSnippet(text: string, terms: string[]): Snippet {
  const ranges = findTerms(text, terms);
  const first = ranges[0]?.[0] ?? 0;
  let from = Math.max(0, first - SNIPPET_LENGTH / 3);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  const to = Math.min(text.length, from + SNIPPET_LENGTH);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const highlights = ranges
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]): [number, number] => [s - from + prefix.length, e - from + prefix.length]);
  return { text: prefix + text.slice(from, to) + suffix, highlights };
}

/** Turns a raw group into what the renderer shows. */
export function toSearchGroup(raw: RawGroup, doc: { title: string; date: string | null }, blocks: Block[]): SearchGroup {
  const hits: SearchHit[] = raw.hits.map((h) => ({
    blockIndex: h.block,
    score: h.score,
    snippet: makeSnippet(blocks[h.block]?.text ?? '', h.terms),
  }));
  return { docId: raw.docId, title: doc.title, date: doc.date, score: raw.score, terms: raw.terms, hits };
}
