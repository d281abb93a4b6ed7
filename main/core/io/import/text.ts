import { decodeText, normaliseNewlines } from './encoding';
import type { Imported } from './types';

/** A plain text file: decoded, with one kind of line break. */
export function readPlainText(bytes: Uint8Array): Imported {
  return { text: normaliseNewlines(decodeText(bytes).text), format: 'text' };
}
