import type { Page } from '@playwright/test';
import { test, expect, openApp } from '../fixtures';
import { expectAccessible, THEMES, useTheme } from './axe';

const IOT = 'Why China Telecom is building IoT partnerships';
const REPORT = 'Innovation-Driven: Heading Towards Good Smart Living';

const row = (page: Page, title: string) => page.locator('.library-table tbody tr').filter({ has: page.getByRole('link', { name: title, exact: true }) });

for (const theme of THEMES) {
  test.describe(`in the ${theme} theme`, () => {
    test('the library with rows selected, a row’s menu, the edit dialog with a refusal, the delete dialog and the Trash are accessible', async ({ page, web }) => {
      await openApp(page, web);
      await useTheme(page, theme);
      await row(page, IOT).getByRole('checkbox').check();
      await row(page, REPORT).getByRole('checkbox').check();
      await expect(page.getByRole('region', { name: 'Selected documents' })).toContainText('2 documents selected');
      await expectAccessible(page, 'library-selected', theme);

      await row(page, IOT).getByRole('button', { name: `More actions for “${IOT}”` }).click();
      await expect(page.getByRole('menu', { name: `Actions for “${IOT}”` })).toBeVisible();
      await expectAccessible(page, 'document-menu', theme);
      await page.keyboard.press('Escape');

      await row(page, IOT).getByRole('button', { name: `Edit details of “${IOT}”` }).click();
      const edit = page.getByRole('dialog', { name: 'Edit document details' });
      await edit.getByLabel('Day').fill('31');
      await edit.getByLabel('Month').selectOption({ label: 'February' });
      await edit.getByRole('button', { name: 'Save' }).click();
      await expect(edit).toContainText('There is no 31 February 2017');
      await expectAccessible(page, 'edit-document', theme);
      await edit.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('region', { name: 'Selected documents' }).getByRole('button', { name: 'Move to Trash…' }).click();
      const confirm = page.getByRole('dialog', { name: 'Move 2 documents to the Trash?' });
      await expect(confirm).toContainText('They have no notes.');
      await expectAccessible(page, 'delete-documents', theme);
      await confirm.getByRole('button', { name: 'Move to Trash' }).click();

      await page.getByRole('link', { name: 'Trash (2)' }).click();
      await expect(page.locator('.trash-table tbody tr')).toHaveCount(2);
      await expectAccessible(page, 'trash', theme);
    });
  });
}
