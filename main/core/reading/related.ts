/**
 * Linked reading: which passages of one document relate to a paragraph of
 * another, and which entities two documents share.
 *
 * A passage relates first by the entities both paragraphs mention (an
 * analyst follows people and organisations across texts), then by the
 * words they share, scored by a small MiniSearch (BM25) index over the other
 * document's blocks, so that words common in that document count for less.
 * The library's search index is not used: it ranks documents for a query
 * typed by a person, this ranks one document's blocks for a whole paragraph.
 */
import MiniSearch from 'minisearch';
import { eng } from 'stopword';
import type { Block, ComparedEntity, DocumentComparison, Mention, RelatedPassage, Snippet } from '../../common/contract';
import { DossierError } from '../../common/errors';
import type { Entities } from '../entities/entities';
import type { CoreEmitter } from '../events';
import type { Documents } from '../library/documents';
import { lastIndexAtOrBefore } from '../../common/sorted';
import { cleanOffset } from '../library/paragraphs';
import { mergeRanges, snippetOf, termRanges, type Range } from '../text/snippets';
import { forEachTerm } from '../text/tokens';

const DEFAULT_LIMIT = 5;
/** Indexes of recently compared documents kept in memory. */
const CACHED_INDEXES = 8;
/** How much of a passage a snippet holds, and how far before a shared name it starts. */
const SNIPPET_CHARS = 220;
const FOCUS_LEAD = 40;

/**
 * Words that say nothing about what a paragraph is about: without them, two
 * paragraphs would relate through "the", "will" and "also". Besides the usual
 * English list, the reporting verbs, titles and ordinals every news text uses.
 */
const STOP_WORDS = new Set([...eng, ...'said says mr ms dr one two three first second third well new may must shall per via within without'.split(' ')]);

/** The index terms of a text that carry meaning: whole words and the parts of compounds, stop words left out. */
export function meaningfulTerms(text: string): string[] {
  const terms: string[] = [];
  forEachTerm(text, (term) => {
    if (!STOP_WORDS.has(term) && !/^\p{N}{1,3}$/u.test(term)) terms.push(term);
  });
  return terms;
}

/**
 * The snippet that starts a few words before `focus` (a shared entity's
 * mention): the strip shows one line, so the name has to come first.
 */
function windowAt(text: string, ranges: readonly Range[], focus: number): Snippet {
  const before = text.lastIndexOf(' ', Math.max(0, focus - FOCUS_LEAD));
  const from = focus <= FOCUS_LEAD || before < 0 ? 0 : before + 1;
  const to = Math.min(text.length, from + SNIPPET_CHARS);
  const prefix = from > 0 ? '…' : '';
  const inside = ranges.filter(([s, e]) => s >= from && e <= to).map(([s, e]): Range => [s - from + prefix.length, e - from + prefix.length]);
  return { text: prefix + text.slice(from, to) + (to < text.length ? '…' : ''), highlights: inside };
}

/** Mentions grouped by the block they start in. */
function mentionsByBlock(blocks: readonly Block[], mentions: readonly Mention[]): Map<number, Mention[]> {
  const starts = blocks.map((b) => b.start);
  const byBlock = new Map<number, Mention[]>();
  for (const mention of mentions) {
    const index = blocks[Math.max(0, lastIndexAtOrBefore(starts, mention.start))]?.index;
    if (index === undefined) continue;
    byBlock.set(index, [...(byBlock.get(index) ?? []), mention]);
  }
  return byBlock;
}

