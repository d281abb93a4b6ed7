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
  sections: Array<{ heading: string; quote: string; note: string; noteNodes: RootContent[]; meta: string; link: string }>;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** The text of a paragraph as a reader sees it (soft line breaks are line breaks). */
function textOf(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

/** Parses an exported file with remark (CommonMark) and YAML, section by section: heading, quote, the note's blocks, the meta line. */
function readBack(markdown: string): ReadBack {
  const tree = parser.parse(markdown) as Root;
  const [yaml, h1, ...rest] = tree.children;
  if (yaml?.type !== 'yaml' || h1?.type !== 'heading') throw new Error('expected front matter and a title');
  const sections: ReadBack['sections'] = [];
  let current: { heading: string; quote: string; blocks: RootContent[] } | null = null;
  const close = () => {
    if (!current) return;
    const meta = current.blocks.at(-1);
    const noteNodes = current.blocks.slice(0, -1);
    const link = meta?.type === 'paragraph' ? (meta as Paragraph).children.find((c) => c.type === 'link') : undefined;
    sections.push({
      heading: current.heading,
      quote: current.quote,
      noteNodes,
      note: noteNodes.map(textOf).join('\n\n'),
      meta: meta ? textOf(meta) : '',
      link: link?.type === 'link' ? link.url : '',
    });
  };
  for (const node of rest) {
    if (node.type === 'heading' && (node as Heading).depth === 2) {
      close();
      current = { heading: textOf(node), quote: '', blocks: [] };
    } else if (current && node.type === 'blockquote' && current.blocks.length === 0 && current.quote === '') {
      current.quote = (node as Blockquote).children.map(textOf).join('\n\n');
    } else current?.blocks.push(node);
  }
  close();
  return { front: parseYaml(yaml.value) as Record<string, unknown>, title: textOf(h1), sections };
}

/** Elements the app draws a note with (NoteText): anything else is shown as its text, or not at all. */
const DRAWN: Record<string, string> = { paragraph: 'p', strong: 'strong', emphasis: 'em', delete: 'del', list: 'ul', listItem: 'li', link: 'a', linkReference: 'a' };

/**
 * Markdown as the app draws a note: light elements, raw HTML as its text,
 * soft line breaks as line breaks, white space as a browser shows it.
 * Written as markup, to compare two readings.
 */
const drawn = (nodes: RootContent[]): string => markup(nodes, true).replace(/[ \t]+/g, ' ').replace(/ ?(<\/?(?:p|li|ul|ol|br)>) ?/g, '$1');

function markup(nodes: RootContent[], block: boolean): string {
  return nodes
    .map((node): string => {
      const text = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>');
      switch (node.type) {
        case 'text':
          return text(node.value);
        case 'html':
          // A block of raw HTML reads as paragraphs of its text (NoteText), inline HTML as text.
          if (!block) return text(node.value);
          return node.value.split(/\n[ \t]*\n/).filter((part) => part.trim() !== '').map((part) => `<p>${text(part.trim())}</p>`).join('');
        case 'inlineCode':
        case 'code':
          // Code is drawn inline, so its white space runs together.
          return `<code>${text(node.value.replace(/\s+/g, ' ').trim())}</code>`;
        case 'break':
          return '<br>';
        case 'definition':
          return '';
        case 'list':
          return `<${node.ordered ? 'ol' : 'ul'}>${markup(node.children, true)}</${node.ordered ? 'ol' : 'ul'}>`;
        case 'link':
          return `<a href="${node.url}">${markup(node.children, false)}</a>`;
        default: {
          const tag = DRAWN[node.type];
          if (!tag || !('children' in node)) throw new Error(`a note does not draw ${node.type}`);
          return `<${tag}>${markup(node.children as RootContent[], node.type === 'listItem')}</${tag}>`;
        }
      }
    })
    .join('');
}

/** What the app shows of a note: its Markdown read as NoteText reads it. */
const inTheApp = (note: string): RootContent[] => (unified().use(remarkParse).parse(note) as Root).children;

/** Whether a note holds what the app does not draw as Markdown but the export writes as typed (`# x`, `> x`, a rule, an image). */
function holdsLiteralBlocks(nodes: readonly RootContent[]): boolean {
  return nodes.some((n) => ['heading', 'blockquote', 'thematicBreak', 'image', 'imageReference'].includes(n.type) || ('children' in n && holdsLiteralBlocks(n.children as RootContent[])));
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
    expect(back.sections.map(({ noteNodes: _nodes, ...section }) => section)).toEqual([
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

  it('keeps quotes full of Markdown syntax exactly', () => {
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
    const markdown = documentMarkdown(doc([entry({ quote: tricky, note: 'A note' })]), EXPORTED_AT);
    const [section] = readBack(markdown).sections;
    expect(section?.quote).toBe(tricky);
    expect(section?.note).toBe('A note');
  });

  it('keeps a note’s own Markdown: bold, italics, lists, links, line breaks and paragraphs', () => {
    const note = '**Key speaker.** He frames it as a *national* strategy:\n\n- One Belt One Road\n- Digital Silk Road\n\nSee [Ericsson DCP](https://www.ericsson.com/dcp),\nthen _compare_ `5G-A` and 2 * 3.';
    const markdown = documentMarkdown(doc([entry({ note })]), EXPORTED_AT);
    expect(markdown).toContain('**Key speaker.** He frames it as a *national* strategy:\n\n- One Belt One Road\n- Digital Silk Road\n\nSee [Ericsson DCP](https://www.ericsson.com/dcp),\nthen _compare_ `5G-A` and 2 \\* 3.');
    const [section] = readBack(markdown).sections;
    expect(drawn(section?.noteNodes ?? [])).toBe(drawn(inTheApp(note)));
    expect(drawn(section?.noteNodes ?? [])).toBe(
      '<p><strong>Key speaker.</strong> He frames it as a <em>national</em> strategy:</p><ul><li><p>One Belt One Road</p></li><li><p>Digital Silk Road</p></li></ul>' +
        '<p>See <a href="https://www.ericsson.com/dcp">Ericsson DCP</a>,<br>then <em>compare</em> <code>5G-A</code> and 2 * 3.</p>',
    );
  });

  it('writes what the app shows as text as text: lines starting with # or >, rules, images, raw HTML, Obsidian’s syntax', () => {
    const note = [
      '# not a heading',
      '> not a quote',
      '',
      'Setext?',
      '---',
      '',
      '![no image](x.png) <img src=x onerror="alert(1)"> <b>*kept*</b>',
      '#obsidian-tag ==highlight== %%comment%% $math$ [[wikilink]] ~~strike~~ | a | b |',
      '',
      '<div>',
      '# still text',
      '</div>',
      '',
      '> <b>quoted',
      '> HTML</b>',
    ].join('\n');
    const [section] = readBack(documentMarkdown(doc([entry({ note })]), EXPORTED_AT)).sections;
    expect(drawn(section?.noteNodes ?? [])).toBe(
      '<p># not a heading</p><p>> not a quote</p><p>Setext?<br>---</p>' +
        '<p>![no image](x.png) &lt;img src=x onerror="alert(1)"> &lt;b><em>kept</em>&lt;/b><br>#obsidian-tag ==highlight== %%comment%% $math$ [[wikilink]] ~~strike~~ | a | b |</p>' +
        '<p>&lt;div><br># still text<br>&lt;/div></p><p>> &lt;b>quoted<br>> HTML&lt;/b></p>',
    );
  });

  it('closes a code block a note leaves open, so that the next note is not swallowed', () => {
    const markdown = documentMarkdown(doc([entry({ id: 'n1', note: 'See:\n```js\nrun()' }), entry({ id: 'n2', quote: 'Next' })]), EXPORTED_AT);
    const back = readBack(markdown);
    expect(back.sections.map((s) => s.quote)).toEqual(['A quoted passage.', 'Next']);
    expect(drawn(back.sections[0]?.noteNodes ?? [])).toBe('<p>See:</p><code>run()</code>');
  });

  it('round-trips any quote, title and tags, and draws any note as the app does, through a real Markdown and YAML parser', () => {
    const alphabet = fc.constantFrom(...'ab 1.\n\t*_#>[]()!|`~=%$^&;-+<>\\"\':{}é—“'.split(''), 'ab', '1. ', '- ', '&amp;', '\r\n');
    const noteAlphabet = fc.constantFrom(
      ...'ab \n*_#[]()!|`~=%$^&-+<>\\:'.split(''),
      'word', '**', '__', '\n\n', '](http://x.y/a_b)', '- ', '1. ', '  ', '    ', '<b>', '</b>', '<div>', '<!--', '&amp;', '#tag', '==', '%%', '~~', '[[', '```', '<http://a.b/#c>', '---', '> ', '# ',
    );
    const text = fc.array(alphabet, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
    const noteText = fc.array(noteAlphabet, { maxLength: 30 }).map((parts) => parts.join(''));
    const tag = fc.stringMatching(/^[a-z0-9._-]{1,8}(\/[a-z0-9._-]{1,8})?$/);
    fc.assert(
      fc.property(text.filter((t) => t.trim() !== ''), noteText, text, fc.array(tag, { maxLength: 3 }), (quote, note, title, tags) => {
        const unique = [...new Set(tags)];
        const markdown = documentMarkdown(doc([entry({ quote, note, tags: unique }), entry({ id: 'next', quote: 'Next' })], title), EXPORTED_AT);
        const back = readBack(markdown);
        expect(back.front['title']).toBe(title);
        expect(back.front['tags']).toEqual([...new Set([...unique, 'telecom'])].sort());
        expect(back.sections).toHaveLength(2);
        expect(back.sections[0]?.quote).toBe(quote);
        expect(back.sections[0]?.meta.split(' · ')[0]).toBe(unique.length > 0 ? unique.map((t) => `#${obsidianTag(t)}`).join(' ') : 'Colour: yellow');
        expect(back.sections[1]?.quote).toBe('Next');
        const written = back.sections[0]?.noteNodes ?? [];
        expect(holdsLiteralBlocks(written)).toBe(false);
        if (!holdsLiteralBlocks(inTheApp(note))) expect(drawn(written)).toBe(drawn(inTheApp(note)));
      }),
      { numRuns: 300 },
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
