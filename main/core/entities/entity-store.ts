/**
 * The entity store: types, entities and rejected suggestions in
 * entities.json. Every change is checked in full before anything is touched
 * (empty or overlong names, names that another entity already uses), and
 * rolled back in memory when it cannot be saved, so a refused or failed
 * change leaves the store exactly as it was.
 */

import { randomBytes } from 'node:crypto';
import type { Entity, EntityChange, EntityPatch, EntityType, EntityTypePatch, NewEntity, NewEntityType } from '../../common/contract/entities';
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

const FILE: FileSpec<EntitiesData> = {
  name: 'entities.json',
  schema: 1,
  defaults: () => ({ schema: 1, types: structuredClone([...BUILTIN_TYPES]), entities: [], rejected: [] }),
};

const newId = (): string => randomBytes(6).toString('base64url');
const article = (type: EntityType): string => (/^[aeiou]/i.test(type.name) ? 'an' : 'a');
const describe = (type: EntityType, entity: Entity): string => `the ${type.name.toLowerCase()} “${entity.name}”`;

/** Entity types and entities, kept in entities.json. */
export class EntityStore {
  private constructor(private readonly file: StoreFile<EntitiesData>) {}

  static async open(store: Store): Promise<EntityStore> {
    return new EntityStore(await store.file(FILE));
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
    const key = nameKey(name);
    return this.file.data.entities.find((e) => [e.name, ...e.aliases].some((n) => nameKey(n) === key));
  }

  isRejected(key: string): boolean {
    return this.file.data.rejected.includes(key);
  }

  async createType(input: NewEntityType): Promise<EntityType> {
    const name = this.checkTypeName(input.name);
    const type: EntityType = { id: this.typeId(name), name, color: input.color.toLowerCase(), builtin: false };
    await this.file.update((data) => data.types.push(type));
    return type;
  }

  async updateType(id: string, patch: EntityTypePatch): Promise<EntityType> {
    const current = this.type(id);
    const next: EntityType = {
      ...current,
      name: patch.name === undefined ? current.name : this.checkTypeName(patch.name, id),
      color: patch.color?.toLowerCase() ?? current.color,
    };
    await this.file.update((data) => (data.types = data.types.map((t) => (t.id === id ? next : t))));
    return next;
  }

  /** Creates entities, all or none. */
  planCreate(inputs: readonly NewEntity[]): EntityChange {
    const now = new Date().toISOString();
    const made: Entity[] = [];
    for (const input of inputs) {
      this.type(input.type);
      const { name, aliases } = this.checkNames(input.name, input.aliases ?? [], made);
      made.push({ id: newId(), type: input.type, name, aliases, notes: input.notes ?? '', created: now, modified: now });
    }
    return { before: [], after: made };
  }

  planUpdate(id: string, patch: EntityPatch): EntityChange {
    const current = this.get(id);
    if (patch.type !== undefined) this.type(patch.type);
    const { name, aliases } = this.checkNames(patch.name ?? current.name, patch.aliases ?? current.aliases, [], new Set([id]));
    const next: Entity = { ...current, name, aliases, type: patch.type ?? current.type, notes: patch.notes ?? current.notes, modified: new Date().toISOString() };
    return { before: [current], after: [next] };
  }

  /** Folds `sourceId` into `targetId`: the source's names become aliases, its notes are appended. */
  planMerge(targetId: string, sourceId: string): EntityChange {
    if (targetId === sourceId) throw new DossierError('invalid_argument', 'An entity cannot be merged into itself; choose two different entities');
    const target = this.get(targetId);
    const source = this.get(sourceId);
    const aliases = dedupe([...target.aliases, source.name, ...source.aliases], target.name);
    const notes = [target.notes, source.notes].filter((n) => n.trim()).join('\n\n');
    return { before: [target, source], after: [{ ...target, aliases, notes, modified: new Date().toISOString() }] };
  }

  planDelete(id: string): EntityChange {
    return { before: [this.get(id)], after: [] };
  }

