import type { Snippet } from '../../../main/common/contract';

/*
 * A search snippet of a note shows the note's words, not its Markdown: a
 * note is drawn with its bold, lists and links (NoteText), so `**`, `- ` and
 * `[text](address)` cut out of it would only be noise. The matched words stay
 * marked where they are.
 */

/** Markup that is dropped where it stands: strong and struck-through markers, code ticks, the address of a link. */
const DROPPED = /\*\*|__|~~|`+|\]\([^)\s]*\)?|!?\[(?=[^\]\n]*\]\()/y;
/** What starts a heading, a quote or a list item at the start of a line. */
const LINE_START = /^[ \t]*(?:#{1,6}|>|[-*+]|\d{1,9}[.)])[ \t]+/my;
const ESCAPED = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;

/** The snippet's text without Markdown, its highlights moved with the words they mark. */
export function plainNoteSnippet(snippet: Snippet): Snippet {
  const { text } = snippet;
  let plain = '';
  // Where each character of the snippet went in the plain text, or -1 when it was dropped.
  const kept: number[] = [];
  const keep = (at: number, char = text.charAt(at)) => {
    kept[at] = plain.length;
    plain += char;
  };
  for (let i = 0; i < text.length; ) {
    const dropped = matchAt(LINE_START, text, i) || matchAt(DROPPED, text, i);
    if (dropped > 0) {
      for (let j = i; j < i + dropped; j++) kept[j] = -1;
      i += dropped;
      continue;
    }
    const char = text.charAt(i);
    if (char === '\\' && ESCAPED.test(text.charAt(i + 1))) {
      kept[i] = -1;
      keep(i + 1);
      i += 2;
      continue;
    }
    if ((char === '*' || char === '_') && isEmphasisMark(text, i)) kept[i] = -1;
    else keep(i, char === '\n' ? ' ' : char);
    i++;
  }
  const highlights = snippet.highlights.flatMap(([from, to]): Array<[number, number]> => {
    const start = kept.slice(from, to).find((at) => at >= 0);
    const end = kept.slice(from, to).findLast((at) => at >= 0);
    return start === undefined || end === undefined ? [] : [[start, end + 1]];
  });
  return { text: plain, highlights };
}

/** A single `*` or `_` that opens or closes emphasis: a word on one side only (an `_` inside a word is a letter). */
function isEmphasisMark(text: string, at: number): boolean {
  const before = WORD.test(text.charAt(at - 1));
  const after = WORD.test(text.charAt(at + 1));
  if (text.charAt(at) === '_' && before && after) return false;
  const spaceBefore = at === 0 || /\s/.test(text.charAt(at - 1));
  const spaceAfter = at + 1 >= text.length || /\s/.test(text.charAt(at + 1));
  return !(spaceBefore && spaceAfter);
}

function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0].length ?? 0;
}
