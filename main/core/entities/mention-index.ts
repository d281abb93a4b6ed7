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

/** Entities added to a new matcher between two turns of the event loop. */
const ENTITIES_PER_TURN = 20;
/** Changed names read between two turns. */
const NAMES_PER_TURN = 1000;
/** Lookups of changed words in cached documents' sketches between two turns. */
const WORD_CHECKS_PER_TURN = 20_000;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
  private changing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly documents: Documents,
    entities: readonly Named[],
  ) {
    this.matcher = new MentionMatcher(entities);
  }

  /**
   * The entities are now `entities`; `changedNames` are the names that
   * appeared, disappeared or changed owner. Thousands of names are taken a slice at a time,
   * so other requests are answered meanwhile (with the mentions as they were
   * until the new matcher is ready). Changes are taken one after another.
   */
  entitiesChanged(entities: readonly Named[], changedNames: readonly string[]): Promise<void> {
    const next = this.changing.then(() => this.change(entities, changedNames));
    this.changing = next.catch(() => undefined);
    return next;
  }

  /**
   * What the mentions would be with `entities` instead, changing nothing:
   * each document that may hold one of `changedNames`, with its mentions now
   * and then (the others would stay as they are).
   */
  async preview(entities: readonly Named[], changedNames: readonly string[]): Promise<Array<{ now: Mention[]; then: Mention[] }>> {
    const all = await this.all();
    const words = changedNames.map((name) => firstWord(name)?.word).filter((word): word is string => word !== undefined);
    const matcher = new MentionMatcher();
    matcher.add(entities);
    const affected: Array<{ now: Mention[]; then: Mention[] }> = [];
    for (const doc of this.documents.list()) {
      const sketch = this.cache.get(doc.id)?.sketch;
      if (sketch && !words.some((word) => sketch.has(word))) continue;
      affected.push({ now: all.get(doc.id) ?? [], then: matcher.find(await this.documents.text(doc.id)) });
    }
    return affected;
  }

  private async change(entities: readonly Named[], changedNames: readonly string[]): Promise<void> {
    const matcher = new MentionMatcher();
    for (let at = 0; at < entities.length; at += ENTITIES_PER_TURN) {
      matcher.add(entities.slice(at, at + ENTITIES_PER_TURN));
      await nextTurn();
    }
    const words = new Set<string>();
    for (const [i, name] of changedNames.entries()) {
      const word = firstWord(name)?.word;
      if (word !== undefined) words.add(word);
      if (i % NAMES_PER_TURN === NAMES_PER_TURN - 1) await nextTurn();
    }
    const changed = [...words];
    const previous = this.generation;
    this.matcher = matcher;
    const generation = ++this.generation;
    this.everything = null;
    // A document without any of the changed names keeps its mentions; one not looked at yet is found again when asked for.
    let count = 0;
    for (const entry of [...this.cache.values()]) {
      if (entry.generation === previous && !changed.some((word) => entry.sketch.has(word))) entry.generation = generation;
      if ((count += changed.length) > WORD_CHECKS_PER_TURN) {
        count = 0;
        await nextTurn();
      }
    }
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

/** Mentions and the sketch of a text read for the first time, in one pass (the sketch stays valid until the text changes). */
function firstReading(matcher: MentionMatcher, text: string): Omit<Cached, 'generation'> {
  const words = new Set<number>();
  const mentions = matcher.find(text, (hash) => words.add(hash));
  return { mentions, sketch: WordSketch.from(words) };
}
