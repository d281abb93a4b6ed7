import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { parse as parseYaml } from 'yaml';
import { test, expect, openApp, shot, type WebApp } from '../fixtures';
import type { Page } from '@playwright/test';

const HARBOUR = `Harbour Authority Annual Review

The harbour authority approved a new container terminal in March, after two years of consultation with shipping lines.

Dredging of the northern channel begins next spring and will take eighteen months to complete.
`;
const LIGHTHOUSE = `---
title: "Lighthouse keepers: an oral history"
---
# Draft

The keepers described long winters on the rock, and the supply boat that came once a fortnight when the weather allowed it.
`;

/** Calls the core's API as the page does (the token in a header). */
async function call<T>(page: Page, web: WebApp, method: string, ...args: unknown[]): Promise<T> {
  const response = await page.request.post(`${web.origin}/api/${method}`, { data: args, headers: { 'x-dossier-token': web.token } });
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error?.message);
  return envelope.value;
}

test('importing two files through the file picker shows progress, then their titles, and their words are searchable', async ({ page, web }) => {
  await openApp(page, web);
  // Reading a file is quick here; hold each one back a moment so the progress can be seen.
  await page.route('**/api/importUpload', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import documents…' }).click();
  await (await chooser).setFiles([
    { name: 'harbour.txt', mimeType: 'text/plain', buffer: Buffer.from(HARBOUR) },
    { name: 'lighthouse.md', mimeType: 'text/markdown', buffer: Buffer.from(LIGHTHOUSE) },
  ]);

  const panel = page.getByRole('region', { name: /Importing|Import finished/ });
  await expect(panel.getByRole('heading', { name: 'Importing 1 of 2' })).toBeVisible();
  await expect(panel.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await expect(panel).toContainText('harbour.txt');
  await page.screenshot({ path: shot('import-progress') });

  await expect(panel.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText('2 documents added.');
  await expect(panel.getByRole('link', { name: 'Harbour Authority Annual Review' })).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Lighthouse keepers: an oral history' })).toBeVisible();
  const table = page.locator('.library-table');
  await expect(table.getByRole('link', { name: 'Lighthouse keepers: an oral history' })).toBeVisible();
  await expect(page.locator('.library-table tbody tr')).toHaveCount(7);
  await page.screenshot({ path: shot('import-summary') });

  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(panel).toBeHidden();
  await page.getByRole('searchbox', { name: 'Search' }).fill('fortnight');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results).toContainText('Lighthouse keepers: an oral history');
  await expect(results.locator('mark').first()).toHaveText('fortnight');
});

test('Cancel stops the import: what landed stays, the file in flight and the rest are listed as cancelled', async ({ page, web }) => {
  await openApp(page, web);
  // The first file lands at once; the second is held back so that Cancel comes while it is in flight.
  let imports = 0;
  await page.route('**/api/importUpload', async (route) => {
    if (++imports > 1) await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(
    ['one', 'two', 'three'].map((n) => ({ name: `${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Report ${n}\n\nThe ${n} report describes the harbour in plain words.`) })),
  );
  const panel = page.getByRole('region', { name: /Import/ });
  await expect(panel.getByRole('heading', { name: 'Importing 2 of 3' })).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('heading', { name: 'Import cancelled' })).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText('1 document added · 2 files cancelled.');
  await expect(panel.getByRole('listitem').filter({ hasText: 'two.txt' })).toContainText('Not imported: cancelled.');
  await expect(panel.getByRole('listitem').filter({ hasText: 'three.txt' })).toContainText('Not imported: cancelled.');
  await expect(page.locator('.library-table tbody tr')).toHaveCount(6);
});

test('files dropped on the window are imported, and each one that cannot be gets its reason', async ({ page, web }) => {
  await openApp(page, web);
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([400, 300]).drawText('Minutes of the port committee, taken on the quay.', { x: 30, y: 250, size: 12, font });
  const files = [
    { name: 'minutes.pdf', type: 'application/pdf', base64: Buffer.from(await pdf.save()).toString('base64') },
    { name: 'scan.png', type: 'image/png', base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]).toString('base64') },
    { name: 'empty.txt', type: 'text/plain', base64: '' },
    { name: 'harbour.txt', type: 'text/plain', base64: Buffer.from(HARBOUR).toString('base64') },
    { name: 'harbour copy.txt', type: 'text/plain', base64: Buffer.from(HARBOUR).toString('base64') },
  ];
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return data;
  }, files);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByText('Drop to import')).toBeVisible();
  await page.screenshot({ path: shot('import-drop') });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.getByText('Drop to import')).toBeHidden();

  const panel = page.getByRole('region', { name: /Import/ });
  // Five files, a PDF among them (pdf.js loads in a fresh worker): on a busy machine that takes a while.
  await expect(panel.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole('status')).toHaveText('2 documents added · 1 file already in the library · 2 files could not be imported.');
  const rows = panel.getByRole('listitem');
  await expect(rows.filter({ hasText: 'scan.png' })).toContainText('Not imported: This is a binary file, not text.');
  await expect(rows.filter({ hasText: 'empty.txt' })).toContainText('Not imported: The file is empty.');
  await expect(rows.filter({ hasText: 'harbour copy.txt' })).toContainText('Already in the library as Harbour Authority Annual Review.');
  await expect(panel.getByRole('link', { name: 'Minutes of the port committee, taken on the quay' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.screenshot({ path: shot('import-reasons') });
});

test('Ctrl+E in the reader exports the document’s notes as Markdown that reads back exactly', async ({ page, web }) => {
  await openApp(page, web);
  const docs = await call<Array<{ id: string; title: string; source: string }>>(page, web, 'listDocuments');
  const doc = docs.find((d) => d.source.startsWith('003')) as { id: string; title: string };
  const view = await call<{ blocks: Array<{ text: string; spans: Array<[number, number]> }> }>(page, web, 'openDocument', doc.id);
  const block = view.blocks.find((b) => b.text.includes('Ericsson')) as { text: string; spans: Array<[number, number]> };
  const [spanStart] = block.spans[0] as [number, number];
  const at = spanStart + block.text.indexOf('Ericsson');
  const note = '*Key* partner: see [the deal] #1\n1. check > the | terms';
  await call(page, web, 'createAnnotation', { docId: doc.id, start: at, end: at + 'Ericsson'.length, note, tags: ['vendors/telecom'] });

  await page.getByRole('link', { name: doc.title }).click();
  await expect(page.getByRole('heading', { name: doc.title, level: 1 })).toBeVisible();
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /This document/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /Markdown/ })).toBeChecked();
  await page.screenshot({ path: shot('export-dialog') });

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Why China Telecom is building IoT partnerships.md');
  await expect(dialog.getByRole('status')).toHaveText('Downloaded “Why China Telecom is building IoT partnerships.md”. 1 note.');
  const markdown = await readFile(await file.path(), 'utf8');
  const front = parseYaml(/^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? '') as Record<string, unknown>;
  expect(front).toMatchObject({ title: doc.title, tags: ['vendors/telecom'] });
  expect(markdown).toContain('> Ericsson\n');
  // The note keeps its Markdown (emphasis, the list); what would be more than text in Obsidian (a link without address, a #tag, a table) is escaped.
  expect(markdown).toContain('*Key* partner: see \\[the deal\\] \\#1\n1. check > the \\| terms');
  expect(markdown).toMatch(/#vendors\/telecom · Colour: yellow · \[Open in Dossier\]\(dossier:\/\/open\/[0-9a-f]+\?start=\d+&end=\d+&annotation=[0-9a-f-]+\)/);
});

