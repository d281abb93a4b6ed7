import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, shot } from '../fixtures';

const SEED_002 = 'The State Grid Corporation of China and China Telecom Group Co., Ltd. signed a business…';
const SENTENCE = 'The two sides will further deepen cooperation in the fields of intelligent information infrastructure construction and network information security';

/** Drags the mouse across `text` in the reader, as a person selects it. */
async function select(page: Page, text: string, occurrence = 0): Promise<void> {
  const ends = await page.evaluate(
    ({ text, occurrence }) => {
      const article = document.querySelector('.reader-text') as HTMLElement;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      // Characters of the page's text, each with its text node, to find `text` across runs and blocks.
      const chars: Array<{ node: Text; offset: number }> = [];
      let all = '';
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (node.parentElement?.closest('.doc-header')) continue;
        for (let i = 0; i < node.data.length; i++) chars.push({ node, offset: i });
        all += node.data;
      }
      let at = -1;
      for (let n = 0; n <= occurrence; n++) at = all.indexOf(text, at + 1);
      if (at < 0) throw new Error(`"${text}" is not on the page`);
      const rect = (index: number) => {
        const { node, offset } = chars[index] as { node: Text; offset: number };
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const r = range.getClientRects()[0] as DOMRect;
        return { x: r.left, y: r.top + r.height / 2, w: r.width };
      };
      (chars[at] as { node: Text }).node.parentElement?.scrollIntoView({ block: 'center' });
      return { first: rect(at), last: rect(at + text.length - 1) };
    },
    { text, occurrence },
  );
  await page.mouse.move(ends.first.x + 1, ends.first.y);
  await page.mouse.down();
  await page.mouse.move(ends.last.x + ends.last.w / 2, ends.last.y, { steps: 8 });
  await page.mouse.move(ends.last.x + ends.last.w - 1, ends.last.y, { steps: 2 });
  await page.mouse.up();
}

/** Clicks the first line of a run of text (a highlight may wrap, and the middle of its box can be another line's text). */
async function clickText(locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.evaluate((el) => {
    const r = el.getClientRects()[0] as DOMRect;
    return { x: r.left + Math.min(12, r.width / 2), y: r.top + r.height / 2 };
  });
  await locator.page().mouse.click(box.x, box.y);
}

async function openSeed002(page: Page): Promise<void> {
  await page.getByRole('link', { name: SEED_002 }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_002 })).toBeVisible();
}

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Annotate the selection' });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Notes on this document' });
const filters = (page: Page) => page.getByRole('group', { name: 'Filter', exact: true });
const highlight = (page: Page, text: string) => page.locator('.reader-text .hl', { hasText: text }).first();

test('a person highlights a sentence, notes and tags it, finds it again after a reload, in the panel, the Notes view and the search, deletes it and undoes that', async ({ page, web }) => {
  await openApp(page, web);
  await openSeed002(page);

  await select(page, SENTENCE);
  await expect(toolbar(page)).toBeVisible();
  await page.screenshot({ path: shot('annotations-toolbar') });
  await toolbar(page).getByRole('button', { name: 'Note' }).click();

  const editor = page.getByRole('dialog', { name: /Edit (highlight|note)/ });
  const note = editor.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await note.fill('Watch the **wireless** public network clause');
  const tagField = editor.getByRole('combobox', { name: 'Add a tag' });
  await tagField.fill('grid operators');
  await tagField.press('Enter');
  await expect(editor.getByRole('alert')).toHaveText('A tag can’t contain spaces: try grid/operators or grid-operators.');
  await expect(tagField).toHaveValue('grid operators');
  await tagField.fill('operators/china');
  await tagField.press('Enter');
  await expect(editor.getByRole('list', { name: 'Tags' }).getByText('operators/china')).toBeVisible();
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await expect(editor.getByText('Saved', { exact: true })).toBeVisible();
  await page.screenshot({ path: shot('annotations-editor') });
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();

  await page.reload();
  await expect(highlight(page, 'deepen cooperation')).toBeVisible();
  const card = panel(page).getByRole('article').filter({ hasText: 'The two sides will further deepen' });
  await expect(card.locator('strong')).toHaveText('wireless');
  await expect(card.getByRole('list', { name: 'Tags' })).toHaveText('operators/china');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
  const notes = page.locator('.nv-list').getByRole('article');
  await expect(notes).toHaveCount(1);
  await expect(notes.first()).toContainText('State Grid Corporation');
  await filters(page).getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'operators (1)' });
  await expect(notes).toHaveCount(1);
  await filters(page).getByRole('button', { name: 'Purple' }).click();
  await expect(page.getByText('No annotation matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('wireless clause');
  await expect(notes).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('ericsson');
  await expect(notes).toHaveCount(0);

  // The library search finds the note's words and lands on the highlight.
  const search = page.getByRole('searchbox', { name: 'Search', exact: true });
  await search.fill('wireless clause');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toContainText('Watch the');
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: SEED_002 })).toBeVisible();
  await expect(highlight(page, 'deepen cooperation')).toBeInViewport();

  // Delete, then Undo from the toast; delete again, then Ctrl+Z.
  for (const how of ['toast', 'keyboard'] as const) {
    await clickText(highlight(page, 'deepen cooperation'));
    await editor.getByRole('button', { name: 'Delete' }).click();
    await expect(page.locator('.reader-text .hl')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Note deleted' })).toBeVisible();
    if (how === 'toast') await page.getByRole('button', { name: 'Undo' }).click();
    else await page.keyboard.press('ControlOrMeta+z');
    await expect(highlight(page, 'deepen cooperation')).toBeVisible();
    await expect(panel(page).locator('strong')).toHaveText('wireless');
  }
});

