import { z } from 'zod';
import { method } from './method';
import { Id } from './documents';

export const SearchQuery = z.strictObject({
  q: z.string().max(1000),
  limit: z.number().int().min(1).max(200).optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A snippet with the ranges (in snippet characters) to highlight: never HTML. */
export interface Snippet {
  text: string;
  highlights: Array<[from: number, to: number]>;
}

export interface SearchHit {
  blockIndex: number;
  score: number;
  snippet: Snippet;
}

export interface SearchGroup {
  docId: string;
  title: string;
  date: string | null;
  score: number;
  /** Terms of the document that matched, to highlight in the reader. */
  terms: string[];
  hits: SearchHit[];
}

export interface SearchResult {
  query: string;
  groups: SearchGroup[];
  total: number;
  tookMs: number;
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
