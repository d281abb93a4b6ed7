/**
 * The mentions of every entity in every document, found lazily and cached.
 *
 * A document's mentions are found the first time they are asked for and
 * kept until its text or the entities change. When the entities change,
 * only documents that may contain one of the names that came or went are
 * read again: each cached document keeps a sketch of its words, so the rest
 * are known to be unaffected without reading them.
 */

import type { Mention } from '../../common/contract/entities';
import type { Documents } from '../library/documents';
import { MentionMatcher, type Named } from './mentions';
import { firstWord, WordSketch } from '../text/words';

interface Cached {
  /** The matcher generation the mentions were found with. */
  generation: number;
  mentions: Mention[];
  sketch: WordSketch;
}

export class MentionIndex {
  private matcher: MentionMatcher;
  private generation = 0;
  private readonly cache = new Map<string, Cached>();
  private everything: Promise<Map<string, Mention[]>> | null = null;

  constructor(
    private readonly documents: Documents,
    entities: readonly Named[],
  ) {
    this.matcher = new MentionMatcher(entities);
  }

  /** The entities are now `entities`; `changedNames` are the names that appeared, disappeared or changed owner. */
  entitiesChanged(entities: readonly Named[], changedNames: readonly string[]): void {
    const words = firstWords(changedNames);
    const previous = this.generation;
    this.matcher = new MentionMatcher(entities);
    this.generation++;
    this.everything = null;
    for (const entry of this.cache.values()) {
      if (entry.generation === previous && !words.some((word) => entry.sketch.has(word))) entry.generation = this.generation;
    }
  }

  /**
   * What the mentions would be with `entities` instead, changing nothing:
   * each document that may hold one of `changedNames`, with its mentions now
   * and then (the others would stay as they are).
   */
  async preview(entities: readonly Named[], changedNames: readonly string[]): Promise<Array<{ now: Mention[]; then: Mention[] }>> {
    const all = await this.all();
    const words = firstWords(changedNames);
    const matcher = new MentionMatcher(entities);
    const affected: Array<{ now: Mention[]; then: Mention[] }> = [];
    for (const doc of this.documents.list()) {
      const sketch = this.cache.get(doc.id)?.sketch;
      if (sketch && !words.some((word) => sketch.has(word))) continue;
      affected.push({ now: all.get(doc.id) ?? [], then: matcher.find(await this.documents.text(doc.id)) });
    }
    return affected;
  }

  /** A document's text was added, replaced or removed. */
  documentChanged(docId: string): void {
    this.cache.delete(docId);
    this.everything = null;
  }

  /** The mentions of one document, in text order. */
  async ofDocument(docId: string): Promise<Mention[]> {
    const cached = this.cache.get(docId);
    if (cached?.generation === this.generation) return cached.mentions;
    const { generation, matcher } = this;
    const text = await this.documents.text(docId);
    const entry: Cached = cached ? { generation, mentions: matcher.find(text), sketch: cached.sketch } : { generation, ...firstReading(matcher, text) };
    // A change that came while the text was read left this result stale; it is found again next time.
    if (this.cache.get(docId) === cached) this.cache.set(docId, entry);
    return entry.mentions;
  }

  /** The mentions of every document that has some, by document id. */
  all(): Promise<Map<string, Mention[]>> {
    this.everything ??= this.findAll();
    const pending = this.everything;
    pending.catch(() => {
      if (this.everything === pending) this.everything = null;
    });
    return pending;
  }

  private async findAll(): Promise<Map<string, Mention[]>> {
    const result = new Map<string, Mention[]>();
    for (const doc of this.documents.list()) {
      const mentions = await this.ofDocument(doc.id);
      if (mentions.length > 0) result.set(doc.id, mentions);
    }
    return result;
  }
}

const firstWords = (names: readonly string[]): string[] => names.map((name) => firstWord(name)?.word).filter((word): word is string => word !== undefined);

/** Mentions and the sketch of a text read for the first time, in one pass (the sketch stays valid until the text changes). */
function firstReading(matcher: MentionMatcher, text: string): Omit<Cached, 'generation'> {
  const words = new Set<number>();
  const mentions = matcher.find(text, (hash) => words.add(hash));
  return { mentions, sketch: WordSketch.from(words) };
}
