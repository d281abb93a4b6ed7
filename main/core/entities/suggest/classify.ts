/**
 * The type of a suggested entity, from its words and what the texts say
 * around it. Rules, strongest first: an event's head word or closing year;
 * an organisation's word; a place's head word, a gazetteer place or where
 * places stand; a person by honorific, title or role phrase, or by a known
 * first or last name; an organisation by name (the NLP lexicon) or as a
 * place followed by a name ("China Unicom"); otherwise a topic, or for a
 * single proper word, mostly a company ("Ericsson"). Where organisations
 * stand ("cooperation with New H3C", "awarded by MIIT") says organisation
 * before a topic is assumed. Pure code.
 */

import type { Evidence } from './candidates';
import { EVENT_HEADS, isAcronym, ORG_TAGS, ORG_WORDS, PERSON_TAGS, PLACE_HEADS, PLACE_TAGS, tagged, type Lexicon } from './name-words';

export type SuggestedType = 'person' | 'organisation' | 'place' | 'event' | 'topic';

/** Whether the words are a known place together ("Hong Kong") or a single known place. */
function isKnownPlace(parts: readonly string[], lexicon: Lexicon): boolean {
  return tagged(lexicon, parts.join(' '), PLACE_TAGS);
}

/** Two or three capitalised words, the first or last a known given or family name. */
function looksLikePersonName(parts: readonly string[], lexicon: Lexicon): boolean {
  if (parts.length < 2 || parts.length > 3 || !parts.every((p) => /^\p{Lu}\p{Ll}+$/u.test(p))) return false;
  return tagged(lexicon, parts[0] as string, PERSON_TAGS) || tagged(lexicon, parts.at(-1) as string, PERSON_TAGS);
}

/** The type of the candidate `name` with its corpus evidence. */
export function classify(name: string, evidence: Evidence, lexicon: Lexicon): SuggestedType {
  const parts = name.split(' ');
  const lower = parts.map((p) => p.toLowerCase());
  const last = lower.at(-1) as string;
  if (evidence.year || EVENT_HEADS.has(last) || EVENT_HEADS.has(lower[0] as string)) return 'event';
  if (lower.some((w) => ORG_WORDS.has(w))) return 'organisation';
  if (PLACE_HEADS.has(last) || isKnownPlace(parts, lexicon)) return 'place';
  const personal = evidence.honorific + evidence.role > 0 && parts.length >= 2 && parts.length <= 4;
  if (personal || looksLikePersonName(parts, lexicon)) return 'person';
  if (tagged(lexicon, name, ORG_TAGS) || evidence.orgCue > 0) return 'organisation';
  const placeFirst = parts.length >= 2 && isKnownPlace(parts.slice(0, 1), lexicon) && !isKnownPlace(parts.slice(1), lexicon);
  // "Heilongjiang Yichun branch": a region, then the city in it, where places stand.
  if (placeFirst && evidence.placeAfter * 2 >= evidence.count) return 'place';
  // "China Unicom", "Hong Kong Telecom CSL": a place, then a name that is not one.
  if (placeFirst) return 'organisation';
  if (parts.length > 1 || isAcronym(name)) return 'topic';
  return evidence.placeCue * 2 >= evidence.count ? 'place' : 'organisation';
}
