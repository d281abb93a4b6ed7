import type { Block, DocumentFormat } from '../../../common/contract';

/** The readable text of one imported file, as its reader found it. */
export interface Imported {
  /** The document's original text: what annotations are anchored on, and what its blocks are read from. */
  text: string;
  format: DocumentFormat;
  /** A title the file states (front matter, <title>, PDF metadata); otherwise one is read from the text. */
  title?: string;
  /** A date the file states (front matter, HTML metadata). */
  date?: string;
  /** Who wrote it, as the file says (an HTML article's byline). */
  byline?: string;
  /** The text's blocks, when the reader already has them. */
  blocks?: Block[];
}

/** A file read and checked, ready to become a document: its text and everything the library records about it. */
export interface ReadDocument {
  text: string;
  format: DocumentFormat;
  title: string;
  date: string | null;
  byline?: string;
}
