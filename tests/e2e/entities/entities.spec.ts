import type { Page } from '@playwright/test';
import { test, expect, openApp, shot } from '../fixtures';

const SEED_000 = 'China Unicom successfully held the Global Partners Meeting themed…';
const SEED_002 = 'The State Grid Corporation of China and China Telecom Group Co., Ltd. signed a business…';
const SEED_003 = 'Why China Telecom is building IoT partnerships';

/** Drags the mouse across an occurrence of `text` in the reader's body (it may cross runs), as a person selects it. */
async function select(page: Page, text: string, occurrence = 0): Promise<void> {
  const box = await page.evaluate(({ wanted, occurrence }) => {
    const walker = document.createTreeWalker(document.querySelector('.reader-text') as HTMLElement, NodeFilter.SHOW_TEXT);
    const nodes: Array<{ node: Text; from: number }> = [];
    let all = '';
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.parentElement?.closest('.doc-header')) continue;
      nodes.push({ node, from: all.length });
      all += node.data;
    }
    let at = -1;
    for (let n = 0; n <= occurrence; n++) at = all.indexOf(wanted, at + 1);
    if (at < 0) throw new Error(`"${wanted}" is not in the reader`);
    const point = (offset: number) => {
      const { node, from } = nodes.findLast((n) => n.from <= offset) as { node: Text; from: number };
      return [node, offset - from] as const;
    };
    const range = document.createRange();
    range.setStart(...point(at));
    const [lastNode, lastOffset] = point(at + wanted.length - 1);
    range.setEnd(lastNode, lastOffset + 1);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rects = range.getClientRects();
    const first = rects[0] as DOMRect;
    const last = rects[rects.length - 1] as DOMRect;
    // Just inside the last character's right edge: the drag covers it and nothing after it.
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, { wanted: text, occurrence });
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Browse by entity and tag' });
const mention = (page: Page, text: string | RegExp) => page.locator('.reader-text .entity-mention', { hasText: text });

test('accepting the suggestion "Chen Zhongyue" gives a page with his three documents and their role phrases', async ({ page, web }) => {
  await openApp(page, web);
  await sidebar(page).getByRole('link', { name: 'Suggested entities' }).click();
  const people = page.getByRole('region', { name: /^Person/ });
  await expect(people.getByText('Chen Zhongyue')).toBeVisible();
  await expect(page.getByRole('region', { name: /^Organisation/ }).getByText('China Unicom', { exact: true })).toBeVisible();
  await page.screenshot({ path: shot('entities-suggestions') });

  await people.getByRole('button', { name: 'Accept Chen Zhongyue' }).click();
  await expect(people.getByText('Chen Zhongyue')).toHaveCount(0);
  await page.getByRole('link', { name: 'All entities' }).click();
  await page.getByRole('link', { name: 'Chen Zhongyue' }).first().click();

  await expect(page.getByRole('heading', { level: 1, name: 'Chen Zhongyue' })).toBeVisible();
  // "Chen" on his own after his full name in seed 000 came along as an alias.
  await expect(page.getByText('6 mentions in 3 documents')).toBeVisible();
  const roles = page.getByRole('region', { name: 'Roles' }).getByRole('listitem');
  await expect(roles).toHaveCount(3);
  await expect(roles.nth(0)).toContainText('Chairman of China Unicom');
  await expect(roles.nth(0)).toContainText('2024');
  await expect(roles.nth(1)).toContainText('EVP of China Telecom');
  await expect(roles.nth(1)).toContainText('2017');
  await expect(roles.nth(2)).toContainText('deputy general manager and member of the Party group of China Telecom');
  const mentions = page.getByRole('region', { name: 'Mentions' });
  await expect(mentions.getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(mentions.locator('mark').first()).toHaveText('Chen Zhongyue');
  await page.screenshot({ path: shot('entities-page') });

  // A mention opens the passage, where the name is underlined; clicking it shows its card, and the card's "Open page" comes back here.
  await mentions.getByRole('link', { name: /Chen Zhongyue, EVP of China Telecom/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_003 })).toBeVisible();
  await mention(page, 'Chen Zhongyue').first().click();
  await page.getByRole('dialog', { name: 'Person: Chen Zhongyue' }).getByRole('link', { name: 'Open the page of Chen Zhongyue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chen Zhongyue' })).toBeVisible();
});

test('tagging "GSMA" with its long form as an alias underlines both forms in seed 000', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: SEED_000 }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_000 })).toBeVisible();

  await select(page, 'GSMA),');
  await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Tag as entity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tag as entity' });
  // Pre-filled from the selection, without the bracket and comma.
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('GSMA');
  await dialog.getByRole('radio', { name: 'Organisation' }).check();
  await dialog.getByRole('textbox', { name: 'Aliases' }).fill('Groupe Speciale Mobile Association');
  await dialog.getByRole('button', { name: 'Add alias' }).click();
  await expect(dialog.getByRole('list', { name: 'Aliases' })).toContainText('Groupe Speciale Mobile Association');
  await page.screenshot({ path: shot('entities-tag-dialog') });
  await dialog.getByRole('button', { name: 'Tag entity' }).click();
  await expect(dialog).toBeHidden();

  await expect(mention(page, 'Groupe Speciale Mobile Association')).toHaveCount(1);
  await expect(mention(page, /^GSMA$/)).toHaveCount(2);
  await expect(mention(page, 'GSMA').first()).toHaveAttribute('title', 'Organisation: GSMA');
  await mention(page, 'Groupe Speciale Mobile Association').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('entities-reader-mentions') });

  // The same name again is refused with a clear message, and nothing changes.
  await select(page, 'GSMA', 1);
  await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Tag as entity' }).click();
  await dialog.getByRole('radio', { name: 'Organisation' }).check();
  await dialog.getByRole('button', { name: 'Tag entity' }).click();
  await expect(dialog.getByRole('alert')).toContainText('there is already an organisation named “GSMA”');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(mention(page, /^GSMA$/)).toHaveCount(2);
});

