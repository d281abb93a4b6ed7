import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiImpl } from '../../../../../main/common/contract';
import { safeFileName, uniqueNames } from '../../../../../main/core/io/export/files';
import { allBlocks, openTestDossier, seedId } from '../../../helpers';
import { importFile, utf8 } from '../import/files';

/**
 * The terms the W3C Web Annotation JSON-LD context (http://www.w3.org/ns/anno.jsonld)
 * defines that an export of text annotations may use: keys and the values of
 * type, motivation and purpose must all be among them for the JSON-LD to
 * mean what it says.
 */
const CONTEXT_TERMS = new Set([
  'id', 'type', 'Annotation', 'AnnotationCollection', 'AnnotationPage', 'TextualBody', 'SpecificResource', 'TextQuoteSelector',
  'TextPositionSelector', 'Software', 'body', 'target', 'source', 'selector', 'motivation', 'purpose', 'value', 'format', 'language',
  'exact', 'prefix', 'suffix', 'start', 'end', 'created', 'modified', 'generated', 'generator', 'creator', 'name', 'label', 'total',
  'first', 'items', 'startIndex', 'styleClass', 'commenting', 'tagging', 'highlighting', 'identifying', 'describing',
]);

interface WebAnnotation {
  id: string;
  type: string;
  created: string;
  body?: unknown[];
  target: { source: string; selector: [{ type: string; exact: string }, { type: string; start: number; end: number }] };
}

/** Every key, type, motivation and purpose used anywhere in a JSON-LD value that the context does not define. */
function undefinedTerms(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => undefinedTerms(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key !== '@context' && !CONTEXT_TERMS.has(key)) found.add(key);
      if (['type', 'motivation', 'purpose'].includes(key) && typeof inner === 'string' && !CONTEXT_TERMS.has(inner)) found.add(inner);
      undefinedTerms(inner, found);
    }
  }
  return found;
}

/** RFC 4180 rows: quoted fields with doubled quotes, CRLF between rows. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv.charAt(i);
    if (quoted && c === '"' && csv.charAt(i + 1) === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && csv.charAt(i + 1) === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

/** Annotates the first occurrence of `quote` in a document's reading blocks, at its offsets in the original text. */
async function annotate(api: ApiImpl, docId: string, quote: string, extra: { note?: string; tags?: string[] } = {}) {
  const blocks = await allBlocks(api, docId);
  for (const block of blocks) {
    const at = block.text.indexOf(quote);
    if (at < 0) continue;
    // A block's text is its original spans joined by single spaces.
    let clean = 0;
    for (const [start, end] of block.spans) {
      if (at <= clean + (end - start)) {
        const offset = start + (at - clean);
        return api.createAnnotation({ docId, start: offset, end: offset + quote.length, ...extra });
      }
      clean += end - start + 1;
    }
  }
  throw new Error(`no "${quote}" in ${docId}`);
}

