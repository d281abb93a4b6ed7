import type { Page } from '@playwright/test';
import { test, expect, openApp, shot } from '../fixtures';

const PARAGRAPHS = 3000;
const TITLE = 'The long archive';

/** A 3,000-paragraph document (about 1.4 MB) with one rare word near its end, imported as the window does. */
async function importLongDocument(page: Page): Promise<void> {
  const paragraph = (i: number) =>
    `Paragraph ${i}. The committee reviewed the harbour accounts, the shipping schedules and the minutes of the previous session before it adjourned for the evening${i === 2900 ? ', noting the zanzibarite samples' : ''}.`;
  const text = `${TITLE}\n\n${Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i + 1)).join('\n\n')}\n`;
  const outcome = await page.evaluate(async (body) => {
    const call = async (name: string, ...args: unknown[]) => {
      const response = await fetch(`api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': sessionStorage.getItem('dossier.token') ?? '' }, body: JSON.stringify(args) });
      const envelope = (await response.json()) as { ok: boolean; value: { uploadId?: string; status?: string }; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error?.message);
      return envelope.value;
    };
    const bytes = new TextEncoder().encode(body);
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    const ticket = await call('beginUpload', { name: 'long-archive.txt', size: bytes.length, purpose: 'import' });
    await call('sendUploadChunk', { uploadId: ticket.uploadId, offset: 0, data: btoa(binary) });
    return call('importUpload', ticket.uploadId);
  }, text);
  expect(outcome.status).toBe('added');
}

test('a long document opens at once, renders only what is near the view, and search still lands anywhere in it', async ({ page, web }) => {
  await openApp(page, web);
  await importLongDocument(page);
  await page.reload();
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const blocks = page.locator('.reader-text .block');
  await expect(page.locator('[data-block="1"]')).toContainText('Paragraph 1.');
  expect(await blocks.count()).toBeLessThan(400);

  // Scrolling to the end brings the last paragraphs into the page.
  await page.locator('#main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
  await expect(page.getByText('Paragraph 3000.', { exact: false })).toBeVisible();
  expect(await blocks.count()).toBeLessThan(400);

  // A search hit far from the view is rendered and scrolled to.
  await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('zanzibarite');
  await search.press('Enter');
  const target = page.locator('.block.flash');
  await expect(target).toContainText('Paragraph 2900.');
  await expect(target).toBeInViewport();
  await expect(target.locator('mark.search-match')).toHaveText('zanzibarite');
  await page.screenshot({ path: shot('search-long-document') });
});
