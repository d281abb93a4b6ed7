import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, openApp, type WebApp } from '../fixtures';
import type { Page } from '@playwright/test';

/** A 40 MB text: long to send, and long to read (one short line and a blank line, over and over). */
const LARGE = Buffer.from('p\n\n'.repeat(Math.floor((40 * 1024 * 1024) / 3)));
const SEEDS = 5;

async function chooseLarge(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import documents…' }).click();
  await (await chooser).setFiles([{ name: 'large.txt', mimeType: 'text/plain', buffer: LARGE }]);
}

/** What a person checks after a cancelled import, and again after a reload: nothing new in the library, nothing new on disk. */
async function expectNothingAdded(page: Page, web: WebApp): Promise<void> {
  await expect(page.locator('.library-table tbody tr')).toHaveCount(SEEDS);
  await expect(page.locator('.library-table')).not.toContainText('large.txt');
  expect(await readdir(join(web.dataDir, 'texts'))).toHaveLength(SEEDS);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(page.locator('.library-table tbody tr')).toHaveCount(SEEDS);
  expect(await readdir(join(web.dataDir, 'texts'))).toHaveLength(SEEDS);
}

test('Cancel while a 40 MB file is being sent adds nothing and leaves nothing on disk', async ({ page, web }) => {
  test.setTimeout(180_000);
  await openApp(page, web);
  // Sending is quick on one machine; each chunk is held back a moment, as on a slow disk, so Cancel comes mid-file.
  await page.route('**/api/sendUploadChunk', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await chooseLarge(page);
  const panel = page.getByRole('region', { name: /Import/ });
  await expect(panel.getByText(/\d MB of 40 MB/)).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('heading', { name: 'Import cancelled' })).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText('1 file cancelled.');
  await expect(panel.getByRole('listitem').filter({ hasText: 'large.txt' })).toContainText('Not imported: cancelled.');
  await expectNothingAdded(page, web);
});

test('Cancel while a 40 MB file is being read adds nothing, even after a reload', async ({ page, web }) => {
  test.setTimeout(180_000);
  await openApp(page, web);
  await chooseLarge(page);
  const panel = page.getByRole('region', { name: /Import/ });
  await expect(panel.getByText('reading…')).toBeVisible({ timeout: 120_000 });
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('heading', { name: 'Import cancelled' })).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole('status')).toHaveText('1 file cancelled.');
  // The window keeps answering: search works while and after the file was refused.
  await page.getByRole('searchbox', { name: 'Search' }).fill('unicom');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toContainText('China Unicom');
  await page.keyboard.press('Escape');
  await expectNothingAdded(page, web);
});
