/**
 * Filtering by entities and tags: what the library, the Notes view and
 * search narrow to when the user picks entities and tags in the sidebar.
 *
 * A document carries an entity it mentions, and a tag (or a tag under it)
 * that it or one of its annotations has. An annotation carries an entity
 * when its passage overlaps a mention of it, and the tags it has itself.
 * A filter keeps what carries every one of its entities and
 * tags; an entity that no longer exists matches nothing.
 *
 * For search: `documentsWith(ctx, { entities, tags })` gives the ids to keep
 * (resolve `entity:name` with `ctx.entities.findByName(name)`).
 */

import type { Annotation } from '../../common/contract/annotations';
import type { Filter } from '../../common/contract/entities';
import type { Annotations } from '../annotations/annotations';
import type { Entities } from '../entities/entities';
import type { Documents } from '../library/documents';
import { carries, type Tags } from '../tags/tags';

/** The modules a filter reads. */
export interface FilterSources {
  documents: Documents;
  annotations: Annotations;
  entities: Entities;
  tags: Tags;
}

/** Ids of the documents that carry every entity and tag of the filter, in library order. */
export async function documentsWith({ documents, annotations, entities, tags }: FilterSources, filter: Filter): Promise<string[]> {
  const wanted = { entities: filter.entities ?? [], tags: filter.tags ?? [] };
  let ids = documents.list().map((d) => d.id);
  if (wanted.entities.length > 0) {
    const mentioning = await entities.documentsMentioning(wanted.entities);
    ids = ids.filter((id) => mentioning.has(id));
  }
  if (wanted.tags.length > 0) {
    const annotationTags = new Map<string, string[]>();
    for (const a of await annotations.allAnnotations()) annotationTags.set(a.docId, [...(annotationTags.get(a.docId) ?? []), ...a.tags]);
    ids = ids.filter((id) => {
      const all = [...tags.documentTags(id), ...(annotationTags.get(id) ?? [])];
      return wanted.tags.every((tag) => carries(all, tag));
    });
  }
  return ids;
}

/** Ids of the annotations that carry every entity and tag of the filter, in the annotations' own order. */
export async function annotationsWith({ annotations, entities }: FilterSources, filter: Filter): Promise<string[]> {
  const wanted = { entities: filter.entities ?? [], tags: filter.tags ?? [] };
  const kept: string[] = [];
  for (const a of await annotations.allAnnotations()) {
    if (!wanted.tags.every((tag) => carries(a.tags, tag))) continue;
    if (wanted.entities.length > 0 && !(await overlapsAll(a, wanted.entities, (docId) => entities.mentionsOf(docId)))) continue;
    kept.push(a.id);
  }
  return kept;
}

async function overlapsAll(annotation: Annotation, entityIds: readonly string[], mentionsOf: (docId: string) => Promise<Array<{ entityId: string; start: number; end: number }>>): Promise<boolean> {
  const { anchor } = annotation;
  if (anchor.status !== 'anchored') return false;
  const mentions = await mentionsOf(annotation.docId).catch(() => []);
  return entityIds.every((id) => mentions.some((m) => m.entityId === id && m.start < anchor.end && anchor.start < m.end));
}
