import { parse as parseYaml } from 'yaml';
import { assemble } from '../../library/block-drafts';
import { MAX_NESTING, parseMarkdown } from '../../library/markdown-blocks';
import { decodeText, normaliseNewlines } from './encoding';
import { Rejection } from './rejection';
import type { Imported } from './types';

/** Front matter longer than this is not metadata anyone wrote by hand. */
const MAX_FRONT_MATTER = 64 * 1024;

/**
 * A Markdown file, kept as it is written: its reading blocks leave the markup
 * out and keep its meaning (headings, lists, quotes, code, emphasis, links).
 * The front matter's `title` and `date` describe the document, else its
 * first top-level heading names it.
 */
export function readMarkdown(bytes: Uint8Array): Imported {
  const text = normaliseNewlines(decodeText(bytes).text);
  const parsed = parseMarkdown(text, true);
  if (parsed.overNested) {
    throw new Rejection(`Its block quotes or lists are nested more than ${MAX_NESTING} levels deep, which no document a person reads is; it looks built to overwhelm a reader. Dossier does not read it.`);
  }
  const blocks = assemble(text, parsed.drafts);
  const front = frontMatter(parsed.frontMatter);
  const title = front.title ?? blocks.find((b) => b.kind === 'heading' && b.level === 1)?.text;
  return { text, format: 'markdown', blocks, ...(title ? { title } : {}), ...(front.date ? { date: front.date } : {}) };
}

function frontMatter(yaml: string | null): { title?: string; date?: string } {
  if (yaml === null || yaml.length > MAX_FRONT_MATTER) return {};
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch {
    // Front matter that is not valid YAML states nothing; the text still imports.
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const { title, date } = data as Record<string, unknown>;
  const named = typeof title === 'string' || typeof title === 'number' ? String(title).trim() : '';
  const dated = date instanceof Date ? date.toISOString().slice(0, 10) : typeof date === 'string' || typeof date === 'number' ? String(date).trim() : '';
  return { ...(named ? { title: named } : {}), ...(dated ? { date: dated } : {}) };
}
