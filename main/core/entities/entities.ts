/**
 * Entities as the rest of the core sees them: the store (entities.json),
 * the mentions in the texts (found lazily, cached, kept in step with every
 * entity and document change) and the suggestions.
 *
 * For other modules: `mentionsOf(docId)` gives a document's mentions,
 * `documentsMentioning(entityIds)` the documents that mention all of them,
 * `findByName(name)` the entity with that name or alias. `entitiesChanged`
 * on the core's events says that any document's mentions may have changed.
 */

import type {
  DocumentMentions,
  Entity,
  EntityChange,
  EntityChangePreview,
  EntityDetail,
  EntityPatch,
  EntityProposal,
  EntitySummary,
  EntityType,
  EntityTypePatch,
  Mention,
  NewEntity,
  NewEntityType,
  Suggestion,
} from '../../common/contract/entities';
import type { Annotations } from '../annotations/annotations';
import type { CoreEmitter } from '../events';
import type { Documents } from '../library/documents';
import { annotationsOnMentions, byDateNewestFirst, entityDocument, relatedEntities, type MentionSource } from './page';
import { EntityStore } from './entity-store';
import { previewOf } from './preview';
import { entitiesCsv } from './export';
import { MentionIndex } from './mention-index';
import { nameKey } from './names';
import type { Store } from '../store/store';
import { SuggestionFinder } from './suggest/suggestions';

/** An entity's mentions document by document, newest first, with role phrases for people. */
const documentsOf = (sources: readonly MentionSource[], entity: Entity) =>
  sources.flatMap((s) => entityDocument(s, entity.id, entity.type === 'person') ?? []).sort(byDateNewestFirst);

export class Entities {
  private constructor(
    private readonly entityStore: EntityStore,
    private readonly mentions: MentionIndex,
    private readonly suggestions: SuggestionFinder,
    private readonly documents: Documents,
    private readonly annotations: Annotations,
    private readonly events: CoreEmitter,
  ) {}

  /** Reads entities.json; mentions are found later, when first asked for. */
  static async open(store: Store, documents: Documents, annotations: Annotations, events: CoreEmitter): Promise<Entities> {
    const entityStore = await EntityStore.open(store);
    const entities = new Entities(entityStore, new MentionIndex(documents, entityStore.list()), new SuggestionFinder(documents), documents, annotations, events);
    const forget = (docId: string) => {
      entities.mentions.documentChanged(docId);
      entities.suggestions.documentChanged(docId);
    };
    events.on('documentChanged', forget);
    events.on('documentRemoved', forget);
    return entities;
  }

  types(): EntityType[] {
    return this.entityStore.types();
  }

  createType(input: NewEntityType): Promise<EntityType> {
    return this.entityStore.createType(input);
  }

  updateType(id: string, patch: EntityTypePatch): Promise<EntityType> {
    return this.entityStore.updateType(id, patch);
  }

  get(id: string): Entity {
    return this.entityStore.get(id);
  }

  findByName(name: string): Entity | undefined {
    return this.entityStore.findByName(name);
  }

  /** Every entity, without counts (nothing is scanned): what search matches names against. */
  list(): Entity[] {
    return this.entityStore.list();
  }

