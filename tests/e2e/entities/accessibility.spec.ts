import { test, expect, openApp } from '../fixtures';
import { expectAccessible, THEMES, useTheme } from '../a11y/axe';

const SEED_000 = 'China Unicom successfully held the Global Partners Meeting themed…';

for (const theme of THEMES) {
  test(`the entity views are accessible in the ${theme} theme`, async ({ page, web }) => {
    // Four views scanned in one go, on a machine that may be busy.
    test.setTimeout(180_000);
    await openApp(page, web);
    await useTheme(page, theme);
    await page.getByRole('link', { name: 'Suggested entities' }).click();
    await expect(page.getByRole('button', { name: 'Accept Chen Zhongyue' })).toBeVisible();
    await expectAccessible(page, 'entities-suggestions', theme);

    // Accept every person and organisation, then look at a page, the reader and the filtered library.
    await page.getByRole('button', { name: /^Accept all \d+ person suggestions/ }).click();
    await page.getByRole('button', { name: /^Accept all \d+ organisation suggestions/ }).click();
    await expect(page.getByRole('region', { name: /^Organisation/ })).toHaveCount(0);
    await page.getByRole('link', { name: 'All entities' }).click();
    await page.getByRole('link', { name: 'Chen Zhongyue' }).first().click();
    await expect(page.getByRole('region', { name: 'Appears with' })).toBeVisible();
    await expectAccessible(page, 'entities-page', theme);

    await page.getByRole('link', { name: SEED_000 }).first().click();
    await expect(page.locator('.reader-text .entity-mention').first()).toBeVisible();
    await expectAccessible(page, 'entities-reader', theme);

    await page.getByRole('link', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: /^Person/ }).click();
    await page.getByRole('button', { name: /^John Hoffman/ }).click();
    await expect(page.getByRole('group', { name: 'Current filter' })).toBeVisible();
    await expectAccessible(page, 'entities-library-filter', theme);
  });
}
