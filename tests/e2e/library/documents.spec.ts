import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { DocumentSummary } from '../../../main/common/contract';
import { callApi } from '../a11y/data';
import { test, expect, importText, openApp } from '../fixtures';

const SEED_DIR = 'resources/seed';

const SEED_000 = 'China Unicom successfully held the Global Partners Meeting themed…';
const SEED_001 = 'The 2021 China Mobile Global Partners Conference inaugurated';
const SEED_002 = 'The State Grid Corporation of China and China Telecom Group Co., Ltd. signed a business…';
const SEED_003 = 'Why China Telecom is building IoT partnerships';
const SEED_004 = 'Innovation-Driven: Heading Towards Good Smart Living';

const rows = (page: Page) => page.locator('.library-table tbody tr[aria-rowindex]');
const row = (page: Page, title: string) => rows(page).filter({ has: page.getByRole('link', { name: title, exact: true }) });
const editDialog = (page: Page) => page.getByRole('dialog', { name: 'Edit document details' });
const toast = (page: Page) => page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Undo' }) });

/** Writes a date into the edit dialog's day, month and year. */
async function fillDate(page: Page, day: string, month: string, year: string): Promise<void> {
  const dialog = editDialog(page);
  await dialog.getByLabel('Day').fill(day);
  await dialog.getByLabel('Month').selectOption(month === '' ? '' : { label: month });
  await dialog.getByLabel('Year').fill(year);
}

/** Gives a seed document notes through the API, as another window would have. */
async function addNotes(page: Page, sourcePrefix: string, count: number): Promise<void> {
  const docs = await callApi<DocumentSummary[]>(page, 'listDocuments');
  const docId = docs.find((d) => d.source.startsWith(sourcePrefix))?.id;
  for (let i = 0; i < count; i++) await callApi(page, 'createAnnotation', { docId, start: i * 20, end: i * 20 + 10, note: `Note ${i + 1}` });
}

test('a document is renamed and re-dated from the reader, by its button and by the palette; the library and a reload keep it', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: SEED_000, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_000 })).toBeVisible();

  await page.getByRole('button', { name: 'Edit details…' }).click();
  await expect(editDialog(page).getByLabel('Title')).toHaveValue(SEED_000);
  await editDialog(page).getByLabel('Title').fill('China Unicom Global Partners Meeting 2024');
  await fillDate(page, '', 'June', '2024');
  await editDialog(page).getByLabel('Source').fill('Unicom press office');
  await editDialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(editDialog(page)).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'China Unicom Global Partners Meeting 2024' })).toBeVisible();
  await expect(page.locator('.doc-meta')).toContainText('Jun 2024');
  await expect(page.locator('.doc-meta')).toContainText('Unicom press office');
  await expect(toast(page)).toContainText(`Renamed “${SEED_000}” to “China Unicom Global Partners Meeting 2024”`);

  // The same from the palette, by keyboard only.
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('edit document details');
  await expect(palette.getByRole('option', { selected: true })).toContainText('Edit document details…');
  await page.keyboard.press('Enter');
  await expect(editDialog(page).getByLabel('Title')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Global Partners Meeting, Shanghai');
  await editDialog(page).getByLabel('Day').fill('27');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Global Partners Meeting, Shanghai' })).toBeVisible();
  await expect(page.locator('.doc-meta')).toContainText('27 Jun 2024');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Global Partners Meeting, Shanghai' })).toBeVisible();
  await expect(page.locator('.doc-meta')).toContainText('27 Jun 2024 ·');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await expect(row(page, 'Global Partners Meeting, Shanghai')).toContainText('27 Jun 2024');
  await expect(row(page, 'Global Partners Meeting, Shanghai')).toContainText('Unicom press office');
  await expect(page.getByRole('link', { name: SEED_000, exact: true })).toHaveCount(0);
});

test('a document is renamed and re-dated from the library row, by its Edit… button and its context menu; a reload keeps it', async ({ page, web }) => {
  await openApp(page, web);
  await row(page, SEED_003).getByRole('button', { name: `Edit details of “${SEED_003}”` }).click();
  await editDialog(page).getByLabel('Title').fill('China Telecom and its IoT partners');
  await fillDate(page, '', '', '2022');
  await editDialog(page).getByRole('button', { name: 'Save' }).click();
  // Newest first: from 2017 to 2022, it goes above the document of 2021.
  await expect(rows(page).locator('.col-date')).toHaveText(['26 Jun 2024', '2022', '1 Nov 2021', '2017', '—']);
  await expect(rows(page).nth(1)).toContainText('China Telecom and its IoT partners');

  await row(page, SEED_001).locator('.col-date').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: `Actions for “${SEED_001}”` });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Edit details…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await editDialog(page).getByLabel('Title').fill('China Mobile Global Partners Conference');
  await fillDate(page, '', '', '');
  await editDialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(row(page, 'China Mobile Global Partners Conference')).toContainText('—');

  await expect(rows(page).locator('.col-date')).toHaveText(['26 Jun 2024', '2022', '2017', '—', '—']);

  await page.reload();
  await expect(row(page, 'China Telecom and its IoT partners').locator('.col-date')).toHaveText('2022');
  await expect(row(page, 'China Mobile Global Partners Conference').locator('.col-date')).toHaveText('—');
  await expect(page.getByRole('link', { name: SEED_003, exact: true })).toHaveCount(0);
});

