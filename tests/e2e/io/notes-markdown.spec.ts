import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Blockquote, Link, List, Nodes, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Page } from '@playwright/test';
import type { Annotation } from '../../../main/common/contract';
import { callApi } from '../a11y/data';
import { test, expect, openApp, shot } from '../fixtures';

const SEED_002 = 'The State Grid Corporation of China and China Telecom Group Co., Ltd. signed a business…';
const NOTE = [
  '**Key speaker.** He frames it as a *national* strategy:',
  '',
  '- One Belt One Road',
  '- Digital Silk Road',
  '',
  'See [Ericsson DCP](https://www.ericsson.com/en/internet-of-things) for the platform.',
].join('\n');

/** The text of a Markdown node as a reader sees it. */
const textOf = (node: Nodes): string => ('value' in node ? node.value : 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '');

/** Every node of a type under `node`. */
function all<T extends Nodes>(node: Nodes, type: T['type']): T[] {
  const found: T[] = node.type === type ? [node as T] : [];
  return 'children' in node ? [...found, ...(node.children as Nodes[]).flatMap((child) => all<T>(child, type))] : found;
}

/**
 * What remark (CommonMark, as Obsidian reads it) finds in the section of an
 * exported file that holds the note: the quote's blockquote, then the
 * note's own blocks, up to the next heading.
 */
function readSection(markdown: string, quote: string): { quote: string; note: RootContent[] } {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const at = tree.children.findIndex((node) => node.type === 'blockquote' && textOf(node).startsWith(quote.slice(0, 20)));
  expect(at, 'the quote is in the file').toBeGreaterThan(0);
  const rest = tree.children.slice(at + 1);
  const end = rest.findIndex((node) => node.type === 'heading');
  return { quote: (tree.children[at] as Blockquote).children.map(textOf).join('\n\n'), note: end < 0 ? rest : rest.slice(0, end) };
}

/** The note was written as typed, and comes back as Markdown: bold, italics, the list and the link, with their text. */
function expectNoteMarkdown(markdown: string, note: RootContent[]): void {
  expect(markdown).toContain(NOTE);
  const root: Root = { type: 'root', children: note };
  expect(all(root, 'strong').map(textOf)).toEqual(['Key speaker.']);
  expect(all(root, 'emphasis').map(textOf)).toEqual(['national']);
  const [list] = all<List>(root, 'list');
  expect(list?.children.map(textOf)).toEqual(['One Belt One Road', 'Digital Silk Road']);
  const [link] = all<Link>(root, 'link');
  expect(link && { text: textOf(link), url: link.url }).toEqual({ text: 'Ericsson DCP', url: 'https://www.ericsson.com/en/internet-of-things' });
}

async function exportAs(page: Page, scope: RegExp): Promise<{ name: string; bytes: Buffer }> {
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByRole('radio', { name: scope }).check();
  await dialog.getByRole('radio', { name: /Markdown/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  await expect(dialog.getByRole('status')).toContainText('Downloaded');
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('a note written in Markdown exports as Markdown that reads back with its bold, italics, list and link, the quote verbatim: one document, a tag, the library’s zip', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: SEED_002 }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_002 })).toBeVisible();

  // A passage with Markdown characters of its own, noted with Markdown.
  await page.keyboard.press('F6');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('n');
  const editor = page.getByRole('dialog', { name: /Edit/ });
  await editor.getByRole('textbox', { name: 'Note' }).fill(NOTE);
  await editor.getByRole('combobox', { name: 'Add a tag' }).fill('operators/china');
  await editor.getByRole('combobox', { name: 'Add a tag' }).press('Enter');
  await expect(editor.getByText('Saved', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  // The app draws it so.
  const card = page.getByRole('complementary', { name: 'Notes on this document' }).getByRole('article');
  await expect(card.locator('.ac-note strong')).toHaveText('Key speaker.');
  await expect(card.locator('.ac-note li')).toHaveText(['One Belt One Road', 'Digital Silk Road']);
  await expect(card.getByRole('link', { name: 'Ericsson DCP' })).toBeVisible();
  const [annotation] = await callApi<Annotation[]>(page, 'listAnnotations', {});
  const quote = annotation?.target.selector[0].exact ?? '';
  expect(quote).toMatch(/^The two sides will further deepen cooperation/);

  const one = (await exportAs(page, /This document/)).bytes.toString('utf8');
  const single = readSection(one, quote);
  expect(single.quote).toBe(quote);
  expectNoteMarkdown(one, single.note);

  const tagged = await exportAs(page, /Notes tagged/);
  expect(tagged.name).toBe('Notes tagged operators.md');
  expectNoteMarkdown(tagged.bytes.toString('utf8'), readSection(tagged.bytes.toString('utf8'), quote).note);

  // With notes in a second document, the library comes as a .zip of one file per document.
  const other = (await callApi<Array<{ id: string; source: string }>>(page, 'listDocuments')).find((d) => d.source.startsWith('000'));
  await callApi(page, 'createAnnotation', { docId: other?.id, start: 0, end: 12, note: 'Another *note*' });
  const library = await exportAs(page, /The whole library/);
  expect(library.name).toMatch(/\.zip$/);
  const files = Object.values(unzipSync(new Uint8Array(library.bytes))).map((bytes) => strFromU8(bytes));
  expect(files).toHaveLength(2);
  const file = files.find((f) => f.includes(NOTE)) ?? '';
  const zipped = readSection(file, quote);
  expect(zipped.quote).toBe(quote);
  expectNoteMarkdown(file, zipped.note);
  await page.screenshot({ path: shot('export-markdown-note') });
});
