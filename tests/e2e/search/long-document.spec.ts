import { test, expect, importText, numberedParagraphs, openApp, shot } from '../fixtures';

const PARAGRAPHS = 3000;
const TITLE = 'The long archive';

test('a long document opens at once, renders only what is near the view, and search still lands anywhere in it', async ({ page, web }) => {
  await openApp(page, web);
  await importText(page, 'long-archive.txt', numberedParagraphs(TITLE, PARAGRAPHS, (i) => (i === 2900 ? ', noting the zanzibarite samples' : '')));
  await page.reload();
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const blocks = page.locator('.reader-text .block');
  await expect(page.locator('[data-block="1"]')).toContainText('Paragraph 1.');
  expect(await blocks.count()).toBeLessThan(400);

  // The End key brings the last paragraphs into the page.
  await page.locator('[data-block="1"]').click();
  await page.keyboard.press('End');
  await expect(page.getByText('Paragraph 3000.', { exact: false })).toBeInViewport();
  expect(await blocks.count()).toBeLessThan(400);

  // A search hit far from the view is rendered and scrolled to.
  await page.keyboard.press('Home');
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeInViewport();
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('zanzibarite');
  await search.press('Enter');
  const target = page.locator('.block.flash');
  await expect(target).toContainText('Paragraph 2900.');
  await expect(target).toBeInViewport();
  await expect(target.locator('mark.search-match')).toHaveText('zanzibarite');
  await page.screenshot({ path: shot('search-long-document') });
});

test('a hit in the last paragraph of a 3,000-paragraph document opens in view and marked, and the mark stays until the reader moves on', async ({ page, web }) => {
  await page.clock.install();
  await openApp(page, web);
  await importText(page, 'last-word.txt', numberedParagraphs('The archive with a last word', PARAGRAPHS, (i) => (i === PARAGRAPHS ? ', and the quillwort was entered last' : '')));
  await page.reload();
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('quillwort');
  await expect(page.getByRole('option').filter({ hasText: 'quillwort' })).toBeVisible();
  await search.press('Enter');

  const target = page.locator('.block.flash');
  await expect(target).toContainText(`Paragraph ${PARAGRAPHS}.`);
  await expect(target).toBeInViewport();
  await expect(target.locator('mark.search-match')).toHaveText('quillwort');

  // Minutes later it is still marked; scrolled away and back, it is not.
  await page.clock.runFor(5 * 60_000);
  await expect(target).toBeInViewport();
  await expect(target).toHaveClass(/flash/);
  await page.keyboard.press('Home');
  await expect(page.getByRole('heading', { level: 1, name: 'The archive with a last word' })).toBeInViewport();
  await page.keyboard.press('End');
  await expect(page.getByText(`Paragraph ${PARAGRAPHS}.`)).toBeInViewport();
  await expect(page.locator('.block.flash')).toHaveCount(0);
});
