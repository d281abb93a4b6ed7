import type { Page } from '@playwright/test';
import { callApi } from '../a11y/data';
import { test, expect, importText, numberedParagraphs, openApp } from '../fixtures';

/*
 * The window holds still: whatever the reader does, only the reading column
 * scrolls, and the header and the sidebar stay where they are.
 */

/** The header and the sidebar at the top of the window, and the page itself not scrolled. */
async function expectWindowInPlace(page: Page): Promise<void> {
  expect((await page.locator('.app-header').boundingBox())?.y).toBe(0);
  expect((await page.locator('.sidebar').boundingBox())?.y).toBe((await page.locator('.app-header').boundingBox())?.height);
  expect(await page.evaluate(() => [document.scrollingElement?.scrollTop, document.scrollingElement?.scrollHeight])).toEqual([0, page.viewportSize()?.height]);
}

/** A seed document with its entities marked (their labels for screen readers once stretched the page). */
async function openMarkedSeed(page: Page): Promise<void> {
  await callApi(page, 'createEntity', { type: 'organisation', name: 'China Unicom' });
  await page.reload();
  await page.getByRole('link', { name: /^China Unicom successfully held/ }).click();
  await expect(page.locator('[data-entity]').first()).toBeVisible();
}

test.describe('at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('scrolling past the end of a document with the wheel moves only the text', async ({ page, web }) => {
    await openApp(page, web);
    await openMarkedSeed(page);
    const text = page.locator('.reader-text');
    const box = (await text.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, 500);
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 2000);
    await expect(page.getByText('achieve mutual success in this new era', { exact: false })).toBeInViewport();
    await expect(page.getByRole('heading', { level: 1 })).not.toBeInViewport();
    await expectWindowInPlace(page);
    // Over the header too.
    await page.mouse.move(700, 20);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 2000);
    await expectWindowInPlace(page);
  });

  test('End, then Page Down and Space past the end, move only the text, in a short and a long document', async ({ page, web }) => {
    await openApp(page, web);
    await openMarkedSeed(page);
    await page.locator('[data-block="1"]').click();
    for (const key of ['End', 'PageDown', 'Space', 'PageDown']) await page.keyboard.press(key);
    await expect(page.getByText('achieve mutual success in this new era', { exact: false })).toBeInViewport();
    await expectWindowInPlace(page);

    await importText(page, 'long.txt', numberedParagraphs('The long minutes', 3000));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await page.getByRole('link', { name: 'The long minutes' }).click();
    await page.locator('[data-block="1"]').click();
    for (const key of ['End', 'PageDown', 'Space', 'Space', 'PageDown']) await page.keyboard.press(key);
    await expect(page.getByText('Paragraph 3000.', { exact: false })).toBeInViewport();
    await expectWindowInPlace(page);
    await page.keyboard.press('Home');
    await expect(page.getByRole('heading', { level: 1, name: 'The long minutes' })).toBeInViewport();
    await expectWindowInPlace(page);
  });

  test('selecting text by dragging past the bottom of the column scrolls only the column', async ({ page, web }) => {
    await openApp(page, web);
    await openMarkedSeed(page);
    const first = (await page.locator('[data-block="1"]').boundingBox())!;
    await page.mouse.move(first.x + 5, first.y + 5);
    await page.mouse.down();
    for (let y = first.y; y < 900; y += 40) await page.mouse.move(first.x + 200, y);
    await page.mouse.move(first.x + 200, 899, { steps: 10 });
    await page.mouse.up();
    expect(await page.evaluate(() => window.getSelection()?.toString().length)).toBeGreaterThan(100);
    await expectWindowInPlace(page);
  });
});

test('a start does not reopen a document that never opened last time: it opens the library and says why', async ({ page, web, context }) => {
  await openApp(page, web);
  const [doc] = await callApi<Array<{ id: string; title: string }>>(page, 'listDocuments');
  // The core goes away while the document opens.
  await page.route('**/api/openDocument', (route) => route.abort());
  await page.getByRole('link', { name: doc?.title ?? '' }).click();
  await expect(page.getByRole('alert')).toContainText('not reachable');

  const next = await context.newPage();
  await next.goto(web.url);
  await expect(next.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(next.getByRole('status').filter({ hasText: 'did not open last time' })).toBeVisible();

  // Opened and drawn, it is reopened at the next start.
  await next.getByRole('link', { name: doc?.title ?? '' }).click();
  await expect(next.getByRole('heading', { level: 1, name: doc?.title ?? '' })).toBeVisible();
  const third = await context.newPage();
  await third.goto(web.url);
  await expect(third.getByRole('heading', { level: 1, name: doc?.title ?? '' })).toBeVisible();
});

test('the app loads with no failed request and nothing in the console, its icon included', async ({ page, web }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await openApp(page, web);
  await expect(page.locator('.library-table tbody tr').first()).toBeVisible();
  const icon = await page.request.get(`${web.origin}/favicon.ico`);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/x-icon');
  expect(problems).toEqual([]);
});
