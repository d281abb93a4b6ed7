import { z } from 'zod';
import { method } from './method';
import { Id } from './documents';
import { MAX_TAGS, Tag, TagList } from './annotations';

/*
 * Tags: free labels on documents and annotations, hierarchical with `/`
 * ("operators/china" sits under "operators"). A tag exists while something
 * carries it. Tag syntax is the annotations' `Tag`, so both kinds agree.
 */

/** A tag and everything under it, with how many documents and annotations carry it. */
export interface TagInfo {
  tag: string;
  /** Documents tagged with it or a tag under it. */
  documents: number;
  /** Annotations tagged with it or a tag under it. */
  annotations: number;
  /** False for a level that exists only because a tag under it does ("operators" of "operators/china"). */
  used: boolean;
}

/** One document's or annotation's tags as a change found and left them. */
const TagEdit = z.strictObject({ id: Id, before: TagList, after: TagList });

/**
 * The tags a rename, merge or delete changed, item by item: what
 * `restoreTags` needs to take it back. Items whose tags were changed again
 * since keep those later changes.
 */
export const TagEdits = z.strictObject({
  documents: z.array(TagEdit).max(100_000),
  annotations: z.array(TagEdit).max(100_000),
});
export type TagEdits = z.infer<typeof TagEdits>;

/** What a rename, merge, delete or restore changed: how many documents and annotations, and how to take it back. */
export interface TagChange {
  documents: number;
  annotations: number;
  edits: TagEdits;
}

export const tagsContract = {
  /** Every tag and every level above one, sorted by path. */
  listTags: method<TagInfo[]>()(z.tuple([])),
  /** The tags of every document that has some: docId → tags. */
  listDocumentTags: method<Record<string, string[]>>()(z.tuple([])),
  getDocumentTags: method<string[]>()(z.tuple([Id])),
  /** Replaces a document's tags; returns them as saved. */
  setDocumentTags: method<string[]>()(z.tuple([Id, z.array(Tag).max(MAX_TAGS, { error: `a document can have at most ${MAX_TAGS} tags` })])),
  /** Renames a tag and the tags under it, on documents and annotations; into an existing tag, the two merge. */
  renameTag: method<TagChange>()(z.tuple([Tag, Tag])),
  /** Removes a tag (and the tags under it) from documents and annotations; they themselves stay. */
  deleteTag: method<TagChange>()(z.tuple([Tag])),
  /** Gives each document and annotation of a change its tags from before it (a rename, merge or delete undone). */
  restoreTags: method<TagChange>()(z.tuple([TagEdits])),
};
