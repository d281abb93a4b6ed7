import { z } from 'zod';
import { method } from './method';
import { Id } from './documents';
import { Tag, type Annotation } from './annotations';
import type { Snippet } from './search';
import type { ExportResult } from './io';

/*
 * Entities: the people, organisations, places, events and topics the texts
 * mention. An entity is a canonical name plus aliases; its mentions are not
 * stored but found in the texts (and cached), so they follow every edit.
 */

export const MAX_NAME_CHARS = 200;
export const MAX_ALIASES = 50;
export const MAX_ENTITY_NOTES_CHARS = 20_000;

/**
 * A name as typed. Emptiness, length and collisions are checked by the core,
 * which can say in plain words what is wrong; the bound here only keeps
 * hostile input cheap to reject.
 */
const RawName = z.string().max(10_000);

export const EntityTypeId = z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'an entity type id is 1–40 lower-case letters, digits or -' });
/** A colour as #rrggbb: the reader draws each type's mentions in it. */
export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'a colour is written #rrggbb, like #2d6fb5' });

export const NewEntityType = z.strictObject({ name: RawName, color: Color });
export type NewEntityType = z.infer<typeof NewEntityType>;

export const EntityTypePatch = z.strictObject({ name: RawName.optional(), color: Color.optional() });
export type EntityTypePatch = z.infer<typeof EntityTypePatch>;

export const NewEntity = z.strictObject({
  type: EntityTypeId,
  name: RawName,
  aliases: z.array(RawName).max(MAX_ALIASES, { error: `an entity can have at most ${MAX_ALIASES} aliases` }).optional(),
  notes: z.string().max(MAX_ENTITY_NOTES_CHARS).optional(),
});
export type NewEntity = z.infer<typeof NewEntity>;

/** Rename (name), retype, replace the aliases or the notes; fields left out stay as they are. */
export const EntityPatch = NewEntity.partial();
export type EntityPatch = z.infer<typeof EntityPatch>;

const Stamp = z.iso.datetime({ error: 'a date is an ISO time, like 2024-06-26T09:30:00.000Z' });

/** An entity as the store keeps it, as an undo hands it back: checked like a new one (type, names, collisions). */
export const StoredEntity = z.strictObject({
  id: Id,
  type: EntityTypeId,
  name: RawName,
  aliases: z.array(RawName).max(MAX_ALIASES, { error: `an entity can have at most ${MAX_ALIASES} aliases` }),
  notes: z.string().max(MAX_ENTITY_NOTES_CHARS),
  created: Stamp,
  modified: Stamp,
});

/**
 * What a change did to the entities, as every change returns it: the
 * entities it replaced or removed, as they were, and the ones it left in
 * their place. `undoEntityChange` takes it back exactly (ids, aliases,
 * notes and dates included) and returns the change that redoes it.
 */
export const EntityChange = z.strictObject({
  before: z.array(StoredEntity).max(1000),
  after: z.array(StoredEntity).max(1000),
});
export type EntityChange = z.infer<typeof EntityChange>;

/** A change to try without saving it: what `previewEntityChange` counts. */
export const EntityProposal = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('update'), id: Id, patch: EntityPatch }),
  z.strictObject({ kind: z.literal('merge'), target: Id, source: Id }),
  z.strictObject({ kind: z.literal('delete'), id: Id }),
]);
export type EntityProposal = z.infer<typeof EntityProposal>;

/** What a proposed change would do to the mentions in the library. */
export interface EntityChangePreview {
  /** Mentions of the entities the change touches now (both, for a merge), and of the entity it leaves. */
  before: number;
  after: number;
  /** Passages no entity claims now that would become mentions of it. */
  linked: number;
  /** Its mentions that no longer would be. */
  unlinked: number;
  /** Mentions it would take from other entities (a longer name of it would cover them). */
  taken: number;
}

export interface EntityType {
  id: string;
  name: string;
  color: string;
  /** The five types every library starts with; they can be recoloured, not removed. */
  builtin: boolean;
}

export interface Entity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  notes: string;
  created: string;
  modified: string;
}

/** An entity with how often the library mentions it. */
export interface EntitySummary extends Entity {
  mentions: number;
  documents: number;
}

/** One mention: [start, end) of a document's ORIGINAL text. */
export interface Mention {
  entityId: string;
  start: number;
  end: number;
}

