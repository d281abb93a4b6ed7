import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentSummary } from '../../../main/common/contract';
import { test, expect, openApp, wheelUntilAttached } from '../fixtures';
import { callApi } from '../a11y/data';

const REPORT = 'Innovation-Driven: Heading Towards Good Smart Living';

test('the theme and the reading settings survive a reload and a restart', async ({ page, web }) => {
  await openApp(page, web);
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await theme.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Switched live: the page was not reloaded, the library is still on screen.
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 24, 28)');

  await page.getByRole('link', { name: REPORT }).click();
  const toolbar = page.getByRole('toolbar', { name: 'Reading settings' });
  await toolbar.getByRole('button', { name: 'Larger text' }).click();
  await toolbar.getByRole('button', { name: 'Larger text' }).click();
  await toolbar.getByRole('combobox', { name: 'Font' }).selectOption('sans');
  await toolbar.getByRole('combobox', { name: 'Width' }).selectOption('wide');
  await toolbar.getByRole('combobox', { name: 'Line height' }).selectOption({ label: 'Airy' });
  const text = page.locator('.reader-text');
  await expect(text).toHaveCSS('font-size', '20px');

  const expectKept = async () => {
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    await expect(toolbar.getByText('20px')).toBeVisible();
    await expect(toolbar.getByRole('combobox', { name: 'Font' })).toHaveValue('sans');
    await expect(toolbar.getByRole('combobox', { name: 'Width' })).toHaveValue('wide');
    await expect(toolbar.getByRole('combobox', { name: 'Line height' })).toHaveValue('1.85');
    await expect(text).toHaveCSS('font-size', '20px');
    await expect(text).toHaveCSS('font-family', /sans-serif/);
  };
  await page.reload();
  await expectKept();

  // A restart serves the app from a new port: nothing of the old page's storage is left, the core remembers.
  await web.restart();
  await openApp(page, web);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('link', { name: REPORT }).click();
  await expectKept();
});

test('“System theme” follows the operating system as it changes', async ({ page, web }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, web);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  // A chosen theme stays put whatever the system does.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('a new window opens the last document at the passage being read', async ({ page, web, context }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: REPORT }).click();
  // A passage far down the report, out of sight when the document opens (and drawn once scrolled near).
  const block = '40';
  const passage = page.locator(`.reader-text [data-block="${block}"]`);
  await wheelUntilAttached(page, page.locator('#main'), passage);
  await passage.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  // The position is saved a moment after scrolling stops: wait until the window has it.
  const saved = () => page.evaluate(() => Math.max(-1, ...Object.values<number>(JSON.parse(localStorage.getItem('dossier.session') ?? '{}').positions ?? {})));
  await expect.poll(saved).toBeGreaterThanOrEqual(Number(block) - 1);
  await page.close();

  const again = await context.newPage();
  await again.goto(web.url);
  await expect(again.getByRole('heading', { level: 1, name: REPORT })).toBeVisible();
  const restored = again.locator(`[data-block="${block}"]`);
  await expect(restored).toBeInViewport();
  const top = await restored.evaluate((element) => element.getBoundingClientRect().top);
  expect(top).toBeLessThan(200);

  // Within the same window, the library stays the library.
  await again.getByRole('link', { name: 'Library', exact: true }).click();
  await again.goto(web.url);
  await expect(again.getByRole('heading', { name: 'Library' })).toBeVisible();
});

test('a theme that cannot be saved is still used, and the window says why', async ({ page, web }) => {
  await openApp(page, web);
  // A folder where settings.json should be: the file cannot be written, as on a broken disk.
  await mkdir(join(web.dataDir, 'settings.json'));
  await writeFile(join(web.dataDir, 'settings.json', 'in-the-way'), '');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('alert')).toContainText('Your setting is in use but was not saved: Could not save settings.json');
  await expect(page.getByRole('alert')).toContainText('try again');
});

test('a new window reopens the split view with both documents', async ({ page, web, context }) => {
  await openApp(page, web);
  const documents = await callApi<DocumentSummary[]>(page, 'listDocuments');
  const [left, right] = [documents.find((d) => d.title === REPORT)?.id, documents.find((d) => d.source.startsWith('003'))?.id];
  await page.goto(`${web.origin}/#/split/${left}/${right}?l=40`);
  await expect(page.getByRole('heading', { level: 1, name: 'Why China Telecom is building IoT partnerships' })).toBeVisible();
  await page.close();

  const again = await context.newPage();
  await again.goto(web.url);
  await expect(again).toHaveURL(new RegExp(`#/split/${left}/${right}\\?l=40$`));
  await expect(again.getByRole('heading', { level: 1, name: 'Why China Telecom is building IoT partnerships' })).toBeVisible();
  await expect(again.locator('[data-block="40"]')).toBeInViewport();
});

test('a reading setting changed just before a reload is kept, even when its save had not reached the core', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: REPORT }).click();
  const toolbar = page.getByRole('toolbar', { name: 'Reading settings' });
  // The first save never reaches the core before the reload: the window is closed on it.
  let held = false;
  await page.route('**/api/updateSettings', async (route) => {
    if (held) return route.continue();
    held = true;
  });
  await toolbar.getByRole('combobox', { name: 'Width' }).selectOption('narrow');
  await expect.poll(() => held).toBe(true);
  await page.reload();
  await expect(toolbar.getByRole('combobox', { name: 'Width' })).toHaveValue('narrow');
  await web.restart();
  await openApp(page, web);
  await page.getByRole('link', { name: REPORT }).click();
  await expect(toolbar.getByRole('combobox', { name: 'Width' })).toHaveValue('narrow');
});
