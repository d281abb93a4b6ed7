// Punctuation that wraps a selection but is not part of a name: quotes, brackets, commas, dashes, bullets.
const EDGE = `\\s"'“”‘’«»()\\[\\]{}<>,;:!?*•·–—\\-`;
const LEADING = new RegExp(`^[${EDGE}.]+`, 'u');
const TRAILING = new RegExp(`[${EDGE}]+$`, 'u');
// A full stop ends an abbreviation that is part of a name ("Co., Ltd.", "Inc."), otherwise the sentence.
const SENTENCE_STOP = /(?<!\b(?:Co|Ltd|Inc|Corp|Jr|Sr|St|Bros|Dr|Mr|Mrs|Ms))\.+$/u;
const POSSESSIVE = /(?:['’]s|(?<=s)['’])$/u;

/**
 * The name a selection most likely means: whitespace tidied, surrounding
 * punctuation and a possessive ending removed ("“China Telecom’s” " →
 * "China Telecom"). The person can still edit it before saving.
 */
export function nameFromSelection(selection: string): string {
  let name = selection.replace(/\s+/g, ' ');
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(LEADING, '').replace(TRAILING, '').replace(SENTENCE_STOP, '').replace(POSSESSIVE, '');
  }
  return name;
}
