import { z } from 'zod';
import { method } from './method';

/**
 * Ids are short opaque strings; the bound keeps hostile input cheap to reject.
 * Names every object inherits (`__proto__`, `constructor`, `toString`…) are
 * never ids, so that an id can key any object without reaching its prototype.
 */
export const Id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -')
  .refine((id) => !(id in Object.prototype), { error: (issue) => `${JSON.stringify(issue.input)} is a name JavaScript reserves, not an id` });

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

export interface DocumentView extends DocumentSummary {
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

export const documentsContract = {
  getStatus: method<Status>()(z.tuple([])),
  listDocuments: method<DocumentSummary[]>()(z.tuple([])),
  getDocument: method<DocumentView>()(z.tuple([Id])),
};
