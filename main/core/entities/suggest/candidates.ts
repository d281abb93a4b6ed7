/**
 * Name candidates in one document, with the evidence around them, for the
 * suggestions: capitalised runs of words ("State Grid Corporation of
 * China"), acronyms defined next to their long form ("Groupe Speciale
 * Mobile Association (GSMA)"), and for each whether it stands mid-sentence,
 * in quotes, after an honorific or a title, before a role phrase, or where
 * places stand.
 *
 * Only running text is read (paragraphs and bullets): headings and figure
 * debris are capitalised for layout, not because they name something.
 * Pure code.
 */

import type { Block } from '../../../common/contract';
import { COOPERATION, isAcronym, isCommonWord, OF_HEADS, ORG_NOUNS, ORG_WORDS, PLACE_AFTER, PLACE_HEADS, PLACE_TAGS, tagged, type Lexicon } from './name-words';
import { rolesAt } from '../roles';

/** How one spelling of a name appears in a document. */
export interface Evidence {
  /** The spelling, tidied (first seen). */
  name: string;
  count: number;
  /** Occurrences not at the start of a sentence, where capitals mean a name. */
  midSentence: number;
  /** Occurrences inside quotation marks (slogans, titles). */
  quoted: number;
  /** After Mr., Dr., …: a person. */
  honorific: number;
  /** After a title (Chairman …) or before a role phrase (…, CEO of …): a person. */
  role: number;
  /** Where places stand: after "in", before "province", next to a known place in a list. */
  placeCue: number;
  /** Of those, before a word that only follows places: "province", "city", "branch". */
  placeAfter: number;
  /** Where organisations stand: after "by", "cooperation with", "companies including", in a list of such. */
  orgCue: number;
  /** A single word right before "of the …" or "of <Name>": the head of a longer name ("Law of the People's Republic…"). */
  headOf: number;
  /** After "a" or "an": a common noun in capitals ("as a Datacentre"). */
  afterArticle: number;
  /** Ends with a year ("MWC Shanghai 2024"): an event. */
  year: boolean;
  /** Where in the document's text it is first written. */
  firstAt: number;
}

/** A short form defined next to its long form: "Internet of Things (IoT)". */
export interface AcronymDefinition {
  short: string;
  long: string;
}

export interface DocumentCandidates {
  phrases: Evidence[];
  acronyms: AcronymDefinition[];
  /** Words written in lower case somewhere in the document: such words are common, not names. */
  lowercaseWords: Set<string>;
}

interface Token {
  text: string;
  start: number;
  end: number;
  word: boolean;
}

type Seen = Omit<Evidence, 'name' | 'count'>;

/** What the candidates of a block are read with: the lexicon, and the words the document writes in lower case. */
interface Reading {
  lexicon: Lexicon;
  lowercase: ReadonlySet<string>;
  /** Where the block starts in the document's text. */
  offset: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:[-.&+/][\p{L}\p{N}]+(?:['’][\p{L}]+)*)*\+?|[^\s\p{L}\p{N}]/gu;
const CONNECTORS = new Set(['of', 'for', 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'del', 'da', '&']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'madam', 'mx']);
const TITLES = new Set(
  'chairman chairwoman chairperson president vice deputy chief executive general manager director minister premier secretary governor mayor senator ceo cfo cto coo evp svp vp professor ambassador commissioner judge head editor'.split(' '),
);
const SENTENCE_PUNCT = new Set(['.', '!', '?', ':', ';', '•', '·', '‧']);
const OPEN_QUOTES = new Set(['“', '"', '‘', '«']);
const CLOSE_QUOTES = new Set(['”', '"', '’', '»']);
const YEAR = /^(?:19|20)\d\d$/;
const POSSESSIVE = /(?:['’]s|(?<=s)['’])$/u;
const MAX_WORDS = 7;
/** Short words that may stand between the letters of an acronym's long form: "Internet of Things (IoT)". */
const MINOR_WORDS = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'to', 'a', '&']);

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word) || (/^\p{N}/u.test(word) && /\p{Lu}/u.test(word));

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length, word: /^[\p{L}\p{N}]/u.test(m[0]) }));
}

