import { z } from 'zod';
import { method } from './method';
import { Id } from './documents';
import { HIGHLIGHT_COLORS, MAX_NOTE_CHARS, MAX_TAG_CHARS, tagProblem } from './values';

export { HIGHLIGHT_COLORS, MAX_NOTE_CHARS, MAX_TAG_CHARS, tagProblem };

/*
 * Annotations: highlights with an optional note and tags, anchored on a
 * document's ORIGINAL text the W3C Web Annotation way (a quote with its
 * context, plus a position), so that they survive a re-import of the text.
 */

export const MAX_TAGS = 50;

export const HighlightColor = z.enum(HIGHLIGHT_COLORS, { error: () => `a colour is one of ${HIGHLIGHT_COLORS.join(', ')}` });
export type HighlightColor = z.infer<typeof HighlightColor>;

const shown = (input: unknown): string => JSON.stringify(String(input).slice(0, 60));

/**
 * A tag: 1–100 letters, digits, `-`, `_`, `.`, with `/` between the levels of
 * a hierarchy ("operators/china"); no spaces, no leading or trailing `/`, no `//`.
 * The rule is `tagProblem` (values.ts), which the fields where tags are typed
 * use too. Shared with the entity tags so the two kinds of tag always agree.
 */
export const Tag = z.string().superRefine((tag, ctx) => {
  const problem = tagProblem(tag);
  if (problem) ctx.addIssue({ code: 'custom', message: tag === '' ? problem : `${shown(tag)} is not a tag. ${problem}` });
});
export type Tag = z.infer<typeof Tag>;

/** True when `value` can be a tag (see `Tag`). */
export const isValidTag = (value: string): boolean => tagProblem(value) === null;

export const TagList = z.array(Tag).max(MAX_TAGS, { error: `an annotation can have at most ${MAX_TAGS} tags` });

/** A note: plain text with light Markdown, rendered safely, never as HTML. */
export const NoteText = z.string().max(MAX_NOTE_CHARS, {
  error: (issue) =>
    `a note can be at most ${MAX_NOTE_CHARS.toLocaleString('en')} characters; this one has ${String(issue.input).length.toLocaleString('en')}. Shorten it or split it into two notes`,
});

const Offset = z.number().int().min(0).max(1e9);

/** A range of a document's original text, [start, end) in UTF-16 code units. */
export const AnnotationRange = z
  .strictObject({ start: Offset, end: Offset })
  .refine((r) => r.end > r.start, { error: 'the selection is empty: end must be after start' });
export type AnnotationRange = z.infer<typeof AnnotationRange>;

export const NewAnnotation = z.strictObject({
  docId: Id,
  start: Offset,
  end: Offset,
  color: HighlightColor.optional(),
  note: NoteText.optional(),
  tags: TagList.optional(),
});
export type NewAnnotation = z.infer<typeof NewAnnotation>;

export const AnnotationPatch = z.strictObject({
  color: HighlightColor.optional(),
  note: NoteText.optional(),
  tags: TagList.optional(),
});
export type AnnotationPatch = z.infer<typeof AnnotationPatch>;

export const AnnotationSort = z.enum(['position', 'newest', 'oldest']);
export type AnnotationSort = z.infer<typeof AnnotationSort>;

export const AnnotationFilter = z.strictObject({
  docId: Id.optional(),
  /** Matches the tag and everything under it: "operators" matches "operators/china". */
  tag: Tag.optional(),
  color: HighlightColor.optional(),
  /** Default "position": document by document, in reading order. */
  sort: AnnotationSort.optional(),
});
export type AnnotationFilter = z.infer<typeof AnnotationFilter>;

/** The quoted text with up to 32 characters of context either side (W3C TextQuoteSelector). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where the quote was when the annotation was made (W3C TextPositionSelector). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** What an annotation points at (in its document): the quote is the truth, the position a fast first guess. */
export interface AnnotationTarget {
  selector: [TextQuoteSelector, TextPositionSelector];
}

/** An annotation as it is stored: the W3C model's fields plus colour. */
export interface StoredAnnotation {
  id: string;
  docId: string;
  target: AnnotationTarget;
  note: string;
  tags: string[];
  color: HighlightColor;
  created: string;
  modified: string;
}

/** Where an annotation sits in the current text, worked out when it is read. */
export type AnnotationAnchor =
  | { status: 'anchored'; start: number; end: number }
  | { status: 'orphaned' };

/** An annotation as the API returns it. */
export interface Annotation extends StoredAnnotation {
  anchor: AnnotationAnchor;
}

export const annotationsContract = {
  /** Highlights [start, end) of a document's original text; whitespace at either end is left out. */
  createAnnotation: method<Annotation>()(z.tuple([NewAnnotation])),
  getAnnotation: method<Annotation>()(z.tuple([Id])),
  listAnnotations: method<Annotation[]>()(z.tuple([AnnotationFilter])),
  updateAnnotation: method<Annotation>()(z.tuple([Id, AnnotationPatch])),
  /** Deletes an annotation; restoreAnnotation brings it back with the same id. */
  deleteAnnotation: method<Annotation>()(z.tuple([Id])),
  restoreAnnotation: method<Annotation>()(z.tuple([Id])),
  /** Points an annotation (typically an orphaned one) at a new passage of its document. */
  reattachAnnotation: method<Annotation>()(z.tuple([Id, AnnotationRange])),
};
