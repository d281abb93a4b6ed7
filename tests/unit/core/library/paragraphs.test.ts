import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../../main/core/io/import/read';
import { toBlocks, type Block } from '../../../../main/core/library/paragraphs';
import { cleanToOriginal, originalToClean } from '../../../../renderer/src/reader/spans';
import { openTestDossier, seedId } from '../../helpers';

const SEED_DIR = join(import.meta.dirname, '../../../../resources/seed');
const seeds = readdirSync(SEED_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(SEED_DIR, name), 'utf8') }));

function seed(prefix: string): string {
  const found = seeds.find((s) => s.name.startsWith(prefix));
  if (!found) throw new Error(`seed ${prefix} missing`);
  return found.text;
}

const report = seed('004');
const reportBlocks = toBlocks(report);

function blockStarting(blocks: Block[], prefix: string): Block {
  const found = blocks.find((block) => block.text.startsWith(prefix));
  if (!found) throw new Error(`no block starts with ${JSON.stringify(prefix)}`);
  return found;
}

function kindOf(text: string): string | undefined {
  return reportBlocks.find((block) => block.text === text)?.kind;
}

function nonBlankLines(text: string): string[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line !== '');
}

/** A block's text as its spans and separators say it is. */
function joined(original: string, block: Block): string {
  return block.spans.map(([s, e], i) => (i > 0 ? (block.separators?.[i - 1] ?? ' ') : '') + original.slice(s, e)).join('');
}

function expectWellFormed(original: string, blocks: Block[]): void {
  let previousEnd = 0;
  blocks.forEach((block, i) => {
    expect(block.index).toBe(i);
    expect(block.spans.length).toBeGreaterThan(0);
    expect(block.separators === undefined || block.separators.length === block.spans.length - 1).toBe(true);
    expect(block.text).toBe(joined(original, block));
    expect(block.start).toBe(block.spans[0]?.[0]);
    expect(block.end).toBe(block.spans.at(-1)?.[1]);
    for (const [s, e] of block.spans) {
      expect(s).toBeGreaterThanOrEqual(previousEnd);
      expect(e).toBeGreaterThan(s);
      expect(original.charAt(s)).toMatch(/\S/);
      expect(original.charAt(e - 1)).toMatch(/\S/);
      previousEnd = e;
    }
    // Only ever single ASCII spaces in the clean text.
    expect(block.text).not.toMatch(/ {2}|[^\S ]/);
  });
}

// Collects mismatches instead of asserting per character: the report has ~48k of them.
function expectRoundTrip(original: string, block: Block): void {
  const { text } = block;
  const mismatches: string[] = [];
  for (let offset = 0; offset < text.length; offset++) {
    const at = original.charAt(cleanToOriginal(block, offset, 'start'));
    const same = text[offset] === ' ' ? /\s/.test(at) : at === text[offset];
    if (!same) mismatches.push(`char ${offset}`);
    const to = Math.min(text.length, offset + 1 + (offset % 13));
    const back = originalToClean(block, cleanToOriginal(block, offset, 'start'), cleanToOriginal(block, to));
    if (back.length !== 1 || back[0]?.[0] !== offset || back[0][1] !== to) mismatches.push(`range ${offset}-${to}`);
  }
  expect(mismatches, `block ${block.index}`).toEqual([]);
  expect(cleanToOriginal(block, text.length)).toBe(block.end);
  expect(originalToClean(block, block.start, block.end)).toEqual([[0, text.length]]);
  expect(originalToClean(block, 0, block.start)).toEqual([]);
  expect(originalToClean(block, block.end, block.end + 50)).toEqual([]);
}

