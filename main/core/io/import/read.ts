import { readHtml } from './html';
import { readMarkdown } from './markdown';
import { readPdf } from './pdf';
import { MAX_IMPORT_BYTES } from '../../../common/contract';
import { Rejection, tooLargeReason } from './rejection';
import { readPlainText } from './text';
import type { Imported } from './types';

type Reader = (bytes: Uint8Array) => Imported | Promise<Imported>;

const BY_EXTENSION: Record<string, Reader> = {
  pdf: readPdf,
  html: readHtml,
  htm: readHtml,
  xhtml: readHtml,
  md: readMarkdown,
  markdown: readMarkdown,
  mdown: readMarkdown,
  txt: readPlainText,
  text: readPlainText,
};

/**
 * Reads one file into text, choosing the reader by what the bytes are before
 * what the name says: a PDF saved as ".txt" is still a PDF, and a page saved
 * without an extension is still HTML. Throws a Rejection saying why a file
 * cannot be imported.
 */
export async function readImportFile(name: string, bytes: Uint8Array): Promise<Imported> {
  if (bytes.length > MAX_IMPORT_BYTES) throw new Rejection(tooLargeReason(bytes.length));
  if (bytes.length === 0) throw new Rejection('The file is empty.');
  const imported = await readerFor(name, bytes)(bytes);
  if (!imported.text.trim()) throw new Rejection('The file has no text to read (only blank space).');
  return imported;
}

function readerFor(name: string, bytes: Uint8Array): Reader {
  if (startsWith(bytes, '%PDF-')) return readPdf;
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (extension === 'pdf') return readPdf; // says PDF but has no PDF header: the PDF reader says it is damaged
  const known = BY_EXTENSION[extension];
  if (known) return known;
  return looksLikeHtml(bytes) ? readHtml : readPlainText;
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return Buffer.from(bytes.subarray(0, magic.length)).toString('latin1') === magic;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}
