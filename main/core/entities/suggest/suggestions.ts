/**
 * Suggested entities: names the library's texts use that are not entities
 * yet, each with a type and how often it is mentioned.
 *
 * Per document, capitalised runs of words and defined acronyms are
 * collected with their surroundings (cached until the text changes). Across
 * the corpus: a single word must appear capitalised mid-sentence, never in
 * lower case and not be an ordinary word of the NLP lexicon (compromise's);
 * quoted phrases (slogans, titles) need to appear unquoted too; a short
 * form and its long form ("GSMA", "Groupe Speciale Mobile Association";
 * "State Grid", "State Grid Corporation of China") become one suggestion
 * with an alias. Counts come from the same matcher as mentions, so they
 * say what accepting would give; a topic must be mentioned twice.
 */

import type { Entity, Suggestion } from '../../../common/contract/entities';
import type { Documents } from '../../library/documents';
import { addEvidence, documentCandidates, type AcronymDefinition, type DocumentCandidates, type Evidence } from './candidates';
import { classify, type SuggestedType } from './classify';
import { tallySuggestions } from './counts';
import { MentionMatcher } from '../mentions';
import { CHINESE_REGIONS, isAcronym, isCommonWord, MONTHS, PERSON_TAGS, PROPER_TAGS, type Lexicon } from './name-words';
import { nameKey } from '../names';
import { addShortForms, type Proposal } from './short-forms';

/** Aggregated evidence of one spelling across the corpus. */
interface CorpusEvidence extends Evidence {
  documents: number;
}

const TYPE_ORDER: readonly SuggestedType[] = ['person', 'organisation', 'place', 'event', 'topic'];
// Capitals that are not names: positions, currencies, units, languages, common abbreviations and reading furniture.
const NOT_NAMES = new Set(
  `ceo cfo cto coo cio evp svp vp md rmb usd eur gbp cny hkd gdp am pm ok faq pdf url www http https html id tv etc ps
  r&d sme smes b2b b2c o2o kpi kpis roi ipo hr it pp app apps
  english chinese mandarin cantonese french german spanish japanese korean russian arabic portuguese italian`.split(/\s+/),
);
/** Words after a name that only say what kind of company it is: "China Telecom Group Co., Ltd." is China Telecom. */
const LEGAL_TAIL = /(?:\s+(?:Group|Corporation|Corp\.?|Co\.?,?|Ltd\.?|Limited|Inc\.?|Holdings|PLC|plc|LLC)(?:\s+of\s+\p{Lu}\p{L}+)?)+$/u;
/** A year after a name: "China Mobile Global Partners Conference 2021" is an edition of the conference. */
const YEAR_TAIL = /\s(?:19|20)\d\d$/;
/** Mentions a topic phrase needs: one used once or twice is rarely a subject of the library (an acronym needs two). */
const TOPIC_MENTIONS = 3;
/** Ids of suggestions while they are counted: never an entity's (those are letters, digits, _ and -). */
const suggestionId = (i: number): string => `#${i}`;

let lexiconLoad: Promise<Lexicon> | null = null;

/** compromise's lexicon (names, places, organisations, ordinary words) with China's regions, loaded on first use: it takes a moment. */
function loadLexicon(): Promise<Lexicon> {
  lexiconLoad ??= import('compromise').then(({ default: nlp }) => {
    const model = nlp.model() as { one: { lexicon: Record<string, string | string[]> } };
    const lexicon = model.one.lexicon;
    return (word: string) => {
      const tags = lexicon[word];
      if (tags === undefined) return CHINESE_REGIONS.has(word) ? ['Region'] : [];
      return Array.isArray(tags) ? tags : [tags];
    };
  });
  return lexiconLoad;
}

export class SuggestionFinder {
  private readonly perDocument = new Map<string, DocumentCandidates>();

  constructor(private readonly documents: Documents) {}

  documentChanged(docId: string): void {
    this.perDocument.delete(docId);
  }

