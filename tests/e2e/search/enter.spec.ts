import type { Page, Route } from '@playwright/test';
import { test, expect, openApp } from '../fixtures';

const IOT = 'Why China Telecom is building IoT partnerships';

/**
 * Holds the core's answers to searches until the test lets each one through,
 * by the query it answers: a machine so busy that the results come after the
 * person has already pressed Enter.
 */
async function holdSearches(page: Page) {
  const held = new Map<string, Route>();
  await page.route('**/api/search', (route) => {
    const [{ q }] = route.request().postDataJSON() as [{ q: string }];
    held.set(q, route);
  });
  return {
    /** Waits until the window has asked for the results of `q`. */
    asked: (q: string) => expect.poll(() => held.has(q)).toBe(true),
    /** Lets the answer to `q` through, now. */
    answer: (q: string) => (held.get(q) as Route).continue(),
  };
}

const library = (page: Page) => page.getByRole('heading', { level: 1, name: 'Library' });
const reader = (page: Page, title: string) => page.getByRole('heading', { level: 1, name: title });
/** The passage the reader was opened at (`?block=` of its address). */
const openedPassage = (page: Page) => page.locator(`.reader-text [data-block="${new URL(page.url().replace('#', '')).searchParams.get('block')}"]`);

test('Enter pressed before the results arrive opens the top result once they do', async ({ page, web }) => {
  await openApp(page, web);
  const searches = await holdSearches(page);
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('Ericsson EVP');
  await searches.asked('Ericsson EVP');
  await search.press('Enter');
  await expect(library(page)).toBeVisible();

  await searches.answer('Ericsson EVP');
  await expect(reader(page, IOT)).toBeVisible();
  await expect(page).toHaveURL(/\?q=Ericsson%20EVP&block=\d+$/);
  // The passage of the top result, in view, with the words searched for marked.
  const passage = openedPassage(page);
  await expect(passage).toBeInViewport();
  await expect(passage.locator('mark.search-match').filter({ hasText: 'EVP' })).toHaveCount(1);
});

test('Enter after the query changed opens the newer query’s top result, never the older, slower answer', async ({ page, web }) => {
  await openApp(page, web);
  const searches = await holdSearches(page);
  const search = page.getByRole('searchbox', { name: 'Search' });
  // "China" alone would open the State Grid agreement; Enter on it is forgotten as the person types on.
  await search.fill('China');
  await searches.asked('China');
  await search.press('Enter');
  await search.fill('China Telecom IoT');
  await searches.asked('China Telecom IoT');
  await search.press('Enter');

  // The older query's answer comes last but one: nothing opens on its account.
  await searches.answer('China');
  await searches.answer('China Telecom IoT');
  await expect(reader(page, IOT)).toBeVisible();
  await expect(page).toHaveURL(/\?q=China%20Telecom%20IoT&block=\d+$/);
  await expect(openedPassage(page)).toBeInViewport();
  await expect(openedPassage(page).locator('mark.search-match').first()).toBeVisible();
  // Back goes straight to the library: no other document was opened on the way.
  await page.goBack();
  await expect(library(page)).toBeVisible();
});
