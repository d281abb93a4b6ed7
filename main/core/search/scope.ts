/**
 * Every filter of a search resolved in one place, in the process that holds
 * what they name, into the Scope the index searches within:
 *
 * - in: names documents of the library (its chip shows the title);
 * - tag:, entity: and type: become the set of documents they allow, as the
 *   tags and entities modules define it (documentsWith: a document's own
 *   tags, its annotations' tags, the entities it mentions);
 * - after:, before: and is: pass as they are (the parser checked them).
 *
 * And the entity names (and aliases) that match the query, shown as entities.
 * Both are cheap next to a passage search: the allowed documents are kept
 * per filter until a document, an annotation, an entity or a tag changes
 * (the core's events say when), and the entity list is small.
 */
import type { EntityHit, EntityType, QueryChip } from '../../common/contract';
import type { CoreEmitter } from '../events';
import { documentsWith, type FilterSources } from './filters';
import type { ParsedQuery, QueryFilters, Scope } from './query';
import { snippetOf, termRanges } from '../text/snippets';
import { forEachTerm, normalizeTerm } from '../text/tokens';
import { editDistance } from './engine/vocabulary';

/** A query's filters resolved: where to search, its chips as shown (in: with its document's title), and what could not be understood. */
export interface ResolvedQuery {
  scope: Scope;
  chips: QueryChip[];
  problems: string[];
}

/** Documents the tag:, entity: and type: filters allow (null: all), and those filters that could not be understood. */
interface Allowed {
  docIds: string[] | null;
  problems: string[];
}

/** The scope of filters whose tag:, entity: and type: allow `docIds` (null: all): in: narrows them further. */
export function scopeOf({ docs, after, before, kinds }: QueryFilters, docIds: readonly string[] | null = null): Scope {
  const named = docs.length > 0 ? (docIds ?? docs).filter((id) => docs.includes(id)) : docIds;
  return { docIds: named, after, before, kinds };
}

const ENTITY_HITS = 5;

export class SearchScope {
  private readonly cache = new Map<string, Promise<Allowed>>();

  constructor(
    private readonly ctx: FilterSources,
    events: CoreEmitter,
  ) {
    const forget = () => this.cache.clear();
    for (const event of ['documentChanged', 'documentRemoved', 'annotationsChanged', 'entitiesChanged', 'documentTagsChanged'] as const) events.on(event, forget);
  }

  /** Every filter of a parsed query, resolved. */
  async resolve(query: ParsedQuery): Promise<ResolvedQuery> {
    const { filters } = query;
    const problems = [...query.problems];
    const chips = query.chips.map((chip) => {
      if (chip.key !== 'in') return chip;
      const title = this.ctx.documents.list().find((d) => d.id === chip.value)?.title;
      if (title === undefined) problems.push(`in:${chip.value} is not a document of the library`);
      return { ...chip, valid: title !== undefined, ...(title !== undefined && { label: title }) };
    });
    const allowed = await this.allowed(filters);
    return { scope: scopeOf(filters, allowed.docIds), chips, problems: [...problems, ...allowed.problems] };
  }