  /** Suggestions not yet entities (`existing`), by type then most mentioned. */
  async find(existing: readonly Entity[]): Promise<Suggestion[]> {
    const lexicon = await loadLexicon();
    const docs = this.documents.list();
    const perDoc = await Promise.all(docs.map((d) => this.candidatesOf(d.id, lexicon)));
    const taken = new Set(existing.flatMap((e) => [e.name, ...e.aliases].map(nameKey)));
    const proposals = propose(perDoc, lexicon).filter((p) => ![p.name, ...p.aliases].some((n) => taken.has(nameKey(n))));
    addShortForms(proposals, perDoc, existing, lexicon);
    const counted = await this.count(proposals, existing);
    return counted.sort((a, b) => TYPE_ORDER.indexOf(a.type as SuggestedType) - TYPE_ORDER.indexOf(b.type as SuggestedType) || b.mentions - a.mentions || a.name.localeCompare(b.name));
  }

  private async candidatesOf(docId: string, lexicon: Lexicon): Promise<DocumentCandidates> {
    let found = this.perDocument.get(docId);
    if (!found) {
      found = documentCandidates(await this.documents.blocks(docId), lexicon);
      this.perDocument.set(docId, found);
    }
    return found;
  }

  /** Mentions and documents of each proposal as it would have them accepted on its own (see counts.ts); fragments left out. */
  private async count(proposals: readonly Proposal[], existing: readonly Entity[]): Promise<Suggestion[]> {
    const ids = proposals.map((_, i) => suggestionId(i));
    const matcher = new MentionMatcher([...existing, ...proposals.map((p, i) => ({ id: ids[i] as string, name: p.name, aliases: p.aliases }))]);
    const points = [];
    for (const doc of this.documents.list()) points.push(matcher.findAll(await this.documents.text(doc.id)));
    const tally = tallySuggestions(points, new Set(ids));
    return proposals.flatMap((p, i) => {
      const { mentions, documents, withAll } = tally.get(ids[i] as string) ?? { mentions: 0, documents: 0, withAll: 0 };
      const phrase = p.type === 'topic' && !p.defined && !isAcronym(p.name);
      // A name only ever written inside a longer one ("Ltd." of "Co., Ltd.") is a fragment of it.
      const enough = withAll > 0 && (phrase ? mentions >= TOPIC_MENTIONS || documents >= 2 : mentions >= 1);
      return enough ? [{ key: nameKey(p.name), type: p.type, name: p.name, aliases: p.aliases, mentions, documents }] : [];
    });
  }
}

/** Every spelling's evidence summed over the corpus, and the words seen in lower case. */
function aggregate(perDoc: readonly DocumentCandidates[]): { phrases: Map<string, CorpusEvidence>; lowercase: Set<string>; acronyms: Map<string, AcronymDefinition> } {
  const phrases = new Map<string, CorpusEvidence>();
  const lowercase = new Set<string>();
  const acronyms = new Map<string, AcronymDefinition>();
  for (const doc of perDoc) {
    for (const word of doc.lowercaseWords) lowercase.add(word);
    for (const definition of doc.acronyms) if (!acronyms.has(definition.short.toLowerCase())) acronyms.set(definition.short.toLowerCase(), definition);
    for (const e of doc.phrases) {
      const key = e.name.toLowerCase();
      const sum = phrases.get(key);
      if (sum) {
        addEvidence(sum, e);
        sum.documents++;
      } else phrases.set(key, { ...e, documents: 1 });
    }
  }
  return { phrases, lowercase, acronyms };
}

/**
 * Whether the evidence says the spelling names something. A phrase of
 * several capitalised words does unless it is only ever quoted or a date;
 * a single word must be capitalised mid-sentence, never written in lower
 * case, and not an ordinary word, a month, a bare given or family name
 * ("Chen"), a compound adjective ("Internet-based"), the head of a longer
 * name ("Law" of "Law of the People's Republic…") or a noun after "a". A
 * word that stands where organisations do ("companies including ZTE",
 * "service providers Orange") is a name all the same.
 */
