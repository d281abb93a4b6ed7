/**
 * An HTML article as Markdown: the text a person reads, with the structure
 * the page gives it (headings and their level, paragraphs, lists, block
 * quotes, code, emphasis, links, figures and their captions) written the way
 * the reading blocks read Markdown. The page's own characters that Markdown
 * would take for markup are escaped, so the text reads exactly as the page
 * shows it; nothing of the page's HTML is kept.
 *
 * A figure is an image paragraph (`![alt]()`, without the image) followed by
 * its caption as an emphasised paragraph, which the reading blocks show as a
 * caption.
 */
import { safeHref } from '../../library/markdown-inline';

/** Elements read as a paragraph of their own. */
const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FORM', 'HEADER', 'FOOTER', 'HGROUP', 'MAIN', 'NAV', 'P', 'SECTION', 'SUMMARY', 'CENTER']);
const HEADINGS: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
const STRONG = new Set(['STRONG', 'B']);
const EMPHASIS = new Set(['EM', 'I', 'CITE', 'DFN', 'VAR']);
const CODE = new Set(['CODE', 'KBD', 'SAMP', 'TT']);
/** Stands for a <br> while whitespace is collapsed. */
const HARD_BREAK = '\u2028';

interface Container {
  /** What starts the container's first line ("> ", "- ", "3. "), and each line after it. */
  first: string;
  rest: string;
  used: boolean;
}

/** The article under `root` as Markdown. */
export function htmlToMarkdown(root: Element): string {
  const writer = new Writer();
  writer.blocks(root);
  return writer.finish();
}

class Writer {
  private readonly out: string[] = [];
  private readonly containers: Container[] = [];
  private inline: string[] = [];

  finish(): string {
    this.flush();
    return this.out.join('\n\n');
  }

  blocks(node: Node): void {
    for (const child of node.childNodes) this.node(child);
  }

