import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Block, DocumentSummary } from '../../../main/common/contract';
import { callApi } from '../a11y/data';
import { test, expect, openApp, shot } from '../fixtures';

const SEED_002 = 'The State Grid Corporation of China and China Telecom Group Co., Ltd. signed a business…';

/** Highlights a phrase of seed 002 through the API (as another window would), with a note. */
async function annotate(page: Page, phrase: string, note: string): Promise<void> {
  const docs = await callApi<DocumentSummary[]>(page, 'listDocuments');
  const id = docs.find((d) => d.source.startsWith('002'))?.id ?? '';
  const blocks = await callApi<Block[]>(page, 'getBlocks', id, 0, 200);
  const block = blocks.find((b) => b.text.includes(phrase)) as Block;
  const [spanStart] = block.spans[0] as [number, number];
  const start = spanStart + block.text.indexOf(phrase);
  await callApi(page, 'createAnnotation', { docId: id, start, end: start + phrase.length, note });
}

const notesView = async (page: Page) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
};
const cards = (page: Page) => page.locator('.nv-list').getByRole('article');

test('a note is edited in the Notes view: its text, colour and tags; a tag with a space is refused in plain words; the sidebar follows', async ({ page, web }) => {
  await openApp(page, web);
  await annotate(page, 'intelligent information infrastructure construction', 'First thoughts');
  await page.reload();
  await notesView(page);
  await expect(cards(page)).toHaveCount(1);

  await cards(page).getByRole('button', { name: /^Edit the note on/ }).click();
  const editing = page.getByRole('region', { name: /^Editing the note on/ });
  const note = editing.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await note.fill('**Infrastructure** first, then *security*.');
  await expect(editing.getByText('Saved', { exact: true })).toBeVisible();
  await editing.getByRole('radio', { name: 'Green' }).click();
  await expect(editing.getByRole('radio', { name: 'Green' })).toHaveAttribute('aria-checked', 'true');

  const tagField = editing.getByRole('combobox', { name: 'Add a tag' });
  const refused: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/updateAnnotation') && (request.postData() ?? '').includes('operators china')) refused.push(request.url());
  });
  await tagField.fill('operators china');
  await tagField.press('Enter');
  await expect(editing.getByRole('alert')).toHaveText('A tag can’t contain spaces: try operators/china or operators-china.');
  await expect(tagField).toHaveAttribute('aria-invalid', 'true');
  await expect(tagField).toHaveValue('operators china');
  expect(refused, 'nothing was sent').toEqual([]);
  await tagField.fill('operators/china');
  await tagField.press('Enter');
  await expect(editing.getByRole('list', { name: 'Tags' })).toContainText('operators/china');
  await expect(editing.getByRole('alert')).toHaveCount(0);
  // The sidebar lists the new tag at once.
  await expect(page.getByRole('complementary', { name: 'Browse by entity and tag' }).getByRole('button', { name: /^operators/ })).toBeVisible();
  await page.screenshot({ path: shot('notes-view-editing') });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).include('.notes-view').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  await editing.getByRole('button', { name: 'Done' }).click();
  await expect(editing).toBeHidden();
  const card = cards(page).first();
  await expect(card.getByRole('button', { name: /^Edit the note on/ })).toBeFocused();
  await expect(card.locator('.ac-note strong')).toHaveText('Infrastructure');
  await expect(card).toHaveClass(/hl-edge-green/);
  await expect(card.getByRole('list', { name: 'Tags' })).toHaveText('operators/china');

  await page.reload();
  await expect(cards(page).first().locator('.ac-note em')).toHaveText('security');
  // The card opens its passage.
  await cards(page).first().getByRole('button', { name: /^Open “intelligent information/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_002 })).toBeVisible();
  await expect(page.locator('.reader-text .hl', { hasText: 'intelligent information' })).toHaveClass(/hl-green/);
});

test('the Notes view filters with the library search: typos forgiven, phrases kept in order; the header shows notes rendered', async ({ page, web }) => {
  await openApp(page, web);
  await annotate(page, 'intelligent information infrastructure construction', 'Watch the **wireless** public network clause');
  await annotate(page, 'network information security', 'Security comes *after* the network');
  await page.reload();
  await notesView(page);
  await expect(cards(page)).toHaveCount(2);
  const filter = page.getByRole('searchbox', { name: 'Search notes' });

  await filter.fill('wirless');
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText('wireless');
  await filter.fill('"public network"');
  await expect(cards(page)).toHaveCount(1);
  await filter.fill('"network public"');
  await expect(page.getByText('No annotation matches “"network public"” with these filters.')).toBeVisible();
  await filter.fill('network');
  await expect(cards(page)).toHaveCount(2);
  await expect(page.locator('.notes-view .view-meta')).toHaveText('2 notes');
  await filter.fill('');
  await expect(cards(page)).toHaveCount(2);

  // The header's search shows a note's words, not its Markdown.
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('wireless');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results).toContainText('Watch the wireless public network clause');
  await expect(results).not.toContainText('**');
  await expect(results.locator('mark', { hasText: 'wireless' }).first()).toBeVisible();
});
