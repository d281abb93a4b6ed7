import type { Nodes, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { decodeText, normaliseNewlines } from './encoding';
import type { Imported } from './types';

/** YAML front matter: `---` on the first line, closed by `---` or `...` on a line of its own. */
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * A Markdown file as the text a person reads: headings, paragraphs and list
 * items without their markup (list items keep a "- " bullet, which the reading
 * blocks understand). The front matter's `title` names the document.
 */
export function readMarkdown(bytes: Uint8Array): Imported {
  const source = normaliseNewlines(decodeText(bytes).text);
  const front = FRONT_MATTER.exec(source);
  const body = front ? source.slice(front[0].length) : source;
  const tree = unified().use(remarkParse).parse(body);
  const text = blocksOf(tree.children).join('\n\n');
  const title = titleFromFrontMatter(front?.[1]) ?? firstHeading(tree);
  return { text, format: 'markdown', ...(title ? { title } : {}) };
}

function titleFromFrontMatter(yaml: string | undefined): string | undefined {
  if (yaml === undefined) return undefined;
  try {
    const data: unknown = parseYaml(yaml);
    const title = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['title'] : undefined;
    return typeof title === 'string' || typeof title === 'number' ? String(title).trim() || undefined : undefined;
  } catch {
    // Front matter that is not valid YAML names nothing; the text still imports.
    return undefined;
  }
}

function firstHeading(tree: Root): string | undefined {
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  return heading ? inline(heading) || undefined : undefined;
}

/** Each block of the tree as one paragraph of text. */
function blocksOf(nodes: RootContent[], bullet = ''): string[] {
  return nodes.flatMap((node): string[] => {
    switch (node.type) {
      case 'heading':
      case 'paragraph':
        return [bullet + inline(node)];
      case 'list':
        return node.children.flatMap((item) => blocksOf(item.children, '- '));
      case 'blockquote':
        return blocksOf(node.children, bullet);
      case 'code':
        return [node.value];
      case 'table':
        return node.children.map((row) => row.children.map((cell) => inline(cell)).join(' | '));
      // Raw HTML, rules and definitions are markup, not text to read.
      default:
        return [];
    }
  }).filter((block) => block.trim() !== '' && block.trim() !== bullet.trim());
}

/** Inline content as text: a hard break stays a line break, an image is its description, raw HTML is dropped. */
function inline(node: Nodes): string {
  switch (node.type) {
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    case 'html':
      return '';
    default:
      if ('children' in node) return node.children.map(inline).join('');
      return 'value' in node ? node.value : '';
  }
}