/** Whether token i starts a sentence: first in the block, or after closing punctuation that is not an honorific's full stop. */
function startsSentence(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (OPEN_QUOTES.has(tokens[j]?.text ?? '') || tokens[j]?.text === '(')) j--;
  const previous = tokens[j];
  if (!previous) return true;
  if (previous.word || !SENTENCE_PUNCT.has(previous.text)) return false;
  return !(previous.text === '.' && HONORIFICS.has(tokens[j - 1]?.text.toLowerCase() ?? ''));
}

/** Whether token i sits after an opening quotation mark that is not closed before it. */
function isQuoted(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const text = (tokens[j] as Token).text;
    if (OPEN_QUOTES.has(text)) return true;
    if (CLOSE_QUOTES.has(text)) return false;
  }
  return false;
}

/**
 * The last token of the run of name words starting at token i: capitalised
 * words, connectors between them ("of" only after a word like "Bank" or
 * "Internet"), a closing year; a possessive ends the run.
 */
function runEnd(tokens: readonly Token[], i: number): number {
  let end = i;
  for (let j = i + 1; j < tokens.length && !POSSESSIVE.test((tokens[end] as Token).text); j++) {
    const token = tokens[j] as Token;
    const next = tokens[j + 1]?.text ?? '';
    if (token.word && isCapitalised(token.text)) end = j;
    else if (CONNECTORS.has(token.text) && isCapitalised(next) && (token.text !== 'of' || OF_HEADS.has((tokens[j - 1] as Token).text.toLowerCase()))) continue;
    else if (YEAR.test(token.text) && j === end + 1) return j;
    else break;
  }
  return end;
}

/**
 * Leading words that are not part of the name: "The", a sentence's first
 * common word, titles and honorifics; `title` says whether a title stands
 * right before the name ("Chairman Yang Jie", not "Deputy General Manager
 * of China Unicom").
 */
function trimLead(words: readonly Token[], sentenceStart: boolean, lexicon: Lexicon): { words: Token[]; title: boolean } {
  let title = false;
  let k = 0;
  for (; k < words.length; k++) {
    const lower = (words[k] as Token).text.toLowerCase();
    const isTitle = TITLES.has(lower) || HONORIFICS.has(lower);
    if (!isTitle && !(lower === 'the' || CONNECTORS.has(lower) || (k === 0 && sentenceStart && isCommonWord(lexicon, lower)))) break;
    title = isTitle;
  }
  let rest = words.slice(k);
  while (rest.length > 0 && CONNECTORS.has((rest.at(-1) as Token).text.toLowerCase())) rest = rest.slice(0, -1);
  return { words: rest, title };
}

/** Whether the words around tokens [i, end] say "place": "in X", "X province", "Fujian, X and Guangdong". */
function placeCue(tokens: readonly Token[], i: number, end: number, lexicon: Lexicon): boolean {
  const before = tokens[i - 1]?.text.toLowerCase() ?? '';
  const after = tokens[end + 1]?.text.toLowerCase() ?? '';
  if (/^(?:in|at|from)$/.test(before) || PLACE_AFTER.has(after)) return true;
  // A known place, or a place's head word ("Hengqin New District, Zhuhai").
  const listed = (k: number) => isCapitalised(tokens[k]?.text ?? '') && (tagged(lexicon, tokens[k]?.text ?? '', PLACE_TAGS) || PLACE_HEADS.has(lower(tokens[k])));
  return ((before === ',' || before === 'and') && listed(i - 2)) || ((after === ',' || after === 'and') && listed(end + 2));
}

/** "Co." and "Co., Ltd." after a name: the punctuation the tokens left out. */
function legalTail(text: string, last: Token): string {
  if (!/^(?:Co|Corp|Inc|Ltd)$/.test(last.text)) return '';
  return /^\.(?:,\s*Ltd\.)?/.exec(text.slice(last.end))?.[0].replace(/\s+/g, ' ') ?? '';
}

const lower = (token: Token | undefined): string => token?.text.toLowerCase() ?? '';

/**
 * Whether the names around token `at` stand where organisations do: after
 * "by", after "cooperation with" (and its kin), after "companies including",
 * "associations such as", "service providers", or in a list that follows one.
 */
