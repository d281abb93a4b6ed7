import type { Page } from '@playwright/test';
import type { DocumentSummary } from '../../../main/common/contract';
import { callApi } from '../a11y/data';
import { test, expect, openApp, shot, wheelUntilAttached } from '../fixtures';

const SEED_000 = 'China Unicom successfully held the Global Partners Meeting themed…';
const SEED_001 = 'The 2021 China Mobile Global Partners Conference inaugurated';

async function seedIds(page: Page): Promise<[string, string]> {
  const documents = await callApi<DocumentSummary[]>(page, 'listDocuments');
  const id = (prefix: string) => documents.find((d) => d.source.startsWith(prefix))?.id ?? '';
  return [id('000'), id('001')];
}

const pane = (page: Page, side: 'left' | 'right') => page.locator(`.split-pane[data-side="${side}"]`);

/** Opens seed 000, then from the library opens seed 001 beside it. */
async function openSideBySide(page: Page): Promise<[string, string]> {
  const [a, b] = await seedIds(page);
  await page.getByRole('link', { name: SEED_000 }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_000 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('button', { name: `Open “${SEED_001}” beside` }).click();
  await expect(page).toHaveURL(new RegExp(`#/split/${a}/${b}$`));
  return [a, b];
}

test('two documents side by side from the library: titles, address, divider, and the same view after a reload', async ({ page, web }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, web);
  await callApi(page, 'createEntity', { type: 'topic', name: '5G' });
  await callApi(page, 'createEntity', { type: 'person', name: 'John Hoffman' });
  await callApi(page, 'createEntity', { type: 'organisation', name: 'China Mobile' });
  const [a, b] = await openSideBySide(page);

  await expect(pane(page, 'left').getByRole('heading', { level: 1, name: SEED_000 })).toBeVisible();
  await expect(pane(page, 'right').getByRole('heading', { level: 1, name: SEED_001 })).toBeVisible();
  await expect(page.getByRole('region', { name: `Left document: ${SEED_000}` })).toBeVisible();

  // The compare strip: 5G in both, John Hoffman only on the left, China Mobile only on the right.
  const compare = page.getByRole('region', { name: 'Entities compared' });
  await expect(compare.getByRole('group', { name: 'Both' }).getByRole('button', { name: '5G' })).toBeVisible();
  await expect(compare.getByRole('group', { name: /^Only in “China Unicom/ }).getByRole('button', { name: 'John Hoffman' })).toBeVisible();
  await expect(compare.getByRole('group', { name: /^Only in “The 2021/ }).getByRole('button', { name: 'China Mobile' })).toBeVisible();
  await compare.getByRole('button', { name: '5G' }).click();
  await expect(compare.getByRole('button', { name: '5G' })).toHaveAttribute('aria-pressed', 'true');
  const marked = (side: 'left' | 'right') => pane(page, side).locator('[data-entity]').filter({ hasText: /^5G/ }).first();
  await expect(marked('left')).toHaveCSS('box-shadow', /px/);
  await expect(marked('right')).toHaveCSS('box-shadow', /px/);

  // Drag the divider to about a third.
  const divider = page.getByRole('separator', { name: 'Resize the panes' });
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  const panes = (await page.locator('.split-panes').boundingBox())!;
  const grip = (await divider.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(panes.x + panes.width * 0.35, grip.y + grip.height / 2, { steps: 8 });
  await page.mouse.up();
  const dragged = Number(await divider.getAttribute('aria-valuenow'));
  expect(dragged).toBeGreaterThanOrEqual(33);
  expect(dragged).toBeLessThanOrEqual(37);
  const leftWidth = (await pane(page, 'left').boundingBox())!.width;
  expect(leftWidth / panes.width).toBeCloseTo(dragged / 100, 1);
  // And with the keyboard.
  await divider.focus();
  await divider.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', String(dragged + 2));

  // Scroll the right pane (its blocks are drawn as they come near the view): the address follows.
  await wheelUntilAttached(page, pane(page, 'right').locator('.pane-scroller'), pane(page, 'right').locator('[data-block="4"]'));
  await pane(page, 'right').locator('[data-block="4"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect(page).toHaveURL(new RegExp(`#/split/${a}/${b}\\?r=4$`));
  await page.screenshot({ path: shot('split-1440') });

  await page.reload();
  await expect(page).toHaveURL(new RegExp(`#/split/${a}/${b}\\?r=4$`));
  await expect(pane(page, 'left').getByRole('heading', { level: 1, name: SEED_000 })).toBeVisible();
  await expect(pane(page, 'right').getByRole('heading', { level: 1, name: SEED_001 })).toBeVisible();
  await expect(page.getByRole('separator', { name: 'Resize the panes' })).toHaveAttribute('aria-valuenow', String(dragged + 2));
  await expect(pane(page, 'right').locator('[data-block="4"]')).toBeInViewport();
  await expect(pane(page, 'right').getByRole('heading', { level: 1 })).not.toBeInViewport();

  // Swap, then back: the history holds both views.
  await page.getByRole('button', { name: 'Swap panes' }).click();
  await expect(page).toHaveURL(new RegExp(`#/split/${b}/${a}\\?l=4$`));
  await expect(pane(page, 'left').getByRole('heading', { level: 1, name: SEED_001 })).toBeVisible();
  await page.goBack();
  await expect(pane(page, 'left').getByRole('heading', { level: 1, name: SEED_000 })).toBeVisible();

  // Close the left pane: the right document stays, in the reader.
  await page.getByRole('button', { name: 'Close the left document' }).click();
  await expect(page).toHaveURL(new RegExp(`#/doc/${b}`));
});

test('picking the John Hoffman paragraph lists related passages above the other pane; one click brings it into view', async ({ page, web }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, web);
  await callApi(page, 'createEntity', { type: 'topic', name: '5G' });
  await openSideBySide(page);

  await pane(page, 'left').locator('[data-block]').filter({ hasText: 'John Hoffman, CEO of GSMA, noted' }).click();
  const strip = pane(page, 'right').getByRole('region', { name: 'Related passages' });
  await expect(strip).toContainText('Related to ¶3');
  const first = strip.getByRole('button').filter({ hasText: '5G' }).first();
  await expect(first).toContainText(/Computing Force Network/i);
  await expect(pane(page, 'left').getByRole('region', { name: 'Related passages' })).toHaveCount(0);
  await page.screenshot({ path: shot('split-related') });

  await first.click();
  const flashed = pane(page, 'right').locator('.block.flash');
  await expect(flashed).toHaveCount(1);
  await expect(flashed).toContainText('5G');
  await expect(flashed).toBeInViewport();
});

test('Ctrl/Cmd+F in the right pane finds in that document only', async ({ page, web }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, web);
  await openSideBySide(page);

  await pane(page, 'right').locator('[data-block="2"]').click();
  await page.keyboard.press('ControlOrMeta+f');
  const find = pane(page, 'right').getByRole('searchbox', { name: 'Find in this document' });
  await expect(find).toBeFocused();
  await expect(pane(page, 'left').getByRole('searchbox', { name: 'Find in this document' })).toHaveCount(0);
  await find.fill('partners');
  await expect(pane(page, 'right').getByRole('status').filter({ hasText: /^1 of \d+$/ })).toBeVisible();
  await expect(pane(page, 'right').locator('mark.search-match').first()).toBeVisible();
  await expect(pane(page, 'left').locator('mark.search-match')).toHaveCount(0);
  await find.press('Enter');
  await expect(pane(page, 'right').getByRole('status').filter({ hasText: /^2 of \d+$/ })).toBeVisible();
  await expect(pane(page, 'right').locator('.find-current')).toBeInViewport();
  await find.press('Escape');
  await expect(find).toHaveCount(0);
});

