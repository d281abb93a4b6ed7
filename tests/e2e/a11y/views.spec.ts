import { test, expect, openApp } from '../fixtures';
import { expectAccessible, THEMES, useTheme } from './axe';
import type { DocumentSummary } from '../../../main/common/contract';
import { annotateSeed, callApi, SEED_000 } from './data';

const REPORT = 'Innovation-Driven: Heading Towards Good Smart Living';
const IOT = 'Why China Telecom is building IoT partnerships';

for (const theme of THEMES) {
  test.describe(`in the ${theme} theme`, () => {
    test('the library is accessible', async ({ page, web }) => {
      await openApp(page, web);
      await useTheme(page, theme);
      await expectAccessible(page, 'library', theme);
    });

    test('the reader with search matches is accessible', async ({ page, web }) => {
      await openApp(page, web);
      await useTheme(page, theme);
      await page.getByRole('searchbox', { name: 'Search' }).fill('Chen Zhongyue');
      await page.getByRole('option', { name: /Chen Zhongyue/ }).first().click();
      await expect(page.locator('.reader-text mark.search-match').first()).toBeVisible();
      await expectAccessible(page, 'reader', theme);
    });

    test('the reader of a long report is accessible', async ({ page, web }) => {
      await openApp(page, web);
      await useTheme(page, theme);
      await page.getByRole('link', { name: REPORT }).click();
      await expect(page.getByRole('heading', { level: 1, name: REPORT })).toBeVisible();
      await expectAccessible(page, 'reader-report', theme);
    });

    test('search results are accessible', async ({ page, web }) => {
      await openApp(page, web);
      await useTheme(page, theme);
      await page.getByRole('searchbox', { name: 'Search' }).fill('partners');
      await expect(page.getByRole('listbox', { name: 'Search results' })).toBeVisible();
      await expectAccessible(page, 'search-results', theme);
      await page.getByRole('searchbox', { name: 'Search' }).fill('xylophone');
      await expect(page.getByText('No passage matches')).toBeVisible();
      await expectAccessible(page, 'search-empty', theme);
    });

    test('the command palette and the shortcuts sheet are accessible', async ({ page, web }) => {
      await openApp(page, web);
      await useTheme(page, theme);
      await page.getByRole('link', { name: IOT }).click();
      await expect(page.getByRole('heading', { level: 1, name: IOT })).toBeVisible();
      await page.keyboard.press('Control+Shift+P');
      // Everything listed, more than fits: the palette scrolls.
      await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('option').nth(20)).toBeAttached();
      await expectAccessible(page, 'palette', theme);
      await page.keyboard.type('theme');
      await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('option').first()).toContainText('theme');
      await expectAccessible(page, 'palette-matches', theme);
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectAccessible(page, 'shortcuts', theme);
    });

    test('the reader with highlights and entity marks is accessible', async ({ page, web }) => {
      await openApp(page, web);
      await annotateSeed(page);
      await useTheme(page, theme);
      await page.getByRole('link', { name: SEED_000 }).first().click();
      await expect(page.locator('.reader-text .hl').first()).toBeVisible();
      await expect(page.locator('.reader-text .entity-mention').first()).toBeVisible();
      await expectAccessible(page, 'reader-annotated', theme);
    });

    test('the Notes, Entities, entity and Tags views are accessible', async ({ page, web }) => {
      await openApp(page, web);
      await annotateSeed(page);
      await useTheme(page, theme);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
      await expect(page.getByText('The meeting’s theme: compare with 2021.')).toBeVisible();
      await expectAccessible(page, 'notes', theme);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Entities' }).click();
      await expect(page.getByRole('main').getByRole('link', { name: 'Chen Zhongyue' })).toBeVisible();
      await expectAccessible(page, 'entities', theme);

      await page.getByRole('main').getByRole('link', { name: 'Chen Zhongyue' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Chen Zhongyue' })).toBeVisible();
      await expectAccessible(page, 'entity-page', theme);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
      // The entity page's titles say "partners" too, until the Tags view has replaced it.
      await expect(page.getByRole('heading', { level: 1, name: 'Tags' })).toBeVisible();
      await expect(page.getByRole('main').getByText('partners')).toBeVisible();
      await expectAccessible(page, 'tags', theme);
    });

    test('the split view with an annotated document is accessible', async ({ page, web }) => {
      await openApp(page, web);
      const left = await annotateSeed(page);
      const documents = await callApi<DocumentSummary[]>(page, 'listDocuments');
      const right = documents.find((d) => d.title === IOT)?.id ?? '';
      await useTheme(page, theme);
      await page.goto(`${web.origin}/#/split/${left}/${right}`);
      await expect(page.getByRole('heading', { level: 1, name: IOT })).toBeVisible();
      await expect(page.locator('.reader-text .hl').first()).toBeVisible();
      await expectAccessible(page, 'split', theme);
    });

    test('a broken link’s message is accessible', async ({ page, web }) => {
      await openApp(page, web);
      await useTheme(page, theme);
      await page.goto(`${web.origin}/#/doc/nope`);
      await expect(page.getByRole('alert')).toBeVisible();
      await expectAccessible(page, 'missing-document', theme);
    });
  });
}