function orgCue(tokens: readonly Token[], at: number): boolean {
  let j = at - 1;
  let acronymsOnly = true;
  // Back over the list the name is in ("Tencent, Alibaba, Baidu and Didi"); a possessive owns what follows, it does not list it.
  for (; j >= 0; j--) {
    const token = tokens[j] as Token;
    if (token.word && isCapitalised(token.text) && !POSSESSIVE.test(token.text)) {
      acronymsOnly &&= isAcronym(token.text);
      continue;
    }
    if (![',', 'and', '&', '/'].includes(token.text) && !CONNECTORS.has(token.text)) break;
  }
  const [before, second, third] = [lower(tokens[j]), lower(tokens[j - 1]), lower(tokens[j - 2])];
  // "by" names an agent, and a list after it only when it is one of short names ("by MOST, SASAC and ACFTU"), not "by MIIT, Best Manager of IT Risks by CAICT".
  if (before === 'by') return j === at - 1 || (acronymsOnly && isAcronym(tokens[at]?.text ?? ''));
  if (ORG_NOUNS.has(before)) return true;
  if (before === 'with') return COOPERATION.has(second);
  if (['including', 'include', 'includes', 'like', 'namely'].includes(before)) return ORG_NOUNS.has(second);
  return before === 'as' && second === 'such' && ORG_NOUNS.has(third);
}

/**
 * Whether a run that starts at token `at` is the end of a name the text
 * began in lower case: "the information and Communication Department of
 * State Grid", where "Communication Department of State Grid" names nothing.
 */
function startsInsideName(tokens: readonly Token[], at: number, words: readonly Token[], reading: Reading): boolean {
  const joiner = lower(tokens[at - 1]);
  const previous = tokens[at - 2];
  if (!(joiner === 'and' || joiner === '&') || !previous?.word || !/^\p{Ll}/u.test(previous.text)) return false;
  const first = lower(words[0]);
  const ordinary = reading.lowercase.has(first) || isCommonWord(reading.lexicon, first);
  return ordinary && words.some((w) => ORG_WORDS.has(w.text.toLowerCase()));
}

/** The name tokens [i, end] give, with what their surroundings say; null when nothing is left of them. */
function candidate(text: string, tokens: readonly Token[], i: number, end: number, reading: Reading): { name: string; seen: Seen } | null {
  const { lexicon } = reading;
  const sentenceStart = startsSentence(tokens, i);
  const run = tokens.slice(i, end + 1).filter((t) => t.word || t.text === '&');
  const { words, title } = trimLead(run, sentenceStart, lexicon);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  // A run in capitals only is a heading or a shouted phrase, not a name.
  if (words.length > 1 && words.every((w) => !/\p{Ll}/u.test(w.text))) return null;
  const first = words[0] as Token;
  const last = words.at(-1) as Token;
  const bare = last.text.replace(POSSESSIVE, '');
  const name = [...words.slice(0, -1).map((w) => w.text), bare].join(' ') + legalTail(text, last);
  if (!/\p{L}/u.test(name)) return null;
  const at = tokens.indexOf(first, i);
  if (startsInsideName(tokens, at, words, reading)) return null;
  const single = words.length === 1;
  const honorific = tokens[at - 1]?.text === '.' && HONORIFICS.has(tokens[at - 2]?.text.toLowerCase() ?? '');
  const role = title || rolesAt(text, first.start, last.start + bare.length, text.length).length > 0;
  return {
    name,
    seen: {
      midSentence: first === run[0] && sentenceStart ? 0 : 1,
      quoted: isQuoted(tokens, i) ? 1 : 0,
      honorific: honorific ? 1 : 0,
      role: role ? 1 : 0,
      placeCue: placeCue(tokens, at, end, lexicon) ? 1 : 0,
      placeAfter: PLACE_AFTER.has(lower(tokens[end + 1])) ? 1 : 0,
      orgCue: orgCue(tokens, at) ? 1 : 0,
      headOf: single && lower(tokens[end + 1]) === 'of' && (lower(tokens[end + 2]) === 'the' || isCapitalised(tokens[end + 2]?.text ?? '')) ? 1 : 0,
      afterArticle: single && /^an?$/.test(tokens[at - 1]?.text ?? '') ? 1 : 0,
      year: words.length > 1 && YEAR.test(bare),
      firstAt: reading.offset + first.start,
    },
  };
}

/**
 * The long form of `short` at the end of `before`: the last words whose
 * initials spell it (minor words may be skipped, or count: "Internet of
 * Things" for IoT); failing that, Schwartz & Hearst's (2003) rule, each
 * letter in order, the first one starting a word.
 */
