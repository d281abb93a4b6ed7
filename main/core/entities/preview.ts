/**
 * What a proposed entity change would do to the mentions, counted from the
 * documents it touches: mentions now and as they would be. Pure code.
 */

import type { EntityChangePreview, Mention } from '../../common/contract/entities';

const span = (m: Mention): string => `${m.start}:${m.end}`;

/**
 * `total` is how many mentions the entities of `before` have now in the
 * whole library; `affected` the documents whose mentions would change.
 */
export function previewOf(total: number, affected: ReadonlyArray<{ now: Mention[]; then: Mention[] }>, before: ReadonlySet<string>, after: ReadonlySet<string>): EntityChangePreview {
  const preview: EntityChangePreview = { before: total, after: total, linked: 0, unlinked: 0, taken: 0 };
  for (const { now, then } of affected) {
    const owners = new Map(now.map((m) => [span(m), m.entityId]));
    const kept = new Set(then.filter((m) => after.has(m.entityId)).map(span));
    for (const m of now.filter((m) => before.has(m.entityId))) {
      preview.after--;
      if (!kept.has(span(m))) preview.unlinked++;
    }
    for (const m of then.filter((m) => after.has(m.entityId))) {
      preview.after++;
      const owner = owners.get(span(m));
      if (owner === undefined) preview.linked++;
      else if (!before.has(owner)) preview.taken++;
    }
  }
  return preview;
}
