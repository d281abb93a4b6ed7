import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, openApp, shot, test } from '../fixtures';

test('a damaged library file is moved aside, the app starts, says where the file is and offers the backup', async ({ page, web }) => {
  await writeFile(join(web.dataDir, 'library.json'), '{"schema": 1, "documents": [{"id": "cut short');
  const backup = join(web.dataDir, 'Dossier backup 2026-01-31.json');
  await writeFile(backup, '{"format": "dossier-backup"}');
  await web.restart();
  await openApp(page, web);
  const aside = (await readdir(web.dataDir)).find((name) => name.startsWith('library.json.broken-'));
  expect(aside).toBeDefined();
  const notice = page.getByRole('status').filter({ hasText: 'library.json was moved aside' });
  await expect(notice).toContainText('because it is not valid JSON (it was damaged or cut short)');
  await expect(notice).toContainText(`It is kept at ${join(web.dataDir, aside ?? '')}; Dossier started without it.`);
  await expect(notice).toContainText(`A backup of your data exists (${backup}`);
  await expect(notice).toContainText('bring it back with “Restore from backup…”');
  // It started: the seed documents are back.
  await expect(page.locator('.library-table tbody tr')).toHaveCount(5);
  await page.screenshot({ path: shot('damaged-library-notice') });
});
