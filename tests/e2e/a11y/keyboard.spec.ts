import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp } from '../fixtures';
import { annotateSeed, SEED_000 } from './data';

/** What has focus, and whether it is drawn with a focus ring (outline or inset shadow). */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
    return { element: `${element.tagName.toLowerCase()} "${name}"`, ring };
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`every control of the library and the reader shows where focus is, in the ${theme} theme`, async ({ page, web }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openApp(page, web);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeInViewport();

    const walk = async (steps: number) => {
      const seen: Array<{ element: string; ring: boolean }> = [];
      for (let i = 0; i < steps; i++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        if (now) seen.push(now);
      }
      return seen;
    };
    const library = await walk(40);
    expect(library.filter((f) => !f.ring), 'focused without a visible ring').toEqual([]);
    expect(library.map((f) => f.element)).toEqual(expect.arrayContaining([expect.stringContaining('Commands'), expect.stringContaining('Title')]));

    await page.getByRole('link', { name: 'Why China Telecom is building IoT partnerships' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Why China Telecom is building IoT partnerships' })).toBeVisible();
    const reader = await walk(8);
    expect(reader.filter((f) => !f.ring), 'focused without a visible ring').toEqual([]);
    expect(reader.map((f) => f.element)).toEqual(expect.arrayContaining([expect.stringContaining('Larger text')]));
  });
}

test('the skip link takes the keyboard past the header to the view', async ({ page, web }) => {
  await openApp(page, web);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  // The link moved focus, not the route.
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await page.keyboard.press('Tab');
  const now = await focused(page);
  expect(await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement))).toBe(true);
  expect(now?.ring).toBe(true);
});

test('highlights and entity marks say what they are to a screen reader', async ({ page, web }) => {
  await openApp(page, web);
  await annotateSeed(page);
  await page.getByRole('link', { name: SEED_000 }).first().click();
  const spoken = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element, '::before').content);
  const person = page.locator('.reader-text .entity-mention', { hasText: 'Chen Zhongyue' }).first();
  await expect(person).toBeVisible();
  expect(await spoken(person)).toBe('"Person: Chen Zhongyue, "');
  const noted = page.locator('.reader-text .hl-has-note').first();
  expect(await spoken(noted)).toMatch(/^"Highlight with note/);
  // Said, not shown: the generated text takes no room on screen.
  expect(await noted.evaluate((element) => getComputedStyle(element, '::before').width)).toBe('1px');
});
