import { fileURLToPath } from 'node:url';

/*
 * The desktop shell's security decisions as plain functions (no Electron),
 * so that tests/unit/security checks the very rules the shell applies. The
 * window's webPreferences stay a literal in index.ts, where Electronegativity
 * can read them.
 */

/** Whether a URL is the app's own page (any route: the renderer routes with the hash). */
export function isOurPage(url: string | undefined, rendererIndex: string): boolean {
  if (url === undefined || !url.startsWith('file://')) return false;
  try {
    const parsed = new URL(url);
    return parsed.search === '' && fileURLToPath(parsed) === rendererIndex;
  } catch {
    return false;
  }
}

/**
 * The address to hand to the user's browser for a link they clicked, or null
 * when it must not leave the app: only http(s), and never with a user name
 * or password in it (a classic way to disguise where a link goes).
 */
export function externalLink(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/** The only browser permission the page uses: copying text it shows (a file path, a note) to the clipboard. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Whether a permission request or check from a page is granted: only the ones above, only for our page. */
export function permits(permission: string, pageUrl: string | undefined, rendererIndex: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isOurPage(pageUrl, rendererIndex);
}
