import { stringify } from 'yaml';
import { escapeBlock, escapeLine } from './escape';
import { passageLink } from './links';
import { noteMarkdown } from './note-markdown';
import type { DocumentNotes, NoteEntry } from './notes';

/**
 * Notes as Markdown for Obsidian and similar tools: YAML front matter, then
 * one section per annotation in reading order with the exact quote as a
 * blockquote, the note, and a line with its #tags, colour and a dossier://
 * link back to the passage. The quote is escaped (escape.ts) so that it reads
 * back exactly as the document has it; the note keeps its own Markdown
 * (note-markdown.ts), so that it renders as it does in the app.
 */

const EXCERPT_WORDS = 8;
/** An underscore inside a word is just a letter; one at a word's edge could open emphasis in CommonMark. */
const EDGE_UNDERSCORE = /_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])_/gu;

/** One document's notes as a Markdown file. */
export function documentMarkdown(notes: DocumentNotes, exportedAt: string): string {
  const { doc } = notes;
  const front = frontMatter({
    title: doc.title,
    source: doc.source,
    date: doc.date,
    tags: tagsOf(notes),
    entities: notes.entities,
    exported: exportedAt,
    dossier: passageLink({ docId: doc.id }),
  });
  const sections = notes.notes.map((note, i) => noteSection(note, doc.id, i + 1, '##'));
  const body = sections.length > 0 ? sections : ['No notes in this document yet.'];
  return [front, heading('#', doc.title), ...body].join('\n\n') + '\n';
}

/** Several documents' notes in one file (the notes under a tag): a section per document. */
export function collectionMarkdown(title: string, tags: string[], documents: DocumentNotes[], exportedAt: string): string {
  const front = frontMatter({
    title,
    tags,
    documents: documents.map((d) => d.doc.title),
    exported: exportedAt,
  });
  const parts = documents.flatMap(({ doc, notes }) => [
    heading('##', doc.title),
    [...[doc.source, doc.date ?? ''].filter(Boolean).map(escapeLine), `[Open in Dossier](${passageLink({ docId: doc.id })})`].join(' · '),
    ...notes.map((note, i) => noteSection(note, doc.id, i + 1, '###')),
  ]);
  return [front, heading('#', title), ...parts].join('\n\n') + '\n';
}

/** The document's tags and its notes' tags, as Obsidian lists them in front matter: unique, sorted. */
function tagsOf({ tags, notes }: DocumentNotes): string[] {
  return [...new Set([...tags, ...notes.flatMap((n) => n.tags)])].sort();
}

/** YAML front matter; the yaml library quotes whatever needs quoting (colons, #, quotes, leading dashes), and line breaks as \\n in a quoted string (its block scalars lose a line of spaces). */
function frontMatter(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0, blockQuote: false })}---`;
}

function noteSection(note: NoteEntry, docId: string, n: number, level: string): string {
  const parts = [heading(level, `${n}. ${excerpt(note.quote)}`), escapeBlock(note.quote, '> ')];
  if (note.note.trim() !== '') parts.push(noteMarkdown(note.note));
  parts.push(metaLine(note, docId));
  return parts.join('\n\n');
}

/** A heading is one line: line breaks in a title become spaces there (the front matter keeps the title exactly). */
function heading(level: string, text: string): string {
  return `${level} ${escapeLine(text.replace(/\s+/g, ' ').trim())}`;
}

/** The first words of a quote, for the section heading. */
function excerpt(quote: string): string {
  const words = quote.trim().split(/\s+/);
  const head = words.slice(0, EXCERPT_WORDS).join(' ');
  return words.length > EXCERPT_WORDS ? `${head}…` : head;
}

/** "#operators/china #5g · Colour: yellow · [Open in Dossier](dossier://…)". */
function metaLine(note: NoteEntry, docId: string): string {
  const link = passageLink({ docId, start: note.start, end: note.end, annotation: note.id });
  return [
    note.tags.map((tag) => `#${obsidianTag(tag).replace(EDGE_UNDERSCORE, '\\_')}`).join(' '),
    `Colour: ${note.color}`,
    note.orphaned ? 'Passage not found in the current text' : '',
    `[Open in Dossier](${link})`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A tag as Obsidian accepts it inline (letters, digits, _, -, / between levels): a "." becomes "_". */
export function obsidianTag(tag: string): string {
  return tag.replace(/\./g, '_');
}
