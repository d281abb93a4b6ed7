/**
 * Short forms a text uses on its own for a suggested name, offered as
 * aliases: a person's family name after the full name ("Chen" after "Chen
 * Zhongyue"), an operator's name without its country ("Unicom" for "China
 * Unicom"). Only where it is safe to link them: the short form is written
 * on its own only after the full name in the same document, names no other
 * suggestion or entity, and is not an ordinary word. Pure code.
 */

import type { Entity } from '../../../common/contract/entities';
import type { DocumentCandidates } from './candidates';
import type { SuggestedType } from './classify';
import { isCommonWord, PERSON_TAGS, PLACE_TAGS, tagged, type Lexicon } from './name-words';
import { nameKey } from '../names';

/** A name the corpus proposes, before it is counted. */
export interface Proposal {
  type: SuggestedType;
  name: string;
  aliases: string[];
  /** Defined as an acronym somewhere: enough evidence on its own. */
  defined: boolean;
}

const LAST_NAME = new Set(['LastName']);

/** The forms a name may be shortened to: a person's family name, an organisation's name after a leading place. */
function shortFormsOf(proposal: Proposal, lexicon: Lexicon): string[] {
  const words = proposal.name.split(' ');
  if (proposal.type === 'person' && words.length >= 2 && words.length <= 3) return words.filter((w) => tagged(lexicon, w, LAST_NAME));
  if (proposal.type === 'organisation' && words.length >= 2 && tagged(lexicon, words[0] as string, PLACE_TAGS)) return [words.slice(1).join(' ')];
  return [];
}

const hasWords = (name: string, words: string): boolean => ` ${nameKey(name)} `.includes(` ${nameKey(words)} `);

/**
 * Whether every document that writes `short` on its own (or, for an
 * organisation, starting a longer name: "Unicom Finance") wrote one of
 * `full` before it, and one does.
 */
function usedAfterFullName(short: string, full: readonly string[], perDoc: readonly DocumentCandidates[], leading: boolean): boolean {
  const fullKeys = new Set(full.map(nameKey));
  const shortKey = nameKey(short);
  let used = false;
  for (const { phrases } of perDoc) {
    const alone = phrases.filter((e) => nameKey(e.name) === shortKey || (leading && nameKey(e.name).startsWith(`${shortKey} `)));
    if (alone.length === 0) continue;
    const fullAt = Math.min(...phrases.filter((e) => fullKeys.has(nameKey(e.name))).map((e) => e.firstAt));
    if (alone.some((e) => e.firstAt < fullAt)) return false;
    used = true;
  }
  return used;
}

/** Adds to each proposal the short forms of its name the texts use on their own, where linking them is safe. */
export function addShortForms(proposals: readonly Proposal[], perDoc: readonly DocumentCandidates[], existing: readonly Entity[], lexicon: Lexicon): void {
  const lowercase = new Set(perDoc.flatMap((d) => [...d.lowercaseWords]));
  const everyName = [...proposals.map((p) => ({ owner: p as object, names: [p.name, ...p.aliases] })), ...existing.map((e) => ({ owner: e as object, names: [e.name, ...e.aliases] }))];
  for (const proposal of proposals) {
    for (const short of shortFormsOf(proposal, lexicon)) {
      const key = nameKey(short);
      if (lowercase.has(key) || isCommonWord(lexicon, key) || (proposal.type === 'person' && !tagged(lexicon, short, PERSON_TAGS))) continue;
      // Ambiguous: another name uses these words without being this one ("Yang" of Yang Jie and of Yang Jinbai); an organisation's own brand may lead one ("Unicom Finance").
      const branded = (n: string) => proposal.type === 'organisation' && nameKey(n).startsWith(`${key} `);
      const shared = everyName.some(({ owner, names }) => owner !== proposal && names.some((n) => hasWords(n, short) && !hasWords(n, proposal.name) && !branded(n)));
      if (shared || !usedAfterFullName(short, [proposal.name, ...proposal.aliases], perDoc, proposal.type === 'organisation')) continue;
      proposal.aliases.push(short);
    }
  }
}