/** What the reader needs to draw a document's mentions. */
export interface DocumentMentions {
  docId: string;
  mentions: Mention[];
  /** The entities mentioned, each once. */
  entities: Entity[];
}

/** A mention on an entity page: its sentence, whitespace tidied, with the mention highlighted. */
export interface MentionInContext {
  start: number;
  end: number;
  block: number;
  sentence: Snippet;
}

export interface EntityDocument {
  docId: string;
  title: string;
  date: string | null;
  mentions: MentionInContext[];
  /** Role phrases written next to the name in this document ("Chairman of China Unicom"). */
  roles: string[];
}

/** A paragraph that names two entities, both highlighted. */
export interface SharedPassage {
  docId: string;
  title: string;
  block: number;
  passage: Snippet;
}

/** Another entity named in the same paragraphs. */
export interface RelatedEntity {
  entity: Entity;
  /** Paragraphs that name both. */
  paragraphs: number;
  /** The first of those paragraphs (at most 20), document by document. */
  passages: SharedPassage[];
}

export interface EntityDetail {
  entity: Entity;
  type: EntityType;
  mentions: number;
  /** Documents that mention the entity, newest first; undated ones last. */
  documents: EntityDocument[];
  related: RelatedEntity[];
  /** Annotations on a passage that mentions the entity. */
  annotations: Annotation[];
}

/** An entity the app found in the texts and proposes to tag. */
export interface Suggestion {
  /** Stable while the texts do not change. */
  key: string;
  type: string;
  name: string;
  aliases: string[];
  mentions: number;
  documents: number;
}

const SuggestionNames = z.array(z.string().min(1).max(400)).min(1).max(1000);

/** Entities and tags a document or annotation must all carry. */
export const Filter = z.strictObject({
  entities: z.array(Id).max(50).optional(),
  tags: z.array(Tag).max(50).optional(),
});
export type Filter = z.infer<typeof Filter>;

export const entitiesContract = {
  listEntityTypes: method<EntityType[]>()(z.tuple([])),
  createEntityType: method<EntityType>()(z.tuple([NewEntityType])),
  updateEntityType: method<EntityType>()(z.tuple([EntityTypeId, EntityTypePatch])),
  /** Every entity with its mention and document counts. */
  listEntities: method<EntitySummary[]>()(z.tuple([])),
  createEntity: method<Entity>()(z.tuple([NewEntity])),
  updateEntity: method<EntityChange>()(z.tuple([Id, EntityPatch])),
  /** Folds the second entity into the first: its name and aliases become aliases. */
  mergeEntities: method<EntityChange>()(z.tuple([Id, Id])),
  /** Deletes the entity; its mentions are unlinked, documents and annotations stay. */
  deleteEntity: method<EntityChange>()(z.tuple([Id])),
  /** Takes back a change (as a change or an earlier undo returned it) if its entities are still as it left them. */
  undoEntityChange: method<EntityChange>()(z.tuple([EntityChange])),
  /** Counts what an update, merge or delete would link and unlink, changing nothing. */
  previewEntityChange: method<EntityChangePreview>()(z.tuple([EntityProposal])),
  getEntity: method<EntityDetail>()(z.tuple([Id])),
  getDocumentMentions: method<DocumentMentions>()(z.tuple([Id])),
  listSuggestions: method<Suggestion[]>()(z.tuple([])),
  /** The suggestions turned down, with what they would be now; restoreSuggestions brings one back. */
  listRejectedSuggestions: method<Suggestion[]>()(z.tuple([])),
  /** Creates the entities (all or nothing); each may be a suggestion as proposed or as edited. */
  acceptSuggestions: method<Entity[]>()(z.tuple([z.array(NewEntity).min(1).max(1000)])),
  /** Stops suggesting these names (a suggestion's name or its aliases). */
  rejectSuggestions: method<void>()(z.tuple([SuggestionNames])),
  restoreSuggestions: method<void>()(z.tuple([SuggestionNames])),
  /** Every entity, its aliases, mentions (document, date, passage) and role phrases, as CSV for a spreadsheet. */
  exportEntities: method<ExportResult>()(z.tuple([])),
  /** Ids of the documents that carry every entity and tag of the filter. */
  documentsWith: method<string[]>()(z.tuple([Filter])),
  /** Ids of the annotations that carry every entity and tag of the filter. */
  annotationsWith: method<string[]>()(z.tuple([Filter])),
};