describe('toBlocks on the PDF-extracted report (004)', () => {
  it('joins lines broken mid-sentence in the PDF report', () => {
    expect(reportBlocks[1]).toMatchObject({
      kind: 'paragraph',
      text:
        'Innovation is an indispensable driving force for maintaining corporate vibrancy. It is the primary power for ' +
        'development and provides strategic support for building a modernised economy. China Unicom persists in ' +
        'bringing quality smart living to its customers through innovation. In 2017, the Company actively advanced the ' +
        'construction of intelligent networks, as it stepped up with deployment in areas such as cloud computing, Big Data ' +
        'and Internet of Things while making proactive explorations in AI. The Company rolled out a diverse range of ' +
        '“Smart+” applications to foster a smart brand and facilitate smart living and smart industry development, in a bid ' +
        'to enhance customer services generally via multiple channels and realise innovation-driven development.',
    });
  });

  it('joins a paragraph across the blank lines the extractor put inside it', () => {
    expect(blockStarting(reportBlocks, 'For digitisation of communication networks')).toMatchObject({
      kind: 'paragraph',
      text:
        'For digitisation of communication networks, China Unicom actively engaged in CORD, an important international ' +
        'open-source project in the field of SDN. We led in the E-CORD architecture (Enterprise-Central Office ' +
        'Re-architected as a Datacentre) and took part in the works of M-CORD (Mobile Network-Central Office ' +
        'Re-architected as a Datacentre). We established China Unicom CORD Industry Alliance to lobby for the ' +
        'introduction of open-source CORD projects in the country which would enhance the international influence of ' +
        'China Unicom in the SDN/NFV open-source field.',
    });
  });

  it('keeps joining after a full stop when the line ends with the wrap marker space', () => {
    expect(blockStarting(reportBlocks, 'Smart Living Experience Stores jointly built')).toMatchObject({
      kind: 'paragraph',
      text:
        'Smart Living Experience Stores jointly built by China Unicom, JD.com and Alibaba opened in Guangzhou and ' +
        'Shanghai respectively. The consumer-oriented smart living experience stores redesign merchandise offerings ' +
        'and consumption scenarios by applying new technologies, such as Big Data, cloud computing and artificial ' +
        'intelligence. It improves the operation capability of China Unicom’s stores and community cooperative stores, ' +
        'better meets the increasing aspiration of China Unicom’s customers for a wonderful information life and further ' +
        'enhances consumers’ O2O consumption experience.',
    });
  });

  it('makes each bullet glyph start a bullet whose wrapped lines join it, without the glyph', () => {
    expect(reportBlocks[2]).toMatchObject({
      kind: 'bullet',
      text: 'To carry on with the R&D and application of SDN/NFV technologies, and accelerate 5G technologies R&D and trial deployment.',
    });
    expect(blockStarting(reportBlocks, 'Sped up deployment')).toMatchObject({
      kind: 'bullet',
      text: 'Sped up deployment in cloud computing, Internet of Things, Big Data and AI, etc. and initiated innovation in business and services.',
    });
    const glyph = report.indexOf('‧ To carry on');
    expect(reportBlocks[2]?.start).toBe(glyph + 2);
  });

  it('joins an indented continuation line into its bullet', () => {
    expect(blockStarting(reportBlocks, 'Network Capability:')).toMatchObject({
      kind: 'bullet',
      text:
        'Network Capability: China Unicom built a diversified and customised IoT network adaptable to complex ' +
        'situations. It pushed forward nationwide NB-IoT commercial use and eMTC pre-commercial use. Dozens of cities ' +
        'have already launched NB-IoT for pre-commercial use. Over 300 cities are ready to quickly enable NB-IoT network ' +
        'functionality. In a number of places including Beijing and Guangdong, the eMTC trial networks are ready for ' +
        'pre-commercial use.',
    });
  });

  it('recognises short standalone lines in capitals or sentence case as headings', () => {
    for (const heading of [
      'INNOVATION-DRIVEN: HEADING TOWARDS GOOD SMART LIVING',
      'BUILDING SMART NETWORKS',
      'Intelligent evolution of network',
      'Accelerating 5G research and development',
      'Embracing Artificial Intelligence (AI)',
      'Smart medical care',
      'UPGRADING SMART SERVICES',
    ]) {
      expect(kindOf(heading), heading).toBe('heading');
    }
  });

  it('separates a heading from the paragraph printed right under it', () => {
    const i = reportBlocks.findIndex((block) => block.text === 'BUILDING SMART NETWORKS');
    expect(reportBlocks[i + 1]?.text).toBe(
      'High-speed smart networks are the basis for the network superpower strategy. China Unicom is committed to ' +
        'providing quality network service through continuous network optimisation and evolution as well as network ' +
        'speed upgrade. We strive to build smart networks to provide more intelligent services for our clients.',
    );
  });

  it('mutes numbers, captions and diagram labels torn from figures as figure blocks', () => {
    for (const figure of [
      '649 228',
      '648 346',
      'Registered users of WO+ Cloud Disk exceed 70 million',
      'WO Cloud Platform serves over 2,000 clients',
      'Actions in 2018Measures adopted in 2017',
      'China Unicom and Alibaba Cloud launched hybrid cloud products',
      'Over',
      'Smart Tourism Platform',
      'Government',
    ]) {
      expect(kindOf(figure), figure).toBe('figure');
    }
  });

  it('keeps the running page footer as its own figure block', () => {
    expect(kindOf('30 CHINA UNICOM (HONG KONG) LIMITED CORPORATE SOCIAL RESPONSIBILITY REPORT 2017')).toBe('figure');
  });

  it('does not glue a stray caption word onto the indented paragraph after it', () => {
    expect(blockStarting(reportBlocks, 'As one of the first pilot cities').text).toMatch(/businesses and citizens\.$/);
  });
});