test('highlights of several colours overlap, both stay visible and clickable; keys H and N work on a selection', async ({ page, web }) => {
  await openApp(page, web);
  await openSeed002(page);

  await select(page, 'Yang Jinbai, deputy general manager and member of the Party group');
  await toolbar(page).getByRole('button', { name: 'Highlight green' }).click();
  await expect(highlight(page, 'Yang Jinbai')).toHaveClass(/hl-green/);

  await select(page, 'member of the Party group of the company, and Chen Zhongyue');
  await toolbar(page).getByRole('button', { name: 'Highlight blue' }).click();
  const overlap = page.locator('.reader-text .hl-overlap');
  await expect(overlap.first()).toHaveText('member of the Party group');

  await select(page, 'build a unified, safe, reliable and shared unlimited public network platform');
  await page.keyboard.press('h');
  await expect(highlight(page, 'shared unlimited')).toHaveClass(/hl-blue/);

  await select(page, 'Sun Zhengyun, chief information Engineer');
  await toolbar(page).getByRole('button', { name: 'Highlight pink' }).click();
  // A person selects the next passage once the last highlight is drawn: selecting while the text re-renders loses the selection.
  await expect(highlight(page, 'Sun Zhengyun')).toHaveClass(/hl-pink/);
  await select(page, 'energy Internet enterprise with excellent competitiveness');
  await toolbar(page).getByRole('button', { name: 'Highlight purple' }).click();
  await expect(highlight(page, 'excellent competitiveness')).toHaveClass(/hl-purple/);
  await select(page, 'marking the establishment of an all-round, multi-level and wide-ranging in-depth cooperative relationship');
  await page.keyboard.press('n');
  const editor = page.getByRole('dialog', { name: /Edit/ });
  await editor.getByRole('textbox', { name: 'Note' }).fill('Scope of the deal: *all-round*.');
  await editor.getByRole('radio', { name: 'Yellow' }).click();
  await expect(editor.getByText('Saved', { exact: true })).toBeVisible();
  await editor.getByRole('button', { name: 'Close' }).click();

  // The overlapped stretch opens either highlight.
  await clickText(overlap.first());
  await expect(editor.getByText('Highlight 1 of 2 here')).toBeVisible();
  await expect(editor.locator('blockquote')).toContainText('member of the Party group');
  await editor.getByRole('button', { name: 'Next overlapping highlight' }).click();
  await expect(editor.getByText('Highlight 2 of 2 here')).toBeVisible();
  await page.keyboard.press('Escape');

  await expect(panel(page).getByRole('article')).toHaveCount(6);
  await page.locator('.app-main').evaluate((el) => el.scrollTo({ top: 180 }));
  await page.screenshot({ path: shot('annotations-reader') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: shot('annotations-reader-dark') });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
  await expect(page.locator('.nv-list').getByRole('article')).toHaveCount(6);
  await page.screenshot({ path: shot('annotations-notes-view'), fullPage: true });
  await page.getByRole('combobox', { name: 'Sort', exact: true }).selectOption('newest');
  await expect(page.locator('.nv-list').getByRole('article').first()).toContainText('all-round');

  // A card opens its passage in the reader.
  await page.locator('.nv-list').getByRole('button', { name: /Open “Sun Zhengyun/ }).click();
  await expect(highlight(page, 'Sun Zhengyun')).toBeInViewport();
  await expect(highlight(page, 'Sun Zhengyun')).toHaveClass(/hl-active/);
});