export function longFormFor(short: string, before: string): string | null {
  const letters = short.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const words = before.split(/\s+/).filter(Boolean);
  const window = words.slice(-Math.min(letters.length + 5, letters.length * 2));
  const byInitials = initialsMatch(letters, window);
  if (byInitials) return byInitials;
  const long = window.join(' ');
  const lower = long.toLowerCase();
  let l = lower.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    while (l >= 0 && (lower[l] !== letters[s] || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(lower[l - 1] as string)))) l--;
    if (l < 0) return null;
    l--;
  }
  const result = long.slice(long.lastIndexOf(' ', l) + 1).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '');
  return result.includes(' ') ? result : null;
}

/** The shortest tail of `words` whose initials (hyphenated parts count apart) spell `letters`. */
function initialsMatch(letters: string, words: readonly string[]): string | null {
  for (let from = words.length - 1; from >= 0; from--) {
    const tail = words.slice(from);
    const parts = tail.flatMap((w) => w.split('-')).map((p) => p.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase());
    const all = parts.map((p) => p[0] ?? '').join('');
    const major = parts.filter((p) => !MINOR_WORDS.has(p)).map((p) => p[0] ?? '').join('');
    if ((all === letters || major === letters) && !MINOR_WORDS.has(parts[0] ?? '')) return tail.join(' ').replace(/[^\p{L}\p{N})]+$/u, '');
  }
  return null;
}

/** The acronyms of a block defined next to their long form, either way round. */
function acronymsOf(text: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const match of text.matchAll(/\(([^()]{1,120})\)/g)) {
    const inside = match[1]?.trim() ?? '';
    const before = text.slice(Math.max(0, match.index - 160), match.index).trimEnd();
    if (isAcronym(inside) && !/\s/.test(inside)) {
      const long = longFormFor(inside, before);
      if (long) found.push({ short: inside, long });
    } else {
      const short = /(\S+)$/.exec(before)?.[1] ?? '';
      if (isAcronym(short) && /\s/.test(inside) && longFormFor(short, inside) === inside) found.push({ short, long: inside });
    }
  }
  return found;
}

/** The candidates of one document's running text. */
export function documentCandidates(blocks: readonly Block[], lexicon: Lexicon): DocumentCandidates {
  const byName = new Map<string, Evidence>();
  const acronyms: AcronymDefinition[] = [];
  const lowercaseWords = new Set<string>();
  const running = blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'bullet').map((block) => ({ block, tokens: tokenize(block.text) }));
  for (const { tokens } of running) for (const token of tokens) if (token.word && /^\p{Ll}/u.test(token.text)) lowercaseWords.add(token.text);
  for (const { block, tokens } of running) {
    const reading: Reading = { lexicon, lowercase: lowercaseWords, offset: block.start };
    acronyms.push(...acronymsOf(block.text));
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      if (!token.word || !isCapitalised(token.text)) continue;
      const end = runEnd(tokens, i);
      const found = candidate(block.text, tokens, i, end, reading);
      if (found) record(byName, found.name, found.seen);
      // "Department of State Grid" also names State Grid.
      for (let k = i + 1; k < end; k++) {
        const part = tokens[k]?.text === 'of' ? candidate(block.text, tokens, k + 1, end, reading) : null;
        if (part) record(byName, part.name, part.seen);
      }
      i = end;
    }
  }
  return { phrases: [...byName.values()], acronyms, lowercaseWords };
}

function record(byName: Map<string, Evidence>, name: string, seen: Seen): void {
  const key = name.toLowerCase();
  const evidence = byName.get(key);
  if (evidence) addEvidence(evidence, { ...seen, count: 1 });
  else byName.set(key, { name, count: 1, ...seen });
}

/** Adds what `more` saw of a spelling to `sum` (the first place it was written stays). */
export function addEvidence(sum: Omit<Evidence, 'name'>, more: Omit<Evidence, 'name'>): void {
  sum.count += more.count;
  sum.midSentence += more.midSentence;
  sum.quoted += more.quoted;
  sum.honorific += more.honorific;
  sum.role += more.role;
  sum.placeCue += more.placeCue;
  sum.placeAfter += more.placeAfter;
  sum.orgCue += more.orgCue;
  sum.headOf += more.headOf;
  sum.afterArticle += more.afterArticle;
  sum.year ||= more.year;
}