  private node(node: Node): void {
    if (node.nodeType === 3) {
      this.inline.push(escapeText(node.textContent ?? ''));
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName;
    const level = HEADINGS[tag];
    if (level) return this.block(`${'#'.repeat(level)} ${oneLine(this.inlineOf(element))}`);
    switch (tag) {
      case 'UL':
      case 'OL':
        return this.list(element);
      case 'BLOCKQUOTE':
        return this.contained({ first: '> ', rest: '> ', used: false }, element);
      case 'PRE':
        return this.code(element.textContent ?? '');
      case 'FIGURE':
        return this.figure(element);
      case 'FIGCAPTION':
        return this.caption(element);
      case 'TABLE':
        return this.table(element);
      case 'HR':
        return this.flush();
      case 'LI':
        return this.contained({ first: '- ', rest: '  ', used: false }, element);
    }
    if (BLOCKS.has(tag)) {
      this.flush();
      this.blocks(element);
      this.flush();
      return;
    }
    this.inline.push(this.inlineElement(element));
  }

  /** Inline content of an element as Markdown (nested blocks read as inline text). */
  private inlineOf(element: Element): string {
    return [...element.childNodes].map((child) => (child.nodeType === 3 ? escapeText(child.textContent ?? '') : child.nodeType === 1 ? this.inlineElement(child as Element) : '')).join('');
  }

  private inlineElement(element: Element): string {
    const tag = element.tagName;
    if (tag === 'BR') return HARD_BREAK;
    if (tag === 'IMG') return '';
    if (CODE.has(tag)) return codeSpan(element.textContent ?? '');
    const inner = this.inlineOf(element);
    if (STRONG.has(tag)) return wrap(inner, '**');
    if (EMPHASIS.has(tag)) return wrap(inner, '*');
    if (tag === 'A') {
      const href = safeHref(element.getAttribute('href') ?? '');
      if (!href || !inner.trim()) return inner;
      const { lead, body, trail } = edges(inner);
      return `${lead}[${body}](${/[()<>\s]/.test(href) ? `<${href}>` : href})${trail}`;
    }
    return inner;
  }

  private list(element: Element): void {
    this.flush();
    const ordered = element.tagName === 'OL';
    let number = Math.max(0, Number.parseInt(element.getAttribute('start') ?? '1', 10) || 1);
    for (const child of element.children) {
      if (child.tagName !== 'LI') {
        this.node(child);
        continue;
      }
      const marker = ordered ? `${Math.min(number++, 999_999_999)}. ` : '- ';
      this.contained({ first: marker, rest: ' '.repeat(marker.length), used: false }, child);
    }
  }

  private contained(container: Container, element: Element): void {
    this.flush();
    this.containers.push(container);
    this.blocks(element);
    this.flush();
    this.containers.pop();
  }

  private code(text: string): void {
    this.flush();
    const body = text.replace(/^\n+|\s+$/g, '');
    if (!body) return;
    const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    this.emit([fence, ...body.split('\n'), fence]);
  }

  private figure(element: Element): void {
    this.flush();
    const captions = [...element.children].filter((child) => child.tagName === 'FIGCAPTION');
    const images = [...element.querySelectorAll('img')];
    const other = [...element.childNodes].filter((child) => !(child.nodeType === 1 && ['FIGCAPTION', 'IMG', 'PICTURE'].includes((child as Element).tagName)));
    const visual = !other.some((child) => (child.textContent ?? '').trim() !== '');
    if (visual) {
      const alt = images.map((img) => oneLine(escapeText(img.getAttribute('alt') ?? ''))).filter(Boolean).join(' ');
      this.block(`![${alt}]()`);
    } else {
      for (const child of other) this.node(child);
      this.flush();
    }
    for (const caption of captions) this.caption(caption);
  }

  private caption(element: Element): void {
    this.flush();
    const text = oneLine(this.inlineOf(element));
    if (text) this.block(wrap(text, '_'));
  }

  private table(element: Element): void {
    this.flush();
    for (const row of element.querySelectorAll('tr')) {
      const cells = [...row.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH').map((c) => oneLine(this.inlineOf(c)));
      if (cells.some(Boolean)) this.block(cells.join(' | '));
    }
  }

  /** Writes a paragraph's inline content as one block. */
  private flush(): void {
    const text = this.inline.join('').replace(/[^\S\u2028]+/g, ' ').replace(/ ?\u2028 ?/g, HARD_BREAK).replace(/^[\s\u2028]+|[\s\u2028]+$/g, '');
    this.inline = [];
    if (text) this.emit(text.split(HARD_BREAK).map((line, i, all) => escapeLineStart(line) + (i < all.length - 1 ? '\\' : '')));
  }

  private block(text: string): void {
    this.flush();
    if (text.trim()) this.emit([text]);
  }

  /** A block's lines, each after the markers of the containers it is in. */
  private emit(lines: string[]): void {
    this.out.push(
      lines
        .map((line, i) =>
          this.containers
            .map((c) => {
              const prefix = i === 0 && !c.used ? c.first : c.rest;
              return line === '' ? prefix.trimEnd() : prefix;
            })
            .join('') + line,
        )
        .join('\n'),
    );
    for (const container of this.containers) container.used = true;
  }
}

/** Collapses line breaks inside inline content (a heading, a cell) to spaces. */
const oneLine = (text: string): string => text.replace(/[\s\u2028]+/g, ' ').trim();

function edges(inner: string): { lead: string; body: string; trail: string } {
  const lead = /^[\s\u2028]*/.exec(inner)?.[0] ?? '';
  const trail = /[\s\u2028]*$/.exec(inner)?.[0] ?? '';
  return { lead, body: inner.slice(lead.length, inner.length - trail.length), trail };
}

/** Emphasis around content, its spaces moved outside (Markdown emphasis cannot start or end with one). */
function wrap(inner: string, marker: string): string {
  const { lead, body, trail } = edges(inner);
  return body ? `${lead}${marker}${body}${marker}${trail}` : inner;
}

function codeSpan(text: string): string {
  const body = text.replace(/\s+/g, ' ');
  if (!body.trim()) return body;
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Text of the page with every character Markdown would read as markup escaped. */
function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]]/g, '\\$&')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?\w+;)/g, '\\&');
}

/** A line of text whose start Markdown would read as a heading, quote, list item, rule or fence. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^[#>+=~-]/, '\\$&');
}
