/**
 * Words hyphenated at a line end, as PDF extraction leaves them: "optimisa-"
 * + "tion" is one word split by the typesetter, "word-" + "of-mouth" and
 * "NB-" + "IoT" are compounds whose hyphen belongs to the text. The document
 * itself is the first witness (it writes the word elsewhere, whole or
 * hyphenated); a few parts that only ever make compounds decide the rest.
 *
 * Pure code: no Electron, no Node.
 */

/** Parts that make compounds with a hyphen ("one-off", "next-generation", "cloud-based"), never syllables of one word. */
const COMPOUND_HEADS = new Set('one two three four five six seven eight nine ten self non multi cross well long short full half next real all ever year state top end'.split(' '));
const COMPOUND_TAILS = new Set('off up out down in on based related driven oriented level scale term time wide free like making owned run led friendly specific class quality'.split(' '));

/** A word's head before a line-end hyphen, and the word the next line starts with. */
export const HEAD_BEFORE_HYPHEN = /([\p{L}\p{N}]+)[-\u00AD\u2010]$/u;
export const WORD_AT_START = /^([\p{L}\p{N}]+)(-?)/u;

/** The words of a text, lower-cased, as the witnesses of how it writes them. */
export function vocabularyOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) words.add(match[0].toLowerCase());
  return words;
}

/**
 * Whether the hyphen between `head` (the end of a line, without its hyphen)
 * and `tail` (the start of the next) is the text's own. `tailHyphenated`:
 * the next line's word goes on with a hyphen of its own ("of-mouth").
 */
export function keepsHyphen(head: string, tail: string, tailHyphenated: boolean, vocabulary: ReadonlySet<string>): boolean {
  // An acronym or a number on either side: "NB-IoT", "5G-enabled", "COVID-19".
  if (/[\p{Lu}\p{N}]$/u.test(head) || /^[\p{Lu}\p{N}]/u.test(tail)) return true;
  const lowerHead = head.toLowerCase();
  const lowerTail = tail.toLowerCase();
  if (vocabulary.has(lowerHead + lowerTail)) return false;
  if (vocabulary.has(`${lowerHead}-${lowerTail}`) || tailHyphenated) return true;
  // Typesetters leave at least two letters before a break and three after it: a shorter part is a word of its own.
  if (head.length < 2 || tail.length < 3) return true;
  return COMPOUND_HEADS.has(lowerHead) || COMPOUND_TAILS.has(lowerTail);
}