  /** Every entity with its counts, by name. */
  async summaries(): Promise<EntitySummary[]> {
    const all = await this.mentions.all();
    const mentions = new Map<string, number>();
    const documents = new Map<string, number>();
    for (const list of all.values()) {
      const seen = new Set<string>();
      for (const m of list) {
        mentions.set(m.entityId, (mentions.get(m.entityId) ?? 0) + 1);
        seen.add(m.entityId);
      }
      for (const id of seen) documents.set(id, (documents.get(id) ?? 0) + 1);
    }
    return this.entityStore
      .list()
      .map((e) => ({ ...e, mentions: mentions.get(e.id) ?? 0, documents: documents.get(e.id) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  }

  async create(inputs: readonly NewEntity[]): Promise<Entity[]> {
    return (await this.commit(() => this.entityStore.planCreate(inputs))).after;
  }

  async update(id: string, patch: EntityPatch): Promise<EntityChange> {
    return this.commit(() => this.entityStore.planUpdate(id, patch));
  }

  async merge(targetId: string, sourceId: string): Promise<EntityChange> {
    return this.commit(() => this.entityStore.planMerge(targetId, sourceId));
  }

  /** Deletes the entity; documents and annotations are not touched. */
  async delete(id: string): Promise<EntityChange> {
    return this.commit(() => this.entityStore.planDelete(id));
  }

  /** Takes a change back; returns the change that redoes it. */
  async undo(change: EntityChange): Promise<EntityChange> {
    return this.commit(() => this.entityStore.planUndo(change));
  }

  /** Which of `inputs` could be created together (the types in `types` as if they were there), and why not the others. */
  check(inputs: readonly NewEntity[], types: ReadonlySet<string>): Promise<{ accepted: NewEntity[]; refused: Array<{ input: NewEntity; reason: string }> }> {
    return this.entityStore.check(inputs, types);
  }

  /** The type name as it would be saved, or an error saying what is wrong with it. */
  checkTypeName(name: string): string {
    return this.entityStore.checkTypeName(name);
  }

  /** Removes entities, and then types no entity has any more (undoing a restore). */
  async remove(ids: readonly string[], typeIds: readonly string[]): Promise<void> {
    const { names } = await this.entityStore.remove(ids);
    await this.mentions.entitiesChanged(this.entityStore.list(), names);
    this.events.emit('entitiesChanged');
    await this.entityStore.removeTypes(typeIds);
  }

  /** What an update, merge or delete would link and unlink, without making it. */
  async preview(proposal: EntityProposal): Promise<EntityChangePreview> {
    const change = await this.plan(proposal);
    const before = new Set(change.before.map((e) => e.id));
    const all = await this.mentions.all();
    const total = [...all.values()].reduce((n, list) => n + list.filter((m) => before.has(m.entityId)).length, 0);
    const affected = await this.mentions.preview(this.entityStore.applied(change), this.entityStore.namesChangedBy(change));
    return previewOf(total, affected, before, new Set(change.after.map((e) => e.id)));
  }

  /** A document's mentions, in text order. */
  mentionsOf(docId: string): Promise<Mention[]> {
    this.documents.get(docId);
    return this.mentions.ofDocument(docId);
  }

  async documentMentions(docId: string): Promise<DocumentMentions> {
    const mentions = await this.mentionsOf(docId);
    const ids = new Set(mentions.map((m) => m.entityId));
    return { docId, mentions, entities: this.entityStore.list().filter((e) => ids.has(e.id)) };
  }

  /** Ids of the documents that mention every one of the entities. */
  async documentsMentioning(entityIds: readonly string[]): Promise<Set<string>> {
    const all = await this.mentions.all();
    return new Set([...all].filter(([, list]) => entityIds.every((id) => list.some((m) => m.entityId === id))).map(([docId]) => docId));
  }

  async detail(id: string): Promise<EntityDetail> {
    const entity = this.entityStore.get(id);
    const sources = await this.sourcesMentioning((entityId) => entityId === id);
    const documents = documentsOf(sources, entity);
    const byId = new Map(this.entityStore.list().map((e) => [e.id, e]));
    const annotations = await Promise.all(sources.map(async (s) => annotationsOnMentions(await this.annotations.annotationsOf(s.doc.id), s.mentions, id)));
    return {
      entity,
      type: this.typeOf(entity),
      mentions: documents.reduce((n, d) => n + d.mentions.length, 0),
      documents,
      related: relatedEntities(sources, id, byId),
      annotations: annotations.flat(),
    };
  }

  /** The names the texts use that are not entities yet, except those turned down. */
  async suggest(): Promise<Suggestion[]> {
    return (await this.allSuggestions()).filter((s) => !this.isRejected(s));
  }

  /** The suggestions turned down, as they would be now. */
  async rejected(): Promise<Suggestion[]> {
    return (await this.allSuggestions()).filter((s) => this.isRejected(s));
  }

  rejectSuggestions(names: readonly string[]): Promise<void> {
    return this.entityStore.reject(names.map(nameKey));
  }

  restoreSuggestions(names: readonly string[]): Promise<void> {
    return this.entityStore.unreject(names.map(nameKey));
  }

  private allSuggestions(): Promise<Suggestion[]> {
    return this.suggestions.find(this.entityStore.list());
  }

  private isRejected(suggestion: Suggestion): boolean {
    return [suggestion.name, ...suggestion.aliases].some((name) => this.entityStore.isRejected(nameKey(name)));
  }

  private plan(proposal: EntityProposal): Promise<EntityChange> {
    if (proposal.kind === 'update') return this.entityStore.planUpdate(proposal.id, proposal.patch);
    if (proposal.kind === 'merge') return this.entityStore.planMerge(proposal.target, proposal.source);
    return this.entityStore.planDelete(proposal.id);
  }

  private typeOf(entity: Entity): EntityType {
    // A type removed by hand from the file still shows, in grey.
    return this.entityStore.types().find((t) => t.id === entity.type) ?? { id: entity.type, name: entity.type, color: '#777777', builtin: false };
  }

  /** Every entity with its mentions in context, as CSV. */
  async exportCsv(): Promise<string> {
    const sources = await this.sourcesMentioning(() => true);
    const entities = [...this.entityStore.list()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
    return entitiesCsv(entities.map((entity) => ({ entity, type: this.typeOf(entity), documents: documentsOf(sources, entity) })));
  }

  /** The documents with a mention of an entity that `wanted` picks, each read once. */
  private async sourcesMentioning(wanted: (entityId: string) => boolean): Promise<MentionSource[]> {
    const all = await this.mentions.all();
    const sources: MentionSource[] = [];
    for (const [docId, mentions] of all) {
      if (!mentions.some((m) => wanted(m.entityId))) continue;
      sources.push({ doc: this.documents.get(docId), text: await this.documents.text(docId), blocks: await this.documents.blocks(docId), mentions });
    }
    return sources;
  }

  /** Saves a planned change, then brings the mentions up to date and tells the modules that follow entities. */
  private async commit(plan: () => Promise<EntityChange>): Promise<EntityChange> {
    const { change, names } = await this.entityStore.change(plan);
    await this.mentions.entitiesChanged(this.entityStore.list(), names);
    this.events.emit('entitiesChanged');
    return change;
  }
}