describe('hyphens at line ends in the PDF-extracted report (004)', () => {
  it.each([
    ['word-', 'of-mouth', 'enhance customer perception and the word-of-mouth.'],
    ['one-', 'off', 'effect the transformation from one-off product sales'],
    ['Next-', 'generation', 'including the “Next-generation wireless broadband'],
    ['NB-', 'IoT', 'agricultural drones, NB-IoT for agriculture'],
  ])('keeps the hyphen of "%s%s" with no space, each side at its exact original offset', (head, tail, reads) => {
    const at = report.indexOf(`${head}\n\n${tail}`);
    expect(at).toBeGreaterThan(0);
    const block = reportBlocks.find((b) => b.start <= at && b.end > at) as Block;
    expect(block.text).toContain(reads);
    const i = block.spans.findIndex(([, end]) => end === at + head.length);
    expect(block.spans[i + 1]?.[0]).toBe(at + head.length + 2);
    expect(block.separators?.[i]).toBe('');
    const word = originalToClean(block, at, at + head.length + 2 + tail.length);
    expect(word.map(([from, to]) => block.text.slice(from, to))).toEqual([`${head}${tail}`]);
    expect(report.slice(cleanToOriginal(block, word[0]?.[0] ?? 0, 'start'), cleanToOriginal(block, word[0]?.[1] ?? 0))).toBe(`${head}\n\n${tail}`);
  });

  it('drops a hyphen that only splits a word, so the clean text reads it whole', () => {
    const text = 'The Company is committed to continuous optimisa-\ntion and evolu-\n\ntion of its networks.';
    const [block] = toBlocks(text, 'pdf');
    expect(block?.text).toBe('The Company is committed to continuous optimisation and evolution of its networks.');
    expect(block?.spans.map(([s, e]) => text.slice(s, e))).toEqual(['The Company is committed to continuous optimisa', 'tion and evolu', 'tion of its networks.']);
    expect(block?.separators).toEqual(['', '']);
    expectRoundTrip(text, block as Block);
  });

  it('finds the passage by NB-IoT, and by the phrase across the line end', async () => {
    const dossier = await openTestDossier();
    const id = await seedId(dossier, '004');
    for (const q of ['NB-IoT', '"NB-IoT for agriculture"']) {
      const { groups } = await dossier.api.search({ q });
      const passages = groups.find((g) => g.docId === id)?.hits.map((h) => h.snippet.text) ?? [];
      expect(passages.some((text) => text.includes('NB-IoT for agriculture')), q).toBe(true);
    }
  });
});

describe('toBlocks on plain text that is not an extraction', () => {
  it('reads minutes, item lists and addresses as paragraphs, none of them muted', () => {
    const minutes = ['Minutes of the harbour board', '', 'Present: Ana Ruiz, Tom Berg, Li Wei', 'Apologies: Sam Cole', '', 'Budget approved', '', 'Next meeting on 3 May', '', 'Harbour Office', '12 Quay Street', 'Portsmouth PO1 2AB'].join('\n');
    const blocks = toBlocks(minutes);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Minutes of the harbour board'],
      ['paragraph', 'Present: Ana Ruiz, Tom Berg, Li Wei'],
      ['paragraph', 'Apologies: Sam Cole'],
      ['paragraph', 'Budget approved'],
      ['paragraph', 'Next meeting on 3 May'],
      ['paragraph', 'Harbour Office'],
      ['paragraph', '12 Quay Street'],
      ['paragraph', 'Portsmouth PO1 2AB'],
    ]);
    expectWellFormed(minutes, blocks);
  });

  it('keeps a blank line a paragraph break, even before a lower-case line', () => {
    expect(toBlocks('see the list below\n\nx = 1 for every row').map((b) => b.text)).toEqual(['see the list below', 'x = 1 for every row']);
  });
});

