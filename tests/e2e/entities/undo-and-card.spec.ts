import type { Locator, Page } from '@playwright/test';
import type { DocumentSummary } from '../../../main/common/contract';
import { callApi } from '../a11y/data';
import { THEMES, useTheme } from '../a11y/axe';
import { test, expect, openApp, shot } from '../fixtures';

const SEED_000 = 'China Unicom successfully held the Global Partners Meeting themed…';
const SEED_003 = 'Why China Telecom is building IoT partnerships';

const toast = (page: Page) => page.locator('.undo-toast');
const mention = (page: Page, text: string) => page.locator('.reader-text .entity-mention', { hasText: text });

/** Clicks a run of text where a person would: on its first line (a name broken across two lines has its middle between them). */
async function clickText(locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.evaluate((element) => {
    const first = element.getClientRects()[0] as DOMRect;
    return { x: first.left + first.width / 2, y: first.top + first.height / 2 };
  });
  await locator.page().mouse.click(box.x, box.y);
}

async function seedId(page: Page, prefix: string): Promise<string> {
  const documents = await callApi<DocumentSummary[]>(page, 'listDocuments');
  return documents.find((d) => d.source.startsWith(prefix))?.id ?? '';
}

async function openEntity(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Entities' }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a rename keeps the old name as an alias, and the dialog says so before saving', async ({ page, web }) => {
  await openApp(page, web);
  await callApi(page, 'createEntity', { type: 'organisation', name: 'Ericsson' });
  await openEntity(page, 'Ericsson');
  await expect(page.getByText('6 mentions in 1 document')).toBeVisible();
  await page.getByRole('button', { name: 'Edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Ericsson' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await name.fill('Telefonaktiebolaget LM Ericsson');
  await expect(dialog.getByRole('list', { name: 'Aliases' })).toContainText('Ericsson');
  await expect(dialog.getByRole('status')).toHaveText('All 6 mentions stay linked.');
  // Taking the old name out says what that costs.
  await dialog.getByRole('button', { name: 'Remove alias Ericsson' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Unlinks 6 mentions: 6 → 0.');
  await page.screenshot({ path: shot('entities-rename-preview') });
  await dialog.getByRole('textbox', { name: 'Aliases' }).fill('Ericsson');
  await dialog.getByRole('button', { name: 'Add alias' }).click();
  await expect(dialog.getByRole('status')).toHaveText('All 6 mentions stay linked.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Telefonaktiebolaget LM Ericsson' })).toBeVisible();
  await expect(page.getByText('6 mentions in 1 document')).toBeVisible();
  await expect(page.getByText('also written “Ericsson”')).toBeVisible();

  // Undo, with the keyboard: the old name is back.
  await expect(toast(page)).toContainText('Renamed “Ericsson” to “Telefonaktiebolaget LM Ericsson”');
  await page.locator('body').press('Control+z');
  await expect(page.getByRole('heading', { level: 1, name: 'Ericsson' })).toBeVisible();
});

test('deleting and merging entities are undone from the toast and with Ctrl+Z', async ({ page, web }) => {
  await openApp(page, web);
  await callApi(page, 'createEntity', { type: 'organisation', name: 'GSMA', notes: 'Industry body' });
  await callApi(page, 'createEntity', { type: 'organisation', name: 'Groupe Speciale Mobile Association' });
  await openEntity(page, 'GSMA');

  await page.getByRole('button', { name: 'Delete…' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete GSMA?' });
  await expect(remove.getByRole('status')).toHaveText('Unlinks 3 mentions: 3 → 0.');
  await remove.getByRole('button', { name: 'Delete entity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Entities' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'GSMA', exact: true })).toHaveCount(0);
  await expect(toast(page)).toContainText('Deleted “GSMA”');
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'GSMA', exact: true }).click();
  await expect(page.getByText('3 mentions in 2 documents')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue('Industry body');

  await page.getByRole('button', { name: 'Merge…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge into GSMA' });
  await merge.getByRole('combobox', { name: 'Entity to merge into this one' }).selectOption({ label: 'Groupe Speciale Mobile Association' });
  await expect(merge.getByRole('status')).toHaveText('All 4 mentions stay linked.');
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText('4 mentions in 2 documents')).toBeVisible();
  await expect(toast(page)).toContainText('Merged “Groupe Speciale Mobile Association” into “GSMA”');
  await page.locator('body').press('Control+z');
  await expect(page.getByText('3 mentions in 2 documents')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Entities' }).click();
  await expect(page.getByRole('link', { name: 'Groupe Speciale Mobile Association', exact: true })).toBeVisible();
});

test('rejecting and "Accept all" are undone; rejected suggestions are listed and brought back; several are triaged at once', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: 'Suggested entities' }).click();
  const people = page.getByRole('region', { name: /^Person/ });
  await expect(people.getByText('John Hoffman')).toBeVisible();

  await people.getByRole('button', { name: 'Reject John Hoffman' }).click();
  await expect(people.getByText('John Hoffman')).toHaveCount(0);
  await expect(toast(page)).toContainText('Rejected “John Hoffman”');
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(people.getByText('John Hoffman')).toBeVisible();

  await people.getByRole('button', { name: 'Reject John Hoffman' }).click();
  await page.getByRole('navigation', { name: 'Suggestions' }).getByRole('link', { name: /Rejected/ }).click();
  const rejected = page.getByRole('list', { name: 'Rejected suggestions' });
  await expect(rejected.getByText('John Hoffman')).toBeVisible();
  await page.screenshot({ path: shot('entities-rejected') });
  await rejected.getByRole('button', { name: 'Bring back John Hoffman' }).click();
  await expect(page.getByText('You have not rejected any suggestion.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Suggestions' }).getByRole('link', { name: /To review/ }).click();
  await expect(people.getByText('John Hoffman')).toBeVisible();

  // "Accept all": one Undo takes the whole batch back.
  const count = Number(await people.locator('.type-count').textContent());
  await people.getByRole('button', { name: /^Accept all \d+ person suggestions/ }).click();
  await expect(people).toHaveCount(0);
  await expect(toast(page)).toContainText(`Accepted ${count} suggestions`);
  await page.locator('body').press('Control+z');
  await expect(people.locator('.type-count')).toHaveText(String(count));

  // Several at once: two places filed as people, then accepted together.
  const places = page.getByRole('region', { name: /^Place/ });
  await places.getByRole('checkbox', { name: 'Select Henan' }).check();
  await places.getByRole('checkbox', { name: 'Select Zhuhai' }).check();
  const bulk = page.getByRole('toolbar', { name: 'Selected suggestions' });
  await expect(bulk).toContainText('2 selected');
  await bulk.getByRole('combobox', { name: 'Set type' }).selectOption({ label: 'Topic' });
  const topics = page.getByRole('region', { name: /^Topic/ });
  await expect(topics.getByText('Henan', { exact: true })).toBeVisible();
  await page.screenshot({ path: shot('entities-suggestions-bulk') });
  await bulk.getByRole('button', { name: 'Accept selected' }).click();
  await expect(toast(page)).toContainText('Accepted 2 suggestions');
  await page.getByRole('link', { name: 'All entities' }).click();
  await expect(page.getByRole('region', { name: /^Topic/ }).getByRole('link', { name: 'Zhuhai' })).toBeVisible();
});