describe('exporting notes', () => {
  it('exports one document as a Markdown file named after it, in reading order', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const id = await seedId(dossier, '002');
    const blocks = await allBlocks(api, id);
    const later = await annotate(api, id, blocks.at(-1)?.text.slice(0, 20) ?? '', { note: 'Closing', tags: ['energy/grid'] });
    const earlier = await annotate(api, id, blocks[1]?.text.slice(0, 20) ?? '', { note: 'Opening' });
    const result = await api.exportNotes({ kind: 'document', id }, 'markdown');
    expect(result.files).toHaveLength(1);
    const [file] = result.files;
    expect(file?.name).toBe(safeFileName((await api.openDocument(id)).title, 'md'));
    expect(file?.mime).toBe('text/markdown');
    expect(result.annotations).toBe(2);
    const first = file?.content.indexOf(`annotation=${earlier.id}`) ?? -1;
    const second = file?.content.indexOf(`annotation=${later.id}`) ?? -1;
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(file?.content).toContain('#energy/grid · Colour: yellow');
  });

  it('exports the notes under a tag, sub-tags included, and the whole library as one file per document', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const [a, b] = [await seedId(dossier, '000'), await seedId(dossier, '001')];
    await annotate(api, a, 'China Unicom', { tags: ['operators/china'] });
    await annotate(api, b, 'China Mobile', { tags: ['operators'] });
    await annotate(api, b, 'Yang Jie', { tags: ['people'] });
    const tagged = await api.exportNotes({ kind: 'tag', tag: 'operators' }, 'markdown');
    expect(tagged).toMatchObject({ name: 'Notes tagged operators.md', annotations: 2 });
    expect(tagged.files[0]?.content).not.toContain('Yang Jie');
    const library = await api.exportNotes({ kind: 'library' }, 'markdown');
    expect(library.name).toMatch(/^Dossier notes \d{4}-\d{2}-\d{2}$/);
    expect(library.files.map((f) => f.name).sort()).toEqual([
      safeFileName((await api.openDocument(a)).title, 'md'),
      safeFileName((await api.openDocument(b)).title, 'md'),
    ].sort());
    expect(library.annotations).toBe(3);
  });

  it('exports the notes on passages that mention an entity, and lists the entities a document mentions', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const id = await seedId(dossier, '003');
    const ericsson = await api.createEntity({ type: 'organisation', name: 'Ericsson' });
    await api.createEntity({ type: 'person', name: 'Bo Ribbing' });
    await annotate(api, id, 'Ericsson', { note: 'Vendor' });
    const about = await api.exportNotes({ kind: 'entity', id: ericsson.id }, 'markdown');
    expect(about).toMatchObject({ name: 'Notes on Ericsson.md', annotations: 1 });
    expect(about.files[0]?.content).toContain('> Ericsson\n');
    const doc = await api.exportNotes({ kind: 'document', id }, 'markdown');
    expect(doc.files[0]?.content).toMatch(/\nentities:\n {2}- (Ericsson|Bo Ribbing)\n {2}- (Ericsson|Bo Ribbing)\n/);
  });

  it('exports W3C Web Annotation JSON-LD that uses only the model’s terms and has its required properties', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const id = await seedId(dossier, '003');
    const noted = await annotate(api, id, 'Ericsson', { note: 'Vendor *partner*', tags: ['vendors'] });
    await annotate(api, id, 'Bo Ribbing');
    const result = await api.exportNotes({ kind: 'document', id }, 'jsonld');
    expect(result.files[0]?.mime).toBe('application/ld+json');
    const collection = JSON.parse(result.files[0]?.content ?? '{}');
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 2 });
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect([...undefinedTerms(collection)]).toEqual([]);
    const items = collection.first.items as WebAnnotation[];
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item).toMatchObject({ type: 'Annotation', target: { source: `dossier://open/${id}` } });
      expect(item.id).toMatch(/^urn:uuid:/);
      expect(Date.parse(item.created)).not.toBeNaN();
      const [quote, position] = item.target.selector;
      expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: expect.any(String) });
      expect(position).toMatchObject({ type: 'TextPositionSelector', start: expect.any(Number), end: expect.any(Number) });
    }
    const withNote = items.find((i) => i.id === `urn:uuid:${noted.id}`);
    expect(withNote?.body).toEqual([
      { type: 'TextualBody', value: 'Vendor *partner*', format: 'text/markdown', purpose: 'commenting' },
      { type: 'TextualBody', value: 'vendors', purpose: 'tagging' },
    ]);
    expect(withNote?.target.selector[0].exact).toBe('Ericsson');
  });

  it('exports CSV a spreadsheet reads back: quotes, commas, line breaks and formulas defused', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const id = await seedId(dossier, '000');
    await annotate(api, id, 'GSMA', { note: '=HYPERLINK("http://evil")\nsecond line, with "quotes"', tags: ['orgs', 'telecom/bodies'] });
    const result = await api.exportNotes({ kind: 'library' }, 'csv');
    const content = result.files[0]?.content ?? '';
    expect(content.startsWith('\uFEFF')).toBe(true);
    const [header, row] = parseCsv(content.slice(1));
    expect(header).toEqual(['Document', 'Source', 'Date', 'Quote', 'Note', 'Tags', 'Colour', 'Passage', 'Start', 'End', 'Created', 'Modified', 'Link', 'Document ID', 'Annotation ID']);
    const record = Object.fromEntries((header ?? []).map((h, i) => [h, row?.[i]]));
    expect(record).toMatchObject({
      Quote: 'GSMA',
      Note: `'=HYPERLINK("http://evil")\nsecond line, with "quotes"`,
      Tags: 'orgs telecom/bodies',
      Passage: 'found',
      'Document ID': id,
    });
    expect(record['Link']).toMatch(new RegExp(`^dossier://open/${id}\\?start=\\d+&end=\\d+&annotation=`));
  });

  it('exports the text an annotation covers now, after its document changed, in every format', async () => {
    const dossier = await openTestDossier();
    const id = await seedId(dossier, '002');
    const noted = await annotate(dossier.api, id, 'Sun Zhengyun, chief information Engineer', { note: 'Who presided' });
    // A better extraction of the same report: another line wrap and curly quotes move and reword the passage a little.
    const path = join(dossier.dataDir, 'texts', `${id}.txt`);
    const revised = `A foreword of the new edition.\n\n${(await readFile(path, 'utf8')).replace('Sun Zhengyun, chief information Engineer', 'Sun Zhengyun, chief\ninformation engineer')}`;
    await writeFile(path, revised);
    const { api } = await openTestDossier(dossier.dataDir);
    const now = 'Sun Zhengyun, chief\ninformation engineer';
    const start = revised.indexOf(now);
    expect((await api.getAnnotation(noted.id)).anchor).toEqual({ status: 'anchored', start, end: start + now.length });

    // Markdown and CSV quote the passage as the reader shows it (the soft wrap is a space); JSON-LD's selector is the original's.
    const markdown = (await api.exportNotes({ kind: 'document', id }, 'markdown')).files[0]?.content ?? '';
    expect(markdown).toContain('> Sun Zhengyun, chief information engineer\n');
    expect(markdown).not.toContain('Engineer');
    const collection = JSON.parse((await api.exportNotes({ kind: 'library' }, 'jsonld')).files[0]?.content ?? '{}');
    const [item] = collection.first.items as WebAnnotation[];
    expect(item?.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: now, prefix: revised.slice(start - 32, start), suffix: revised.slice(start + now.length, start + now.length + 32) },
      { type: 'TextPositionSelector', start, end: start + now.length },
    ]);
    const [header, row] = parseCsv((await api.exportNotes({ kind: 'library' }, 'csv')).files[0]?.content.slice(1) ?? '');
    expect(row?.[header?.indexOf('Quote') ?? -1]).toBe('Sun Zhengyun, chief information engineer');
  });

  it('quotes a Markdown document’s passage as it reads, without its markup, in Markdown and CSV', async () => {
    const dossier = await openTestDossier(undefined, { importWorker: null });
    const text = '# Spectrum\n\nThe regulator said **5G-A pilots** will [start in May](https://example.org) across *three* provinces.\n';
    const outcome = await importFile(dossier.api, 'spectrum.md', utf8(text));
    const docId = outcome.document?.id as string;
    const start = text.indexOf('**5G-A');
    const end = text.indexOf(' provinces') + ' provinces'.length;
    await dossier.api.createAnnotation({ docId, start, end, note: 'Pilots' });
    const markdown = (await dossier.api.exportNotes({ kind: 'document', id: docId }, 'markdown')).files[0]?.content ?? '';
    expect(markdown).toContain('> 5G-A pilots will start in May across three provinces\n');
    const [header, row] = parseCsv((await dossier.api.exportNotes({ kind: 'library' }, 'csv')).files[0]?.content.slice(1) ?? '');
    expect(row?.[header?.indexOf('Quote') ?? -1]).toBe('5G-A pilots will start in May across three provinces');
  });

  it('names files safely for every file system', () => {
    expect(safeFileName('Report: 2024/25 <draft>?', 'md')).toBe('Report 2024 25 draft.md');
    expect(safeFileName('  ...  ', 'md')).toBe('Untitled.md');
    expect(safeFileName('CON', 'csv')).toBe('CON_.csv');
    expect(uniqueNames(['A.md', 'a.md', 'B.md', 'A.md'])).toEqual(['A.md', 'a (2).md', 'B.md', 'A (3).md']);
  });
});
