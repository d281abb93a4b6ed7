import type { Page } from '@playwright/test';
import { test, expect, openApp, shot } from '../fixtures';

const IOT = 'Why China Telecom is building IoT partnerships';
const GRID = 'The State Grid Corporation of China and China Telecom Group Co., Ltd. signed a business…';

/** Calls the core's API from the page, as the window does (with the token the page keeps in its tab). */
async function call<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': sessionStorage.getItem('dossier.token') ?? '' }, body: JSON.stringify(body) });
      const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error?.message);
      return envelope.value;
    },
    [method, args] as const,
  ) as Promise<T>;
}

const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' });
const panel = (page: Page) => page.locator('.search-panel');

test('results follow each keystroke, grouped by document with the typed words marked', async ({ page, web }) => {
  await openApp(page, web);
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.click();
  for (const typed of ['E', 'Er', 'Eri', 'Eric', 'Erics', 'Ericss']) {
    await page.keyboard.type(typed.at(-1) as string);
    // The panel says which query its results are for: each keystroke gets its own answer.
    await expect(panel(page)).toHaveAttribute('data-search-query', typed);
  }
  await expect(results(page).locator('.search-group').first()).toContainText(IOT);
  await expect(results(page).locator('mark').first()).toHaveText('Ericsson');
  await page.keyboard.type('on EVP');
  await expect(panel(page)).toHaveAttribute('data-search-query', 'Ericsson EVP');
  await expect(results(page).locator('.search-group')).toHaveCount(1);
  await expect(page.locator('.search-footer')).toContainText('1 document');
});

test('arrow keys move through the results, Enter opens one, Esc closes and then clears', async ({ page, web }) => {
  await openApp(page, web);
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('Chen Zhongyue');
  const options = results(page).getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await search.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id')) ?? '');
  await search.press('ArrowUp');
  await search.press('ArrowUp');
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');
  await search.press('Escape');
  await expect(results(page)).toBeHidden();
  await expect(search).toHaveValue('Chen Zhongyue');
  await search.press('Escape');
  await expect(search).toHaveValue('');

  await search.fill('Chen Zhongyue');
  await search.press('ArrowDown');
  const chosen = (await options.nth(1).textContent()) ?? '';
  await search.press('Enter');
  await expect(page).toHaveURL(/#\/doc\/[0-9a-f]+\?q=Chen%20Zhongyue&block=\d+/);
  await expect(page.locator('.block.flash')).toContainText(chosen.replace(/^…|…$/g, '').slice(0, 40));
});

test('Ctrl+K reaches the search from anywhere', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: IOT }).click();
  await expect(page.getByRole('heading', { level: 1, name: IOT })).toBeVisible();
  await page.keyboard.press('Control+K');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await expect(search).toBeFocused();
  await page.keyboard.type('NB-IoT');
  await expect(results(page)).toContainText('Innovation-Driven');
  await expect(results(page).locator('mark').first()).toHaveText('NB-IoT');
});

test('a filter chip narrows the results, and removing it widens them again', async ({ page, web }) => {
  await openApp(page, web);
  const grid = (await call<Array<{ id: string; title: string }>>(page, 'listDocuments')).find((d) => d.title === GRID);
  await call(page, 'setDocumentTags', grid?.id, ['operators/china']);
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('China Telecom');
  await expect(results(page).locator('.search-group')).toHaveCount(3);

  await page.getByRole('combobox', { name: 'Add a filter' }).selectOption({ label: 'operators/china' });
  await expect(search).toHaveValue('tag:operators/china China Telecom');
  const chip = page.locator('.search-chip');
  await expect(chip).toHaveText(/Tag:\s*operators\/china/);
  await expect(results(page).locator('.search-group')).toHaveCount(1);
  await expect(results(page)).toContainText(GRID);
  await expect(search).toBeFocused();
  await page.screenshot({ path: shot('search-filter-chip') });

  await page.getByRole('button', { name: 'Remove the filter Tag: operators/china' }).click();
  await expect(search).toHaveValue('China Telecom');
  await expect(chip).toHaveCount(0);
  await expect(results(page).locator('.search-group')).toHaveCount(3);

  // Typed filters become chips too, and a filter that cannot be read says why.
  await search.fill('telecom after:someday');
  await expect(page.locator('.search-chip-invalid')).toHaveText(/From:\s*someday/);
  await expect(page.locator('.search-problem')).toHaveText('after:someday is not a date: write a year, a month or a day, like after:2021, after:2021-06 or after:2021-06-30');
});

test('notes and entities come up in the results, shown as such', async ({ page, web }) => {
  await openApp(page, web);
  const iot = (await call<Array<{ id: string; title: string }>>(page, 'listDocuments')).find((d) => d.title === IOT);
  const doc = await call<{ blocks: Array<{ spans: Array<[number, number]> }> }>(page, 'openDocument', iot?.id);
  const [start, end] = doc.blocks[3]?.spans[0] ?? [0, 10];
  await call(page, 'createAnnotation', { docId: iot?.id, start, end, note: 'Compare with the Ericsson roaming deal', tags: ['roaming'] });
  await call(page, 'createEntity', { type: 'person', name: 'Bo Ribbing', aliases: ['Ribbing'] });

  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('ribbing roaming');
  await expect(results(page).getByRole('option', { name: /Note/ })).toContainText('Compare with the Ericsson roaming deal');
  await search.fill('ribbing');
  const entity = results(page).getByRole('option', { name: 'Person: Bo Ribbing' });
  await expect(entity).toBeVisible();
  await page.screenshot({ path: shot('search-entities-notes') });
  await search.press('Enter');
  await expect(page).toHaveURL(/#\/entity\//);
  await expect(page.getByRole('heading', { level: 1, name: 'Bo Ribbing' })).toBeVisible();
});
