import { request } from 'node:http';
import { resolve } from 'node:path';
import { PDFDocument, PDFName, PDFNumber, StandardFonts, type PDFArray, type PDFDict } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiImpl, ImportOutcome } from '../../../../../main/common/contract';
import { createDispatcher } from '../../../../../main/core/dispatch';
import { MAX_BLOCK_CHARS } from '../../../../../main/core/library/block-drafts';
import { startWebServer, type WebServer } from '../../../../../main/node/server';
import { allBlocks, openTestDossier } from '../../../helpers';
import { importWorker, sendFile, utf8 } from './files';

/*
 * Files built to crash or freeze whatever reads them. Each is read in the
 * import worker: it is refused with a plain reason (or, when it is merely
 * odd, imported), and meanwhile the server answers other requests at once.
 */

/** How long another request may wait while a file is being refused. */
const WAIT_MS = 100;
/** Reading tens of megabytes, at background priority, on a machine busy with other work. */
const LARGE_FILE_TEST_MS = 300_000;

let server: WebServer | undefined;
afterEach(async () => server?.close());

let worker: URL;
beforeAll(async () => {
  worker = await importWorker();
});

async function open(): Promise<{ api: ApiImpl; web: WebServer }> {
  const dossier = await openTestDossier(undefined, { importWorker: worker });
  server = await startWebServer({ dispatch: createDispatcher(dossier.api), staticDir: resolve('renderer') });
  return { api: dossier.api, web: server };
}

/** How long one API request over HTTP takes to be answered. */
function answered(web: WebServer): Promise<number> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: web.port, path: '/api/getStatus', method: 'POST', headers: { host: `127.0.0.1:${web.port}`, 'content-type': 'application/json', 'x-dossier-token': web.token } }, (res) => {
      res.resume();
      res.on('end', () => done(performance.now() - started));
    });
    req.on('error', fail);
    req.end('[]');
  });
}

interface Timed {
  outcome: ImportOutcome;
  /** From importUpload to its outcome. */
  ms: number;
  /** The longest any other request waited meanwhile. */
  longestWait: number;
}

/** Imports a file while other requests keep coming, one after another. */
async function importWhileAsking(api: ApiImpl, web: WebServer, name: string, bytes: Uint8Array): Promise<Timed> {
  const sent = await sendFile(api, name, bytes);
  if ('refused' in sent) throw new Error(sent.refused);
  const started = performance.now();
  let done = false;
  const importing = Promise.resolve(api.importUpload(sent.uploadId)).finally(() => (done = true));
  let longestWait = 0;
  while (!done) longestWait = Math.max(longestWait, await answered(web));
  const outcome = await importing;
  const ms = performance.now() - started;
  console.info(`${name} (${(bytes.length / 1024 / 1024).toFixed(1)} MB): ${outcome.status} in ${Math.round(ms)} ms; other requests waited at most ${Math.round(longestWait)} ms`);
  return { outcome, ms, longestWait };
}

/**
 * A refusal timed as above. A machine shared with other work may stall any
 * process for a moment, so a wait over the bound is timed again (four times
 * at most): a thread that reads the file itself stalls every time.
 */
async function refusedWhileAsking(api: ApiImpl, web: WebServer, name: string, bytes: Uint8Array): Promise<Timed> {
  let timed = await importWhileAsking(api, web, name, bytes);
  for (let attempt = 1; attempt < 5 && timed.longestWait >= WAIT_MS; attempt++) {
    const again = await importWhileAsking(api, web, name, bytes);
    timed = again.longestWait < timed.longestWait ? again : timed;
  }
  return timed;
}

async function circularPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([400, 300]).drawText('A page whose tree loops back on itself.', { x: 30, y: 250, size: 12, font });
  const pagesRef = pdf.catalog.get(PDFName.of('Pages'));
  const pages = pdf.context.lookup(pagesRef) as PDFDict;
  (pages.get(PDFName.of('Kids')) as PDFArray).push(pagesRef as PDFName);
  pages.set(PDFName.of('Count'), PDFNumber.of(5));
  return pdf.save({ useObjectStreams: false });
}

