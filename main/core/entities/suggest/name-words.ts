/**
 * Words that say what kind of thing a name names, shared by the candidate
 * finder and the classifier of the suggestions. Pure code.
 */

/** What the NLP lexicon knows of a lower-case word or phrase: its tags, or none. */
export type Lexicon = (word: string) => readonly string[];

const set = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Last words of events: "Global Partners Meeting", "Mobile World Congress". */
export const EVENT_HEADS = set(`conference meeting congress summit forum expo exhibition ceremony festival fair olympics games war
  election convention symposium workshop championship championships cup tournament week mwc ces`);
/** Words of organisation names: "State Grid Corporation of China", "Mango Super Media". */
export const ORG_WORDS = set(`corporation corp corp. co co. ltd ltd. limited inc inc. group association alliance bank university
  institute administration department ministry commission council foundation agency committee authority bureau board federation
  party club society organisation organization telecom telecommunications media insurance centre center laboratory lab labs school
  college academy government fund trust holdings technologies systems press news times post airlines branch`);
/** Last words of places: "Hengqin New District", "Silk Road". */
export const PLACE_HEADS = set(`district county province city river mountain mountains sea ocean island islands lake bay road street
  avenue square region valley park harbour harbor port village town zone`);
/** Lower-case words after a place: "Xuchang city", "Hunan province", "China Unicom's Henan branch" (branches are named for places). */
export const PLACE_AFTER = set('city county province district region prefecture town village branch branches');
/** Plural nouns before a list of organisations: "Internet companies including Tencent, Alibaba…", "service providers Orange, Telenor…". */
export const ORG_NOUNS = set(`companies company operators organisations organizations associations partners firms banks vendors providers
  institutions bodies manufacturers carriers enterprises regulators ministries universities`);
/** Words before "with" that make what follows a party to something: "cooperation with New H3C", "agreement with Lakala". */
export const COOPERATION = set(`cooperation cooperate cooperated cooperates cooperating collaboration collaborate collaborated collaborating
  partnership partnerships partnered partnering agreement agreements alliance conjunction contract deal signed`);
/**
 * China's provinces, regions and municipalities, which the NLP lexicon
 * mostly does not know: the libraries this app is written for name them
 * often, and alone ("Henan", "Heilongjiang").
 */
export const CHINESE_REGIONS = set(`anhui beijing chongqing fujian gansu guangdong guangxi guizhou hainan hebei heilongjiang henan hubei hunan
  jiangsu jiangxi jilin liaoning ningxia qinghai shaanxi shandong shanghai shanxi sichuan tianjin tibet xinjiang yunnan zhejiang macau macao`);
/** Words before which "of" stays inside a name ("Internet of Things", "Bank of China"), not between two names ("Martin Wang of Lenovo"). */
export const OF_HEADS = new Set([...ORG_WORDS, ...EVENT_HEADS, ...PLACE_HEADS, ...set('internet republic kingdom united states people ministry minister secretary')]);
export const MONTHS = set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec');

export const PLACE_TAGS = set('City Country Region Place Town Island');
export const PERSON_TAGS = set('FirstName MaleName FemaleName LastName');
export const ORG_TAGS = set('Organization SportsTeam');
/** Tags of words that are names, not ordinary words. */
export const PROPER_TAGS = new Set([...PLACE_TAGS, ...PERSON_TAGS, ...ORG_TAGS, 'ProperNoun']);

/** GSMA, IoT, 5G, SDN/NFV, R&D: short, mostly capitals. */
export function isAcronym(word: string): boolean {
  const letters = word.replace(/[^\p{L}\p{N}]/gu, '');
  const upper = (letters.match(/[\p{Lu}\p{N}]/gu) ?? []).length;
  return letters.length >= 2 && letters.length <= 10 && upper >= 2 && upper * 2 > letters.length && /\p{Lu}/u.test(letters);
}

/** Whether the lexicon tags `word` with one of `tags`. */
export const tagged = (lexicon: Lexicon, word: string, tags: ReadonlySet<string>): boolean => lexicon(word.toLowerCase()).some((t) => tags.has(t));

/** Whether a lower-case word is an ordinary word of the language, not a name. */
export const isCommonWord = (lexicon: Lexicon, word: string): boolean => {
  const tags = lexicon(word);
  return tags.length > 0 && !tags.some((t) => PROPER_TAGS.has(t));
};