test('filtering the library by an entity and a tag, then going back', async ({ page, web }) => {
  await openApp(page, web);
  // Tag two documents; one of them also mentions State Grid.
  await page.getByRole('link', { name: SEED_002 }).click();
  const tagField = page.getByRole('combobox', { name: 'Tag this document' });
  await tagField.fill('operators/china');
  await tagField.press('Enter');
  await expect(page.getByRole('list', { name: 'Document tags' })).toContainText('operators/china');
  await page.goBack();
  await page.getByRole('link', { name: SEED_003 }).click();
  await tagField.fill('operators/china');
  await tagField.press('Enter');
  await expect(page.getByRole('list', { name: 'Document tags' })).toContainText('operators/china');

  await page.getByRole('link', { name: 'Entities', exact: true }).click();
  await page.getByRole('button', { name: 'New entity…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New entity' });
  await dialog.getByRole('radio', { name: 'Organisation' }).check();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('State Grid');
  await dialog.getByRole('button', { name: 'Create entity' }).click();
  await expect(page.getByRole('link', { name: 'State Grid' })).toBeVisible();

  await page.getByRole('link', { name: 'Library', exact: true }).click();
  const rows = page.locator('.library-table tbody tr');
  await expect(rows).toHaveCount(5);
  const nav = sidebar(page);
  await nav.getByRole('button', { name: /^operators/ }).click();
  await expect(page).toHaveURL(/tag=operators/);
  await expect(rows).toHaveCount(2);
  await nav.getByRole('button', { name: /^Organisation/ }).click();
  await nav.getByRole('button', { name: /^State Grid/ }).click();
  await expect(page).toHaveURL(/entity=/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('The State Grid Corporation of China');
  const chips = page.getByRole('group', { name: 'Current filter' });
  await expect(chips.getByRole('listitem')).toHaveText([/State Grid/, /operators/]);
  await page.screenshot({ path: shot('entities-library-filter') });

  // Back and forward step through the filters; a chip removes its own.
  await page.goBack();
  await expect(rows).toHaveCount(2);
  await expect(page).not.toHaveURL(/entity=/);
  await page.goForward();
  await expect(rows).toHaveCount(1);
  await chips.getByRole('button', { name: 'Remove filter operators' }).click();
  await expect(rows).toHaveCount(1);
  await expect(page).not.toHaveURL(/tag=/);
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await expect(rows).toHaveCount(5);
  await expect(chips).toHaveCount(0);
});

test('tags are renamed and merged in one place', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: SEED_000 }).click();
  const tagField = page.getByRole('combobox', { name: 'Tag this document' });
  for (const tag of ['ops/china', 'events']) {
    await tagField.fill(tag);
    await tagField.press('Enter');
    await expect(page.getByRole('list', { name: 'Document tags' })).toContainText(tag);
  }
  await page.getByRole('link', { name: 'Tags', exact: true }).click();
  await page.getByRole('button', { name: 'Rename ops', exact: true }).click();
  await page.getByRole('combobox', { name: 'New name for ops' }).fill('operators');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.locator('.undo-toast')).toContainText('Renamed ops to operators: 1 document changed');
  await expect(page.getByRole('link', { name: 'operators/china' })).toBeVisible();

  await page.getByRole('button', { name: 'Rename events' }).click();
  await page.getByRole('combobox', { name: 'New name for events' }).fill('operators/china');
  await page.getByRole('button', { name: 'Merge into operators/china' }).click();
  await expect(page.getByRole('link', { name: 'events' })).toHaveCount(0);
  await page.screenshot({ path: shot('entities-tags') });
  await page.getByRole('button', { name: 'Delete operators', exact: true }).click();
  await page.getByRole('button', { name: 'Delete tag' }).click();
  await expect(page.getByText('No tags yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Library', exact: true })).toBeVisible();
});

test('the sidebar follows what changes elsewhere, without a reload: a note’s new tag, a new entity with its mentions', async ({ page, web }) => {
  await openApp(page, web);
  await page.getByRole('link', { name: SEED_000 }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_000 })).toBeVisible();
  const nav = sidebar(page);
  await expect(nav.getByText('Tag a document or a note and its tags appear here.')).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Person 0 entities' })).toBeVisible();

  // A tag typed on a note, in the highlight's editor.
  await select(page, 'Global Partners Meeting');
  await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Tag', exact: true }).click();
  const tagField = page.getByRole('dialog', { name: /Edit/ }).getByRole('combobox', { name: 'Add a tag' });
  await tagField.fill('events/meetings');
  await tagField.press('Enter');
  await expect(nav.getByRole('button', { name: /^meetings 1/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // A name tagged as a person in the text: the sidebar counts the entity and its mentions.
  await select(page, 'Chen Zhongyue');
  await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Tag as entity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tag as entity' });
  await dialog.getByRole('radio', { name: 'Person' }).check();
  await dialog.getByRole('button', { name: 'Tag entity' }).click();
  await expect(dialog).toBeHidden();
  const people = nav.getByRole('button', { name: 'Person 1 entity' });
  await expect(people).toBeVisible();
  await people.click();
  // Counted across the library: this document's two and those of the other documents that name him.
  await expect(nav.getByRole('button', { name: /^Chen Zhongyue \d+ mentions$/ })).toBeVisible();
  await expect(mention(page, 'Chen Zhongyue')).toHaveCount(2);
});
