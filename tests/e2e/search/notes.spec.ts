import type { Page } from '@playwright/test';
import type { DocumentOpening, DocumentSummary } from '../../../main/common/contract';
import { callApi, locate } from '../a11y/data';
import { test, expect, openApp, shot } from '../fixtures';

const UNICOM = 'China Unicom successfully held the Global Partners Meeting themed…';
const IOT = 'Why China Telecom is building IoT partnerships';
const GRID = 'The State Grid Corporation of China and China Telecom Group Co., Ltd. signed a business…';

/** Notes a reader wrote (through the API, as another window would): two tagged operators or under it, one not; and a document tagged so. */
async function annotate(page: Page): Promise<void> {
  const documents = await callApi<DocumentSummary[]>(page, 'listDocuments');
  const idOf = (prefix: string) => documents.find((d) => d.source.startsWith(prefix))?.id ?? '';
  const note = async (prefix: string, phrase: string, text: string, tags: string[]) => {
    const { blocks } = await callApi<DocumentOpening>(page, 'openDocument', idOf(prefix));
    await callApi(page, 'createAnnotation', { docId: idOf(prefix), ...locate(blocks, phrase), note: text, tags });
  };
  await note('000', 'three initiatives', 'Unicom’s **three** initiatives', ['operators/china']);
  await note('000', 'Innovating Together, Connecting a Smarter Future', 'The theme of the meeting', ['themes']);
  await note('003', 'Why China Telecom is building IoT partnerships', 'Telecom builds partnerships abroad', ['operators']);
  await callApi(page, 'setDocumentTags', idOf('002'), ['operators']);
  await page.reload();
}

const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' });
const group = (page: Page, title: string) => results(page).getByRole('group', { name: title, exact: true });

test('is:note lists the notes, then tag:operators lists the notes and documents tagged so', async ({ page, web }) => {
  await openApp(page, web);
  await annotate(page);
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.click();
  await page.keyboard.type('is:note');
  await expect(page.locator('.search-panel')).toHaveAttribute('data-search-query', 'is:note');
  // Newest document first; its notes in the order of its text, shown as written (no asterisks).
  await expect(group(page, UNICOM).getByRole('option')).toHaveText([/^NoteThe theme of the meeting/, /^NoteUnicom’s three initiatives/]);
  await expect(group(page, IOT).getByRole('option')).toHaveText([/^NoteTelecom builds partnerships abroad/]);
  await expect(group(page, GRID)).toHaveCount(0);
  await expect(results(page)).not.toContainText('No passage matches');
  await page.screenshot({ path: shot('search-is-note') });

  await search.fill('');
  await page.keyboard.type('tag:operators');
  await expect(page.locator('.search-panel')).toHaveAttribute('data-search-query', 'tag:operators');
  await expect(group(page, UNICOM).getByRole('option')).toHaveText([/^NoteUnicom’s three initiatives/]);
  await expect(group(page, IOT).getByRole('option')).toHaveText([/^NoteTelecom builds partnerships abroad/]);
  // The document tagged operators, shown by how it begins.
  await expect(group(page, GRID).getByRole('option')).toHaveCount(1);
  await expect(results(page)).not.toContainText('The theme of the meeting');
});
