import type { Page } from '@playwright/test';
import { callApi } from '../a11y/data';
import { test, expect, openApp, shot } from '../fixtures';

const SEED_002 = 'The State Grid Corporation of China and China Telecom Group Co., Ltd. signed a business…';

/**
 * Counts what only a pointing device makes reach the page (presses, clicks
 * with a pointer, wheels), from its first script on. A click a key makes
 * (Enter on a button) has no pointer and does not count.
 */
async function countPointerUse(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { pointerUse: string[] }).pointerUse = seen;
    for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu', 'wheel', 'touchstart']) {
      window.addEventListener(
        type,
        (event) => {
          if ((type === 'click' || type === 'dblclick') && (event as MouseEvent).detail === 0) return;
          seen.push(type);
        },
        true,
      );
    }
  });
}

/** The id of the seed document read from resources/seed/<prefix>…. */
async function seedDocument(page: Page, prefix: string): Promise<string> {
  const docs = await callApi<Array<{ id: string; source: string }>>(page, 'listDocuments');
  return docs.find((d) => d.source.startsWith(prefix))?.id ?? '';
}

const pointerUse = (page: Page) => page.evaluate(() => (window as unknown as { pointerUse: string[] }).pointerUse);
const text = (page: Page) => page.locator('article.reader-text');
const spoken = (page: Page) => page.locator('[data-reading-cursor]');
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

test('with the keyboard alone: open a document, select a passage, highlight it with a note and a tag, step back to it, delete it and undo', async ({ page, web }) => {
  await countPointerUse(page);
  await openApp(page, web);

  // Open the document from the command palette.
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('state grid telecom');
  await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('option').first()).toContainText('The State Grid Corporation');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: SEED_002 })).toBeVisible();

  // F6 reaches the text; the arrows select sentence by sentence, and a screen reader hears each one.
  await page.keyboard.press('F6');
  await expect(text(page)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toMatch(/^Recently, the State Grid Corporation of China .* in Beijing\.$/);
  await expect(spoken(page)).toContainText('Recently, the State Grid Corporation');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toMatch(/^The two sides will further deepen cooperation .* between the two sides\.$/);
  await expect(spoken(page)).toContainText('The two sides will further deepen cooperation');
  await expect(spoken(page)).toContainText('(paragraph 1 of');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => selected(page)).toMatch(/^Recently/);

  // Ctrl+→ selects the next word, Shift grows the selection word by word.
  await page.keyboard.press('Control+ArrowRight');
  await expect.poll(() => selected(page)).toBe('The');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => selected(page)).toBe('The two sides');
  await expect(page.getByRole('toolbar', { name: 'Annotate the selection' })).toBeVisible();

  // N highlights it and opens the note; Tab goes on to the tag field.
  await page.keyboard.press('n');
  const editor = page.getByRole('dialog', { name: /Edit/ });
  await expect(editor.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('Both parties, from the keyboard');
  await expect(editor.getByText('Saved', { exact: true })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('combobox', { name: 'Add a tag' })).toBeFocused();
  await page.keyboard.type('operators/china');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('list', { name: 'Tags' })).toContainText('operators/china');
  await page.screenshot({ path: shot('annotations-keyboard-editor') });
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(text(page)).toBeFocused();
  const highlight = page.locator('.reader-text .hl', { hasText: 'The two sides' });
  await expect(highlight).toHaveText('The two sides');
  await expect(highlight).toHaveClass(/hl-has-note/);

  // ] steps to the highlight, Enter opens it; its Delete button is a few Tabs away.
  await page.keyboard.press(']');
  await expect.poll(() => selected(page)).toBe('The two sides');
  await expect(spoken(page)).toContainText('Yellow highlight with a note, “Both parties, from the keyboard”: The two sides. Enter opens it.');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('textbox', { name: 'Note' })).toBeFocused();
  const remove = editor.getByRole('button', { name: 'Delete' });
  for (let i = 0; i < 6 && !(await remove.evaluate((button) => button === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.reader-text .hl')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Note deleted' })).toBeVisible();
  await expect(text(page)).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(highlight).toHaveText('The two sides');
  await expect(page.getByRole('complementary', { name: 'Notes on this document' })).toContainText('Both parties, from the keyboard');

  expect(await pointerUse(page)).toEqual([]);
});

test('find in the document finds a phrase as typed, its bar leaves the notes uncovered, and Esc leaves the match selected for H', async ({ page, web }) => {
  await openApp(page, web);
  await page.goto(`${web.origin}/#/doc/${await seedDocument(page, '004')}`);
  await expect(page.locator('.reader-text [data-block="1"]')).toBeVisible();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in this document' });
  const status = page.getByRole('search', { name: 'Find in this document' }).getByRole('status');
  const phrase = 'technological innovation amounted to';
  await find.fill(phrase.split(' ')[0] as string);
  await expect(status).toHaveText(/^1 of (\d\d|[2-9])/);
  await find.fill(phrase);
  await expect(status).toHaveText('1 of 1');
  await expect(page.locator('.reader-text .find-current')).toHaveText(phrase);
  await find.fill('technological innovation amou');
  await expect(status).toHaveText('1 of 1');
  await expect(page.locator('.reader-text .find-current')).toHaveText(phrase.replace(' to', ''));

  // Scrolled down to the match, the bar and the notes panel are both there, side by side.
  await expect(page.locator('.reader-text .find-current')).toBeInViewport();
  expect(await page.locator('.app-main').evaluate((main) => main.scrollTop)).toBeGreaterThan(400);
  const bar = await page.locator('.find-bar').boundingBox();
  const notes = await page.getByRole('complementary', { name: 'Notes on this document' }).boundingBox();
  expect(bar && notes && bar.x + bar.width <= notes.x).toBe(true);
  await page.screenshot({ path: shot('find-phrase') });

  await page.keyboard.press('Escape');
  await expect(page.locator('.find-bar')).toBeHidden();
  await expect(text(page)).toBeFocused();
  await expect.poll(() => selected(page)).toBe('technological innovation amounted');
  await page.keyboard.press('h');
  await expect(page.locator('.reader-text .hl')).toHaveText('technological innovation amounted');
});

