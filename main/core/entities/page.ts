/**
 * What an entity page shows: every mention with its sentence, document by
 * document (newest first), the role phrases written next to a person's name,
 * the entities named in the same paragraphs, and the annotations on passages
 * that mention it.
 */

import type { Block, DocumentSummary } from '../../common/contract';
import { lastIndexAtOrBefore } from '../../common/sorted';
import type { Annotation } from '../../common/contract/annotations';
import type { Entity, EntityDocument, Mention, MentionInContext, RelatedEntity, SharedPassage } from '../../common/contract/entities';
import { rolesAt } from './roles';
import { sentenceAround, snippetOf } from '../text/sentences';

const MAX_RELATED = 12;
const MAX_PASSAGES = 20;

/** What the page is built from: one document, its text, blocks and mentions. */
export interface MentionSource {
  doc: Pick<DocumentSummary, 'id' | 'title' | 'date'>;
  text: string;
  blocks: Block[];
  mentions: Mention[];
}

/** The index of the block holding `offset`, or -1 (an offset between two blocks is in neither). */
function blockHolding(blocks: readonly Block[], offset: number): number {
  const index = lastIndexAtOrBefore(blocks, offset, { key: (b) => b.start });
  return index >= 0 && offset < (blocks[index] as Block).end ? index : -1;
}

/** Undated documents last, the rest newest first. */
export function byDateNewestFirst(a: { date: string | null }, b: { date: string | null }): number {
  if (!a.date || !b.date) return (a.date ? 0 : 1) - (b.date ? 0 : 1);
  return b.date.localeCompare(a.date);
}

/** One document's mentions of the entity, with sentences and (for people) role phrases. */
export function entityDocument(source: MentionSource, entityId: string, withRoles: boolean): EntityDocument | null {
  const own = source.mentions.filter((m) => m.entityId === entityId);
  if (own.length === 0) return null;
  const roles = new Map<string, string>();
  const mentions = own.map((m): MentionInContext => {
    const index = blockHolding(source.blocks, m.start);
    const block = source.blocks[index];
    const [start, end] = block ? sentenceAround(source.text, block.start, block.end, m.start, m.end) : [m.start, m.end];
    if (withRoles) for (const role of rolesAt(source.text, m.start, m.end, end)) if (!roles.has(role.toLowerCase())) roles.set(role.toLowerCase(), role);
    return { start: m.start, end: m.end, block: index, sentence: snippetOf(source.text, start, end, [[m.start, m.end]]) };
  });
  return { docId: source.doc.id, title: source.doc.title, date: source.doc.date, mentions, roles: [...roles.values()] };
}

/** Paragraph numbers (block indexes) of a document that mention each entity. */
function paragraphsByEntity(source: MentionSource): Map<string, Set<number>> {
  const byEntity = new Map<string, Set<number>>();
  for (const m of source.mentions) {
    const set = byEntity.get(m.entityId) ?? new Set<number>();
    set.add(blockHolding(source.blocks, m.start));
    byEntity.set(m.entityId, set);
  }
  return byEntity;
}

/** A paragraph that names both entities, with their mentions marked. */
function sharedPassage(source: MentionSource, block: number, ids: readonly string[]): SharedPassage {
  const { start, end } = source.blocks[block] as Block;
  const marks = source.mentions.filter((m) => ids.includes(m.entityId) && m.start >= start && m.end <= end).map((m): [number, number] => [m.start, m.end]);
  return { docId: source.doc.id, title: source.doc.title, block, passage: snippetOf(source.text, start, end, marks) };
}

/** The entities named most often in the same paragraph as `entityId`, most shared paragraphs first, with the first of those paragraphs. */
export function relatedEntities(sources: readonly MentionSource[], entityId: string, entities: ReadonlyMap<string, Entity>): RelatedEntity[] {
  const shared = new Map<string, { paragraphs: number; passages: SharedPassage[] }>();
  for (const source of sources) {
    const byEntity = paragraphsByEntity(source);
    const mine = byEntity.get(entityId);
    if (!mine) continue;
    for (const [other, paragraphs] of byEntity) {
      if (other === entityId) continue;
      const together = [...paragraphs].filter((p) => p >= 0 && mine.has(p));
      if (together.length === 0) continue;
      const entry = shared.get(other) ?? { paragraphs: 0, passages: [] };
      entry.paragraphs += together.length;
      for (const block of together.sort((a, b) => a - b)) if (entry.passages.length < MAX_PASSAGES) entry.passages.push(sharedPassage(source, block, [entityId, other]));
      shared.set(other, entry);
    }
  }
  return [...shared]
    .flatMap(([id, entry]) => {
      const entity = entities.get(id);
      return entity ? [{ entity, ...entry }] : [];
    })
    .sort((a, b) => b.paragraphs - a.paragraphs || a.entity.name.localeCompare(b.entity.name))
    .slice(0, MAX_RELATED);
}

/** Annotations whose passage overlaps a mention of the entity. */
export function annotationsOnMentions(annotations: readonly Annotation[], mentions: readonly Mention[], entityId: string): Annotation[] {
  const own = mentions.filter((m) => m.entityId === entityId);
  return annotations.filter(({ anchor }) => anchor.status === 'anchored' && own.some((m) => overlaps(anchor, m)));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