test('a click on a mention shows its card beside it, in the reader and in the split view, and the view stays', async ({ page, web }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, web);
  await callApi(page, 'createEntity', { type: 'person', name: 'John Hoffman' });
  await callApi(page, 'createEntity', { type: 'organisation', name: 'China Unicom' });
  const [a, b] = [await seedId(page, '000'), await seedId(page, '001')];
  await page.getByRole('link', { name: SEED_000 }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_000 })).toBeVisible();
  const address = page.url();

  await clickText(mention(page, 'John Hoffman').first());
  const card = page.getByRole('dialog', { name: 'Person: John Hoffman' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('2 mentions in this document · 2 mentions in 1 document');
  await expect(card).toContainText('1 of 2');
  await card.getByRole('button', { name: 'Next mention' }).click();
  await expect(card).toContainText('2 of 2');
  await expect(card.getByRole('button', { name: 'Next mention' })).toBeDisabled();
  expect(page.url()).toBe(address);
  await page.screenshot({ path: shot('entities-mention-card') });
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();

  // Beside another document: the card opens in the pane, and the click picks the paragraph for the other pane.
  await page.goto(`${web.origin}/#/split/${a}/${b}`);
  const left = page.locator('.split-pane[data-side="left"]');
  await clickText(left.locator('.entity-mention', { hasText: 'China Unicom' }).first());
  const unicom = page.getByRole('dialog', { name: 'Organisation: China Unicom' });
  await expect(unicom).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/split/${a}/${b}`));
  await expect(page.locator('.split-pane[data-side="right"] .related-strip')).toBeVisible();
  await page.screenshot({ path: shot('split-mention-card') });
  await unicom.getByRole('link', { name: 'Open the page of China Unicom' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'China Unicom' })).toBeVisible();
});

test('one switch hides the mention underlines, and it is remembered', async ({ page, web }) => {
  await openApp(page, web);
  await callApi(page, 'createEntity', { type: 'person', name: 'John Hoffman' });
  await page.getByRole('link', { name: SEED_000 }).click();
  await expect(mention(page, 'John Hoffman')).toHaveCount(2);
  const toggle = page.getByRole('button', { name: 'Entity underlines' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(mention(page, 'John Hoffman')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SEED_000 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Entity underlines' })).toHaveAttribute('aria-pressed', 'false');
  await expect(mention(page, 'John Hoffman')).toHaveCount(0);
  await page.getByRole('button', { name: 'Entity underlines' }).click();
  await expect(mention(page, 'John Hoffman')).toHaveCount(2);
});

test('the "Open beside…" picker works from the keyboard alone', async ({ page, web }) => {
  await openApp(page, web);
  const [a, c] = [await seedId(page, '000'), await seedId(page, '003')];
  await page.getByRole('link', { name: SEED_000 }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_000 })).toBeVisible();
  await page.keyboard.press('Control+\\');
  const picker = page.getByRole('dialog', { name: 'Open a document beside this one' });
  const filter = picker.getByRole('combobox', { name: 'Filter documents by title' });
  await expect(filter).toBeFocused();
  // A space is typed, not a click on a button.
  await page.keyboard.type('china ');
  await expect(picker).toBeVisible();
  await expect(filter).toHaveValue('china ');
  const options = picker.getByRole('option');
  await expect(options).toHaveCount(3);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.type('iot');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveText(new RegExp(SEED_003));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/split/${a}/${c}$`));
  await expect(page.locator('.split-pane[data-side="right"]').getByRole('heading', { level: 1, name: SEED_003 })).toBeVisible();
});

