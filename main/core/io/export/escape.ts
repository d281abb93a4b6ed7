/**
 * Plain text written into Markdown so that every Markdown reader (CommonMark,
 * GitHub, Obsidian) shows exactly that text and nothing else: no emphasis,
 * no links, no headings or lists, no Obsidian tags, highlights, comments,
 * block ids or maths, and every space and line break kept.
 *
 * Punctuation that could start markup is backslash-escaped (CommonMark lets
 * any ASCII punctuation be escaped); spaces at either end of a line, which
 * Markdown would drop, and blank lines beyond one are written as character
 * references; a blank line becomes a paragraph break and a single line break
 * a soft break, which a Markdown parser reads back as the same line break.
 */

/** Characters that open markup anywhere in a line (Obsidian's #tags, ==highlights==, %%comments%%, ^block-ids and $maths$ included). */
const INLINE = /[\\`*_[\]<>#|~$=%^]/g;
/** An ampersand is only markup when it starts a character reference. */
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;
/** Markers that only mean something at the start of a line: lists, rules and setext underlines ("---"). */
const LINE_START_MARKER = /^(?:([-+])|(\d{1,9})([.)])(?=\s|$))/;
const EDGE_SPACE = /^[ \t]+|[ \t]+$/g;

const reference = (char: string): string => `&#${char.codePointAt(0)};`;

/** One line of text, escaped; it has no line breaks. */
export function escapeLine(line: string): string {
  return line
    .replace(INLINE, '\\$&')
    .replace(ENTITY, '\\&')
    .replace(LINE_START_MARKER, (_m, sign: string | undefined, digits: string | undefined, mark: string | undefined) =>
      sign ? `\\${sign}` : `${digits}\\${mark}`,
    )
    .replace(/\r/g, reference)
    .replace(EDGE_SPACE, (spaces) => [...spaces].map(reference).join(''));
}

/**
 * Text as Markdown paragraphs, each line given `prefix` ("> " inside a
 * blockquote). Blank lines between paragraphs carry the prefix trimmed.
 */
export function escapeBlock(text: string, prefix = ''): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let pendingBreaks = 0; // empty lines seen since the last written line
  for (const line of lines) {
    if (line === '') {
      pendingBreaks++;
      continue;
    }
    let escaped = escapeLine(line);
    if (out.length === 0) {
      // Line breaks before the first line cannot be blank lines: Markdown drops those.
      escaped = '&#10;'.repeat(pendingBreaks) + escaped;
    } else if (pendingBreaks > 0) {
      out.push(prefix.trimEnd());
      escaped = '&#10;'.repeat(pendingBreaks - 1) + escaped;
    }
    out.push(prefix + escaped);
    pendingBreaks = 0;
  }
  if (out.length === 0) return prefix + '&#10;'.repeat(Math.max(0, lines.length - 1));
  // Line breaks after the last line stay on it.
  out[out.length - 1] += '&#10;'.repeat(pendingBreaks);
  return out.join('\n');
}
