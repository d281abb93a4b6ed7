import { annotateSeed, callApi, SEED_000 } from '../a11y/data';
import { useTheme, THEMES } from '../a11y/axe';
import { test, expect, importText, numberedParagraphs, openApp, shot } from '../fixtures';

/*
 * The main views as a person sees them, in both themes at a small and a
 * large window, saved to tests/e2e/output/ to be looked at; each also
 * checks that the view shows its text and that the window holds still.
 */

const SIZES = [
  { width: 900, height: 700 },
  { width: 1440, height: 900 },
];
const LONG = 'The long minutes of the harbour board';

for (const theme of THEMES) {
  for (const size of SIZES) {
    const name = (view: string) => shot(`look-${view}-${theme}-${size.width}`);

    test(`the library, the reader, the split view and search results in the ${theme} theme at ${size.width}×${size.height}`, async ({ page, web }) => {
      await page.setViewportSize(size);
      await openApp(page, web);
      await annotateSeed(page);
      const longId = await importText(page, 'long-minutes.txt', numberedParagraphs(LONG, 3000, (i) => (i === 1800 ? ', and noted the late arrival of the pilot boat' : '')));
      await page.reload();
      await useTheme(page, theme);
      const still = async () => expect((await page.locator('.app-header').boundingBox())?.y).toBe(0);

      await expect(page.getByRole('link', { name: LONG })).toBeVisible();
      await page.screenshot({ path: name('library') });

      await page.getByRole('link', { name: SEED_000 }).first().click();
      await expect(page.locator('.reader-text .hl').first()).toBeVisible();
      await page.screenshot({ path: name('reader-short') });
      await still();

      await page.goto(`${web.origin}/#/doc/${longId}?block=1500`);
      await expect(page.locator('[data-block="1500"]')).toBeInViewport();
      await page.screenshot({ path: name('reader-long') });
      await still();

      const docs = await callApi<Array<{ id: string; source: string }>>(page, 'listDocuments');
      const other = docs.find((d) => d.source.startsWith('001'))?.id;
      const seed = docs.find((d) => d.source.startsWith('000'))?.id;
      await page.goto(`${web.origin}/#/split/${seed}/${other}`);
      await expect(page.locator('.split-pane[data-side="right"] .blocks-slice > .block').first()).toBeInViewport();
      await expect(page.locator('.split-pane[data-side="left"] .blocks-slice > .block').first()).toBeInViewport();
      await page.screenshot({ path: name('split') });
      await still();

      await page.getByRole('searchbox', { name: 'Search' }).fill('pilot boat');
      await expect(page.getByRole('listbox', { name: 'Search results' })).toBeVisible();
      await page.screenshot({ path: name('search') });
    });
  }
}