describe('toBlocks on the news articles (000–003)', () => {
  it('keeps one block per paragraph line', () => {
    const counts = seeds.slice(0, 4).map((s) => toBlocks(s.text).length);
    expect(counts).toEqual([6, 8, 7, 23]);
    for (const { text } of seeds.slice(0, 4)) {
      expect(toBlocks(text).map((block) => block.text)).toEqual(nonBlankLines(text));
    }
  });

  it('treats a short first line as the headline and a long one as a paragraph', () => {
    expect(toBlocks(seed('001'))[0]).toMatchObject({
      kind: 'heading',
      text: 'The 2021 China Mobile Global Partners Conference inaugurated',
    });
    expect(toBlocks(seed('003'))[0]?.kind).toBe('heading');
    expect(toBlocks(seed('000'))[0]?.kind).toBe('paragraph');
    expect(toBlocks(seed('002'))[0]?.kind).toBe('paragraph');
  });

  it('reads lines of verse as paragraphs, not headings', () => {
    const blocks = toBlocks(seed('003'));
    expect(blockStarting(blocks, 'Birds flying high').kind).toBe('paragraph');
    expect(blockStarting(blocks, 'What we dream of').kind).toBe('paragraph');
    expect(blockStarting(blocks, 'IoT on the Silk Road').kind).toBe('heading');
  });

  it('collapses double spaces and no-break spaces inside a line', () => {
    const text = seed('003');
    const block = blockStarting(toBlocks(text), 'The Chinese government');
    expect(block.text).toContain('strategy in the government’s');
    expect(text.slice(block.start, block.end)).toContain('\u00a0');
  });
});

const MARKDOWN = [
  '---',
  'title: Field notes',
  '---',
  '# Harbour *report*',
  '',
  'Setext heading',
  '--------------',
  '',
  'A paragraph with **strong**, `code`, a [link](https://example.com/a "Title") and an \\*escape\\*,',
  'wrapped onto a second line with _emphasis_.  ',
  'After a hard break: <b>raw</b> HTML &amp; an <https://auto.example/x>.',
  '',
  '- first item',
  '- second item',
  '  - nested item',
  '',
  '    more of the nested item',
  '3. third, numbered',
  '',
  '> Quoted, with a [reference][ref].',
  '> > Quoted twice.',
  '',
  '```js',
  'const a = 1;',
  '',
  '  indented();',
  '```',
  '',
  '![A tower by the sea](tower.png)',
  '',
  '*The tower at dusk*',
  '',
  '<div>',
  'hidden block of HTML',
  '</div>',
  '',
  '[ref]: https://ref.example/path',
  '[danger](javascript:alert(1)) stays text.',
].join('\n');

/** A block's parts in the original, as the person reads them. */
const inOriginal = (original: string, block: Block) => block.spans.map(([s, e]) => original.slice(s, e));