test('the colour of the last highlight is the one H uses, also after the app starts again', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: SEED_002 }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_002 })).toBeVisible();
  await page.keyboard.press('F6');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toMatch(/^Recently/);
  await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Highlight purple' }).click();
  await expect(page.locator('.reader-text .hl').first()).toHaveClass(/hl-purple/);

  await web.restart();
  await page.goto(web.url);
  await page.getByRole('link', { name: SEED_002 }).click();
  await expect(page.locator('.reader-text .hl').first()).toHaveClass(/hl-purple/);
  await page.keyboard.press('F6');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toMatch(/^The two sides will further deepen cooperation/);
  await page.keyboard.press('h');
  await expect(page.locator('.reader-text .hl', { hasText: 'deepen cooperation' }).first()).toHaveClass(/hl-purple/);
});

test('the long reader steps through its highlights with the keyboard, far beyond what is drawn', async ({ page, web }) => {
  await openApp(page, web);
  // A long document (thousands of paragraphs), with a highlight near its end.
  const paragraphs = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i + 1} of the long report says something about harbour ${i % 7}.`);
  const body = ['Long harbour report', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
  const bytes = Buffer.from(body);
  const ticket = await callApi<{ uploadId: string; chunkBytes: number }>(page, 'beginUpload', { name: 'long.txt', size: bytes.length, purpose: 'import' });
  for (let offset = 0; offset < bytes.length; offset += ticket.chunkBytes) {
    await callApi(page, 'sendUploadChunk', { uploadId: ticket.uploadId, offset, data: bytes.subarray(offset, offset + ticket.chunkBytes).toString('base64') });
  }
  const imported = await callApi<{ document: { id: string } }>(page, 'importUpload', ticket.uploadId);
  const quote = 'Paragraph 2990 of the long report';
  const start = body.indexOf(quote);
  await callApi(page, 'createAnnotation', { docId: imported.document.id, start, end: start + quote.length, note: 'Near the end' });

  await page.goto(`${web.origin}/#/doc/${imported.document.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Long harbour report' })).toBeVisible();
  expect(await page.locator('.reader-text [data-block]').count()).toBeLessThan(1000);
  await page.keyboard.press('F6');
  await page.keyboard.press(']');
  await expect.poll(() => selected(page)).toBe(quote);
  await expect(page.locator('.reader-text .hl', { hasText: quote })).toBeInViewport();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selected(page)).toMatch(/^Paragraph 2991 /);
  await page.keyboard.press('[');
  await expect.poll(() => selected(page)).toBe(quote);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Edit note' }).getByRole('textbox', { name: 'Note' })).toHaveValue('Near the end');
});

test('with the keyboard alone, E tags the selection as an entity; [ and ] reach its mentions, Enter opens its page; ? lists the keys', async ({ page, web }) => {
  await countPointerUse(page);
  await openApp(page, web);
  await page.goto(`${web.origin}/#/doc/${await seedDocument(page, '002')}`);
  await expect(page.getByRole('heading', { level: 1, name: SEED_002 })).toBeVisible();

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('row', { name: /Go to the next highlight or mention/ })).toContainText(']');
  await expect(sheet.getByRole('row', { name: /Go to the document’s text/ })).toContainText('F6');
  await expect(sheet.getByRole('row', { name: /Tag as entity/ })).toContainText('E');
  await expect(sheet.getByRole('table', { name: /In the document’s text/ })).toContainText('Select the next or previous sentence');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await page.keyboard.press('F6');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => selected(page)).toBe('Yang Jinbai');
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Tag as entity' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Yang Jinbai');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.reader-text .entity-mention', { hasText: 'Yang Jinbai' }).first()).toBeVisible();

  // The dialog took the selection away, so ] starts where it was: on the name just tagged (as after a
  // highlight's editor closes); ] again goes on to its next mention, then there is none; [ comes back.
  await expect(text(page)).toBeFocused();
  await page.keyboard.press(']');
  await expect(spoken(page)).toContainText('Person: Yang Jinbai: Yang Jinbai. Enter opens it.');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('[data-block]')?.getAttribute('data-block'))).toBe('0');
  await page.keyboard.press(']');
  await expect(spoken(page)).toContainText('Person: Yang Jinbai: Yang Jinbai. Enter opens it.');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('[data-block]')?.getAttribute('data-block'))).toBe('1');
  await page.keyboard.press(']');
  await expect(spoken(page)).toHaveText('No more highlights or mentions after this');
  await page.keyboard.press('[');
  await expect(spoken(page)).toContainText('Person: Yang Jinbai');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('[data-block]')?.getAttribute('data-block'))).toBe('0');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Yang Jinbai' })).toBeVisible();
  expect(await pointerUse(page)).toEqual([]);
});
