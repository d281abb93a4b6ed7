/**
 * Names of entities: how they are tidied, compared and checked.
 *
 * Two spellings are the same name when they differ only in case, quote or
 * dash style, or whitespace (line breaks included); the mention matcher
 * treats them the same way, so a found mention always maps back to its name.
 */

import { MAX_NAME_CHARS } from '../../common/contract/entities';
import { DossierError } from '../../common/errors';

const SINGLE_QUOTES = /[‘’`ʼ′]/g;
const DOUBLE_QUOTES = /[“”„″]/g;
const DASHES = /[‐‑‒–]/g;

/** A name as it is kept: NFC, runs of whitespace as one space, trimmed. */
export function tidyName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The key every spelling of a name shares. */
export function nameKey(name: string): string {
  return tidyName(name).toLowerCase().replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

/**
 * A tidied name, or a DossierError saying what is wrong with it.
 * `what` names the field in the message ("name", "alias").
 */
export function checkName(raw: string, what = 'name'): string {
  const name = tidyName(raw);
  if (!name) throw new DossierError('invalid_argument', `The ${what} is empty; type it as the texts write it`);
  if (name.length > MAX_NAME_CHARS) {
    throw new DossierError(
      'invalid_argument',
      `The ${what} "${name.slice(0, 40)}…" has ${name.length} characters; a name can have at most ${MAX_NAME_CHARS}`,
    );
  }
  if (!/[\p{L}\p{N}]/u.test(name)) throw new DossierError('invalid_argument', `The ${what} "${name}" has no letter or digit, so it cannot match a word in the texts`);
  return name;
}

/** The special characters of a regular expression, escaped. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
