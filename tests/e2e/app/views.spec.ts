import type { Page } from '@playwright/test';
import type { Block, DocumentOpening, DocumentSummary } from '../../../main/common/contract';
import { callApi } from '../a11y/data';
import { test, expect, openApp } from '../fixtures';

/*
 * The views read cleanly: nothing said twice, nothing in the way, counts in
 * good English, filters that follow the person from view to view.
 */

const SEED_001 = 'The 2021 China Mobile Global Partners Conference inaugurated';

/** Original offsets of the first occurrence of `phrase` in one span of the blocks. */
function rangeOf(blocks: Block[], phrase: string): { start: number; end: number } {
  for (const block of blocks) {
    for (const [start, end] of block.spans) {
      const at = block.text.indexOf(phrase);
      if (at >= 0 && start + at + phrase.length <= end) return { start: start + at, end: start + at + phrase.length };
    }
  }
  throw new Error(`"${phrase}" is not in one span`);
}

async function seedDocument(page: Page, prefix: string): Promise<DocumentOpening> {
  const docs = await callApi<DocumentSummary[]>(page, 'listDocuments');
  return callApi<DocumentOpening>(page, 'openDocument', docs.find((d) => d.source.startsWith(prefix))?.id);
}

test('a document whose first line is its title shows the title once', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: SEED_001 }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_001 })).toBeVisible();
  await expect(page.getByText(SEED_001, { exact: true }).filter({ visible: true })).toHaveCount(1);
  await expect(page.locator('.blocks-slice > .block').first()).toHaveText(/^The 2021 China Mobile Global Partners Conference 2021 was inaugurated/);
});

test('the library offers Open beside for the row pointed at or focused, not after every title', async ({ page, web }) => {
  await openApp(page, web);
  const rows = page.locator('.library-table tbody tr:not(.library-space)');
  const beside = (row: number) => rows.nth(row).getByRole('button', { name: /beside$/ });
  await page.mouse.move(5, 600);
  await expect(beside(0)).toHaveCSS('opacity', '0');
  await expect(beside(1)).toHaveCSS('opacity', '0');
  await rows.nth(1).hover();
  await expect(beside(1)).toHaveCSS('opacity', '1');
  await expect(beside(0)).toHaveCSS('opacity', '0');
  await page.mouse.move(5, 600);
  await rows.nth(0).getByRole('link').focus();
  await page.keyboard.press('Tab');
  await expect(beside(0)).toBeFocused();
  await expect(beside(0)).toHaveCSS('opacity', '1');
});

test('the import summary sits below the table, covering none of it', async ({ page, web }) => {
  await page.setViewportSize({ width: 900, height: 700 });
  await openApp(page, web);
  await page.getByLabel('Choose documents to import').setInputFiles([
    { name: 'harbour.txt', mimeType: 'text/plain', buffer: Buffer.from('Harbour minutes\n\nThe harbour board met on Tuesday and agreed the new tariffs.\n') },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('') },
  ]);
  const summary = page.getByRole('region', { name: 'Import finished' });
  await expect(summary).toBeVisible();
  const tray = (await summary.boundingBox())!;
  const main = (await page.locator('#main').boundingBox())!;
  expect(main.y + main.height).toBeLessThanOrEqual(tray.y + 1);
  // The last row of the table can still be scrolled into view above it.
  await page.locator('#main').evaluate((element) => element.scrollTo(0, element.scrollHeight));
  const last = (await page.locator('.library-table tbody tr:not(.library-space)').last().boundingBox())!;
  expect(last.y + last.height).toBeLessThanOrEqual(tray.y + 1);
});

test('counts read 1 mention and 2 mentions', async ({ page, web }) => {
  await openApp(page, web);
  // Seed 000 names the association once, in full.
  const entity = await callApi<{ id: string }>(page, 'createEntity', { type: 'organisation', name: 'Groupe Speciale Mobile Association' });
  await page.goto(`${web.origin}/#/entity/${entity.id}`);
  await expect(page.getByText('1 mention in 1 document')).toBeVisible();
  await page.goto(`${web.origin}/#/entities`);
  await expect(page.locator('.view-meta')).toHaveText('1 entity');
});

test('the Notes view keeps the library’s filter, and narrows by entity', async ({ page, web }) => {
  await openApp(page, web);
  const seed = await seedDocument(page, '000');
  const chen = await callApi<{ id: string }>(page, 'createEntity', { type: 'person', name: 'Chen Zhongyue' });
  await callApi(page, 'createAnnotation', { docId: seed.id, ...rangeOf(seed.blocks, 'Chen Zhongyue'), note: 'The chairman speaks', tags: ['people'] });
  await callApi(page, 'createAnnotation', { docId: seed.id, ...rangeOf(seed.blocks, 'three initiatives'), note: 'The plan', tags: ['people'] });
  await page.reload();

  // Filtered by the tag in the library, the Notes link carries the filter along.
  await page.goto(`${web.origin}/#/?tag=people`);
  await expect(page.getByRole('group', { name: 'Current filter' })).toContainText('people');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
  await expect(page).toHaveURL(/#\/notes\?tag=people$/);
  await expect(page.getByRole('group', { name: 'Current filter' })).toContainText('people');
  await expect(page.getByText('The chairman speaks')).toBeVisible();
  await expect(page.getByText('The plan')).toBeVisible();

  // By entity: only the note on a passage that names Chen Zhongyue.
  await page.getByRole('combobox', { name: 'Entity', exact: true }).selectOption({ label: 'Chen Zhongyue' });
  await expect(page).toHaveURL(new RegExp(`entity=${chen.id}`));
  await expect(page.getByText('The chairman speaks')).toBeVisible();
  await expect(page.getByText('The plan')).toHaveCount(0);
  await expect(page.locator('.view-meta')).toHaveText('1 of 2 notes');

  // And back in the library, the same filter.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('group', { name: 'Current filter' })).toContainText('Chen Zhongyue');
  await expect(page.locator('.view-meta')).toHaveText('1 of 5 documents');
});