describe('toBlocks on Markdown', () => {
  const blocks = toBlocks(MARKDOWN, 'markdown');
  const summary = blocks.map(({ kind, text, level, list, indent, quote, code }) => ({ kind, text, ...(level ? { level } : {}), ...(list ? { list } : {}), ...(indent ? { indent } : {}), ...(quote ? { quote } : {}), ...(code ? { code } : {}) }));

  it('keeps headings with their level, lists with their nesting and numbers, quotes, code and figures', () => {
    expect(summary).toEqual([
      { kind: 'heading', text: 'Harbour report', level: 1 },
      { kind: 'heading', text: 'Setext heading', level: 2 },
      { kind: 'paragraph', text: 'A paragraph with strong, code, a link and an *escape*, wrapped onto a second line with emphasis.\nAfter a hard break: raw HTML &amp; an https://auto.example/x.' },
      { kind: 'bullet', text: 'first item', list: { ordered: false }, indent: 1 },
      { kind: 'bullet', text: 'second item', list: { ordered: false }, indent: 1 },
      { kind: 'bullet', text: 'nested item', list: { ordered: false }, indent: 2 },
      { kind: 'paragraph', text: 'more of the nested item', indent: 2 },
      { kind: 'bullet', text: 'third, numbered', list: { ordered: true, number: 3 }, indent: 1 },
      { kind: 'paragraph', text: 'Quoted, with a reference.', quote: 1 },
      { kind: 'paragraph', text: 'Quoted twice.', quote: 2 },
      { kind: 'paragraph', text: 'const a = 1;\n\n  indented();', code: true },
      { kind: 'figure', text: 'A tower by the sea' },
      { kind: 'figure', text: 'The tower at dusk' },
      { kind: 'paragraph', text: 'danger stays text.' },
    ]);
  });

  it('keeps emphasis, code and links as marks over the clean text, links only to http(s)', () => {
    const marked = (block: Block | undefined) => (block?.marks ?? []).map((m) => [m.kind, block?.text.slice(m.from, m.to), m.href]);
    expect(marked(blocks[0])).toEqual([['emphasis', 'report', undefined]]);
    expect(marked(blocks[2])).toEqual([
      ['strong', 'strong', undefined],
      ['code', 'code', undefined],
      ['link', 'link', 'https://example.com/a'],
      ['emphasis', 'emphasis', undefined],
      ['link', 'https://auto.example/x', 'https://auto.example/x'],
    ]);
    expect(marked(blocks[8])).toEqual([['link', 'reference', 'https://ref.example/path']]);
    expect(blocks.at(-1)?.marks).toBeUndefined();
  });

  it('leaves the markup, the front matter and raw HTML out of the clean text, each part at its exact offset', () => {
    expect(inOriginal(MARKDOWN, blocks[0] as Block)).toEqual(['Harbour', 'report']);
    expect(inOriginal(MARKDOWN, blocks[2] as Block).slice(0, 6)).toEqual(['A paragraph with', 'strong', ',', 'code', ', a', 'link']);
    for (const block of blocks) {
      expect(block.text).toBe(joined(MARKDOWN, block));
      expect(block.start).toBeGreaterThan(MARKDOWN.indexOf('# Harbour'));
      expect(block.text).not.toMatch(/<b>|hidden block|title: Field/);
    }
  });

  it('maps every character of a block back to the original and a highlight back to the block', () => {
    for (const block of blocks.filter((b) => !b.code)) {
      for (let offset = 0; offset < block.text.length; offset++) {
        const c = block.text.charAt(offset);
        if (c === ' ' || c === '\n') continue;
        expect(MARKDOWN.charAt(cleanToOriginal(block, offset, 'start')), `block ${block.index} char ${offset}`).toBe(c);
      }
      expect(originalToClean(block, block.start, block.end)).toEqual([[0, block.text.length]]);
    }
  });

  it('holds its invariants on arbitrary Markdown', () => {
    const unit = fc.constantFrom('a', 'B', ' ', '\n', '\n\n', '*', '_', '`', '[', ']', '(', ')', '!', '<', '>', '#', '- ', '1. ', '    ', '\\', '&', 'http://x.y', '```', '---');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        let previousEnd = 0;
        toBlocks(text, 'markdown').forEach((block, i) => {
          expect(block.index).toBe(i);
          expect(block.text).toBe(joined(text, block));
          for (const [s, e] of block.spans) {
            expect(s).toBeGreaterThanOrEqual(previousEnd);
            expect(e).toBeGreaterThan(s);
            previousEnd = e;
          }
          for (const mark of block.marks ?? []) {
            expect(mark.from).toBeGreaterThanOrEqual(0);
            expect(mark.to).toBeLessThanOrEqual(block.text.length);
            expect(mark.to).toBeGreaterThan(mark.from);
            if (mark.href) expect(mark.href).toMatch(/^https?:\/\//);
          }
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('toBlocks on an imported HTML article', () => {
  const page = `<!doctype html><html><head><title>Port opens | TeleNews Daily</title></head><body><article>
    <h1>Port opens</h1>
    <p>The new port opened to shipping this morning, after <em>four years</em> of building, the <a href="https://port.example/news">authority</a> said.</p>
    <figure><img src="quay.jpg" alt="The new quay"><figcaption>The quay at dawn, with the first ship</figcaption></figure>
    <h2>What comes next</h2>
    <ul><li>A second berth</li><li>Rail to the quay <a href="javascript:alert(1)">here</a></li></ul>
    <blockquote><p>We are open for business.</p></blockquote>
    <pre>berths = 2
cranes = 6</pre>
    <p>Prices start at 5 * 2 = 10 [sic] &amp; rise with # of containers.</p>
  </article></body></html>`;

  it('keeps a figure caption a caption, headings headings, and the page text exactly as it reads', async () => {
    const { text, title } = await readImportFile('port.html', new TextEncoder().encode(page));
    expect(title).toBe('Port opens');
    const blocks = toBlocks(text, 'html');
    expect(blocks.map((b) => [b.kind, b.text, b.level ?? b.indent ?? b.quote ?? (b.code ? 'code' : undefined)])).toEqual([
      ['paragraph', 'The new port opened to shipping this morning, after four years of building, the authority said.', undefined],
      ['figure', 'The new quay', undefined],
      ['figure', 'The quay at dawn, with the first ship', undefined],
      ['heading', 'What comes next', 2],
      ['bullet', 'A second berth', 1],
      ['bullet', 'Rail to the quay here', 1],
      ['paragraph', 'We are open for business.', 1],
      ['paragraph', 'berths = 2\ncranes = 6', 'code'],
      ['paragraph', 'Prices start at 5 * 2 = 10 [sic] & rise with # of containers.', undefined],
    ]);
    expect(blocks[0]?.marks?.map((m) => [m.kind, m.href])).toEqual([['emphasis', undefined], ['link', 'https://port.example/news']]);
    expect(blocks[5]?.marks).toBeUndefined();
  });
});

describe('toBlocks invariants', () => {
  const withCrlf = seeds.map((s) => ({ name: `${s.name} (CRLF)`, text: s.text.replace(/\n/g, '\r\n') }));

  it('keeps text equal to its spans joined by their separators, spans trimmed and ordered, in every seed', () => {
    for (const { text } of [...seeds, ...withCrlf]) expectWellFormed(text, toBlocks(text));
  });

  it('round-trips clean and original offsets on every block of every seed', () => {
    for (const { text } of [...seeds, ...withCrlf]) {
      for (const block of toBlocks(text)) expectRoundTrip(text, block);
    }
  });

  it('reads CRLF text exactly like LF text', () => {
    for (const { text } of seeds) {
      const lf = toBlocks(text).map(({ kind, text: t }) => ({ kind, text: t }));
      const crlf = toBlocks(text.replace(/\n/g, '\r\n')).map(({ kind, text: t }) => ({ kind, text: t }));
      expect(crlf).toEqual(lf);
    }
    const blocks = toBlocks('Title line\r\n\r\nA first sentence that wraps\r\nonto a second line.\r\n');
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Title line'],
      ['paragraph', 'A first sentence that wraps onto a second line.'],
    ]);
  });

  it('gives no blocks for empty or blank input', () => {
    expect(toBlocks('')).toEqual([]);
    expect(toBlocks(' \n\t\r\n  \n')).toEqual([]);
  });

  it('accepts dash and star bullets only when a space follows, and a glyph alone on its line', () => {
    const text = '- first item\n* second item\n-3 degrees is cold.\n•\nthird item on the next line.';
    const blocks = toBlocks(text);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['bullet', 'first item'],
      ['bullet', 'second item'],
      ['paragraph', '-3 degrees is cold.'],
      ['bullet', 'third item on the next line.'],
    ]);
    expectWellFormed(text, blocks);
  });

  it('merges a highlight that spans a line break into one clean range', () => {
    // A blank line inside a sentence joins it only in a PDF extraction.
    const text = 'One wrapped \n\n line\tof text.';
    const [block] = toBlocks(text, 'pdf');
    if (!block) throw new Error('no block');
    expect(block.text).toBe('One wrapped line of text.');
    expect(originalToClean(block, text.indexOf('wrapped'), text.indexOf('line') + 4)).toEqual([[4, 16]]);
    expect(originalToClean(block, text.indexOf('line'), text.length)).toEqual([[12, 25]]);
    expect(cleanToOriginal(block, 11)).toBe(text.indexOf('wrapped') + 7);
  });

  it('holds the invariants on arbitrary text', () => {
    const unit = fc.constantFrom('a', 'B', '.', '7', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', '•', '‧', '- ', '–');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (text) => {
        const blocks = toBlocks(text);
        expectWellFormed(text, blocks);
        for (const block of blocks) expectRoundTrip(text, block);
        if (/[aB7.]/.test(text)) expect(blocks.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
