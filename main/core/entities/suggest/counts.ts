/**
 * How many mentions each suggestion would have if it alone were accepted:
 * the count it shows is the count the entity gets. Names overlap ("China
 * Unicom", "China Unicom Research Institute"), and the mention matcher
 * gives a passage to the longest name starting first, so a suggestion's
 * mentions depend on which other names are entities.
 *
 * Every document is matched once against the entities and all the
 * suggestions together, keeping every match (MentionMatcher.findAll); each
 * suggestion's mentions are then the matcher's choices replayed with only
 * the entities and that suggestion. A replay starts at the suggestion's
 * first match and stops as soon as it is back in step with the choices of
 * the entities alone, so its cost follows the suggestion's matches, not the
 * text. Pure code.
 */

import type { MatchPoint } from '../mentions';

export interface Tally {
  mentions: number;
  documents: number;
  /** Mentions it keeps when every suggestion is accepted: none means it only ever stands inside a longer name. */
  withAll: number;
}

/** The matcher's choices with `allowed` entities: the cursor before each point, and whom each mention went to. */
function choicesOf(points: readonly MatchPoint[], allowed: (id: string) => boolean): { cursors: number[]; chosen: string[] } {
  const cursors: number[] = [];
  const chosen: string[] = [];
  let cursor = 0;
  for (const point of points) {
    cursors.push(cursor);
    if (point.start < cursor) continue;
    const match = point.matches.find((m) => allowed(m.entityId) && m.start >= cursor);
    if (!match) continue;
    chosen.push(match.entityId);
    cursor = match.end;
  }
  return { cursors, chosen };
}

/**
 * The mentions of each suggestion (ids in `suggested`) in one document's
 * match points, when it is the only one accepted besides the entities.
 */
function countDocument(points: readonly MatchPoint[], suggested: ReadonlySet<string>): Map<string, number> {
  const isEntity = (id: string) => !suggested.has(id);
  const base = choicesOf(points, isEntity).cursors;
  const at = new Map<string, number[]>();
  points.forEach((point, i) => {
    for (const id of new Set(point.matches.map((m) => m.entityId))) if (suggested.has(id)) at.set(id, [...(at.get(id) ?? []), i]);
  });
  const counts = new Map<string, number>();
  for (const [id, indexes] of at) {
    let count = 0;
    let next = 0;
    let i = indexes[0] as number;
    let cursor = base[i] as number;
    while (i < points.length) {
      const point = points[i] as MatchPoint;
      if (point.start >= cursor) {
        const chosen = point.matches.find((m) => (m.entityId === id || isEntity(m.entityId)) && m.start >= cursor);
        if (chosen) {
          if (chosen.entityId === id) count++;
          cursor = chosen.end;
        }
      }
      i++;
      if (i < points.length && cursor === base[i]) {
        // Back in step: nothing differs until this suggestion's next match.
        while (next < indexes.length && (indexes[next] as number) < i) next++;
        if (next === indexes.length) break;
        i = indexes[next] as number;
        cursor = base[i] as number;
      }
    }
    if (count > 0) counts.set(id, count);
  }
  return counts;
}

/** Each suggestion's mentions and documents across the library, from every document's match points. */
export function tallySuggestions(documents: Iterable<readonly MatchPoint[]>, suggested: ReadonlySet<string>): Map<string, Tally> {
  const tally = new Map<string, Tally>();
  const sum = (id: string): Tally => {
    const found = tally.get(id) ?? { mentions: 0, documents: 0, withAll: 0 };
    tally.set(id, found);
    return found;
  };
  for (const points of documents) {
    for (const [id, count] of countDocument(points, suggested)) {
      sum(id).mentions += count;
      sum(id).documents++;
    }
    for (const id of choicesOf(points, () => true).chosen) if (suggested.has(id)) sum(id).withAll++;
  }
  return tally;
}
