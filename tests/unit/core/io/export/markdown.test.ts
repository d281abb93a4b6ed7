import fc from 'fast-check';
import type { Blockquote, Heading, Paragraph, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { collectionMarkdown, documentMarkdown, obsidianTag } from '../../../../../main/core/io/export/markdown';
import type { DocumentNotes, NoteEntry } from '../../../../../main/core/io/export/notes';

/** What a Markdown reader gets back from an exported file. */
interface ReadBack {
  front: Record<string, unknown>;
  title: string;
  sections: Array<{ heading: string; quote: string; note: string; meta: string; link: string }>;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** The text of a paragraph as a reader sees it (soft line breaks are line breaks). */
function textOf(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

/** Parses an exported file with remark (CommonMark) and YAML, section by section. */
function readBack(markdown: string): ReadBack {
  const tree = parser.parse(markdown) as Root;
  const [yaml, h1, ...rest] = tree.children;
  if (yaml?.type !== 'yaml' || h1?.type !== 'heading') throw new Error('expected front matter and a title');
  const sections: ReadBack['sections'] = [];
  let current: ReadBack['sections'][number] | null = null;
  for (const node of rest) {
    if (node.type === 'heading' && (node as Heading).depth === 2) {
      current = { heading: textOf(node), quote: '', note: '', meta: '', link: '' };
      sections.push(current);
    } else if (current && node.type === 'blockquote') {
      current.quote = (node as Blockquote).children.map(textOf).join('\n\n');
    } else if (current && node.type === 'paragraph') {
      // The last paragraph of a section is its meta line; the ones before it are the note.
      if (current.meta) current.note = current.note ? `${current.note}\n\n${current.meta}` : current.meta;
      current.meta = textOf(node);
      const link = (node as Paragraph).children.find((c) => c.type === 'link');
      current.link = link && link.type === 'link' ? link.url : '';
    }
  }
  return { front: parseYaml(yaml.value) as Record<string, unknown>, title: textOf(h1), sections };
}

const entry = (over: Partial<NoteEntry>): NoteEntry => ({
  id: 'a1b2c3',
  quote: 'A quoted passage.',
  note: '',
  tags: [],
  color: 'yellow',
  start: 10,
  end: 27,
  orphaned: false,
  created: '2024-06-26T10:00:00.000Z',
  modified: '2024-06-26T10:05:00.000Z',
  ...over,
});

const doc = (notes: NoteEntry[], title = 'China Unicom: "Global Partners" #2024 — a review'): DocumentNotes => ({
  doc: { id: 'doc-1', title, source: '000_report.txt', date: '2024-06-26' },
  notes,
  tags: ['telecom'],
  entities: ['China Unicom', 'GSMA'],
});

const EXPORTED_AT = '2025-01-02T03:04:05.000Z';

describe('Markdown export', () => {
  it('writes front matter, a section per note in order, tags, colour and a link back', () => {
    const notes = [
      entry({ id: 'n1', quote: 'First passage', note: 'Why it matters', tags: ['operators/china', 'v1.5'], start: 5, end: 18 }),
      entry({ id: 'n2', quote: 'Second passage', color: 'green', orphaned: true }),
    ];
    const markdown = documentMarkdown(doc(notes), EXPORTED_AT);
    const back = readBack(markdown);
    expect(back.front).toEqual({
      title: 'China Unicom: "Global Partners" #2024 — a review',
      source: '000_report.txt',
      date: '2024-06-26',
      tags: ['operators/china', 'telecom', 'v1.5'],
      entities: ['China Unicom', 'GSMA'],
      exported: EXPORTED_AT,
      dossier: 'dossier://open/doc-1',
    });
    expect(back.title).toBe('China Unicom: "Global Partners" #2024 — a review');
    expect(back.sections).toEqual([
      {
        heading: '1. First passage',
        quote: 'First passage',
        note: 'Why it matters',
        meta: '#operators/china #v1_5 · Colour: yellow · Open in Dossier',
        link: 'dossier://open/doc-1?start=5&end=18&annotation=n1',
      },
      {
        heading: '2. Second passage',
        quote: 'Second passage',
        note: '',
        meta: 'Colour: green · Passage not found in the current text · Open in Dossier',
        link: 'dossier://open/doc-1?start=10&end=27&annotation=n2',
      },
    ]);
  });

  it('keeps quotes and notes full of Markdown syntax exactly', () => {
    const tricky = [
      '*not emphasis* and _not either_ and **nor this**',
      '# not a heading',
      '> not a quote',
      '1. not a list',
      '2) nor this',
      '- nor a bullet',
      '+ nor this',
      '[not a link](http://example.com) ![nor an image](x.png) [[nor a wikilink]]',
      '| a | table? |',
      '`code` and ``more``',
      '```',
      '---',
      '===',
      '<b>not html</b> &amp; not an entity &#65; either',
      'trailing backslash \\',
      '   leading spaces and trailing   ',
      '\ttab',
      '#obsidian-tag ==highlight== %%comment%% $math$ ~~strike~~ ^block-id',
      '',
      '',
      'after two blank lines',
    ].join('\n');
    const markdown = documentMarkdown(doc([entry({ quote: tricky, note: tricky })]), EXPORTED_AT);
    const [section] = readBack(markdown).sections;
    expect(section?.quote).toBe(tricky);
    expect(section?.note).toBe(tricky);
  });

  it('round-trips any text, title and tags through a real Markdown and YAML parser', () => {
    const alphabet = fc.constantFrom(...'ab 1.\n\t*_#>[]()!|`~=%$^&;-+<>\\"\':{}é—“'.split(''), 'ab', '1. ', '- ', '&amp;', '\r\n');
    const text = fc.array(alphabet, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
    const tag = fc.stringMatching(/^[a-z0-9._-]{1,8}(\/[a-z0-9._-]{1,8})?$/);
    fc.assert(
      fc.property(text.filter((t) => t.trim() !== ''), text, text, fc.array(tag, { maxLength: 3 }), (quote, note, title, tags) => {
        const unique = [...new Set(tags)];
        const markdown = documentMarkdown(doc([entry({ quote, note, tags: unique })], title), EXPORTED_AT);
        const back = readBack(markdown);
        expect(back.front['title']).toBe(title);
        expect(back.front['tags']).toEqual([...new Set([...unique, 'telecom'])].sort());
        expect(back.sections).toHaveLength(1);
        expect(back.sections[0]?.quote).toBe(quote);
        expect(back.sections[0]?.note).toBe(note);
        expect(back.sections[0]?.meta.split(' · ')[0]).toBe(unique.length > 0 ? unique.map((t) => `#${obsidianTag(t)}`).join(' ') : 'Colour: yellow');
      }),
      { numRuns: 200 },
    );
  });

  it('writes a document without notes as a file that says so', () => {
    const markdown = documentMarkdown(doc([]), EXPORTED_AT);
    expect(markdown).toContain('No notes in this document yet.');
    expect(readBack(markdown).front['tags']).toEqual(['telecom']);
  });

  it('writes the notes under a tag from several documents as one file, a section per document', () => {
    const markdown = collectionMarkdown('Notes tagged operators', ['operators'], [doc([entry({ quote: 'One' })], 'First doc'), doc([entry({ quote: 'Two' }), entry({ quote: 'Three' })], 'Second doc')], EXPORTED_AT);
    const tree = parser.parse(markdown) as Root;
    const headings = tree.children.filter((n): n is Heading => n.type === 'heading').map((h) => `${h.depth} ${textOf(h)}`);
    expect(headings).toEqual(['1 Notes tagged operators', '2 First doc', '3 1. One', '2 Second doc', '3 1. Two', '3 2. Three']);
    const quotes = tree.children.filter((n) => n.type === 'blockquote').map(textOf);
    expect(quotes).toEqual(['One', 'Two', 'Three']);
  });
});