  /** The documents the tag:, entity: and type: filters allow. */
  private allowed({ tags, entities, types }: QueryFilters): Promise<Allowed> {
    if (tags.length + entities.length + types.length === 0) return Promise.resolve({ docIds: null, problems: [] });
    const key = JSON.stringify([tags, entities, types]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const scope = this.compute(tags, entities, types);
    this.cache.set(key, scope);
    scope.catch(() => this.cache.delete(key));
    return scope;
  }

  /** Entities whose name or an alias holds every word of the query, best first. */
  matchEntities(query: ParsedQuery): EntityHit[] {
    const { filters } = query;
    const words = [...query.words, ...query.phrases.flatMap((p) => p.words.map((term, i) => ({ term, typing: p.open && i === p.words.length - 1 })))];
    const shown = filters.kinds.length === 0 || filters.kinds.includes('entity');
    const narrowed = filters.docs.length + filters.tags.length + filters.entities.length > 0 || filters.after || filters.before;
    if (words.length === 0 || !shown || narrowed) return [];
    const types = this.ctx.entities.types();
    const wantedTypes = filters.types.map((t) => findType(types, t)).filter((t): t is EntityType => t !== undefined);
    if (wantedTypes.length < filters.types.length) return [];
    const matchers = words.map((w) => wordMatcher(w.term, w.typing || w.term.length >= 4));
    const hits: Array<EntityHit & { score: number }> = [];
    for (const entity of this.ctx.entities.list()) {
      if (wantedTypes.length > 0 && !wantedTypes.some((t) => t.id === entity.type)) continue;
      for (const [i, text] of [entity.name, ...entity.aliases].entries()) {
        const terms: string[] = [];
        forEachTerm(text, (term) => terms.push(term));
        const scores = matchers.map((m) => Math.max(0, ...terms.map(m)));
        if (scores.some((s) => s === 0)) continue;
        const ranges = termRanges(text, (term) => matchers.some((m) => m(term) > 0));
        const type = types.find((t) => t.id === entity.type)?.name ?? entity.type;
        hits.push({ id: entity.id, type, name: entity.name, matched: snippetOf(text, ranges), score: scores.reduce((a, b) => a + b, 0) - (i > 0 ? 0.1 : 0) });
        break;
      }
    }
    return hits
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .slice(0, ENTITY_HITS)
      .map(({ score: _score, ...hit }) => hit);
  }

  private async compute(tags: string[], names: string[], typeNames: string[]): Promise<Allowed> {
    const { entities } = this.ctx;
    const problems: string[] = [];
    const entityIds: string[] = [];
    for (const name of names) {
      const entity = entities.findByName(name);
      if (entity) entityIds.push(entity.id);
      else problems.push(`entity:${name} is not an entity of the library; pick one from the Entities page or the suggestions`);
    }
    const types = entities.types();
    const typeIds: string[] = [];
    for (const name of typeNames) {
      const type = findType(types, name);
      if (type) typeIds.push(type.id);
      else problems.push(`type:${name} is not a type of entity: use ${types.map((t) => `type:${t.name.toLowerCase()}`).join(', ')}`);
    }
    if (problems.length > 0) return { docIds: [], problems };
    let docIds = await documentsWith(this.ctx, { entities: entityIds, tags });
    for (const typeId of typeIds) {
      // Documents mentioning any entity of the type.
      const ofType = entities.list().filter((e) => e.type === typeId);
      const mentioning = new Set<string>();
      for (const e of ofType) for (const id of await entities.documentsMentioning([e.id])) mentioning.add(id);
      docIds = docIds.filter((id) => mentioning.has(id));
    }
    return { docIds, problems };
  }
}

/** A type by its id or name, singular or plural, any case: "person", "People", "organizations". */
function findType(types: EntityType[], wanted: string): EntityType | undefined {
  const key = canonicalType(wanted);
  return types.find((t) => canonicalType(t.id) === key || canonicalType(t.name) === key);
}

const TYPE_NAMES: Record<string, string> = { people: 'person', persons: 'person', organization: 'organisation', organizations: 'organisation', org: 'organisation', orgs: 'organisation' };

/** A type name as filters compare it: "People", "person" and "persons" are one type. */
function canonicalType(type: string): string {
  const lower = normalizeTerm(type.trim());
  return TYPE_NAMES[lower] ?? lower.replace(/s$/, '');
}

/** How well an index term matches a query word: 3 exact, 2 completion, 1 a typo away, 0 not at all. */
function wordMatcher(word: string, prefix: boolean): (term: string) => number {
  return (term) => {
    if (term === word) return 3;
    if (prefix && term.startsWith(word)) return 2;
    if (word.length >= 5 && term.charAt(0) === word.charAt(0) && editDistance(word, term, 1) === 1) return 1;
    return 0;
  };
}
