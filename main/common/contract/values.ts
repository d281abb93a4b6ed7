import type { AppSettings } from './settings';

/*
 * The contract's plain values, without zod, so that the page can import them
 * without bundling the schemas. The schemas (annotations.ts, settings.ts, …)
 * are built on these and export them again.
 */

/** The longest note, in characters. */
export const MAX_NOTE_CHARS = 20_000;

/** The longest tag, in characters. */
export const MAX_TAG_CHARS = 100;

/** Letters, digits, `-`, `_` and `.`, in levels joined by single `/`. */
const TAG_PATTERN = /^[\p{L}\p{N}._-]+(?:\/[\p{L}\p{N}._-]+)*$/u;
const TAG_CHAR = /[\p{L}\p{N}._/-]/u;

/**
 * What is wrong with a tag, in words for the person who typed it, or null
 * when it is one: 1–100 letters, digits, `-`, `_`, `.`, with `/` between the
 * levels of a hierarchy ("operators/china"). The contract's Tag schema and
 * every field where a tag is typed check it with this, so both say the same.
 */
export function tagProblem(tag: string): string | null {
  if (tag === '') return 'A tag cannot be empty.';
  if (tag.length > MAX_TAG_CHARS) return `A tag can be at most ${MAX_TAG_CHARS} characters; this one has ${tag.length.toLocaleString('en')}.`;
  if (TAG_PATTERN.test(tag)) return null;
  if (/\s/.test(tag)) {
    const words = tag.trim().split(/\s+/);
    const tries = [words.join('/'), words.join('-')].filter((t) => TAG_PATTERN.test(t));
    return `A tag can’t contain spaces${tries.length > 0 ? `: try ${tries.join(' or ')}` : ''}.`;
  }
  const wrong = [...new Set([...tag].filter((c) => !TAG_CHAR.test(c)))];
  if (wrong.length > 0) {
    return `A tag can’t contain ${wrong.slice(0, 3).map((c) => `“${c}”`).join(', ')}: use letters, digits, -, _ and ., with / between levels (like operators/china).`;
  }
  const levels = tag.split('/').filter(Boolean).join('/');
  return `A tag can’t start or end with / or have two in a row: / only separates levels${levels ? `; try ${levels}` : ''}.`;
}

/** Highlight colours, in the order the toolbar shows them. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** What a search result can be, as `is:` picks it. */
export type ResultKind = 'passage' | 'note' | 'entity';

/** The words `is:` takes (lower-cased), and the kind of result each stands for. */
export const RESULT_KIND_WORDS: Readonly<Record<string, ResultKind>> = {
  note: 'note',
  notes: 'note',
  entity: 'entity',
  entities: 'entity',
  passage: 'passage',
  passages: 'passage',
  text: 'passage',
};

/** The reading text's size in pixels: the reader's buttons step within these bounds, and settings outside them are refused. */
export const FONT_SIZES = { min: 14, max: 26 } as const;

/** What a new installation starts with. */
export const DEFAULT_SETTINGS: AppSettings = {
  theme: 'system',
  reader: { font: 'serif', fontSize: 18, measure: 'medium', lineHeight: 1.65 },
  sidebar: true,
  mentions: true,
  highlightColor: 'yellow',
};

/** The file extensions each kind of document is imported from (lower case, without the dot). */
export const IMPORT_EXTENSIONS = {
  pdf: ['pdf'],
  html: ['html', 'htm', 'xhtml'],
  markdown: ['md', 'markdown', 'mdown'],
  text: ['txt', 'text'],
} as const;

/** How the core hands out a document's blocks: the first screen when it opens, then ranges of at most MAX_BLOCK_RANGE as the reader scrolls. */
export const BLOCK_READING = { firstScreenBlocks: 60, firstScreenChars: 12_000, maxRange: 200 } as const;

/** What the library's table sorts by, and the most rows one page of it holds. */
export const LIBRARY_SORTS = ['title', 'date', 'length'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
export const MAX_LIBRARY_PAGE = 500;
