/**
 * The entity store: types, entities and rejected suggestions in
 * entities.json. Every change is checked in full before anything is touched
 * (empty or overlong names, names that another entity already uses), and
 * rolled back in memory when it cannot be saved, so a refused or failed
 * change leaves the store exactly as it was.
 */

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Id } from '../../common/contract';
import { Color, EntityTypeId, MAX_NAME_CHARS, type Entity, type EntityChange, type EntityPatch, type EntityType, type EntityTypePatch, type NewEntity, type NewEntityType } from '../../common/contract/entities';
import { DossierError } from '../../common/errors';
import { checkName, nameKey, tidyName } from './names';
import type { FileSpec, Store, StoreFile, Versioned } from '../store/store';

interface EntitiesData extends Versioned {
  types: EntityType[];
  entities: Entity[];
  /** Keys of the suggestions the user turned down. */
  rejected: string[];
}

/** The types every library starts with; colours read on light and dark paper alike. */
export const BUILTIN_TYPES: readonly EntityType[] = [
  { id: 'person', name: 'Person', color: '#c0562f', builtin: true },
  { id: 'organisation', name: 'Organisation', color: '#2f6db5', builtin: true },
  { id: 'place', name: 'Place', color: '#2f8a57', builtin: true },
  { id: 'event', name: 'Event', color: '#8b55c4', builtin: true },
  { id: 'topic', name: 'Topic', color: '#a8790f', builtin: true },
];

const TypeShape = z.object({ id: EntityTypeId, name: z.string().min(1).max(MAX_NAME_CHARS), color: Color, builtin: z.boolean() });
// Aliases and notes have no upper bound here: merging two entities joins theirs.
const EntityShape = z.object({
  id: Id,
  type: EntityTypeId,
  name: z.string().min(1).max(MAX_NAME_CHARS),
  aliases: z.array(z.string().min(1).max(MAX_NAME_CHARS)),
  notes: z.string(),
  created: z.string().max(40),
  modified: z.string().max(40),
});

const FILE: FileSpec<EntitiesData> = {
  name: 'entities.json',
  schema: 1,
  shape: z.object({ schema: z.number(), types: z.array(TypeShape), entities: z.array(EntityShape), rejected: z.array(z.string()) }),
  defaults: () => ({ schema: 1, types: structuredClone([...BUILTIN_TYPES]), entities: [], rejected: [] }),
};

/** What a change did to the names the texts are searched for: the mention cache re-reads documents that hold them. */
export interface NameChange {
  names: string[];
}

const newId = (): string => randomBytes(6).toString('base64url');
const article = (type: EntityType): string => (/^[aeiou]/i.test(type.name) ? 'an' : 'a');
const describe = (type: EntityType, entity: Entity): string => `the ${type.name.toLowerCase()} “${entity.name}”`;
const namesOf = (entity: Entity): string[] => [entity.name, ...entity.aliases];
/** Names checked between two turns of the event loop: a change of thousands of names never holds up other requests. */
const NAMES_PER_TURN = 500;

/** Counts work done and gives the event loop a turn every NAMES_PER_TURN names. */
function pacer(): () => Promise<void> | undefined {
  let count = 0;
  return () => (++count % NAMES_PER_TURN === 0 ? new Promise((resolve) => setImmediate(resolve)) : undefined);
}
/** The reindex of a change that leaves every name as it was. */
const unchanged = (): void => undefined;

