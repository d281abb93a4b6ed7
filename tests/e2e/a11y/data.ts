import type { Page } from '@playwright/test';
import type { Block, DocumentSummary, DocumentOpening } from '../../../main/common/contract';

/** Calls the API from the page, as the app does, with the token the page keeps in its tab. */
export async function callApi<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ({ method, args }) => {
      const response = await fetch(`api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': sessionStorage.getItem('dossier.token') ?? '' }, body: JSON.stringify(args) });
      const envelope = (await response.json()) as { ok: true; value: unknown } | { ok: false; error: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value;
    },
    { method, args },
  ) as Promise<T>;
}

/** Original-text offsets of the first occurrence of `phrase` that lies within one span of a block. */
function locate(blocks: Block[], phrase: string): { start: number; end: number } {
  for (const block of blocks) {
    let clean = 0;
    for (const [start, end] of block.spans) {
      const at = block.text.slice(clean, clean + (end - start)).indexOf(phrase);
      if (at >= 0) return { start: start + at, end: start + at + phrase.length };
      clean += end - start + 1;
    }
  }
  throw new Error(`"${phrase}" is not in the document`);
}

export const SEED_000 = 'China Unicom successfully held the Global Partners Meeting themed…';

/**
 * Seed 000 with what a reader adds: two highlights (one with a note and tags)
 * and two entities the text mentions, then reload the window. Returns the document's id.
 */
export async function annotateSeed(page: Page): Promise<string> {
  const documents = await callApi<DocumentSummary[]>(page, 'listDocuments');
  const id = documents.find((d) => d.source.startsWith('000'))?.id ?? '';
  const { blocks } = await callApi<DocumentOpening>(page, 'openDocument', id);
  await callApi(page, 'createAnnotation', { docId: id, ...locate(blocks, 'Innovating Together, Connecting a Smarter Future'), color: 'yellow', note: 'The meeting’s theme: compare with 2021.', tags: ['themes/partners'] });
  await callApi(page, 'createAnnotation', { docId: id, ...locate(blocks, 'three initiatives'), color: 'blue' });
  await callApi(page, 'createEntity', { type: 'person', name: 'Chen Zhongyue' });
  await callApi(page, 'createEntity', { type: 'organisation', name: 'GSMA', aliases: ['Groupe Speciale Mobile Association'] });
  // The window learns of changes it made itself; these came from outside, so open it afresh.
  await page.reload();
  return id;
}
