import type { DocumentSummary, ImportChoice, ImportOutcome, RestoreReport } from '../../../main/common/contract';
import { api } from '../api/client';
import { changed, queryClient } from '../api/cache';
import { queries, textOf } from '../api/queries';

/*
 * What bringing documents in changes: an imported document goes into the
 * library's list as the core returned it, and what is made from the whole
 * library (the counts, the suggestions, the filters, search) fetches again,
 * with the views of a document whose text was replaced; a restore may add
 * to everything, so everything does.
 */

/** The list with `doc` in place of its earlier version, or after the others when it is new. */
const withDocument = (doc: DocumentSummary) => (list: DocumentSummary[] | undefined) =>
  list && (list.some((d) => d.id === doc.id) ? list.map((d) => (d.id === doc.id ? doc : d)) : [...list, doc]);

export async function importUpload(uploadId: string, choice?: ImportChoice): Promise<ImportOutcome> {
  const outcome = await api.importUpload(uploadId, choice);
  const { document: doc } = outcome;
  if (doc && (outcome.status === 'added' || outcome.status === 'replaced')) {
    const list = queries.documents().queryKey;
    queryClient.setQueryData(list, withDocument(doc));
    changed(outcome.status === 'replaced' ? ['documents', textOf(doc.id)] : ['documents'], [list]);
  }
  return outcome;
}

export async function restoreBackup(uploadId: string): Promise<RestoreReport> {
  const report = await api.restoreBackup(uploadId);
  void queryClient.invalidateQueries();
  return report;
}