function isName(e: CorpusEvidence, lowercase: ReadonlySet<string>, lexicon: Lexicon): boolean {
  const lower = e.name.toLowerCase();
  const words = lower.split(' ');
  if (NOT_NAMES.has(lower) || e.quoted >= e.count || words.every((w) => MONTHS.has(w) || /^\d+$/.test(w))) return false;
  if (words.length > 1) return true;
  if (e.headOf + e.afterArticle >= e.count) return false;
  const tags = lexicon(lower);
  // "MOST" or "APPs" is an ordinary word in capitals (the lexicon or the texts say so), "SMEs" is not.
  const ordinary = (word: string) => isCommonWord(lexicon, word) || lowercase.has(word);
  if (isAcronym(e.name)) return e.orgCue > 0 || (e.count >= 2 && !ordinary(lower) && !ordinary(lower.replace(/s$/, '')));
  if (tags.length > 0 && tags.every((t) => PERSON_TAGS.has(t))) return false;
  if (/-\p{Ll}/u.test(e.name)) return false;
  const known = tags.some((t) => PROPER_TAGS.has(t));
  return e.midSentence > 0 && !lowercase.has(lower) && (known || tags.length === 0 || e.orgCue > 0);
}
/** The proposals of the corpus: names with a type, short and long forms folded together. */
function propose(perDoc: readonly DocumentCandidates[], lexicon: Lexicon): Proposal[] {
  const { phrases, lowercase, acronyms } = aggregate(perDoc);
  const byKey = new Map<string, Proposal>();
  // Long forms first take their short forms along: "GSMA" with "Groupe Speciale Mobile Association".
  for (const [shortKey, { short, long }] of acronyms) {
    if (NOT_NAMES.has(shortKey)) continue;
    const longEvidence = phrases.get(long.toLowerCase());
    const shortEvidence = phrases.get(shortKey);
    const type = classify(long, longEvidence ?? emptyEvidence(long), lexicon);
    const shortFirst = (shortEvidence?.count ?? 0) >= (longEvidence?.count ?? 0);
    const [name, alias] = shortFirst ? [short, long] : [long, short];
    byKey.set(shortKey, { type: type === 'person' || type === 'place' ? 'topic' : type, name, aliases: [alias], defined: true });
    byKey.set(long.toLowerCase(), byKey.get(shortKey) as Proposal);
  }
  for (const [key, e] of phrases) {
    if (byKey.has(key) || !isName(e, lowercase, lexicon)) continue;
    byKey.set(key, { type: classify(e.name, e, lexicon), name: e.name, aliases: [], defined: false });
  }
  foldLongForms(byKey);
  return [...new Set(byKey.values())];
}

/**
 * Folds a long form into its short form when both are proposed: "China
 * Telecom Group Co., Ltd." into "China Telecom", "State Grid Corporation of
 * China" into "State Grid" (an organisation then), "China Mobile Global
 * Partners Conference 2021" into the conference.
 */
function foldLongForms(byKey: Map<string, Proposal>): void {
  for (const [key, proposal] of byKey) {
    for (const tail of [LEGAL_TAIL, YEAR_TAIL]) {
      const target = byKey.get(proposal.name.replace(tail, '').toLowerCase());
      if (!target || target === proposal) continue;
      target.aliases.push(proposal.name, ...proposal.aliases);
      if (tail === LEGAL_TAIL) target.type = 'organisation';
      byKey.set(key, target);
      break;
    }
  }
}

function emptyEvidence(name: string): CorpusEvidence {
  return { name, count: 0, midSentence: 0, quoted: 0, honorific: 0, role: 0, placeCue: 0, placeAfter: 0, orgCue: 0, headOf: 0, afterArticle: 0, year: false, firstAt: 0, documents: 0 };
}