async function deeplyNestedPdf(depth: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([400, 300]).drawText('A page with an object nested very deep.', { x: 30, y: 250, size: 12, font });
  const text = Buffer.from(await pdf.save({ useObjectStreams: false })).toString('latin1');
  return new Uint8Array(Buffer.from(text.replace('/Type /Page\n', `/Type /Page\n/Deep ${'['.repeat(depth)}${']'.repeat(depth)}\n`), 'latin1'));
}

async function slides(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  ['Q1 results', 'Q2 results', 'Q3 results'].forEach((title, i) => {
    const page = pdf.addPage([960, 540]);
    page.drawText(title, { x: 60, y: 440, size: 40, font });
    page.drawText(`Slide ${i + 1}`, { x: 860, y: 30, size: 12, font });
  });
  return pdf.save();
}

describe('hostile files', () => {
  it('refuses 100,000 nested <div> (1.1 MB) at once, answering other requests meanwhile', async () => {
    const { api, web } = await open();
    const html = `<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`;
    const { outcome, longestWait } = await refusedWhileAsking(api, web, 'deep.html', utf8(html));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^This page's elements are nested more than 512 levels deep/) });
    expect(longestWait).toBeLessThan(WAIT_MS);
  });

  it('refuses 100,000 nested block quotes (200 KB) and 5,000 nested list levels (25 MB)', async () => {
    const { api, web } = await open();
    const quotes = await refusedWhileAsking(api, web, 'quotes.md', utf8(`${'> '.repeat(100_000)}deep\n`));
    const lists = await refusedWhileAsking(api, web, 'lists.md', utf8(Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')));
    for (const { outcome, longestWait } of [quotes, lists]) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^Its block quotes or lists are nested more than 32 levels deep/) });
      expect(longestWait).toBeLessThan(WAIT_MS);
    }
  }, LARGE_FILE_TEST_MS);

  it('reads nested * and [ in Markdown (200 KB) as the odd text it is, in blocks of bounded size', async () => {
    const { api, web } = await open();
    const { outcome } = await importWhileAsking(api, web, 'stars.md', utf8('*['.repeat(100_000)));
    expect(outcome.status).toBe('added');
    const blocks = await allBlocks(api, outcome.document?.id as string);
    expect(blocks.every((b) => b.text.length <= MAX_BLOCK_CHARS)).toBe(true);
  });

  it('refuses a PDF with a circular page tree and one with objects nested 100,000 deep, each with a reason', async () => {
    const { api, web } = await open();
    const circular = await refusedWhileAsking(api, web, 'circular.pdf', await circularPdf());
    const nested = await refusedWhileAsking(api, web, 'nested.pdf', await deeplyNestedPdf(100_000));
    expect(circular.outcome).toMatchObject({ status: 'rejected', reason: 'This PDF’s list of pages loops back on itself, so its pages cannot be read: it is damaged, or built to trap a reader.' });
    expect(nested.outcome).toMatchObject({ status: 'rejected', reason: 'This PDF’s objects are nested too deeply to be read: it is damaged, or built to overwhelm a reader.' });
    for (const { longestWait } of [circular, nested]) expect(longestWait).toBeLessThan(WAIT_MS);
  });

  it('imports a text PDF of three slides whose titles repeat, not calling it scanned', async () => {
    const { api, web } = await open();
    const { outcome } = await importWhileAsking(api, web, 'slides.pdf', await slides());
    expect(outcome).toMatchObject({ status: 'added' });
    const blocks = await allBlocks(api, outcome.document?.id as string);
    expect(blocks.map((b) => b.text)).toEqual(['Q1 results', 'Q2 results', 'Q3 results']);
  });

  it('imports and opens a 24 MB text of "p" and a blank line, in blocks of bounded size', async () => {
    const { api, web } = await open();
    const { outcome } = await importWhileAsking(api, web, 'p.txt', utf8('p\n\n'.repeat(8 * 1024 * 1024)));
    // The whole outcome: a refusal says why.
    expect(outcome).toMatchObject({ status: 'added' });
    const { length } = await api.openDocument(outcome.document?.id as string);
    const blocks = await allBlocks(api, outcome.document?.id as string);
    expect(length).toBe(24 * 1024 * 1024);
    expect(blocks.length).toBeLessThan(2000);
    expect(blocks.every((b) => b.text.length <= MAX_BLOCK_CHARS)).toBe(true);
  }, LARGE_FILE_TEST_MS);
});