test('the shared paragraphs of "Appears with" open from the entity page', async ({ page, web }) => {
  await openApp(page, web);
  await callApi(page, 'createEntity', { type: 'person', name: 'Chen Zhongyue' });
  await callApi(page, 'createEntity', { type: 'organisation', name: 'China Telecom' });
  await openEntity(page, 'Chen Zhongyue');
  await page.getByRole('region', { name: 'Appears with' }).getByRole('button', { name: /^China Telecom/ }).click();
  const shared = page.getByRole('region', { name: 'Paragraphs with China Telecom' });
  await expect(shared.getByRole('listitem')).toHaveCount(3);
  await expect(shared.locator('mark').first()).toBeVisible();
  await shared.getByRole('link', { name: /EVP of China Telecom/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_003 })).toBeVisible();
});

for (const theme of THEMES) {
  for (const [width, height] of [
    [900, 700],
    [1440, 900],
  ] as const) {
    test(`screens to look at: ${theme}, ${width}×${height}`, async ({ page, web }) => {
      await page.setViewportSize({ width, height });
      await openApp(page, web);
      await useTheme(page, theme);
      const at = `${theme}-${width}`;
      await callApi(page, 'createEntity', { type: 'person', name: 'Chen Zhongyue' });
      await callApi(page, 'createEntity', { type: 'organisation', name: 'China Unicom' });
      await callApi(page, 'createEntity', { type: 'organisation', name: 'China Telecom' });
      await callApi(page, 'createEntity', { type: 'topic', name: '5G' });
      await callApi(page, 'createEntity', { type: 'place', name: 'Shanghai' });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Entities' }).click();
      await page.getByRole('navigation', { name: 'Entities' }).getByRole('link', { name: 'Suggestions' }).click();
      await page.getByRole('region', { name: /^Person/ }).getByRole('checkbox', { name: 'Select John Hoffman' }).check();
      await page.screenshot({ path: shot(`entities-suggestions-${at}`) });

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
      await page.getByRole('link', { name: SEED_000 }).click();
      await clickText(mention(page, 'Chen Zhongyue').first());
      await expect(page.getByRole('dialog', { name: 'Person: Chen Zhongyue' })).toBeVisible();
      await page.screenshot({ path: shot(`entities-card-${at}`) });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+\\');
      await expect(page.getByRole('dialog', { name: 'Open a document beside this one' })).toBeVisible();
      await page.screenshot({ path: shot(`split-picker-${at}`) });
      await page.keyboard.press('Escape');

      await openEntity(page, 'Chen Zhongyue');
      await page.getByRole('region', { name: 'Appears with' }).getByRole('button', { name: /^China Unicom/ }).click();
      await page.screenshot({ path: shot(`entities-page-${at}`), fullPage: true });
      await page.getByRole('button', { name: 'Edit…' }).click();
      await page.getByRole('textbox', { name: 'Name' }).fill('Chen Zhongyue (EVP)');
      await expect(page.getByRole('dialog').getByRole('status')).toHaveText(/stay linked/);
      await page.screenshot({ path: shot(`entities-edit-${at}`) });
    });
  }
}
