import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { layoutPages, type TextRun } from './pdf-layout';
import { Rejection } from './rejection';
import type { Imported } from './types';

/** Titles that PDF producers write for the author: file names and placeholders, not the document's title. */
const JUNK_TITLE = /^(?:untitled|microsoft (?:word|powerpoint)\b|document\d*$)|\.(?:docx?|pdf|pptx?|indd|tex|rtf|odt)$/i;

/**
 * A PDF's text layer, read with pdf.js (Mozilla's PDF reader) and laid out
 * as paragraphs. A PDF of scanned pages has no text layer: that is said
 * plainly rather than imported as an empty document.
 */
export async function readPdf(bytes: Uint8Array): Promise<Imported> {
  const pdf = await open(bytes);
  try {
    const pages: TextRun[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await pageRuns(pdf, n));
    const text = layoutPages(pages);
    if (!text.trim()) {
      throw new Rejection(`This PDF has no text layer (its ${pdf.numPages === 1 ? 'page is an image' : `${pdf.numPages} pages are images`}, probably scanned). Run it through text recognition (OCR) first, then import the result.`);
    }
    const title = await metadataTitle(pdf);
    return { text, format: 'pdf', ...(title ? { title } : {}) };
  } catch (error) {
    throw error instanceof Rejection ? error : new Rejection(damagedReason(error));
  } finally {
    await pdf.destroy();
  }
}

/** Why pdf.js could not read a PDF it opened, in words for the person who chose it. */
function damagedReason(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  if (/circular/i.test(message)) return 'This PDF’s list of pages loops back on itself, so its pages cannot be read: it is damaged, or built to trap a reader.';
  if (/call stack|too much recursion|nested/i.test(message)) return 'This PDF’s objects are nested too deeply to be read: it is damaged, or built to overwhelm a reader.';
  return `This PDF is damaged and its pages cannot be read (${message}). If another reader opens it, save a fresh copy from there and import that.`;
}

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // Loaded when a PDF is read, and so only in the import worker: pdf.js's polyfills change built-ins, which
  // makes every JSON.stringify of the thread that loads it many times slower.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy, and refuses a Node Buffer.
    return await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new Rejection('This PDF is protected by a password. Open it in a PDF reader, save an unprotected copy and import that.');
    throw new Rejection(`This PDF is damaged and cannot be read (${(error as Error).message}). If another reader opens it, save a fresh copy from there and import that.`);
  }
}

async function pageRuns(pdf: PDFDocumentProxy, n: number): Promise<TextRun[]> {
  const page = await pdf.getPage(n);
  try {
    const content = await page.getTextContent();
    return content.items
      .filter((item): item is TextItem => 'str' in item)
      .map((item) => ({
        str: item.str,
        x: item.transform[4] as number,
        y: item.transform[5] as number,
        width: item.width,
        size: Math.hypot(item.transform[2] as number, item.transform[3] as number) || item.height,
      }));
  } finally {
    page.cleanup();
  }
}

async function metadataTitle(pdf: PDFDocumentProxy): Promise<string | undefined> {
  const { info } = await pdf.getMetadata().catch(() => ({ info: {} }));
  const title = (info as { Title?: unknown }).Title;
  if (typeof title !== 'string') return undefined;
  const trimmed = title.trim();
  return trimmed && !JUNK_TITLE.test(trimmed) ? trimmed : undefined;
}
