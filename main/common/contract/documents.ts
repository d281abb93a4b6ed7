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
  /** The person's own words for where it came from (shown instead of `source`; see sourceOf). */
  sourceLabel?: string;
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

export const documentsContract = {
  getStatus: method<Status>()(z.tuple([])),
  listDocuments: method<DocumentSummary[]>()(z.tuple([])),
  getDocument: method<DocumentView>()(z.tuple([Id])),
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
