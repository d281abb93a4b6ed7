import { readFile } from 'node:fs/promises';
import { test, expect, openApp, shot } from '../fixtures';

test('a backup downloads as one file, and restoring it says what it added', async ({ page, web }) => {
  await openApp(page, web);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Dossier backup \d{4}-\d{2}-\d{2}\.json$/);
  const made = page.getByRole('dialog', { name: 'Backup made' });
  await expect(made).toContainText(`Downloaded “${file.suggestedFilename()}”.`);
  await made.getByRole('button', { name: 'Close' }).click();
  const backup = JSON.parse(await readFile(await file.path(), 'utf8'));
  expect(backup).toMatchObject({ format: 'dossier-backup', version: 1 });
  expect(backup.documents).toHaveLength(5);

  // The same backup with one more document in it, as if made on another computer.
  backup.documents.push({ ...backup.documents[0], id: 'fromelsewhere01', title: 'Notes from the field', source: 'field.txt', origin: 'import', text: 'Notes from the field\n\nThe survey team counted forty vessels in the outer harbour.', tags: ['survey'] });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore…' }).click();
  await (await chooser).setFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  const restored = page.getByRole('dialog', { name: 'Backup restored' });
  await expect(restored.getByRole('status')).toContainText('Added 1 document.');
  await expect(restored.getByRole('status')).toContainText('1 document got tags back.');
  await page.screenshot({ path: shot('backup-restored') });
  await restored.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.library-table').getByRole('link', { name: 'Notes from the field' })).toBeVisible();
});

test('a file that is not a backup is refused with its reason', async ({ page, web }) => {
  await openApp(page, web);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore…' }).click();
  await (await chooser).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  const refused = page.getByRole('dialog', { name: 'Nothing was restored' });
  await expect(refused.getByRole('alert')).toContainText('This file is not a Dossier backup');
});

test('a dossier:// passage link, as the window route, opens the document at the passage', async ({ page, web }) => {
  await openApp(page, web);
  const link = page.locator('.library-table').getByRole('link', { name: 'Innovation-Driven: Heading Towards Good Smart Living' });
  const id = ((await link.getAttribute('href')) ?? '').split('/').pop() as string;
  await page.goto(`${web.origin}/#/open/${id}?start=20000&end=20040`);
  await expect(page).toHaveURL(new RegExp(`#/doc/${id}\\?block=\\d+$`));
  await expect(page.locator('.block.flash')).toHaveCount(1);
  await expect(page.locator('.block.flash')).toBeInViewport();

  await page.goto(`${web.origin}/#/open/${id}?start=9&end=2`);
  await expect(page.getByRole('heading', { name: 'This passage cannot be opened' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('This is not a link to a passage in Dossier.');
});