test('nothing happens for an empty selection; an oversized note is refused and the saved one kept; note text never runs', async ({ page, web }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openApp(page, web);
  await openSeed002(page);

  await page.locator('.reader-text p').first().click();
  await page.keyboard.press('h');
  await expect(toolbar(page)).toBeHidden();
  await expect(page.locator('.reader-text .hl')).toHaveCount(0);

  await select(page, 'Leave a Reply');
  await toolbar(page).getByRole('button', { name: 'Note' }).click();
  const editor = page.getByRole('dialog', { name: /Edit/ });
  const note = editor.getByRole('textbox', { name: 'Note' });
  const hostile = '<img src=x onerror="alert(1)"> [click me](javascript:alert(2)) <script>alert(3)</script> **kept**';
  await note.fill(hostile);
  await expect(editor.getByText('Saved', { exact: true })).toBeVisible();
  await note.fill('y'.repeat(20_001));
  await expect(editor.getByRole('alert')).toContainText('A note can be at most 20,000 characters; this one has 20,001');
  await expect(editor.getByText('20,001 / 20,000')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.reload();
  const card = panel(page).getByRole('article');
  await expect(card.locator('.ac-note')).toContainText('<img src=x onerror="alert(1)">');
  await expect(card.locator('.ac-note')).toContainText('<script>alert(3)</script>');
  await expect(card.locator('.ac-note strong')).toHaveText('kept');
  await expect(card.locator('.ac-note img, .ac-note script')).toHaveCount(0);
  const link = card.getByRole('link', { name: 'click me' });
  expect(await link.getAttribute('href')).not.toContain('javascript');
  await link.click({ modifiers: ['ControlOrMeta'] }).catch(() => undefined);
  expect(dialogs).toEqual([]);
});

test('a note whose passage left the text is kept as orphaned, and can be re-attached', async ({ page, web }) => {
  await openApp(page, web);
  await openSeed002(page);
  await select(page, 'Sun Zhengyun, chief information Engineer');
  await toolbar(page).getByRole('button', { name: 'Note' }).click();
  await page.getByRole('dialog', { name: /Edit/ }).getByRole('textbox', { name: 'Note' }).fill('Who presided');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  // A re-import corrected the name: the quote is gone from the text.
  const texts = join(web.dataDir, 'texts');
  for (const name of await readdir(texts)) {
    const path = join(texts, name);
    const text = await readFile(path, 'utf8');
    if (text.includes('Sun Zhengyun')) await writeFile(path, text.replace('Sun Zhengyun, chief information Engineer', 'Sun Zhengjun, chief information engineer'));
  }
  await web.restart();
  await page.goto(web.url);
  await openSeed002(page);

  const orphans = panel(page).getByRole('region', { name: 'Passages no longer in the text' });
  await expect(orphans.getByRole('article')).toContainText('Who presided');
  await expect(orphans).toContainText('Not found in the current text');
  await page.screenshot({ path: shot('annotations-orphan') });
  await orphans.getByRole('button', { name: 'Re-attach…' }).click();
  await select(page, 'Sun Zhengjun, chief information engineer');
  await page.getByRole('toolbar', { name: 'Re-attach the note' }).getByRole('button', { name: 'Attach note here' }).click();
  await expect(highlight(page, 'Sun Zhengjun')).toBeVisible();
  await expect(panel(page).getByRole('region', { name: 'Passages no longer in the text' })).toHaveCount(0);
  await expect(panel(page).getByRole('article')).toContainText('Who presided');
});

/** Serious or critical axe (WCAG 2.1 AA) violations inside the given parts of the page. */
async function violations(page: Page, ...parts: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  for (const part of parts) builder.include(part);
  const { violations: found } = await builder.analyze();
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the toolbar, the editor, the panel and the Notes view pass an accessibility scan in both themes', async ({ page, web }) => {
  await openApp(page, web);
  await openSeed002(page);
  await select(page, 'Yang Jinbai, deputy general manager');
  await toolbar(page).getByRole('button', { name: 'Highlight green' }).click();
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await select(page, 'Sun Zhengyun, chief information Engineer');
    await expect(toolbar(page)).toBeVisible();
    expect(await violations(page, '.selection-toolbar', '.reader-text')).toEqual([]);
    await toolbar(page).getByRole('button', { name: 'Tag', exact: true }).click();
    const editor = page.getByRole('dialog', { name: /Edit/ });
    await expect(editor.getByRole('combobox', { name: 'Add a tag' })).toBeFocused();
    await editor.getByRole('textbox', { name: 'Note' }).fill('A *note*');
    await expect(editor.getByText('Saved', { exact: true })).toBeVisible();
    expect(await violations(page, '.annotation-editor', '.notes-panel')).toEqual([]);
    await editor.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Note deleted' })).toBeVisible();
    expect(await violations(page, '.undo-toast')).toEqual([]);
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
  await expect(page.locator('.nv-list').getByRole('article')).toHaveCount(1);
  expect(await violations(page, '.notes-view')).toEqual([]);
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('nothing like this');
  await expect(page.getByText('No annotation matches')).toBeVisible();
  expect(await violations(page, '.notes-view')).toEqual([]);
});