/** Entity types and entities, kept in entities.json. */
export class EntityStore {
  /** Every name and alias, by key, of the entities as `data` holds them. */
  private names: { data: EntitiesData; owners: Map<string, Entity> } | null = null;
  /** Changes run one at a time, each checked against the names the previous one left. */
  private turn: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: Store,
    private readonly file: StoreFile<EntitiesData>,
  ) {}

  static async open(store: Store): Promise<EntityStore> {
    return new EntityStore(store, await store.file(FILE));
  }

  types(): EntityType[] {
    return this.file.data.types;
  }

  type(id: string): EntityType {
    const type = this.file.data.types.find((t) => t.id === id);
    if (!type) throw new DossierError('not_found', `There is no entity type "${id}"; choose one of ${this.file.data.types.map((t) => t.id).join(', ')}`);
    return type;
  }

  list(): Entity[] {
    return this.file.data.entities;
  }

  get(id: string): Entity {
    const entity = this.file.data.entities.find((e) => e.id === id);
    if (!entity) throw new DossierError('not_found', `There is no entity with id "${id}"; it may have been deleted or merged`);
    return entity;
  }

  /** The entity one of whose names is `name` (any spelling), if any. */
  findByName(name: string): Entity | undefined {
    return this.ownersNow().get(nameKey(name));
  }

  isRejected(key: string): boolean {
    return this.file.data.rejected.includes(key);
  }

  createType(input: NewEntityType): Promise<EntityType> {
    return this.exclusive(async () => {
      const name = this.checkTypeName(input.name);
      const type: EntityType = { id: this.typeId(name), name, color: input.color.toLowerCase(), builtin: false };
      await this.save((data) => data.types.push(type), unchanged);
      return type;
    });
  }

  updateType(id: string, patch: EntityTypePatch): Promise<EntityType> {
    return this.exclusive(async () => {
      const current = this.type(id);
      const next: EntityType = {
        ...current,
        name: patch.name === undefined ? current.name : this.checkTypeName(patch.name, id),
        color: patch.color?.toLowerCase() ?? current.color,
      };
      await this.save((data) => (data.types = data.types.map((t) => (t.id === id ? next : t))), unchanged);
      return next;
    });
  }

  /** Removes types that no entity has (undoing a restore that created them). */
  removeTypes(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    return this.exclusive(() =>
      this.save((data) => (data.types = data.types.filter((t) => t.builtin || !gone.has(t.id) || data.entities.some((e) => e.type === t.id))), unchanged),
    );
  }

  /**
   * Makes the change `plan` works out, one change at a time: `plan` sees the
   * entities as every earlier change left them, so two changes can never
   * both take a name. Returns the change and the names whose owner it changed
   * (the mention cache looks for them again).
   */
  change(plan: () => Promise<EntityChange>): Promise<{ change: EntityChange; names: string[] }> {
    return this.exclusive(async () => {
      const change = await plan();
      await this.save((data) => (data.entities = applyChange(data.entities, change)), reindexFor(change));
      return { change, names: ownerChanges(change) };
    });
  }

  /** New entities, all or none; thousands at once take turns with other requests while they are checked. */
  async planCreate(inputs: readonly NewEntity[]): Promise<EntityChange> {
    return { before: [], after: (await this.prepare(inputs)).entities };
  }

  async planUpdate(id: string, patch: EntityPatch): Promise<EntityChange> {
    const current = this.get(id);
    if (patch.type !== undefined) this.type(patch.type);
    const owners = await this.owners();
    const { name, aliases } = await this.checkNames(patch.name ?? current.name, patch.aliases ?? current.aliases, (key) => owners.get(key), id);
    const next: Entity = { ...current, name, aliases, type: patch.type ?? current.type, notes: patch.notes ?? current.notes, modified: new Date().toISOString() };
    return { before: [current], after: [next] };
  }

  /** Folds `sourceId` into `targetId`: the source's names become aliases, its notes are appended. */
  async planMerge(targetId: string, sourceId: string): Promise<EntityChange> {
    if (targetId === sourceId) throw new DossierError('invalid_argument', 'An entity cannot be merged into itself; choose two different entities');
    const target = this.get(targetId);
    const source = this.get(sourceId);
    const aliases = dedupe([...target.aliases, source.name, ...source.aliases], target.name);
    const notes = [target.notes, source.notes].filter((n) => n.trim()).join('\n\n');
    return { before: [target, source], after: [{ ...target, aliases, notes, modified: new Date().toISOString() }] };
  }

  async planDelete(id: string): Promise<EntityChange> {
    return { before: [this.get(id)], after: [] };
  }

  /**
   * The reverse of a change, checked: its entities must still be as it left
   * them, and those it removed must fit back (type known, names free). The
   * entities come back exactly as they were, ids and dates included.
   */
  async planUndo(change: EntityChange): Promise<EntityChange> {
    const leaving = new Set(change.after.map((e) => e.id));
    for (const left of change.after) {
      const now = this.file.data.entities.find((e) => e.id === left.id);
      if (!now || !sameEntity(now, left)) throw new DossierError('conflict', `“${left.name}” has changed since; undo the later changes first. Nothing was changed.`);
    }
    const owners = await this.owners();
    const taken = new Map<string, Entity>();
    const ownerOf = (key: string): Entity | undefined => {
      const owner = taken.get(key) ?? owners.get(key);
      return owner && !leaving.has(owner.id) ? owner : undefined;
    };
    const back: Entity[] = [];
    for (const entity of change.before) {
      if (!leaving.has(entity.id) && this.file.data.entities.some((e) => e.id === entity.id)) {
        throw new DossierError('conflict', `“${entity.name}” is already back. Nothing was changed.`);
      }
      this.type(entity.type);
      const { name, aliases, keys } = await this.checkNames(entity.name, entity.aliases, ownerOf);
      const restored = { ...entity, name, aliases };
      for (const key of keys) taken.set(key, restored);
      back.push(restored);
    }
    return { before: change.after, after: back };
  }

  /** The entities as `change` would leave them. */
  applied(change: EntityChange): Entity[] {
    return applyChange(this.file.data.entities, change);
  }

  /** The names whose owner a change changes: those the mention cache must look for again. */
  namesChangedBy(change: EntityChange): string[] {
    return ownerChanges(change);
  }

  /** Which of `inputs` could be created together (types in `types` count as there) and why the others could not; changes nothing. */
  check(inputs: readonly NewEntity[], types: ReadonlySet<string>): Promise<{ accepted: NewEntity[]; refused: Array<{ input: NewEntity; reason: string }> }> {
    return this.exclusive(async () => {
      const owners = await this.owners();
      const taken = new Map<string, Entity>();
      const accepted: NewEntity[] = [];
      const refused: Array<{ input: NewEntity; reason: string }> = [];
      const pace = pacer();
      for (const input of inputs) {
        try {
          if (!types.has(input.type)) this.type(input.type);
          const { name, aliases, keys } = await this.checkNames(input.name, input.aliases ?? [], (key) => taken.get(key) ?? owners.get(key), undefined, pace);
          const planned: Entity = { id: '', type: input.type, name, aliases, notes: '', created: '', modified: '' };
          for (const key of keys) taken.set(key, planned);
          accepted.push(input);
        } catch (error) {
          if (!(error instanceof DossierError)) throw error;
          refused.push({ input, reason: error.message });
        }
      }
      return { accepted, refused };
    });
  }

  /** Deletes several entities at once (undoing a restore that created them). */
  remove(ids: readonly string[]): Promise<NameChange> {
    return this.exclusive(async () => {
      const gone = new Set(ids);
      const entities = this.file.data.entities.filter((e) => gone.has(e.id));
      await this.save(
        (data) => (data.entities = data.entities.filter((e) => !gone.has(e.id))),
        (index) => entities.flatMap(namesOf).forEach((n) => index.delete(nameKey(n))),
      );
      return { names: entities.flatMap(namesOf) };
    });
  }

  reject(keys: readonly string[]): Promise<void> {
    return this.exclusive(async () => {
      const fresh = [...new Set(keys)].filter((key) => !this.isRejected(key));
      if (fresh.length > 0) await this.save((data) => data.rejected.push(...fresh), unchanged);
    });
  }

  unreject(keys: readonly string[]): Promise<void> {
    const drop = new Set(keys);
    return this.exclusive(async () => {
      if (this.file.data.rejected.some((key) => drop.has(key))) await this.save((data) => (data.rejected = data.rejected.filter((key) => !drop.has(key))), unchanged);
    });
  }

  /** The type name tidied, or an error saying what is wrong with it. */
  checkTypeName(raw: string, self?: string): string {
    const name = checkName(raw, 'type name');
    if (name.length > 40) throw new DossierError('invalid_argument', `The type name "${name.slice(0, 40)}…" is too long; keep it to 40 characters`);
    const other = this.file.data.types.find((t) => t.id !== self && nameKey(t.name) === nameKey(name));
    if (other) throw new DossierError('conflict', `There is already a type named “${other.name}”. Nothing was changed.`);
    return name;
  }

  /** One change at a time; a store transaction (a restore) and the changes around it take turns (see Store.operation). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.store.operation(() => {
      const next = this.turn.then(work, work);
      this.turn = next.catch(() => undefined);
      return next;
    });
  }

  /** Saves a change, and brings the name index along with it (`reindex` makes the same change to it). */
  private async save(change: (data: EntitiesData) => unknown, reindex: (owners: Map<string, Entity>) => void): Promise<void> {
    const owners = this.names?.data === this.file.data ? this.names.owners : null;
    await this.file.update((data) => void change(data));
    if (!owners) return;
    reindex(owners);
    this.names = { data: this.file.data, owners };
  }

  /** New entities checked and made, with the key of each of their names. */
  private async prepare(inputs: readonly NewEntity[]): Promise<{ entities: Entity[]; keys: Map<string, Entity> }> {
    const owners = await this.owners();
    const keys = new Map<string, Entity>();
    const now = new Date().toISOString();
    const entities: Entity[] = [];
    const pace = pacer();
    for (const input of inputs) {
      this.type(input.type);
      const checked = await this.checkNames(input.name, input.aliases ?? [], (key) => keys.get(key) ?? owners.get(key), undefined, pace);
      const entity: Entity = { id: newId(), type: input.type, name: checked.name, aliases: checked.aliases, notes: input.notes ?? '', created: now, modified: now };
      entities.push(entity);
      for (const key of checked.keys) keys.set(key, entity);
    }
    return { entities, keys };
  }

  /**
   * The tidied name and aliases with their keys, or an error when one is
   * empty, too long, or already a name of another entity than `self`.
   */
  private async checkNames(
    rawName: string,
    rawAliases: readonly string[],
    ownerOf: (key: string) => Entity | undefined,
    self?: string,
    pace = pacer(),
  ): Promise<{ name: string; aliases: string[]; keys: string[] }> {
    const name = checkName(rawName);
    const keys = [nameKey(name)];
    const seen = new Set(keys);
    const aliases: string[] = [];
    for (const raw of rawAliases) {
      await pace();
      const alias = checkName(raw, 'alias');
      const key = nameKey(alias);
      if (seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
      aliases.push(alias);
    }
    for (const [i, key] of keys.entries()) {
      const owner = ownerOf(key);
      if (owner && owner.id !== self) throw this.collision(i === 0 ? name : (aliases[i - 1] as string), owner, i === 0);
    }
    return { name, aliases, keys };
  }

  /** The name index, built a slice at a time when the entities changed without it. */
  private async owners(): Promise<Map<string, Entity>> {
    if (this.names?.data === this.file.data) return this.names.owners;
    const data = this.file.data;
    const owners = new Map<string, Entity>();
    const pace = pacer();
    for (const entity of data.entities) {
      for (const name of namesOf(entity)) {
        owners.set(nameKey(name), entity);
        await pace();
      }
    }
    if (data === this.file.data) this.names = { data, owners };
    return owners;
  }

  private ownersNow(): Map<string, Entity> {
    if (this.names?.data !== this.file.data) {
      const owners = new Map<string, Entity>();
      for (const entity of this.file.data.entities) for (const name of namesOf(entity)) owners.set(nameKey(name), entity);
      this.names = { data: this.file.data, owners };
    }
    return this.names.owners;
  }

  private collision(name: string, owner: Entity, canonical: boolean): DossierError {
    const type = this.file.data.types.find((t) => t.id === owner.type) ?? { id: owner.type, name: owner.type, color: '', builtin: false };
    const what = nameKey(owner.name) === nameKey(name) ? `there is already ${article(type)} ${type.name.toLowerCase()} named “${owner.name}”` : `“${name}” is already an alias of ${describe(type, owner)}`;
    const fix = canonical ? 'open that entity instead, or merge the two' : 'remove the alias there first, or merge the two entities';
    return new DossierError('conflict', `${what}; ${fix}. Nothing was changed.`);
  }

  private typeId(name: string): string {
    const base = nameKey(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'type';
    const taken = new Set(this.file.data.types.map((t) => t.id));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return id;
  }
}

/** Names without repeats (in any spelling) and without `name` itself. */
function dedupe(names: readonly string[], name: string): string[] {
  const seen = new Set([nameKey(name)]);
  return names.map(tidyName).filter((n) => {
    const key = nameKey(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}


/** `entities` with a change made: its entities replaced in place or removed, new ones last. */
function applyChange(entities: readonly Entity[], change: EntityChange): Entity[] {
  const next = new Map(change.after.map((e) => [e.id, e]));
  const gone = new Set(change.before.map((e) => e.id));
  const kept = entities.flatMap((e) => {
    const replacement = next.get(e.id);
    next.delete(e.id);
    return replacement ? [replacement] : gone.has(e.id) ? [] : [e];
  });
  return [...kept, ...next.values()];
}

/** The same change made to the name index: the names of `before` leave, those of `after` come. */
const reindexFor =
  (change: EntityChange) =>
  (owners: Map<string, Entity>): void => {
    for (const entity of change.before) for (const name of namesOf(entity)) owners.delete(nameKey(name));
    for (const entity of change.after) for (const name of namesOf(entity)) owners.set(nameKey(name), entity);
  };

const sameEntity = (a: Entity, b: Entity): boolean =>
  a.id === b.id && a.type === b.type && a.name === b.name && a.notes === b.notes && a.created === b.created && a.modified === b.modified && a.aliases.join('\n') === b.aliases.join('\n');

/** The names of a change's entities whose owner it changes: names that come, go, or move to another entity. */
function ownerChanges(change: EntityChange): string[] {
  // Entities only made or only removed (accepting thousands of suggestions): all their names, without comparing.
  if (change.before.length === 0) return change.after.flatMap(namesOf);
  if (change.after.length === 0) return change.before.flatMap(namesOf);
  const owners = (entities: readonly Entity[]) => new Map(entities.flatMap((e) => namesOf(e).map((n) => [nameKey(n), { id: e.id, name: n }] as const)));
  const before = owners(change.before);
  const after = owners(change.after);
  const changed = new Map<string, string>();
  for (const [key, owner] of [...before, ...after]) if (before.get(key)?.id !== after.get(key)?.id) changed.set(key, owner.name);
  return [...changed.values()];
}
