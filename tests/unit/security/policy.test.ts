import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalLink, isOurPage, permits } from '../../../main/electron-main/policy';

const index = resolve('out/renderer/index.html');
const page = pathToFileURL(index).href;

describe('the desktop shell’s security rules', () => {
  it.each([
    ['the page', page, true],
    ['the page at a route', `${page}#/documents/abc`, true],
    ['the page with a query', `${page}?evil=1`, false],
    ['another local file', pathToFileURL(resolve('out/renderer/other.html')).href, false],
    ['a file on another host', 'file://evil.example/share/index.html', false],
    ['a web page', 'https://example.com/', false],
    ['nothing', undefined, false],
    ['garbage', 'file://%%%', false],
  ])('treats %s as Dossier’s page: %s', (_case, url, expected) => {
    expect(isOurPage(url, index)).toBe(expected);
  });

  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['HTTP://Example.COM', 'http://example.com/'],
  ])('opens the web link %s in the browser', (url, opened) => {
    expect(externalLink(url)).toBe(opened);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'dossier://document/abc?x=<script>',
    'smb://server/share',
    'data:text/html,<script>alert(1)</script>',
    'https://user:password@bank.example.com.evil.example/',
    'not a url',
    '',
  ])('keeps %j inside the app', (url) => {
    expect(externalLink(url)).toBeNull();
  });

  it('grants copying to the clipboard to the page, and nothing else to anyone', () => {
    expect(permits('clipboard-sanitized-write', page, index)).toBe(true);
    expect(permits('clipboard-sanitized-write', 'https://example.com/', index)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      expect(permits(permission, page, index)).toBe(false);
    }
  });
});