test('a blank title, 31 February and a date far ahead are refused beside their fields, and nothing is saved', async ({ page, web }) => {
  await openApp(page, web);
  await row(page, SEED_002).getByRole('button', { name: `Edit details of “${SEED_002}”` }).click();
  const dialog = editDialog(page);

  await dialog.getByLabel('Title').fill('   ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByLabel('Title')).toHaveAccessibleDescription('Give the document a title: it cannot be empty.');
  await expect(dialog.getByLabel('Title')).toBeFocused();

  await dialog.getByLabel('Title').fill('Grid and Telecom agreement');
  await fillDate(page, '31', 'February', '2024');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('group', { name: 'Date' })).toContainText('There is no 31 February 2024: February 2024 has 29 days.');
  await expect(dialog.getByLabel('Title')).not.toHaveAttribute('aria-invalid', 'true');

  const farYear = String(new Date().getFullYear() + 5);
  await fillDate(page, '1', 'March', farYear);
  await expect(dialog.getByRole('group', { name: 'Date' })).toContainText(`1 March ${farYear} is more than a year from today: check the year.`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(page.getByRole('link', { name: SEED_002, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Grid and Telecom agreement' })).toHaveCount(0);
});

test('one document is moved to the Trash with its notes counted, and Undo brings it back with them; a reload shows it stayed', async ({ page, web }) => {
  await openApp(page, web);
  await addNotes(page, '003', 2);
  await page.reload();

  await row(page, SEED_003).getByRole('button', { name: `More actions for “${SEED_003}”` }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Move to Trash…' }).click();
  const confirm = page.getByRole('dialog', { name: `Move “${SEED_003}” to the Trash?` });
  await expect(confirm).toContainText('Its 2 notes go with it.');
  await confirm.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(page.getByRole('link', { name: SEED_003, exact: true })).toHaveCount(0);
  await expect(rows(page)).toHaveCount(4);
  await expect(page.getByRole('link', { name: /^Trash/ })).toHaveText('Trash (1)');
  await expect(toast(page)).toContainText(`Moved “${SEED_003}” to the Trash`);

  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, SEED_003)).toBeVisible();
  await expect(rows(page)).toHaveCount(5);
  await page.reload();
  await expect(row(page, SEED_003)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Trash', exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
  await expect(page.locator('.nv-list').getByRole('article')).toHaveCount(2);

  // From the reader, then Ctrl+Z.
  await page.goto(`${web.url}#/`);
  await page.getByRole('link', { name: SEED_003, exact: true }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('dialog', { name: `Move “${SEED_003}” to the Trash?` }).getByRole('button', { name: 'Move to Trash' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(rows(page)).toHaveCount(4);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(row(page, SEED_003)).toBeVisible();
  await page.reload();
  await expect(rows(page)).toHaveCount(5);
});

test('three documents selected with Ctrl+click and Shift+click go to the Trash together; restored from the Trash, they stay after a reload', async ({ page, web }) => {
  await openApp(page, web);
  await addNotes(page, '001', 1);
  await addNotes(page, '002', 2);
  await page.reload();

  // Newest first, undated last: 000, 001, 003, 004, 002. Shift+click takes 001 to 004; Ctrl+click leaves 003 out; a checkbox adds 002.
  const bar = page.getByRole('region', { name: 'Selected documents' });
  await row(page, SEED_001).locator('.col-date').click();
  await expect(bar).toContainText('1 document selected');
  await row(page, SEED_004).locator('.col-date').click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('3 documents selected');
  await row(page, SEED_003).locator('.col-length').click({ modifiers: ['ControlOrMeta'] });
  await expect(bar).toContainText('2 documents selected');
  await row(page, SEED_002).getByRole('checkbox').check();
  await expect(bar).toContainText('3 documents selected');
  for (const title of [SEED_001, SEED_004, SEED_002]) await expect(row(page, title).getByRole('checkbox')).toBeChecked();
  await expect(row(page, SEED_003).getByRole('checkbox')).not.toBeChecked();

  await bar.getByRole('button', { name: 'Move to Trash…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Move 3 documents to the Trash?' });
  await expect(confirm).toContainText('Their 3 notes go with them.');
  await confirm.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(bar).toBeHidden();
  await page.reload();
  await expect(rows(page)).toHaveCount(2);

  await page.getByRole('link', { name: 'Trash (3)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  const trash = page.locator('.trash-table tbody tr');
  await expect(trash).toHaveCount(3);
  await expect(trash.filter({ hasText: SEED_001 })).toContainText('1 note');
  await expect(trash.filter({ hasText: SEED_002 })).toContainText('2 notes');
  await page.getByRole('button', { name: 'Restore all' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The Trash is empty' })).toBeVisible();
  await expect(toast(page)).toContainText('Restored 3 documents');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'The Trash is empty' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the library' }).click();
  await expect(rows(page)).toHaveCount(5);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
  await expect(page.locator('.nv-list').getByRole('article')).toHaveCount(3);
});

test('Ctrl+A selects every document and Esc clears the selection; one restored from the Trash or deleted for good goes where it is told', async ({ page, web }) => {
  await openApp(page, web);
  await rows(page).first().locator('.col-length').click();
  await page.keyboard.press('ControlOrMeta+a');
  const bar = page.getByRole('region', { name: 'Selected documents' });
  await expect(bar).toContainText('5 documents selected');
  await expect(page.getByRole('checkbox', { name: 'Select all documents' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  // Every row's id comes from the core first: the box is ticked once they have come.
  await page.getByRole('checkbox', { name: 'Select all documents' }).click();
  await expect(bar).toContainText('5 documents selected');
  await page.getByRole('checkbox', { name: 'Select all documents' }).uncheck();
  await expect(bar).toBeHidden();

  await row(page, SEED_004).getByRole('checkbox').check();
  await row(page, SEED_000).getByRole('checkbox').check();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog', { name: 'Move 2 documents to the Trash?' }).getByRole('button', { name: 'Move to Trash' }).click();
  await expect(rows(page)).toHaveCount(3);

  await page.getByRole('link', { name: 'Trash (2)' }).click();
  await page.getByRole('button', { name: `Restore “${SEED_000}”` }).click();
  await expect(page.locator('.trash-table tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: `Delete “${SEED_004}” for good` }).click();
  const forGood = page.getByRole('dialog', { name: `Delete “${SEED_004}” for good?` });
  await expect(forGood).toContainText('This cannot be undone.');
  await forGood.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The Trash is empty' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'The Trash is empty' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the library' }).click();
  await expect(rows(page)).toHaveCount(4);
  await expect(row(page, SEED_000)).toBeVisible();
  await expect(page.getByRole('link', { name: SEED_004, exact: true })).toHaveCount(0);
});

test('editing or deleting a document another window deleted says so plainly and changes nothing else', async ({ page, web }) => {
  await openApp(page, web);
  const docs = await callApi<DocumentSummary[]>(page, 'listDocuments');
  const id = docs.find((d) => d.source.startsWith('002'))?.id;

  await row(page, SEED_002).getByRole('button', { name: `Edit details of “${SEED_002}”` }).click();
  await callApi(page, 'deleteDocuments', [id]);
  await editDialog(page).getByLabel('Title').fill('Renamed too late');
  await editDialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(editDialog(page).getByRole('alert')).toHaveText(`“${SEED_002}” is in the Trash: it was deleted, perhaps in another window. Nothing was changed.`);
  await editDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('link', { name: SEED_002, exact: true })).toHaveCount(0);

  await row(page, SEED_001).getByRole('checkbox').check();
  await row(page, SEED_003).getByRole('checkbox').check();
  await callApi(page, 'deleteDocuments', [docs.find((d) => d.source.startsWith('003'))?.id]);
  await page.getByRole('region', { name: 'Selected documents' }).getByRole('button', { name: 'Move to Trash…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Move 2 documents to the Trash?' });
  await confirm.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(confirm.getByRole('alert')).toHaveText(`“${SEED_003}” is in the Trash: it was deleted, perhaps in another window. Nothing was deleted.`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(row(page, SEED_001)).toBeVisible();
  await expect(rows(page)).toHaveCount(3);
});

test('restoring a document whose text was imported again meanwhile asks first, and keeps both when told', async ({ page, web }) => {
  await openApp(page, web);
  await row(page, SEED_004).getByRole('checkbox').check();
  await page.getByRole('region', { name: 'Selected documents' }).getByRole('button', { name: 'Move to Trash…' }).click();
  await page.getByRole('dialog', { name: `Move “${SEED_004}” to the Trash?` }).getByRole('button', { name: 'Move to Trash' }).click();
  await expect(rows(page)).toHaveCount(4);
  const seedFile = (await readdir(SEED_DIR)).find((name) => name.startsWith('004_')) as string;
  await importText(page, 'innovation.txt', await readFile(join(SEED_DIR, seedFile), 'utf8'));

  await page.getByRole('link', { name: 'Trash (1)' }).click();
  await page.getByRole('button', { name: `Restore “${SEED_004}”` }).click();
  const question = page.getByRole('dialog', { name: 'This document is in the library again' });
  await expect(question).toContainText(`“${SEED_004}” from the Trash; in the library: “${SEED_004}”`);
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.trash-table tbody tr')).toHaveCount(1);

  await page.getByRole('button', { name: `Restore “${SEED_004}”` }).click();
  await question.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The Trash is empty' })).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: 'Back to the library' }).click();
  await expect(rows(page)).toHaveCount(6);
  await expect(page.getByRole('link', { name: SEED_004, exact: true })).toHaveCount(2);
});
