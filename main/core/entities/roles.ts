/**
 * Role phrases: what a text says a person is, right next to the name.
 *
 *   "Chen Zhongyue, Chairman of China Unicom, …"      → "Chairman of China Unicom"
 *   "Mr. Yang Jie, the chairman of China Mobile, …"   → "chairman of China Mobile"
 *   "Chairman Yang Jie also expressed …"              → "Chairman"
 *
 * An appositive (after a comma, up to the next comma or the end of the
 * sentence) counts only when one of its first words names a position, so
 * "Chen Zhongyue, who spoke first, …" gives nothing. Pure code.
 */

const ROLE_WORDS = new Set(
  `chairman chairwoman chairperson chair president vice ceo cfo cto coo cio cmo evp svp vp director manager head chief officer
  member secretary minister governor mayor senator founder co-founder cofounder partner engineer editor analyst professor
  spokesperson spokesman spokeswoman representative ambassador chancellor premier leader executive deputy principal
  researcher scientist owner commissioner adviser advisor consultant correspondent reporter journalist author chairmen
  general lead treasurer counsel attorney judge dean rector architect designer economist strategist`.split(/\s+/),
);
const ARTICLE = /^(?:the|a|an)\s+/i;
const MAX_ROLE_WORDS = 14;
/** Within how many words of the start the position must be named. */
const ROLE_WORD_WINDOW = 4;
const TITLE_BEFORE =
  /(?:^|[^\p{L}])((?:(?:Vice|Deputy|Executive|Senior|Chief|General)\s+)*(?:Chairman|Chairwoman|Chairperson|President|Premier|Chancellor|Minister|Secretary|Governor|Mayor|Senator|Director|Manager|CEO|CFO|CTO|COO|EVP|SVP|VP|Professor|Ambassador|Commissioner|Judge))\s+$/u;

/** The words of a phrase that could name a position. */
function namesRole(phrase: string): boolean {
  const words = phrase.toLowerCase().split(/[\s,]+/);
  return words.length <= MAX_ROLE_WORDS && words.slice(0, ROLE_WORD_WINDOW).some((word) => ROLE_WORDS.has(word));
}

/** The appositive after a name: from the comma to the next comma, semicolon or the sentence end; brackets are kept whole. */
function appositive(text: string, end: number, limit: number): string | null {
  let i = end;
  while (i < limit && /\s/.test(text.charAt(i))) i++;
  if (text.charAt(i) !== ',') return null;
  let depth = 0;
  let phrase = '';
  for (i++; i < limit; i++) {
    const char = text.charAt(i);
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (char === ',' || char === ';' || (char === '.' && /\s|$/.test(text.charAt(i + 1))))) break;
    phrase += char;
  }
  const tidy = phrase.replace(/\s+/g, ' ').trim().replace(ARTICLE, '');
  return tidy && namesRole(tidy) ? tidy : null;
}

/**
 * The role phrases next to the mention [start, end) of `text`; `limit` is
 * where its sentence ends. Capitalised titles before the name ("Chairman")
 * and appositives after it.
 */
export function rolesAt(text: string, start: number, end: number, limit: number): string[] {
  const roles: string[] = [];
  const title = TITLE_BEFORE.exec(text.slice(Math.max(0, start - 60), start))?.[1];
  if (title) roles.push(title.replace(/\s+/g, ' '));
  const after = appositive(text, end, Math.min(limit, end + 400));
  if (after) roles.push(after);
  return roles;
}
