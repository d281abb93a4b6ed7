import { test, expect, openApp, shot } from '../fixtures';
import { annotateSeed } from '../a11y/data';

test('the command palette opens a document and runs a command by keyboard only', async ({ page, web }) => {
  await openApp(page, web);
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const input = palette.getByRole('combobox', { name: 'Find a command, document, entity or tag' });
  await expect(input).toBeFocused();
  // With nothing typed it lists the commands, each with its shortcut.
  await expect(palette.getByRole('option', { name: /Show keyboard shortcuts/ })).toContainText('Ctrl+/');
  await page.screenshot({ path: shot('palette') });

  await page.keyboard.type('telecom iot');
  await expect(palette.getByRole('option').first()).toContainText('Why China Telecom is building IoT partnerships');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Why China Telecom is building IoT partnerships' })).toBeVisible();

  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('dark theme');
  await expect(palette.getByRole('option', { selected: true })).toContainText('Use the dark theme');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // Arrows move through the matches; Enter runs the one chosen.
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('go');
  await expect(palette.getByRole('option', { name: /Go forward/ })).toBeVisible();
  const names = await palette.getByRole('option').allTextContents();
  const library = names.findIndex((name) => name.startsWith('Go to Library'));
  expect(library).toBeGreaterThanOrEqual(0);
  // Up from the first match wraps to the last, and down from there back to the first.
  await page.keyboard.press('ArrowUp');
  await expect(palette.getByRole('option', { selected: true })).toHaveText(names.at(-1) ?? '');
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < library; i++) await page.keyboard.press('ArrowDown');
  await expect(palette.getByRole('option', { selected: true })).toContainText('Go to Library');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
});

test('the palette says when nothing matches, and Esc gives focus back', async ({ page, web }) => {
  await openApp(page, web);
  const button = page.getByRole('button', { name: 'Commands' });
  await button.click();
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.type('xylophone');
  await expect(palette).toContainText('Nothing matches “xylophone”. Try fewer letters');
  await expect(palette.getByRole('option')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(button).toBeFocused();
});

test('? shows every shortcut, except while typing', async ({ page, web }) => {
  await openApp(page, web);
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Show all commands/ })).toContainText('Ctrl+Shift+P');
  await expect(sheet.getByRole('row', { name: /Go back/ })).toContainText('Alt+←');
  await page.screenshot({ path: shot('shortcuts-sheet') });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.click();
  await page.keyboard.type('why?');
  await expect(search).toHaveValue('why?');
  await expect(sheet).toBeHidden();
});

test('shortcuts move back and forward and change the reading size', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: 'Why China Telecom is building IoT partnerships' }).click();
  await expect(page.getByText('18px')).toBeVisible();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect(page.getByText('20px')).toBeVisible();
  await page.keyboard.press('Control+0');
  await expect(page.getByText('18px')).toBeVisible();

  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByRole('heading', { level: 1, name: 'Why China Telecom is building IoT partnerships' })).toBeVisible();
});

test('Help › Where my data is shows the data folder', async ({ page, web }) => {
  await openApp(page, web);
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('where data');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Where your data is' });
  await expect(dialog.locator('code')).toHaveText(web.dataDir);
  await expect(dialog).toContainText('It holds 5 documents');
  await page.screenshot({ path: shot('data-dialog') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('the palette finds entities and tags by name and opens them', async ({ page, web }) => {
  await openApp(page, web);
  await annotateSeed(page);
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.type('zhongyue');
  await expect(palette.getByRole('option').first()).toContainText('Chen Zhongyue');
  await expect(palette.getByRole('option').first()).toContainText('Person · 3 documents');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Chen Zhongyue' })).toBeVisible();

  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('partners tag');
  await expect(palette.getByRole('option').first()).toContainText('#themes/partners');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/\?tag=themes%2Fpartners$/);
});

test('Ctrl+B hides the sidebar, and it stays hidden', async ({ page, web }) => {
  await openApp(page, web);
  const sidebar = page.getByRole('complementary', { name: 'Browse by entity and tag' });
  await expect(sidebar).toBeVisible();
  await page.keyboard.press('Control+B');
  await expect(sidebar).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(sidebar).toBeHidden();
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('show sidebar');
  await page.keyboard.press('Enter');
  await expect(sidebar).toBeVisible();
});
