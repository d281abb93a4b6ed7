import type { ApiImpl } from '../../common/contract';
import type { CoreContext } from '../context';
import { Related } from '../reading/related';

/** Linked reading: related passages across documents, and the entities two documents share. */
export function readingApi(ctx: CoreContext): Pick<ApiImpl, 'relatedPassages' | 'compareDocuments'> {
  const related = new Related(ctx, ctx.events);
  return {
    relatedPassages: (docId, block, otherDocId, limit) => related.passages(docId, block, otherDocId, limit),
    compareDocuments: (a, b) => related.compare(a, b),
  };
}