/** How many times each entity is mentioned. */
function countEntities(mentions: readonly Mention[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  return counts;
}

type BlockIndex = MiniSearch<{ id: number; text: string }>;

/** MiniSearch over one document's readable blocks (headings are too short to relate). */
function indexBlocks(blocks: readonly Block[]): BlockIndex {
  const index: BlockIndex = new MiniSearch({ fields: ['text'], tokenize: meaningfulTerms, processTerm: (term) => term });
  index.addAll(blocks.filter((b) => b.kind !== 'heading').map((b) => ({ id: b.index, text: b.text })));
  return index;
}

/** Relates passages across documents; keeps the block indexes of the documents last read. */
export class Related {
  private readonly indexes = new Map<string, BlockIndex>();

  constructor(
    private readonly ctx: { documents: Documents; entities: Entities },
    events: CoreEmitter,
  ) {
    const forget = (docId: string) => this.indexes.delete(docId);
    events.on('documentChanged', forget);
    events.on('documentRemoved', forget);
  }

  /** Blocks of `otherId` ranked by how much they relate to block `blockIndex` of `docId`. */
  async passages(docId: string, blockIndex: number, otherId: string, limit = DEFAULT_LIMIT): Promise<RelatedPassage[]> {
    this.ctx.documents.get(docId);
    this.ctx.documents.get(otherId);
    const [blocks, otherBlocks, mentions, otherMentions] = await Promise.all([
      this.ctx.documents.blocks(docId),
      this.ctx.documents.blocks(otherId),
      this.ctx.entities.mentionsOf(docId),
      this.ctx.entities.mentionsOf(otherId),
    ]);
    const block = blocks[blockIndex];
    if (!block) throw new DossierError('invalid_argument', `The document has ${blocks.length} blocks, so there is no block ${blockIndex}; pick a paragraph that is in it.`);
    const sourceCounts = countEntities(mentionsByBlock(blocks, mentions).get(blockIndex) ?? []);
    const results = this.index(otherId, otherBlocks).search(meaningfulTerms(block.text).join(' '), { combineWith: 'OR' });
    const similarity = new Map(results.map((r) => [r.id as number, r]));
    const best = results[0]?.score ?? 1;
    const otherByBlock = mentionsByBlock(otherBlocks, otherMentions);
    const ranked: RelatedPassage[] = [];
    for (const candidate of otherBlocks) {
      if (candidate.kind === 'heading' || (otherId === docId && candidate.index === blockIndex)) continue;
      const mentioned = (otherByBlock.get(candidate.index) ?? []).filter((m) => sourceCounts.has(m.entityId));
      const shared = [...countEntities(mentioned)].sort((x, y) => y[1] - x[1] || (sourceCounts.get(y[0]) ?? 0) - (sourceCounts.get(x[0]) ?? 0)).map(([id]) => id);
      const match = similarity.get(candidate.index);
      if (shared.length === 0 && !match) continue;
      const terms = [...new Set(match?.terms ?? [])].sort();
      // Each shared entity outranks any text similarity: the similarity, relative to the best, stays below 1.
      const score = shared.length + (match ? (0.99 * match.score) / best : 0);
      ranked.push({ block: candidate.index, score, sharedEntities: shared.map((id) => this.ctx.entities.get(id).name), sharedTerms: terms, snippet: this.snippet(candidate, mentioned, terms) });
    }
    return ranked.sort((x, y) => y.score - x.score || x.block - y.block).slice(0, limit);
  }

  /** The entities both documents mention and those only one does, most mentioned first. */
  async compare(a: string, b: string): Promise<DocumentComparison> {
    this.ctx.documents.get(a);
    this.ctx.documents.get(b);
    const [countsA, countsB] = (await Promise.all([this.ctx.entities.mentionsOf(a), this.ctx.entities.mentionsOf(b)])).map(countEntities) as [Map<string, number>, Map<string, number>];
    const colors = new Map(this.ctx.entities.types().map((t) => [t.id, t.color]));
    const compared = (id: string): ComparedEntity => {
      const entity = this.ctx.entities.get(id);
      return { entity, color: colors.get(entity.type) ?? '', mentionsA: countsA.get(id) ?? 0, mentionsB: countsB.get(id) ?? 0 };
    };
    const byMentions = (x: ComparedEntity, y: ComparedEntity) => y.mentionsA + y.mentionsB - (x.mentionsA + x.mentionsB) || x.entity.name.localeCompare(y.entity.name);
    const ids = new Set([...countsA.keys(), ...countsB.keys()]);
    const all = [...ids].map(compared).sort(byMentions);
    return {
      a,
      b,
      shared: all.filter((e) => e.mentionsA > 0 && e.mentionsB > 0),
      onlyA: all.filter((e) => e.mentionsB === 0),
      onlyB: all.filter((e) => e.mentionsA === 0),
    };
  }

  private index(docId: string, blocks: readonly Block[]): BlockIndex {
    const cached = this.indexes.get(docId);
    if (cached) return cached;
    const index = indexBlocks(blocks);
    this.indexes.set(docId, index);
    const oldest = this.indexes.keys().next().value;
    if (this.indexes.size > CACHED_INDEXES && oldest !== undefined) this.indexes.delete(oldest);
    return index;
  }

  private snippet(block: Block, mentions: readonly Mention[], terms: readonly string[]): Snippet {
    const wanted = new Set(terms);
    const names: Range[] = mentions.map((m) => [cleanOffset(block, m.start), cleanOffset(block, m.end)]);
    const ranges = mergeRanges([...names, ...termRanges(block.text, (term) => wanted.has(term))]);
    const first = names[0];
    return first ? windowAt(block.text, ranges, first[0]) : snippetOf(block.text, ranges);
  }
}
