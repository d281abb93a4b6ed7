import { test, expect, openApp, shot } from '../fixtures';
import { writeDocuments } from '../../bench/library';

const COUNT = 1200;

test('a library of 1,200 documents renders a screenful of rows, and scrolling and sorting still reach every one', async ({ page, web }) => {
  // Written straight into the data folder, as a long-used library would be, then the app restarted on it.
  const docs = Array.from({ length: COUNT }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    const year = 1990 + (i % 30);
    return { title: `Report ${n} on harbour traffic`, date: `${year}-01-01`, text: `Report ${n} on harbour traffic\n\nPublished 1 January ${year}\n\nShips and cargo, week ${n}.\n` };
  });
  await writeDocuments(web.dataDir, docs);
  await web.restart();
  await openApp(page, web);

  await expect(page.locator('.view-meta')).toHaveText(`${COUNT.toLocaleString('en')} documents`);
  const rows = page.locator('.library-table tbody tr:not(.library-space)');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(200);

  // Sorted by title, the last report is at the very bottom: scrolling there renders it.
  await page.getByRole('button', { name: 'Title' }).click();
  await expect(rows.first()).toContainText('Report 0001');
  await page.locator('#main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
  await expect(page.getByRole('link', { name: `Report ${String(COUNT).padStart(4, '0')} on harbour traffic` })).toBeVisible();
  expect(await rows.count()).toBeLessThan(200);
  await page.screenshot({ path: shot('library-long') });
});
