import { test, expect, openApp, shot } from '../fixtures';

const SEED_TITLES = [
  'China Unicom successfully held the Global Partners Meeting themed…',
  'The 2021 China Mobile Global Partners Conference inaugurated',
  'The State Grid Corporation of China and China Telecom Group Co., Ltd. signed a business…',
  'Why China Telecom is building IoT partnerships',
  'Innovation-Driven: Heading Towards Good Smart Living',
];

test('a new library shows the five seed documents with titles, dates and lengths', async ({ page, web }) => {
  await openApp(page, web);
  const rows = page.locator('.library-table tbody tr');
  await expect(rows).toHaveCount(5);
  for (const title of SEED_TITLES) await expect(page.getByRole('link', { name: title })).toBeVisible();
  // Newest first by default; undated documents last.
  await expect(rows.first()).toContainText('26 Jun 2024');
  await expect(rows.last()).toContainText('—');
  await page.screenshot({ path: shot('library'), fullPage: true });

  await page.getByRole('button', { name: 'Title' }).click();
  await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first()).toContainText('China Unicom successfully held');
  await expect(rows.last()).toContainText('Why China Telecom');
  await page.getByRole('button', { name: 'Length' }).click();
  await expect(rows.first()).toContainText('Innovation-Driven');
  await page.getByRole('button', { name: 'Length' }).click();
  await expect(page.getByRole('columnheader', { name: 'Length' })).toHaveAttribute('aria-sort', 'ascending');
  const words = (await page.locator('td.col-length').allTextContents()).map((text) => Number(text.replace(/,/g, '').split(' ')[0]));
  expect(words).toEqual([...words].sort((a, b) => a - b));
});

test('searching a name lists its documents and opens the passage with the words highlighted', async ({ page, web }) => {
  await openApp(page, web);
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('Chen Zhongyue');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.locator('.search-group')).toHaveCount(3);
  await expect(results).toContainText('Why China Telecom is building IoT partnerships');
  await expect(results.locator('mark').first()).toHaveText(/Chen|Zhongyue/);

  await search.press('Enter');
  await expect(page).toHaveURL(/#\/doc\/[0-9a-f]+\?q=Chen/);
  const marks = page.locator('.reader-text mark.search-match');
  await expect(marks.first()).toBeVisible();
  await expect(marks.first()).toHaveText(/^(Chen|Zhongyue)$/);
  await expect(page.locator('.block.flash')).toHaveCount(1);
  await page.screenshot({ path: shot('reader-search') });
});

test('a misspelt word still finds the document', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('searchbox', { name: 'Search' }).fill('Unicm');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results).toContainText('China Unicom successfully held');
  await expect(results.locator('mark').first()).toHaveText('Unicom');
});

test('the PDF-extracted report reads as paragraphs, headings and bullets', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: 'Innovation-Driven: Heading Towards Good Smart Living' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Innovation-Driven: Heading Towards Good Smart Living' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'BUILDING SMART NETWORKS' })).toBeVisible();
  await expect(page.locator('.block-paragraph').first()).toHaveText(/^Innovation is an indispensable driving force .* realise innovation-driven development\.$/);
  await expect(page.locator('.block-bullet').first()).toContainText('SDN/NFV technologies, and accelerate 5G');
  await page.getByRole('button', { name: 'Larger text' }).click();
  await expect(page.getByText('19px')).toBeVisible();
  await page.screenshot({ path: shot('reader-report') });
});

test('an unknown document link shows a clear message', async ({ page, web }) => {
  await openApp(page, web);
  await page.goto(`${web.origin}/#/doc/nope`);
  await expect(page.getByRole('alert')).toContainText('There is no document with id "nope"');
});
