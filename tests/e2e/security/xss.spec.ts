import type { Page } from '@playwright/test';
import { expect, openApp, shot, test, type WebApp } from '../fixtures';

/*
 * Documents and notes are text, never HTML. Hostile markup goes in through
 * the import a person uses (the file picker) and the note editor; the page
 * must show it character for character, run none of it, load nothing it
 * names, and never even try (a blocked attempt shows up as a CSP violation,
 * which would mean the text reached the DOM as markup).
 */

const TITLE = `<img src=x onerror="window.__xss='title';alert('title')"> Minutes of the harbour board`;
const HOSTILE_LINES = [
  `<script>window.__xss='script';alert('script')</script>`,
  `Click <a href="javascript:window.__xss='js-link'">the agenda</a> or javascript:alert(document.domain)`,
  `dossier://open/../../etc/passwd?start=<script>alert(1)</script>&end=-1&annotation="><svg onload=alert('svg')>`,
  `<iframe src="javascript:alert('frame')"></iframe><style>body{display:none}</style> {{constructor.constructor('alert(1)')()}}`,
];
const TEXT_DOCUMENT = `${TITLE}\n\n${HOSTILE_LINES.join('\n\n')}\n`;
const HTML_DOCUMENT = `<!doctype html><html><head><title>Quarterly figures</title><script>window.__xss='html-head';alert('head')</script></head>
<body><article><h1>Quarterly figures</h1><p>Revenue rose in the third quarter <img src=x onerror="window.__xss='html-img';alert('img')"> across all regions.</p>
<p>See <a href="javascript:alert('html-link')">the annex</a> for the tables.</p><script>window.__xss='html-body'</script></article></body></html>`;

const NOTE = [
  `<img src=x onerror="window.__xss='note-img';alert('note-img')">`,
  `<script>window.__xss='note-script'</script>`,
  `javascript:alert('bare')`,
  `See [the agenda](javascript:window.__xss='md-link') and [the minutes](dossier://open/abc?start=<script>&annotation=%22%3E%3Csvg%20onload=alert(1)%3E).`,
  `dossier://open/../../x?annotation=<img src=x onerror=alert(1)>`,
].join('\n\n');
/** What the note shows as text: everything but the Markdown link syntax, whose link text is shown instead. */
const NOTE_SHOWN_AS_TYPED = [0, 1, 2, 4].map((i) => NOTE.split('\n\n')[i] ?? '');

interface Evidence {
  dialogs: string[];
  violations: string[];
  foreignRequests: string[];
}

/** Records anything hostile markup could make happen: dialogs, CSP violations, requests it names. */
async function watch(page: Page, web: WebApp): Promise<() => Promise<Evidence & { xss: unknown }>> {
  const evidence: Evidence = { dialogs: [], violations: [], foreignRequests: [] };
  page.on('dialog', (dialog) => {
    evidence.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    const ours = url.origin === web.origin && (url.pathname === '/' || url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/') || url.pathname === '/index.html');
    if (!ours) evidence.foreignRequests.push(request.url());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => {
    const inPage = await page.evaluate(() => {
      const w = window as unknown as { __violations: string[]; __xss?: unknown };
      return { violations: w.__violations, xss: w.__xss };
    });
    return { ...evidence, violations: inPage.violations, xss: inPage.xss };
  };
}

async function importFiles(page: Page, files: Array<{ name: string; mimeType: string; text: string }>): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import documents…' }).click();
  await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: f.mimeType, buffer: Buffer.from(f.text) })));
  const panel = page.getByRole('region', { name: /Import/ });
  await expect(panel.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText(`${files.length} documents added.`);
  await panel.getByRole('button', { name: 'Done' }).click();
}

test('an imported document and a note with hostile markup show as written and run nothing', async ({ page, web }) => {
  const evidence = await watch(page, web);
  await openApp(page, web);
  await importFiles(page, [
    { name: 'minutes.txt', mimeType: 'text/plain', text: TEXT_DOCUMENT },
    { name: 'figures.html', mimeType: 'text/html', text: HTML_DOCUMENT },
  ]);

  // The library lists the hostile first line as a title, as text.
  const titleLink = page.locator('.library-table').getByRole('link', { name: TITLE });
  await expect(titleLink).toBeVisible();
  await titleLink.click();
  const reader = page.locator('.reader-text');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  for (const line of HOSTILE_LINES) await expect(reader).toContainText(line);
  await expect(reader.locator('img, script, iframe, style, svg, a[href^="javascript"]')).toHaveCount(0);
  await page.screenshot({ path: shot('xss-document') });

  await page.goto(`${web.origin}/#/`);
  await page.locator('.library-table').getByRole('link', { name: 'Quarterly figures' }).click();
  await expect(reader).toContainText('Revenue rose in the third quarter');
  await expect(reader.locator('img, script, iframe, a[href^="javascript"]')).toHaveCount(0);

  // A note with hostile markup and links on a passage of the hostile document.
  await page.goto(`${web.origin}/#/`);
  await page.locator('.library-table').getByRole('link', { name: TITLE }).click();
  const passage = reader.locator('[data-block]', { hasText: HOSTILE_LINES[0] ?? '' });
  await passage.click({ clickCount: 3 });
  await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Note' }).click();
  const editor = page.getByRole('dialog', { name: /Edit (highlight|note)/ });
  await editor.getByRole('textbox', { name: 'Note' }).fill(NOTE);
  await expect(editor.getByText('Saved', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  const note = page.getByRole('complementary', { name: 'Notes on this document' }).locator('.note-text');
  for (const line of NOTE_SHOWN_AS_TYPED) await expect(note).toContainText(line);
  await expect(note).toContainText('See the agenda and the minutes.');
  await expect(note.locator('img, script, iframe, style, svg')).toHaveCount(0);
  const hrefs = await note.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((href) => href !== '' && !/^https?:/.test(href))).toEqual([]);
  await page.screenshot({ path: shot('xss-note') });

  // Back in the editor, the note is exactly what was typed.
  await passage.locator('.hl').first().click({ position: { x: 4, y: 4 } });
  await expect(editor.getByRole('textbox', { name: 'Note' })).toHaveValue(NOTE);

  expect(await evidence()).toEqual({ dialogs: [], violations: [], foreignRequests: [], xss: undefined });
});
