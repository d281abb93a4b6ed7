import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, openApp, shot, test } from '../fixtures';

const DOC = 'Why China Telecom is building IoT partnerships';
const NOTE = 'Ericsson is the partner to watch: check the terms of the IoT deal';

/*
 * A save that cannot reach the disk. The annotations folder is replaced by a
 * plain file while the app runs, the way an unplugged or damaged folder
 * would look; unlike chmod, this stops root too (CI runs as root).
 */
test('a note that cannot be saved stays in the editor with a clear error, and saves when tried again', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: DOC }).click();
  await expect(page.getByRole('heading', { level: 1, name: DOC })).toBeVisible();
  await page.locator('.reader-text [data-block]', { hasText: 'Ericsson' }).first().click({ clickCount: 3 });
  await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Note' }).click();
  const editor = page.getByRole('dialog', { name: /Edit (highlight|note)/ });
  const field = editor.getByRole('textbox', { name: 'Note' });
  await expect(field).toBeVisible();

  const folder = join(web.dataDir, 'annotations');
  await rename(folder, `${folder}.away`);
  await writeFile(folder, 'not a folder');
  await field.fill(NOTE);
  const alert = editor.getByRole('alert');
  await expect(alert).toContainText(`Could not save annotations/`);
  await expect(alert).toContainText('part of the data folder is missing or is not a folder. Nothing was changed; fix this, then try again.');
  await expect(alert).toContainText('Your text is still here; nothing was saved.');
  await expect(field).toHaveValue(NOTE);
  await page.screenshot({ path: shot('save-failure') });

  await rm(folder);
  await rename(`${folder}.away`, folder);
  await field.press('End');
  await field.pressSequentially('.');
  await expect(editor.getByText('Saved', { exact: true })).toBeVisible();
  await expect(alert).toHaveCount(0);
  const [file = ''] = (await readdir(folder)).filter((name) => name.endsWith('.json'));
  expect(JSON.parse(await readFile(join(folder, file), 'utf8')).annotations[0].note).toBe(`${NOTE}.`);
});
