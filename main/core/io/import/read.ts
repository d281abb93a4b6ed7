import type { Block } from '../../../common/contract';
import { MAX_IMPORT_BYTES } from '../../../common/contract';
import { describe } from '../../library/metadata';
import { toBlocks } from '../../library/paragraphs';
import { readHtml } from './html';
import { readMarkdown } from './markdown';
import { readPdf } from './pdf';
import { Rejection, tooLargeReason } from './rejection';
import { readPlainText } from './text';
import type { Imported, ReadDocument } from './types';

/** More paragraphs than this is not a document to read but data (a log, a table dump) that would not open in reasonable time. */
export const MAX_BLOCKS = 1_000_000;
/** The title and date are read from this much of a document's readable text. */
const DESCRIBED_CHARS = 8000;

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

/**
 * Reads one file into a document: its text, checked to read into a bounded
 * number of blocks, and its title and date (what the file states, else what
 * its text says; `name` when nothing does). Throws a Rejection saying why a
 * file cannot be imported.
 */
export async function readDocument(name: string, bytes: Uint8Array): Promise<ReadDocument> {
  const imported = await readImportFile(name, bytes);
  const blocks = imported.blocks ?? toBlocks(imported.text, imported.format);
  if (blocks.length > MAX_BLOCKS) {
    throw new Rejection(`The file reads as ${blocks.length.toLocaleString('en')} paragraphs; Dossier opens documents of up to ${MAX_BLOCKS.toLocaleString('en')}. Split it into smaller parts and import those.`);
  }
  const { text, format, byline } = imported;
  const readable = format === 'markdown' || format === 'html' ? readableStart(blocks) : text;
  const { title, date } = describe(readable, name, { ...(imported.title ? { title: imported.title } : {}), ...(imported.date ? { date: imported.date } : {}), ...(byline ? { byline } : {}) });
  return { text, format, title, date, ...(byline ? { byline } : {}) };
}

/** The first blocks' text, one per line, as a person reads the start of the document. */
function readableStart(blocks: readonly Block[]): string {
  const lines: string[] = [];
  let length = 0;
  for (const block of blocks) {
    if (length > DESCRIBED_CHARS) break;
    lines.push(block.text.replace(/\n+/g, ' '));
    length += block.text.length;
  }
  return lines.join('\n');
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
