import { z } from 'zod';
import { method } from './method';
import { Id } from './documents';

export { RESULT_KIND_WORDS, type ResultKind } from './values';

export const SearchQuery = z.strictObject({
  /** What the box holds, filters included: see main/core/search/query.ts for the syntax. */
  q: z.string().max(1000),
  limit: z.number().int().min(1).max(200).optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A snippet with the ranges (in snippet characters) to highlight: never HTML. */
export interface Snippet {
  text: string;
  highlights: Array<[from: number, to: number]>;
}

/** What a hit is: a passage of the text, a note on it, or (title) the document's opening when only its title matched. */
export type HitKind = 'passage' | 'title' | 'note';

export interface SearchHit {
  kind: HitKind;
  /** The block to open at; null for a note whose highlight was lost. */
  blockIndex: number | null;
  noteId?: string;
  score: number;
  snippet: Snippet;
  /** Where the snippet's marks are in the block's clean text (a passage; empty for a note or a document's opening). */
  ranges: Array<[from: number, to: number]>;
}

/** An entity whose name (or one of its aliases) matches the query. */
export interface EntityHit {
  id: string;
  /** The entity's type, as people read it ("Person"). */
  type: string;
  name: string;
  /** The name or alias that matched, with the matched words marked. */
  matched: Snippet;
}

export interface SearchGroup {
  docId: string;
  title: string;
  /** Matched words in the title. */
  titleHighlights: Array<[from: number, to: number]>;
  date: string | null;
  score: number;
  /** Terms of the document that matched, to highlight in the reader. */
  terms: string[];
  hits: SearchHit[];
}

export const FILTER_KEYS = ['tag', 'entity', 'type', 'is', 'in', 'after', 'before'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** A filter typed in the query (`tag:5g`), where it is in the query text, for showing it as a chip. */
export interface QueryChip {
  key: FilterKey;
  value: string;
  from: number;
  to: number;
  valid: boolean;
  /** How to show the value when it is not what a person reads (a document's title for in:<id>). */
  label?: string;
}

/** How far the first indexing of the library has come. */
export interface IndexProgress {
  done: number;
  total: number;
}

export interface SearchResult {
  query: string;
  /** Entities whose names match, shown before the documents. */
  entities: EntityHit[];
  groups: SearchGroup[];
  /** Documents that matched (groups holds the first `limit`). */
  total: number;
  tookMs: number;
  chips: QueryChip[];
  /** Parts of the query that could not be understood, in words for the user. */
  problems: string[];
  /** True when the query was so broad that only the best matches of each word were scored. */
  approximate: boolean;
  /** While the library is being indexed for the first time: results are incomplete. */
  indexing: IndexProgress | null;
}

/** A match inside one document, in clean-text offsets of a block. */
export interface DocumentMatch {
  block: number;
  from: number;
  to: number;
}

export const searchContract = {
  search: method<SearchResult>()(z.tuple([SearchQuery])),
  findInDocument: method<DocumentMatch[]>()(z.tuple([Id, z.string().max(1000)])),
};
