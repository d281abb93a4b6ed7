import { Rejection } from './rejection';

/**
 * Text files come in whatever encoding their author's tools used. Decoding
 * is tried from the most to the least certain: a byte-order mark, strict
 * UTF-8, then Windows-1252 (what "ANSI" text from Windows and most old Latin
 * text is), which is only accepted when every byte maps to a printable
 * character. Binary files are recognised first so they never become mojibake.
 */

/** C0 control characters that ordinary text never contains (tab, line feed, form feed, carriage return are fine). */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
/**
 * Windows-1252 is Latin-1 except for bytes 0x80–0x9F, which hold typographic
 * characters (curly quotes, dashes, €); five of them are undefined. Node 20's
 * TextDecoder decodes the label as plain Latin-1, hence the table.
 */
const CP1252_HIGH = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';
/** A few stray control bytes happen in old text files; more than this share is not text. */
const MAX_CONTROL_SHARE = 0.01;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/** Decodes a text file's bytes or says why they are not text. */
export function decodeText(bytes: Uint8Array): Decoded {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: decodeWith(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding };
  if (looksBinary(bytes)) {
    throw new Rejection('This is a binary file, not text. Dossier imports plain text, Markdown, HTML and PDF files.');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = decodeWindows1252(bytes);
    if (text === null) {
      throw new Rejection('The text is not UTF-8 and could not be read in another common encoding (Windows-1252). Save it as UTF-8 and import it again.');
    }
    return { text, encoding: 'windows-1252' };
  }
}

/** Windows-1252 text (what Windows calls "ANSI"), or null when a byte is undefined in it. */
export function decodeWindows1252(bytes: Uint8Array): string | null {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(8192, bytes.length - i)).toString('latin1');
    text += latin1.replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
  }
  return text.includes('\0') ? null : text;
}

function byteOrderMark(bytes: Uint8Array): { encoding: Exclude<Encoding, 'windows-1252'>; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function decodeWith(encoding: Exclude<Encoding, 'windows-1252'>, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new Rejection(`The file says it is ${encoding.toUpperCase()} text but is not valid ${encoding.toUpperCase()}; it may be damaged.`);
  }
}

/** NUL bytes never occur in 8-bit or UTF-8 text; other control bytes only rarely. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  // Controls are ASCII, so a Latin-1 view of a sample counts them whatever the encoding.
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024)).toString('latin1');
  const controls = sample.match(CONTROL)?.length ?? 0;
  return controls > sample.length * MAX_CONTROL_SHARE;
}

/** One kind of line break, no form feeds: what the reading blocks expect. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n');
}
