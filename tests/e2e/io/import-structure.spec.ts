import { test, expect, openApp } from '../fixtures';
import type { Page } from '@playwright/test';

const NOTES = `---
title: Harbour field notes
date: 2023-09-12
---
# Harbour field notes

## The quay

The keepers described **long winters** on the rock and a supply boat, as the [harbour office](https://harbour.example/boats) records it.

- Tides logged twice a day
- Lamps trimmed at dusk
  - with the spare wicks

> We never missed a night.

\`\`\`
log: 06:00 high water
\`\`\`

<script>window.__hostile = true</script>
An [odd link](javascript:window.__hostile=true) stays plain text.
`;

async function importFiles(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import documents…' }).click();
  await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })));
}

test('a Markdown file reads with its headings, lists, quotes, code and links, and nothing of its HTML runs', async ({ page, web }) => {
  await openApp(page, web);
  await importFiles(page, [{ name: 'notes.md', text: NOTES }]);
  const panel = page.getByRole('region', { name: /Import/ });
  await expect(panel.getByRole('status')).toHaveText('1 document added.');
  await panel.getByRole('link', { name: 'Harbour field notes' }).click();

  const article = page.locator('article.reader-text');
  await expect(article.getByRole('heading', { level: 1, name: 'Harbour field notes' })).toBeVisible();
  await expect(article.getByRole('heading', { level: 3, name: 'The quay' })).toBeVisible();
  await expect(article.locator('strong')).toHaveText('long winters');
  const link = article.getByRole('link', { name: 'harbour office' });
  await expect(link).toHaveAttribute('href', 'https://harbour.example/boats');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(article.locator('.block-bullet')).toHaveText(['Tides logged twice a day', 'Lamps trimmed at dusk', 'with the spare wicks']);
  await expect(article.locator('.block-quoted')).toHaveText('We never missed a night.');
  await expect(article.locator('pre code')).toHaveText('log: 06:00 high water');
  await expect(article).toContainText('An odd link stays plain text.');
  await expect(article.getByRole('link', { name: 'odd link' })).toHaveCount(0);
  await expect(article.locator('script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __hostile?: boolean }).__hostile)).toBeUndefined();
  await expect(page.locator('.doc-meta')).toContainText('12 Sep 2023');

  // A highlight across the bold words anchors on the Markdown the file holds, and survives a reload.
  const strong = article.locator('strong');
  await strong.selectText();
  await page.keyboard.press('h');
  await expect(article.locator('.hl')).toHaveText('long winters');
  await page.reload();
  await expect(page.locator('article.reader-text .hl')).toHaveText('long winters');
});

test('a second file of the same name asks before it replaces anything, and keeps both when told to', async ({ page, web }) => {
  await openApp(page, web);
  await importFiles(page, [{ name: 'index.html', text: '<html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1><p>The harbour authority approved a new container terminal in March, after two years of consultation.</p></article></body></html>' }]);
  const panel = page.getByRole('region', { name: /Import/ });
  await expect(panel.getByRole('status')).toHaveText('1 document added.');
  await panel.getByRole('button', { name: 'Done' }).click();

  await importFiles(page, [{ name: 'index.html', text: '<html><head><title>Mountain rail</title></head><body><article><h1>Mountain rail</h1><p>The mountain railway reopens in May with new carriages and a longer timetable for the summer.</p></article></body></html>' }]);
  const question = panel.getByRole('group', { name: /index\.html looks like a new version of “Harbour news”/ });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Replace it' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(question.getByRole('button', { name: 'Keep both' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toHaveText('1 document added.');
  const table = page.locator('.library-table');
  await expect(table.getByRole('link', { name: 'Harbour news' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Mountain rail' })).toBeVisible();
  await page.reload();
  await expect(page.locator('.library-table tbody tr')).toHaveCount(7);
});

test('a web page keeps its byline: the reader shows who wrote it beside the date the byline gives', async ({ page, web }) => {
  await openApp(page, web);
  const article = '<html><head><title>Port opens | TeleNews Daily</title></head><body><article><h1>Port opens</h1><p class="byline">By Jane Doe, 3 April 2024</p><p>The new port opened to shipping this morning after four years of building, the authority said in a statement to the press.</p></article></body></html>';
  await importFiles(page, [{ name: 'port.html', text: article }]);
  const panel = page.getByRole('region', { name: /Import/ });
  await expect(panel.getByRole('status')).toHaveText('1 document added.');
  await panel.getByRole('link', { name: 'Port opens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Port opens' })).toBeVisible();
  await expect(page.locator('.doc-meta')).toContainText('By Jane Doe, 3 April 2024 · 3 Apr 2024');
});
