/**
 * The search box's syntax, read into words, phrases, exclusions and filters.
 *
 *   chen zhongyue              every word must match (the last one as a prefix while typed)
 *   "digital twin"             a phrase: these words, in this order
 *   -mobile                    passages with this word are left out
 *   tag:operators/china        documents tagged so (the tag or one under it)
 *   entity:"Chen Zhongyue"     documents where this entity is tagged
 *   type:person                documents with a person tagged
 *   is:note                    only notes (or is:entity, is:passage)
 *   in:<document id>           only this document
 *   after:2021  before:2024-06 documents dated in this range (after: inclusive, before: exclusive)
 *
 * Pure code: no Node, no DOM.
 */
import { FILTER_KEYS, type FilterKey, type QueryChip } from '../../common/contract';
import { atomsOf, queryWords } from '../text/tokens';

/** A word to match. `typing`: the word at the caret, which matches as a prefix from its first letter. */
export interface ParsedWord {
  term: string;
  typing: boolean;
}

/**
 * Words that must appear one after the other: `words` as the index has them
 * ("5g-a", "network"), `atoms` their smallest parts in order (5g, a, network)
 * for checking the order. `open` while the closing quote is not typed yet:
 * its last word is a prefix.
 */
export interface ParsedPhrase {
  words: string[];
  atoms: string[];
  open: boolean;
}

export type ResultKind = 'passage' | 'note' | 'entity';

export interface QueryFilters {
  tags: string[];
  entities: string[];
  types: string[];
  kinds: ResultKind[];
  docs: string[];
  /** Inclusive lower bound of the date, as a prefix of YYYY-MM-DD. */
  after: string | null;
  /** Exclusive upper bound of the date, as a prefix of YYYY-MM-DD. */
  before: string | null;
}

export interface ParsedQuery {
  words: ParsedWord[];
  phrases: ParsedPhrase[];
  excluded: string[];
  filters: QueryFilters;
  /** The filters as typed, with where they are in the query, for chips. */
  chips: QueryChip[];
  /** What could not be understood, in words for the user. */
  problems: string[];
}

/** What the index matches: a query's words, phrases and exclusions (its filters become a Scope). */
export type QueryTerms = Pick<ParsedQuery, 'words' | 'phrases' | 'excluded'>;

/** Where a search may look: every filter of a query, resolved (search/scope.ts). */
export interface Scope {
  /** The documents it may search (null: all). */
  docIds: readonly string[] | null;
  /** Inclusive lower bound of the date, as a prefix of YYYY-MM-DD. */
  after: string | null;
  /** Exclusive upper bound of the date, as a prefix of YYYY-MM-DD. */
  before: string | null;
  /** The kinds of result it shows (none: all). */
  kinds: readonly ResultKind[];
}

/** The whole library, every kind of result. */
export const EVERYWHERE: Scope = { docIds: null, after: null, before: null, kinds: [] };

const KINDS: Record<string, ResultKind> = { note: 'note', notes: 'note', entity: 'entity', entities: 'entity', passage: 'passage', passages: 'passage', text: 'passage' };
const DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** One whitespace-separated piece of the query; a quoted part may hold spaces. */
interface Item {
  text: string;
  from: number;
  to: number;
}

/** Splits the query into items, keeping "quoted parts" (and key:"quoted values") whole. */
function items(q: string): Item[] {
  const found: Item[] = [];
  let i = 0;
  while (i < q.length) {
    while (i < q.length && /\s/.test(q.charAt(i))) i++;
    if (i >= q.length) break;
    const from = i;
    let quoted = false;
    while (i < q.length && (quoted || !/\s/.test(q.charAt(i)))) {
      if (q.charAt(i) === '"') quoted = !quoted;
      i++;
    }
    found.push({ text: q.slice(from, i), from, to: i });
  }
  return found;
}

const unquote = (value: string): string => value.replace(/^"|"$/g, '').trim();

/** Reads a query typed in the search box. */
export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = {
    words: [],
    phrases: [],
    excluded: [],
    filters: { tags: [], entities: [], types: [], kinds: [], docs: [], after: null, before: null },
    chips: [],
    problems: [],
  };
  const typingAtEnd = q.length > 0 && !/\s$/.test(q);
  const all = items(q);
  all.forEach((item, index) => {
    const last = index === all.length - 1 && typingAtEnd;
    const filter = /^([a-z]+):(.*)$/is.exec(item.text);
    const key = filter?.[1]?.toLowerCase() as FilterKey | undefined;
    if (filter && key && (FILTER_KEYS as readonly string[]).includes(key)) {
      const value = unquote(filter[2] ?? '');
      // "tag:" alone is a filter still being typed: nothing to apply yet.
      if (value) addFilter(parsed, key, value, item);
      return;
    }
    if (item.text.startsWith('"')) {
      const open = !/^".*"$/s.test(item.text) || item.text.length === 1;
      const inside = unquote(item.text);
      const atoms = atomsOf(inside).map((a) => a.atom);
      if (atoms.length > 0) parsed.phrases.push({ words: queryWords(inside).map((w) => w.term), atoms, open: open && last });
      return;
    }
    if (item.text.startsWith('-') && item.text.length > 1) {
      parsed.excluded.push(...queryWords(item.text.slice(1)).map((w) => w.term));
      return;
    }
    const words = queryWords(item.text);
    words.forEach((word, i) => parsed.words.push({ term: word.term, typing: last && i === words.length - 1 && word.to === item.text.length }));
  });
  return parsed;
}

function addFilter(parsed: ParsedQuery, key: FilterKey, value: string, item: Item): void {
  const { filters } = parsed;
  const chip: QueryChip = { key, value, from: item.from, to: item.to, valid: true };
  switch (key) {
    case 'tag':
      filters.tags.push(value.toLowerCase());
      break;
    case 'entity':
      filters.entities.push(value);
      break;
    case 'type':
      filters.types.push(value.toLowerCase());
      break;
    case 'in':
      filters.docs.push(value);
      break;
    case 'is': {
      const kind = KINDS[value.toLowerCase()];
      if (kind) filters.kinds.push(kind);
      else invalid(parsed, chip, `is:${value} is not a kind of result: use is:note, is:entity or is:passage`);
      break;
    }
    case 'after':
    case 'before':
      if (DATE.test(value)) filters[key] = value;
      else invalid(parsed, chip, `${key}:${value} is not a date: write a year, a month or a day, like ${key}:2021, ${key}:2021-06 or ${key}:2021-06-30`);
      break;
  }
  parsed.chips.push(chip);
}

function invalid(parsed: ParsedQuery, chip: QueryChip, problem: string): void {
  chip.valid = false;
  parsed.problems.push(problem);
}

/** Whether the query asks for anything at all: words, a phrase or a filter. */
export function isEmptyQuery(parsed: ParsedQuery): boolean {
  return parsed.words.length === 0 && parsed.phrases.length === 0 && parsed.chips.every((c) => !c.valid);
}
