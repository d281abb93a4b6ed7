import { z } from 'zod';
import { method } from './method';
import { BLOCK_READING } from './values';

export { BLOCK_READING };

/** Ids are short opaque strings; the bound keeps hostile input cheap to reject. */
export const Id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -');

export type BlockKind = 'heading' | 'paragraph' | 'bullet' | 'figure';
/** A run of the original text, [start, end) in UTF-16 code units. */
export type Span = readonly [start: number, end: number];
/** A reading block: clean text plus the original spans it was joined from. */
export interface Block {
  index: number;
  kind: BlockKind;
  text: string;
  spans: Span[];
  start: number;
  end: number;
}

export interface DocumentSummary {
  id: string;
  title: string;
  /** ISO 8601 with the precision the text gives: "2024-06-26", "2021-11", "2017"; null when the text states none. */
  date: string | null;
  /** Characters of the original text. */
  length: number;
  words: number;
  source: string;
  origin: 'seed' | 'import';
  addedAt: string;
}

/** A document as it opens: what the library knows of it, how many blocks it has, and its first screen of them. */
export interface DocumentOpening extends DocumentSummary {
  blockCount: number;
  /** Blocks 0, 1, … as far as a screen goes: the others come from getBlocks as the reader scrolls. */
  blocks: Block[];
}

export interface Notice {
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface Status {
  version: string;
  dataDir: string;
  documents: number;
  notices: Notice[];
}

const BlockIndex = z.number().int().min(0).max(1e8);
const Offset = z.number().int().min(0).max(1e9);

export const documentsContract = {
  getStatus: method<Status>()(z.tuple([])),
  /** Every document, in the library's own order (for pickers; the library's table reads listDocumentPage). */
  listDocuments: method<DocumentSummary[]>()(z.tuple([])),
  openDocument: method<DocumentOpening>()(z.tuple([Id])),
  /** Blocks [from, to) of a document, at most BLOCK_READING.maxRange of them; fewer past its end. */
  getBlocks: method<Block[]>()(
    z.tuple([Id, BlockIndex, BlockIndex]).refine(([, from, to]) => to >= from && to - from <= BLOCK_READING.maxRange, {
      error: `a range of blocks goes forward and holds at most ${BLOCK_READING.maxRange} of them`,
    }),
  ),
  /** The index of the block that holds an offset of the original text (a passage link's, a note's). */
  blockAt: method<number>()(z.tuple([Id, Offset])),
};
