import { z } from 'zod';
import { method } from './method';
import type { DocumentSummary } from './documents';
import { Filter } from './entities';
import { LIBRARY_SORTS, MAX_LIBRARY_PAGE, type LibrarySort } from './values';

export { LIBRARY_SORTS, MAX_LIBRARY_PAGE, type LibrarySort };

/** Which rows of the library's table: in what order, narrowed by which filter, from which row to which. */
const LibraryRange = z.strictObject({
  sort: z.enum(LIBRARY_SORTS),
  descending: z.boolean(),
  filter: Filter.optional(),
  from: z.number().int().min(0).max(1e7),
  to: z.number().int().min(0).max(1e7),
});

export const LibraryPageQuery = LibraryRange.refine((q) => q.to >= q.from && q.to - q.from <= MAX_LIBRARY_PAGE, { error: `a page of the library goes forward and holds at most ${MAX_LIBRARY_PAGE} rows` });
export type LibraryPageQuery = z.infer<typeof LibraryPageQuery>;

/** Which rows' ids: as a page, but as many as asked (what a selection of a whole range or of every row needs). */
export const LibraryIdsQuery = LibraryRange.refine((q) => q.to >= q.from, { error: 'a range of the library goes forward' });
export type LibraryIdsQuery = z.infer<typeof LibraryIdsQuery>;

/** A row of the library's table: the document and its own tags. */
export interface LibraryRow extends DocumentSummary {
  tags: string[];
}

export interface LibraryPage {
  /** Documents in the library. */
  total: number;
  /** Of which the filter keeps (all of them without one). */
  matching: number;
  from: number;
  rows: LibraryRow[];
}

export const libraryContract = {
  /** Rows of the library's table: sorted (undated documents after dated ones either way), filtered, a page at a time. */
  listDocumentPage: method<LibraryPage>()(z.tuple([LibraryPageQuery])),
  /** The ids of rows [from, to) of the table, in its order and under its filter. */
  listDocumentIds: method<string[]>()(z.tuple([LibraryIdsQuery])),
};
