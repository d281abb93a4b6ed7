import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DocumentSummary, DocumentOpening } from '../../../main/common/contract';
import { callApi } from '../a11y/data';
import { expect, openApp, test } from '../fixtures';

/*
 * The browser mode's token opens the whole library (createBackup downloads
 * it), so it must never reach anything but Dossier's own page: not another
 * server on 127.0.0.1 (cookies ignore ports), not a tab a link opens.
 */

test('the token leaves the address bar at once, no cookie is ever set, and a reload keeps the window working', async ({ page, web, context }) => {
  await openApp(page, web);
  await expect(page).not.toHaveURL(/token/);
  expect(await context.cookies()).toEqual([]);
  await page.reload();
  await expect(page.locator('.library-table tbody tr')).toHaveCount(5);
  expect(await context.cookies()).toEqual([]);
});

test('a page of another server on 127.0.0.1, visited after Dossier, receives nothing of it and cannot call it', async ({ page, web }) => {
  const seen: IncomingHttpHeaders[] = [];
  const other = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Another local page</title><p>Another local page</p>');
  });
  const port = await new Promise<number>((listening) => other.listen(0, '127.0.0.1', () => listening((other.address() as AddressInfo).port)));
  try {
    await openApp(page, web);
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.getByText('Another local page')).toBeVisible();
    expect(seen.length).toBeGreaterThan(0);
    for (const headers of seen) {
      expect(headers.cookie).toBeUndefined();
      expect(JSON.stringify(headers)).not.toContain(web.token);
    }
    // What that page's script can try: the browser will not even send it without CORS, which Dossier never grants.
    const attempt = await page.evaluate(async (origin) => {
      try {
        const response = await fetch(`${origin}/api/createBackup`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '[]' });
        return `answered ${response.status}`;
      } catch {
        return 'blocked';
      }
    }, web.origin);
    expect(attempt).toBe('blocked');
  } finally {
    other.close();
  }
});

test('a link in a note to Dossier’s own address opens a tab that carries no token and gets nothing', async ({ page, web }) => {
  await openApp(page, web);
  const [doc] = await callApi<DocumentSummary[]>(page, 'listDocuments');
  const { blocks } = await callApi<DocumentOpening>(page, 'openDocument', doc?.id ?? '');
  const [start = 0] = blocks[0]?.spans[0] ?? [];
  await callApi(page, 'createAnnotation', { docId: doc?.id, start, end: start + 8, color: 'yellow', note: `See [my library](${web.origin}/) again.` });
  await page.goto(`${web.origin}/#/notes`);
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('link', { name: 'my library' }).click();
  const popup = await popupOpened;
  await expect(popup.getByRole('alert').first()).toContainText('Missing or wrong token');
  expect(popup.url()).not.toContain('token');
  expect(await popup.evaluate(() => sessionStorage.getItem('dossier.token'))).toBeNull();
  // The window it was opened from still works.
  await expect(page.getByRole('link', { name: 'my library' })).toBeVisible();
  expect(await callApi<DocumentSummary[]>(page, 'listDocuments')).toHaveLength(5);
});