  /**
   * The reverse of a change, checked: its entities must still be as it left
   * them, and those it removed must fit back (type known, names free). The
   * entities come back exactly as they were, ids and dates included.
   */
  planUndo(change: EntityChange): EntityChange {
    const leaving = new Set(change.after.map((e) => e.id));
    for (const left of change.after) {
      const now = this.file.data.entities.find((e) => e.id === left.id);
      if (!now || !sameEntity(now, left)) throw new DossierError('conflict', `“${left.name}” has changed since; undo the later changes first. Nothing was changed.`);
    }
    const back: Entity[] = [];
    for (const entity of change.before) {
      if (!leaving.has(entity.id) && this.file.data.entities.some((e) => e.id === entity.id)) {
        throw new DossierError('conflict', `“${entity.name}” is already back. Nothing was changed.`);
      }
      this.type(entity.type);
      const { name, aliases } = this.checkNames(entity.name, entity.aliases, back, leaving);
      back.push({ ...entity, name, aliases });
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

  /** Saves a planned change; returns the names whose owner it changed. */
  async commit(change: EntityChange): Promise<string[]> {
    await this.file.update((data) => (data.entities = applyChange(data.entities, change)));
    return ownerChanges(change);
  }

  async reject(keys: readonly string[]): Promise<void> {
    const fresh = [...new Set(keys)].filter((key) => !this.isRejected(key));
    if (fresh.length > 0) await this.file.update((data) => data.rejected.push(...fresh));
  }

  async unreject(keys: readonly string[]): Promise<void> {
    const drop = new Set(keys);
    if (this.file.data.rejected.some((key) => drop.has(key))) await this.file.update((data) => (data.rejected = data.rejected.filter((key) => !drop.has(key))));
  }

  /**
   * The tidied name and aliases, or an error when one is empty, too long,
   * or already a name of another entity (`pending` are entities about to be
   * created with these; entities in `ignore` are the one being changed, or
   * about to go).
   */
  private checkNames(rawName: string, rawAliases: readonly string[], pending: readonly Entity[], ignore: ReadonlySet<string> = new Set()): { name: string; aliases: string[] } {
    const name = checkName(rawName);
    const aliases = dedupe(
      rawAliases.map((alias) => checkName(alias, 'alias')),
      name,
    );
    const owners = new Map<string, Entity>();
    for (const entity of [...this.file.data.entities, ...pending]) {
      if (ignore.has(entity.id)) continue;
      for (const n of [entity.name, ...entity.aliases]) owners.set(nameKey(n), entity);
    }
    for (const candidate of [name, ...aliases]) {
      const owner = owners.get(nameKey(candidate));
      if (owner) throw this.collision(candidate, owner, candidate === name);
    }
    return { name, aliases };
  }

  private collision(name: string, owner: Entity, canonical: boolean): DossierError {
    const type = this.file.data.types.find((t) => t.id === owner.type) ?? { id: owner.type, name: owner.type, color: '', builtin: false };
    const what = nameKey(owner.name) === nameKey(name) ? `there is already ${article(type)} ${type.name.toLowerCase()} named “${owner.name}”` : `“${name}” is already an alias of ${describe(type, owner)}`;
    const fix = canonical ? 'open that entity instead, or merge the two' : 'remove the alias there first, or merge the two entities';
    return new DossierError('conflict', `${what}; ${fix}. Nothing was changed.`);
  }

  private checkTypeName(raw: string, self?: string): string {
    const name = checkName(raw, 'type name');
    if (name.length > 40) throw new DossierError('invalid_argument', `The type name "${name.slice(0, 40)}…" is too long; keep it to 40 characters`);
    const other = this.file.data.types.find((t) => t.id !== self && nameKey(t.name) === nameKey(name));
    if (other) throw new DossierError('conflict', `There is already a type named “${other.name}”. Nothing was changed.`);
    return name;
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

const sameEntity = (a: Entity, b: Entity): boolean =>
  a.id === b.id && a.type === b.type && a.name === b.name && a.notes === b.notes && a.created === b.created && a.modified === b.modified && a.aliases.join('\n') === b.aliases.join('\n');

/** The names of a change's entities whose owner it changes: names that come, go, or move to another entity. */
function ownerChanges(change: EntityChange): string[] {
  const owners = (entities: readonly Entity[]) => new Map(entities.flatMap((e) => [e.name, ...e.aliases].map((n) => [nameKey(n), { id: e.id, name: n }] as const)));
  const before = owners(change.before);
  const after = owners(change.after);
  const changed = new Map<string, string>();
  for (const [key, owner] of [...before, ...after]) if (before.get(key)?.id !== after.get(key)?.id) changed.set(key, owner.name);
  return [...changed.values()];
}
