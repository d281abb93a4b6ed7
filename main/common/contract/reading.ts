import { z } from 'zod';
import { method } from './method';
import { Id } from './documents';
import type { Entity } from './entities';
import type { Snippet } from './search';

/*
 * Reading two documents side by side: the passages of one that relate to a
 * paragraph of the other, and the entities the two share.
 */

export const MAX_RELATED = 20;

/** A passage of the other document and why it relates to the paragraph read. */
export interface RelatedPassage {
  block: number;
  /** Shared entities count first, then the text similarity; higher is closer. */
  score: number;
  /** Names of the entities both paragraphs mention, most mentioned first. */
  sharedEntities: string[];
  /** Words (index terms) both paragraphs use that the ranking counted. */
  sharedTerms: string[];
  /** One window of the passage, the shared words and names marked. */
  snippet: Snippet;
}

/** An entity as the compare strip shows it: how often each document mentions it. */
export interface ComparedEntity {
  entity: Entity;
  /** The entity type's colour, as the reader draws its mentions. */
  color: string;
  mentionsA: number;
  mentionsB: number;
}

export interface DocumentComparison {
  a: string;
  b: string;
  /** Mentioned by both, most mentioned first. */
  shared: ComparedEntity[];
  onlyA: ComparedEntity[];
  onlyB: ComparedEntity[];
}

export const readingContract = {
  /** Blocks of `otherDocId` most related to block `block` of `docId`: shared entities first, then shared terms. */
  relatedPassages: method<RelatedPassage[]>()(
    z.tuple([Id, z.number().int().min(0).max(1_000_000), Id, z.number().int().min(1).max(MAX_RELATED).optional()]),
  ),
  /** The entities two documents both mention, and those only one of them does. */
  compareDocuments: method<DocumentComparison>()(z.tuple([Id, Id])),
};
