/**
 * The entity store: types, entities and rejected suggestions in
 * entities.json. Every change is checked in full before anything is touched
 * (empty or overlong names, names that another entity already uses), and
 * rolled back in memory when it cannot be saved, so a refused or failed
 * change leaves the store exactly as it was.
 */

import { randomBytes } from 'node:crypto';
import type { Entity, EntityPatch, EntityType, EntityTypePatch, NewEntity, NewEntityType } from '../../common/contract/entities';
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

/** What a change did to the names the texts are searched for: the mention cache re-reads documents that hold them. */
export interface NameChange {
  names: string[];
}

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
  async create(inputs: readonly NewEntity[]): Promise<{ entities: Entity[]; change: NameChange }> {
    const now = new Date().toISOString();
    const made: Entity[] = [];
    for (const input of inputs) {
      this.type(input.type);
      const { name, aliases } = this.checkNames(input.name, input.aliases ?? [], made);
      made.push({ id: newId(), type: input.type, name, aliases, notes: input.notes ?? '', created: now, modified: now });
    }
    await this.file.update((data) => data.entities.push(...made));
    return { entities: made, change: { names: made.flatMap((e) => [e.name, ...e.aliases]) } };
  }

  async update(id: string, patch: EntityPatch): Promise<{ entity: Entity; change: NameChange }> {
    const current = this.get(id);
    if (patch.type !== undefined) this.type(patch.type);
    const { name, aliases } = this.checkNames(patch.name ?? current.name, patch.aliases ?? current.aliases, [], id);
    const next: Entity = { ...current, name, aliases, type: patch.type ?? current.type, notes: patch.notes ?? current.notes, modified: new Date().toISOString() };
    await this.file.update((data) => (data.entities = data.entities.map((e) => (e.id === id ? next : e))));
    return { entity: next, change: { names: changedNames([current.name, ...current.aliases], [name, ...aliases]) } };
  }

  /** Folds `sourceId` into `targetId`: the source's names become aliases, its notes are appended. */
  async merge(targetId: string, sourceId: string): Promise<{ entity: Entity; change: NameChange }> {
    if (targetId === sourceId) throw new DossierError('invalid_argument', 'An entity cannot be merged into itself; choose two different entities');
    const target = this.get(targetId);
    const source = this.get(sourceId);
    const aliases = dedupe([...target.aliases, source.name, ...source.aliases], target.name);
    const notes = [target.notes, source.notes].filter((n) => n.trim()).join('\n\n');
    const merged: Entity = { ...target, aliases, notes, modified: new Date().toISOString() };
    await this.file.update((data) => (data.entities = data.entities.filter((e) => e.id !== sourceId).map((e) => (e.id === targetId ? merged : e))));
    return { entity: merged, change: { names: [source.name, ...source.aliases] } };
  }

  async delete(id: string): Promise<{ entity: Entity; change: NameChange }> {
    const entity = this.get(id);
    await this.file.update((data) => (data.entities = data.entities.filter((e) => e.id !== id)));
    return { entity, change: { names: [entity.name, ...entity.aliases] } };
  }

  async reject(key: string): Promise<void> {
    if (this.isRejected(key)) return;
    await this.file.update((data) => data.rejected.push(key));
  }

  /**
   * The tidied name and aliases, or an error when one is empty, too long,
   * or already a name of another entity (`pending` are entities about to be
   * created with these).
   */
  private checkNames(rawName: string, rawAliases: readonly string[], pending: readonly Entity[], self?: string): { name: string; aliases: string[] } {
    const name = checkName(rawName);
    const aliases = dedupe(
      rawAliases.map((alias) => checkName(alias, 'alias')),
      name,
    );
    const owners = new Map<string, Entity>();
    for (const entity of [...this.file.data.entities, ...pending]) {
      if (entity.id === self) continue;
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

/** Names in one list and not the other, compared by key. */
function changedNames(before: readonly string[], after: readonly string[]): string[] {
  const keysBefore = new Set(before.map(nameKey));
  const keysAfter = new Set(after.map(nameKey));
  return [...before.filter((n) => !keysAfter.has(nameKey(n))), ...after.filter((n) => !keysBefore.has(nameKey(n)))];
}
