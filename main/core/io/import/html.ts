import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeText, decodeWindows1252, normaliseNewlines } from './encoding';
import { Rejection } from './rejection';
import type { Imported } from './types';

/** Elements whose content is never part of the article a person reads. */
const NOISE = 'script, style, noscript, template, iframe, svg, canvas, form, button, nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], [hidden]';
/** Elements that start a new paragraph of text. */
const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);

/** Stands for a <br> while the surrounding whitespace is collapsed. */
const LINE_BREAK = '\u2028';

/**
 * An HTML page as the article on it: Readability (Firefox's reader view)
 * finds the main content, and the page's own structure gives paragraphs,
 * headings and list items. Pages Readability does not take for an article
 * still give their body text, without scripts, styles and navigation.
 */
export function readHtml(bytes: Uint8Array): Imported {
  const html = decodeHtml(bytes);
  const { document } = parseHTML(html);
  const pageTitle = document.querySelector('title')?.textContent?.trim();
  // Readability changes the document it reads, so it gets a copy of its own.
  const article = new Readability<Node>(parseHTML(html).document, { serializer: (node) => node }).parse();
  const content = article?.content;
  let text = content && content.nodeType === 1 ? readableText(content as Element) : '';
  if (!text && document.body) text = readableText(document.body);
  if (!text) throw new Rejection('This HTML page has no readable text (only scripts, styles or navigation).');
  const title = article?.title?.trim() || pageTitle;
  return { text, format: 'html', ...(title ? { title } : {}) };
}

/** Labels browsers read as Windows-1252 (the HTML standard maps Latin-1 and ASCII to it). */
const WINDOWS_1252 = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'x-cp1252']);

/** Pages often declare their encoding in a <meta> tag; a declared legacy encoding wins over guessing. */
function decodeHtml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && WINDOWS_1252.has(declared)) {
    const text = decodeWindows1252(bytes);
    if (text !== null) return normaliseNewlines(text);
  } else if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return normaliseNewlines(new TextDecoder(declared, { fatal: true }).decode(bytes));
    } catch {
      // An unknown or wrong label: fall back to detection.
    }
  }
  return normaliseNewlines(decodeText(bytes).text);
}

/** The text of an element as paragraphs separated by blank lines. */
function readableText(root: Element): string {
  for (const node of root.querySelectorAll(NOISE)) node.remove();
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current.replace(/[^\S\u2028]+/g, ' ').replace(/ ?\u2028 ?/g, '\n').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.tagName === 'BR') current += LINE_BREAK;
    if (element.tagName === 'PRE') {
      flush();
      const pre = (element.textContent ?? '').replace(/^\n+|\s+$/g, '');
      if (pre) paragraphs.push(pre);
      return;
    }
    const block = BLOCK.has(element.tagName);
    if (block) flush();
    if (element.tagName === 'LI') current = '- ';
    for (const child of element.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.filter((p) => p !== '-').join('\n\n');
}
