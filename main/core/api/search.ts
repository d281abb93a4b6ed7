import type { ApiImpl } from '../../common/contract';
import type { CoreContext } from '../context';
import { parseQuery } from '../search/query';
import { SearchScope } from '../search/scope';

/** The search API: passages and notes from the index, entities and filters from their modules. */
export function searchApi(ctx: CoreContext): Pick<ApiImpl, 'search' | 'findInDocument'> {
  const { index, documents } = ctx;
  const scopes = new SearchScope(ctx, ctx.events);
  return {
    search: async ({ q, limit }) => {
      const started = performance.now();
      const parsed = parseQuery(q);
      const scope = await scopes.resolve(parsed.filters);
      const entities = scopes.matchEntities(parsed);
      const found = await index.search(q, limit ?? 20, scope.docIds);
      return { ...found, entities, problems: [...found.problems, ...scope.problems], tookMs: performance.now() - started };
    },
    findInDocument: (id, q) => {
      documents.get(id);
      return index.findInDocument(id, q);
    },
  };
}
