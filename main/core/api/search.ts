import type { ApiImpl } from '../../common/contract';
import type { CoreContext } from '../context';
import { isEmptyQuery, parseQuery } from '../search/query';
import { SearchScope } from '../search/scope';

/**
 * The search API: the query is parsed and its filters resolved here, once;
 * the index (in its worker) gets the words and the scope and answers with
 * passages and notes; entities come from their module.
 */
export function searchApi(ctx: CoreContext): Pick<ApiImpl, 'search' | 'findInDocument'> {
  const { index, documents } = ctx;
  const scopes = new SearchScope(ctx, ctx.events);
  return {
    search: async ({ q, limit }) => {
      const started = performance.now();
      const parsed = parseQuery(q);
      const { scope, chips, problems } = await scopes.resolve(parsed);
      const found = await index.search(parsed, limit ?? 20, scope);
      const entities = isEmptyQuery(parsed) ? [] : scopes.matchEntities(parsed);
      return { query: q, ...found, entities, chips, problems, tookMs: performance.now() - started };
    },
    findInDocument: (id, q) => {
      documents.get(id);
      return index.findInDocument(id, parseQuery(q));
    },
  };
}