test('on a narrow window the panes stack and nothing is cut off', async ({ page, web }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await openApp(page, web);
  await callApi(page, 'createEntity', { type: 'topic', name: '5G' });
  await openSideBySide(page);
  const left = (await pane(page, 'left').boundingBox())!;
  const right = (await pane(page, 'right').boundingBox())!;
  expect(right.y).toBeGreaterThan(left.y + left.height - 1);
  expect(left.x + left.width).toBeLessThanOrEqual(800);
  expect(right.x + right.width).toBeLessThanOrEqual(800);
  await expect(page.getByRole('separator', { name: 'Resize the panes' })).toHaveAttribute('aria-orientation', 'horizontal');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await page.screenshot({ path: shot('split-800') });
});

/** A pane's first block of body text (a first line that only repeats the title is not shown). */
const firstText = (page: Page, side: 'left' | 'right') => pane(page, side).locator('.blocks-slice > .block').first();

/** Whether the first line of a pane's body text is inside its scrolling column. */
async function bodyTextShown(page: Page, side: 'left' | 'right'): Promise<boolean> {
  const column = (await pane(page, side).locator('.pane-scroller').boundingBox())!;
  const text = (await firstText(page, side).boundingBox())!;
  return text.y >= column.y && text.y + 24 <= column.y + column.height;
}

test('at 900×700 both stacked panes show body text, their notes folded beside it', async ({ page, web }) => {
  await page.setViewportSize({ width: 900, height: 700 });
  await openApp(page, web);
  await openSideBySide(page);
  await expect(page.locator('.split-view.is-stacked')).toBeVisible();
  for (const side of ['left', 'right'] as const) {
    await expect(firstText(page, side)).toBeInViewport();
    expect(await bodyTextShown(page, side)).toBe(true);
    await expect(pane(page, side).getByRole('button', { name: 'Notes', exact: true })).toBeVisible();
  }
  // Opened, a pane's notes lie beside the text; the other pane's stay folded.
  await pane(page, 'left').getByRole('button', { name: 'Notes', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Notes on the left document' }).getByRole('heading', { name: 'Notes' })).toBeVisible();
  expect(await bodyTextShown(page, 'left')).toBe(true);
  await expect(page.getByRole('region', { name: 'Notes on the right document' }).getByRole('button', { name: 'Notes', exact: true })).toBeVisible();
  await page.screenshot({ path: shot('split-900') });
});

test('at 1440×900 each pane opens with its text, not its notes, at the top', async ({ page, web }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, web);
  await openSideBySide(page);
  for (const side of ['left', 'right'] as const) {
    const column = (await pane(page, side).locator('.pane-scroller').boundingBox())!;
    const text = (await firstText(page, side).boundingBox())!;
    expect(text.y - column.y).toBeLessThan(column.height / 3);
  }
});
