import { z } from 'zod';
import { method } from './method';
import { BLOCK_READING } from './values';

export { BLOCK_READING };

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

/** Inline meaning a document gives part of a block: Markdown's **strong**, *emphasis*, `code` and [links](…). */
export type MarkKind = 'strong' | 'emphasis' | 'code' | 'link';
/** A range [from, to) of a block's clean text with one inline meaning. */
export interface Mark {
  kind: MarkKind;
  from: number;
  to: number;
  /** A link's address: only ever http: or https:. */
  href?: string;
}

/**
 * A reading block: clean text plus the original spans it was joined from.
 * Its text is `spans` joined by `separators` (one space between every two
 * when there are none), so clean and original offsets map exactly both ways.
 * The optional fields give the block the structure its document states
 * (Markdown, HTML); a block without them reads as its kind says.
 */
export interface Block {
  index: number;
  kind: BlockKind;
  text: string;
  spans: Span[];
  start: number;
  end: number;
  /**
   * What stands between spans[i] and spans[i + 1] in `text`: " " (any
   * whitespace of the original, a soft line break), "" (markup or a
   * hyphenation left out, or a compound's hyphen kept across a line end) or
   * line breaks ("\n", "\n\n": a hard break, a code block's lines).
   */
  separators?: string[];
  /** A heading's level, 1 (the document's top level) to 6. */
  level?: number;
  /** A list item's first block (kind 'bullet'): numbered or not, and its number. */
  list?: { ordered: boolean; number?: number };
  /** How many lists the block sits in (1 for an item of a top-level list, or a paragraph continuing it). */
  indent?: number;
  /** How many block quotes the block sits in. */
  quote?: number;
  /** A code block: its text keeps its spaces and line breaks. */
  code?: boolean;
  /** Inline meaning (emphasis, code, links), sorted by `from`; marks nest but never cross. */
  marks?: Mark[];
}

/** The kind of file a document's original text came from: it says how the text is read into blocks. */
export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf';

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
  /** Who wrote it, as the document says (an HTML article's byline). */
  byline?: string;
  /** The person's own words for where it came from (shown instead of `source`; see sourceOf). */
  sourceLabel?: string;
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

/** A document waiting in the Trash, with what comes back with it. */
export interface TrashedDocument extends DocumentSummary {
  /** When it was moved to the Trash. */
  deletedAt: string;
  /** Its highlights and notes. */
  annotations: number;
  tags: string[];
}

export interface DeletedDocuments {
  /** The documents now in the Trash, to restore on Undo. */
  ids: string[];
  /** Their highlights and notes, which went with them. */
  annotations: number;
}

/** A document of the Trash whose text, or file, came into the library again since it was deleted. */
export interface TrashConflict {
  id: string;
  title: string;
  /** The documents in the library now that hold the same text or came from the same file. */
  copies: Array<{ id: string; title: string }>;
}

/**
 * What restoring from the Trash did. With conflicts and the choice 'ask',
 * nothing was restored: ask the person, then call again with 'keep-both'
 * (both stay in the library) or 'replace' (the copies go to the Trash).
 */
export interface TrashRestore {
  restored: DocumentSummary[];
  /** Copies that went to the Trash in place of restored documents. */
  replaced: DocumentSummary[];
  conflicts: TrashConflict[];
}

export const RestoreChoice = z.enum(['ask', 'keep-both', 'replace']);
export type RestoreChoice = z.infer<typeof RestoreChoice>;

/** Bounds against hostile input only: the rules a person meets are in document-details.ts, checked by the core. */
const DocumentDetailsShape = z.strictObject({
  title: z.string().max(10_000).optional(),
  date: z.string().max(40).nullable().optional(),
  sourceLabel: z.string().max(10_000).nullable().optional(),
});

const DocumentIds = z.array(Id).min(1, { error: 'Choose at least one document' }).max(1_000_000);

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
  /** Changes a document's title, date or source label; returns it as saved. */
  editDocument: method<DocumentSummary>()(z.tuple([Id, DocumentDetailsShape])),
  /** How many highlights and notes the documents have (what a deletion takes along). */
  countNotes: method<number>()(z.tuple([DocumentIds])),
  /** Moves documents to the Trash, all of them or none. */
  deleteDocuments: method<DeletedDocuments>()(z.tuple([DocumentIds])),
  /** The Trash, most recently deleted first. */
  listTrash: method<TrashedDocument[]>()(z.tuple([])),
  restoreDocuments: method<TrashRestore>()(z.tuple([DocumentIds, RestoreChoice])),
  /** Deletes documents of the Trash for good (texts, notes and tags); returns how many. */
  purgeDocuments: method<number>()(z.tuple([DocumentIds])),
};
