import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { statedDate } from '../../library/metadata';
import { decodeText, decodeWindows1252, normaliseNewlines } from './encoding';
import { htmlToMarkdown } from './html-markdown';
import { Rejection } from './rejection';
import type { Imported } from './types';

/** Elements whose content is never part of the article a person reads. */
const NOISE = 'script, style, noscript, template, iframe, svg, canvas, form, button, nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], [hidden]';
/**
 * No article is nested this deep (browsers flatten their documents at 512);
 * deeper pages are built to exhaust whatever reads them.
 */
export const MAX_HTML_DEPTH = 512;
/** Separators between a headline and the site's name in a page title: "Pact signed | TeleNews Daily". */
const TITLE_SEPARATORS = [' | ', ' – ', ' — ', ' - ', ' :: ', ' · ', ' » ', ' / ', ' : '];
const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
];
/** JSON-LD larger than this, or nested deeper, is not metadata anyone wrote by hand. */
const MAX_JSON_LD = 1024 * 1024;
const MAX_JSON_LD_NODES = 10_000;

/**
 * An HTML page as the article on it: Readability (Firefox's reader view)
 * finds the main content, which is kept as Markdown with the page's
 * structure (htmlToMarkdown). Pages Readability does not take for an
 * article still give their body text, without scripts, styles and
 * navigation. The title leaves out the site's name; the byline and the date
 * the page states are kept.
 */
export function readHtml(bytes: Uint8Array): Imported {
  const html = decodeHtml(bytes);
  refuseDeepNesting(estimatedDepth(html));
  const { document } = parseHTML(html);
  refuseDeepNesting(domDepth(document.documentElement));
  const page = pageFacts(document);
  // Readability changes the document it reads, so it gets a copy of its own.
  const article = new Readability<Node>(parseHTML(html).document, { serializer: (node) => node }).parse();
  const content = article?.content;
  let text = content && content.nodeType === 1 ? readable(content as Element) : '';
  if (!text && document.body) text = readable(document.body);
  if (!text) throw new Rejection('This HTML page has no readable text (only scripts, styles or navigation).');
  const rawTitle = article?.title?.trim() || page.title;
  const title = rawTitle ? withoutSiteName(rawTitle, article?.siteName?.trim() || page.siteName, page.headlines) : undefined;
  const byline = article?.byline?.replace(/\s+/g, ' ').trim().slice(0, 300);
  const date = page.date ?? (article?.publishedTime ? statedDate(article.publishedTime) : null);
  return { text, format: 'html', ...(title ? { title } : {}), ...(byline ? { byline } : {}), ...(date ? { date } : {}) };
}

function readable(root: Element): string {
  for (const node of root.querySelectorAll(NOISE)) node.remove();
  return htmlToMarkdown(root);
}

function refuseDeepNesting(depth: number): void {
  if (depth > MAX_HTML_DEPTH) {
    throw new Rejection(`This page's elements are nested more than ${MAX_HTML_DEPTH} levels deep, which no article is; it looks built to overwhelm a reader. Dossier does not read it.`);
  }
}

/** Elements that close themselves or are closed by the next of their kind: they add no depth. */
const FLAT = new Set('area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup rb rt rp tbody thead tfoot colgroup caption'.split(' '));
/** Elements whose content is text, not tags, up to their end tag. */
const RAW_TEXT = new Map(['script', 'style', 'textarea', 'title'].map((name) => [name, new RegExp(`</${name}`, 'gi')]));
const TAG_NAME = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/;

/**
 * How deep a page's elements nest, counted from its tags without building
 * it: a cheap look before the parser, which takes seconds over pages built to
 * nest 100,000 deep. One pass: every search only moves forward.
 */
function estimatedDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  let pos = 0;
  let gt = -1;
  for (;;) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) return deepest;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) return deepest;
      pos = end + 3;
      continue;
    }
    if (gt < lt) gt = html.indexOf('>', lt);
    if (gt < 0) return deepest;
    const tag = TAG_NAME.exec(html.slice(lt, Math.min(gt + 1, lt + 64)));
    pos = tag ? gt + 1 : lt + 1;
    if (!tag) continue;
    const name = (tag[2] as string).toLowerCase();
    const closing = tag[1] === '/';
    const raw = RAW_TEXT.get(name);
    if (raw && !closing) {
      raw.lastIndex = pos;
      const end = raw.exec(html);
      if (!end) return deepest;
      pos = end.index;
      continue;
    }
    if (FLAT.has(name) || html.charAt(gt - 1) === '/') continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > MAX_HTML_DEPTH) return deepest;
    }
  }
}

/** The depth of the deepest element under `root`, walked without recursion. */
function domDepth(root: Element | null): number {
  if (!root) return 0;
  let deepest = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [Element, number];
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_HTML_DEPTH) return deepest;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return deepest;
}

interface PageFacts {
  title: string | undefined;
  siteName: string | undefined;
  /** The page's <h1> texts: a title that starts with one before a separator is that headline. */
  headlines: string[];
  date: string | null;
}

function pageFacts(document: Document): PageFacts {
  const attr = (selector: string, name: string) => document.querySelector(selector)?.getAttribute(name)?.trim() || undefined;
  return {
    title: document.querySelector('title')?.textContent?.trim() || undefined,
    siteName: attr('meta[property="og:site_name"]', 'content') ?? attr('meta[name="application-name"]', 'content'),
    headlines: [...document.querySelectorAll('h1')].map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean),
    date: publishedDate(document),
  };
}

/** The date the page says it was published: its metadata, schema.org (JSON-LD, microdata), then its first <time>. */
function publishedDate(document: Document): string | null {
  const candidates: Array<() => string | null | undefined> = [
    ...DATE_META.map((selector) => () => document.querySelector(selector)?.getAttribute('content')),
    () => jsonLdDate(document),
    () => {
      const item = document.querySelector('[itemprop="datePublished"]');
      return item?.getAttribute('content') ?? item?.getAttribute('datetime') ?? item?.textContent;
    },
    () => (document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]'))?.getAttribute('datetime'),
  ];
  for (const candidate of candidates) {
    const date = statedDate(candidate() ?? undefined);
    if (date) return date;
  }
  return null;
}

function jsonLdDate(document: Document): string | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD) continue;
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      continue;
    }
    const found = findKey(data, 'datePublished');
    if (found) return found;
  }
  return undefined;
}

/** The first string value of `key` in a JSON value, looked for breadth first and within bounds. */
function findKey(data: unknown, key: string): string | undefined {
  const queue: unknown[] = [data];
  for (let seen = 0; seen < queue.length && seen < MAX_JSON_LD_NODES; seen++) {
    const value = queue[seen];
    if (typeof value !== 'object' || value === null) continue;
    const own = (value as Record<string, unknown>)[key];
    if (typeof own === 'string') return own;
    queue.push(...Object.values(value));
  }
  return undefined;
}

/** "Operators sign IoT pact | TeleNews Daily" → "Operators sign IoT pact". */
function withoutSiteName(title: string, siteName: string | undefined, headlines: string[]): string {
  for (const separator of TITLE_SEPARATORS) {
    if (siteName && title.endsWith(separator + siteName)) return title.slice(0, -(separator + siteName).length).trim() || title;
    if (siteName && title.startsWith(siteName + separator)) return title.slice((siteName + separator).length).trim() || title;
    const cut = title.lastIndexOf(separator);
    if (cut > 0 && headlines.includes(title.slice(0, cut).trim())) return title.slice(0, cut).trim();
  }
  return title;
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