test('the whole library exports as one .zip in the browser: a folder with one Markdown file per document with notes', async ({ page, web }) => {
  await openApp(page, web);
  const docs = await call<Array<{ id: string; title: string }>>(page, web, 'listDocuments');
  const noted = docs.slice(0, 2);
  for (const [i, doc] of noted.entries()) {
    const view = await call<{ blocks: Array<{ spans: Array<[number, number]> }> }>(page, web, 'openDocument', doc.id);
    const [start] = view.blocks[0]?.spans[0] as [number, number];
    await call(page, web, 'createAnnotation', { docId: doc.id, start, end: start + 12, note: `Note ${i + 1} on “${doc.title}”` });
  }

  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await expect(dialog.getByRole('radio', { name: /The whole library/ })).toBeChecked();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  const name = file.suggestedFilename();
  expect(name).toMatch(/^Dossier notes \d{4}-\d{2}-\d{2}\.zip$/);
  await expect(dialog.getByRole('status')).toHaveText(`Downloaded “${name}” with 2 files. 2 notes.`);

  const entries = unzipSync(new Uint8Array(await readFile(await file.path())));
  const folder = name.replace(/\.zip$/, '');
  expect(Object.keys(entries)).toHaveLength(2);
  const notes = Object.entries(entries).map(([path, bytes]) => {
    expect(path).toMatch(new RegExp(`^${folder}/[^/]+\\.md$`));
    const markdown = strFromU8(bytes);
    const front = parseYaml(/^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? '') as { title: string };
    return { title: front.title, markdown };
  });
  expect(notes.map((n) => n.title).sort()).toEqual(noted.map((d) => d.title).sort());
  for (const { title, markdown } of notes) expect(markdown).toContain(`Note ${noted.findIndex((d) => d.title === title) + 1} on`);
});
