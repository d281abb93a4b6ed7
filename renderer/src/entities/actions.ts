import type { Entity, EntityChange, EntityPatch, NewEntity, Suggestion } from '../../../main/common/contract';
import { pushUndo } from '../app/undo';
import * as changes from './changes';

/*
 * What a person does to entities, each offered for Undo (the toast and
 * Ctrl/Cmd+Z): the core hands back what it changed, and Undo gives that back.
 */

const quoted = (name: string): string => `“${name}”`;

/** "“GSMA”" for one, "3 suggestions" for more. */
const which = (names: readonly string[], several: string): string => (names.length === 1 ? quoted(names[0] as string) : `${names.length} ${several}`);

function undoable(message: string, change: EntityChange): void {
  pushUndo({
    message,
    undo: async () => {
      await changes.undoEntityChange(change);
    },
  });
}

export async function createEntity(input: NewEntity): Promise<Entity> {
  const made = await changes.createEntity(input);
  undoable(`Tagged ${quoted(made.name)}`, { before: [], after: [made] });
  return made;
}

export async function updateEntity(entity: Entity, patch: EntityPatch): Promise<Entity> {
  const change = await changes.updateEntity(entity.id, patch);
  const saved = change.after[0] as Entity;
  undoable(saved.name === entity.name ? `Saved ${quoted(saved.name)}` : `Renamed ${quoted(entity.name)} to ${quoted(saved.name)}`, change);
  return saved;
}

export async function mergeEntities(target: Entity, source: Entity): Promise<void> {
  undoable(`Merged ${quoted(source.name)} into ${quoted(target.name)}`, await changes.mergeEntities(target.id, source.id));
}

export async function deleteEntity(entity: Entity): Promise<void> {
  undoable(`Deleted ${quoted(entity.name)}`, await changes.deleteEntity(entity.id));
}

/** Accepts suggestions (one, a selection, or all of a type) as one change: one Undo takes them all back. */
export async function acceptSuggestions(accepted: NewEntity[]): Promise<Entity[]> {
  const made = await changes.acceptSuggestions(accepted);
  undoable(`Accepted ${which(made.map((e) => e.name), 'suggestions')}`, { before: [], after: made });
  return made;
}

const namesOf = (list: readonly Suggestion[]): string[] => list.flatMap((s) => [s.name, ...s.aliases]);

export async function rejectSuggestions(list: readonly Suggestion[]): Promise<void> {
  await changes.rejectSuggestions(namesOf(list));
  pushUndo({ message: `Rejected ${which(list.map((s) => s.name), 'suggestions')}`, undo: () => changes.restoreSuggestions(namesOf(list)) });
}

export async function restoreSuggestions(list: readonly Suggestion[]): Promise<void> {
  await changes.restoreSuggestions(namesOf(list));
  pushUndo({ message: `Brought back ${which(list.map((s) => s.name), 'suggestions')}`, undo: () => changes.rejectSuggestions(namesOf(list)) });
}
