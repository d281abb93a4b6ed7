/**
 * Finding the mentions of entities in a text.
 *
 * A name matches on word boundaries (never inside another word), in any
 * case, with any whitespace (line breaks included) between its words, with
 * curly or straight quotes and any dash; a possessive ending stays outside
 * the mention ("China Telecom’s"). Where names overlap the longest one
 * starting first wins: "China Unicom", not "China".
 *
 * The text is walked word by word and only the names whose first word it
 * is are tried there, each with a sticky expression: the cost grows with the
 * text, not with the number of entities (one expression with thousands of
 * alternatives is orders of magnitude slower). Pure code.
 */

import type { Mention } from '../../common/contract/entities';
import { escapeRegExp, nameKey, tidyName } from './names';
import { firstWord, forEachWord, isWordCode, wordHash } from '../text/words';

/** What the matcher needs of an entity. */
export interface Named {
  id: string;
  name: string;
  aliases: readonly string[];
}

interface Candidate {
  entityId: string;
  source: string;
  /** Sticky, compiled on first use: matches the whole name at lastIndex. */
  pattern: RegExp | null;
  /** Characters of the name before its first word (a leading quote or bracket). */
  lead: number;
  length: number;
}

// Characters that stand for a class of look-alikes in the pattern of a name.
const LOOK_ALIKES: Record<string, string> = {
  "'": "['‘’`ʼ′]",
  '"': '["“”„″]',
  '-': '[-‐‑‒–]',
};

/** The expression source of one name: its characters, look-alikes as classes, any whitespace between words. */
export function namePattern(name: string): string {
  return nameKey(name)
    .split(' ')
    .map((word) => [...word].map((char) => LOOK_ALIKES[char] ?? escapeRegExp(char)).join(''))
    .join('\\s+');
}

/** Finds the mentions of a set of entities; build a new one when the entities change. */
export class MentionMatcher {
  /** Candidates by the hash of their first word: looking a word up allocates nothing. */
  private readonly byFirstWord = new Map<number, Candidate[]>();
  private readonly words = new Set<string>();
  private readonly seen = new Set<string>();

  constructor(entities: readonly Named[] = []) {
    this.add(entities);
  }

  /** Adds entities to a matcher being built (a large set is added a slice at a time, between other work). */
  add(entities: readonly Named[]): void {
    const { seen } = this;
    const touched = new Set<Candidate[]>();
    for (const entity of entities) {
      for (const raw of [entity.name, ...entity.aliases]) {
        const name = tidyName(raw);
        const key = nameKey(name);
        const first = firstWord(name);
        // The store keeps names unique across entities; should a file say otherwise, the first one wins.
        if (!first || seen.has(key)) continue;
        seen.add(key);
        const hash = wordHash(first.word);
        const list = this.byFirstWord.get(hash) ?? [];
        list.push({ entityId: entity.id, source: namePattern(name), pattern: null, lead: first.start, length: name.length });
        this.byFirstWord.set(hash, list);
        touched.add(list);
        this.words.add(first.word);
      }
    }
    for (const list of touched) list.sort((a, b) => b.length - a.length);
  }

  /** The first words of every name: a text without any of them has no mentions. */
  firstWords(): string[] {
    return [...this.words];
  }

  /** Mentions in `text`, in order, never overlapping; `eachWord` sees every word's hash on the way (for a sketch). */
  find(text: string, eachWord?: (hash: number) => void): Mention[] {
    const mentions: Mention[] = [];
    let cursor = 0;
    forEachWord(text, (start, _end, hash) => {
      eachWord?.(hash);
      if (start < cursor) return;
      const candidates = this.byFirstWord.get(hash);
      if (!candidates) return;
      for (const candidate of candidates) {
        const from = start - candidate.lead;
        const to = from < cursor ? -1 : matchAt(candidate, text, from);
        if (to < 0) continue;
        mentions.push({ entityId: candidate.entityId, start: from, end: to });
        cursor = to;
        return;
      }
    });
    return mentions;
  }

  /** Every name matching at every word of `text` (overlaps included), in text order: to work out what `find` would give with fewer entities. */
  findAll(text: string): MatchPoint[] {
    const points: MatchPoint[] = [];
    forEachWord(text, (start, _end, hash) => {
      const matches: Mention[] = [];
      for (const candidate of this.byFirstWord.get(hash) ?? []) {
        const from = start - candidate.lead;
        const to = from < 0 ? -1 : matchAt(candidate, text, from);
        if (to >= 0) matches.push({ entityId: candidate.entityId, start: from, end: to });
      }
      if (matches.length > 0) points.push({ start, matches });
    });
    return points;
  }
}

/** Every name that matches where a word starts, longest first: the choices `find` picks from. */
export interface MatchPoint {
  start: number;
  matches: Mention[];
}

/** Where the candidate's name ends when it starts at `from` and ends on a word boundary, or -1. */
function matchAt(candidate: Candidate, text: string, from: number): number {
  // Not a Unicode expression: those compile several times slower, and case folding agrees for the scripts names use.
  candidate.pattern ??= new RegExp(candidate.source, 'iy');
  candidate.pattern.lastIndex = from;
  const match = candidate.pattern.exec(text);
  if (!match) return -1;
  const to = from + match[0].length;
  return to < text.length && isWordCode(text.charCodeAt(to)) ? -1 : to;
}
