import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { MAX_BACKUP_BYTES } from '../../../../../main/common/contract';
import { createDispatcher } from '../../../../../main/core/dispatch';
import { IDLE_MS, MAX_HELD_BYTES, MAX_OPEN_UPLOADS } from '../../../../../main/core/io/import/uploads';
import { openTestDossier } from '../../../helpers';
import { importFile, importWorker, sendFile, utf8 } from './files';

const REPORT = [
  'Harbour Authority Annual Review',
  '',
  'The harbour authority approved a new container terminal in March, after two years of consultation with shipping lines.',
  '',
  'Dredging of the northern channel begins next spring and will take eighteen months to complete.',
].join('\n');

describe('importing documents', () => {
  it('adds a new document that search and the library see at once', async () => {
    const { api } = await openTestDossier();
    const before = (await api.listDocuments()).length;
    const outcome = await importFile(api, 'harbour.txt', utf8(REPORT));
    expect(outcome).toMatchObject({ name: 'harbour.txt', status: 'added', document: { title: 'Harbour Authority Annual Review', source: 'harbour.txt', origin: 'import' } });
    expect((await api.listDocuments()).length).toBe(before + 1);
    const found = await api.search({ q: 'dredging' });
    expect(found.groups.map((g) => g.docId)).toEqual([outcome.document?.id]);
  });

  it('reads a PDF sent over the API', async () => {
    const { api } = await openTestDossier();
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage([400, 300]).drawText('Minutes of the port committee, taken on the quay.', { x: 30, y: 250, size: 12, font });
    const outcome = await importFile(api, 'minutes.pdf', await pdf.save());
    expect(outcome).toMatchObject({ status: 'added', document: { title: 'Minutes of the port committee, taken on the quay' } });
  });

  it('recognises the same content imported twice, whatever the file is called', async () => {
    const { api } = await openTestDossier();
    const first = await importFile(api, 'harbour.txt', utf8(REPORT));
    const again = await importFile(api, 'copy of harbour.txt', utf8(REPORT));
    expect(again).toMatchObject({ status: 'duplicate', document: { id: first.document?.id }, reason: 'Already in the library as “Harbour Authority Annual Review”.' });
    expect((await api.listDocuments()).filter((d) => d.origin === 'import')).toHaveLength(1);
  });

  it('replaces the text of a changed file imported again, once asked, keeping its id and re-anchoring its annotations', async () => {
    const { api } = await openTestDossier();
    const first = await importFile(api, 'harbour.txt', utf8(REPORT));
    const id = first.document?.id as string;
    const at = (quote: string) => ({ start: REPORT.indexOf(quote), end: REPORT.indexOf(quote) + quote.length });
    const kept = await api.createAnnotation({ docId: id, ...at('new container terminal'), note: 'Check the budget' });
    const lost = await api.createAnnotation({ docId: id, ...at('eighteen months'), note: 'Timeline' });

    const revised = REPORT.replace('in March', 'in late March').replace('Dredging of the northern channel begins next spring and will take eighteen months to complete.', 'Dredging was postponed.');
    const asked = await importFile(api, 'harbour.txt', utf8(revised));
    expect(asked).toMatchObject({ status: 'matches', document: { id, title: 'Harbour Authority Annual Review' } });
    expect(await api.openDocument(id)).toMatchObject({ length: REPORT.length });
    const outcome = await api.importUpload(asked.uploadId as string, { onMatch: 'replace' });
    expect(outcome).toMatchObject({ status: 'replaced', document: { id }, annotations: { anchored: 1, orphaned: 1 } });

    const annotations = await api.listAnnotations({ docId: id });
    const moved = annotations.find((a) => a.id === kept.id);
    expect(moved?.anchor).toEqual({ status: 'anchored', start: revised.indexOf('new container terminal'), end: revised.indexOf('new container terminal') + 22 });
    expect(annotations.find((a) => a.id === lost.id)).toMatchObject({ note: 'Timeline', anchor: { status: 'orphaned' } });
    expect((await api.search({ q: 'postponed' })).groups.map((g) => g.docId)).toEqual([id]);
    expect((await api.search({ q: 'eighteen' })).groups.map((g) => g.docId)).not.toContain(id);
  });

  it('rejects files it cannot read with their reasons and changes nothing in the library', async () => {
    const { api } = await openTestDossier();
    const before = await api.listDocuments();
    const outcomes = [
      await importFile(api, 'empty.txt', new Uint8Array()),
      await importFile(api, 'data.bin', new Uint8Array([0, 1, 2, 3, 0, 0, 7, 8])),
      await importFile(api, 'broken.pdf', utf8('%PDF-1.4 not a pdf')),
      await api.beginUpload({ name: 'huge.pdf', size: 80 * 1024 * 1024, purpose: 'import' }),
    ];
    expect(outcomes.map((o) => ('reason' in o ? o.reason : ''))).toEqual([
      'The file is empty.',
      expect.stringMatching(/^This is a binary file/),
      expect.stringMatching(/^This PDF is damaged/),
      'The file is 80 MB; Dossier takes files up to 50 MB. Split it into smaller parts and import those.',
    ]);
    expect(await api.listDocuments()).toEqual(before);
  });

  it('reassembles a file sent in several chunks and refuses chunks out of order', async () => {
    const { api } = await openTestDossier();
    const bytes = utf8(REPORT);
    const ticket = await api.beginUpload({ name: '/home/me/Documents/harbour.txt', size: bytes.length, purpose: 'import' });
    if (!ticket.accepted) throw new Error(ticket.reason);
    const chunk = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('base64');
    await expect(api.sendUploadChunk({ uploadId: ticket.uploadId, offset: 40, data: chunk(40, 80) })).rejects.toThrow(/byte 0 was expected/);
    await api.sendUploadChunk({ uploadId: ticket.uploadId, offset: 0, data: chunk(0, 40) });
    await expect(api.importUpload(ticket.uploadId)).rejects.toThrow(/incomplete \(40 of \d+ bytes\)/);
    await api.sendUploadChunk({ uploadId: ticket.uploadId, offset: 40, data: chunk(40, bytes.length) });
    const outcome = await api.importUpload(ticket.uploadId);
    expect(outcome).toMatchObject({ name: 'harbour.txt', status: 'added', document: { source: 'harbour.txt' } });
    await expect(api.importUpload(ticket.uploadId)).rejects.toThrow(/No upload .* in progress/);
  });

  it('forgets a cancelled upload', async () => {
    const { api } = await openTestDossier();
    const ticket = await api.beginUpload({ name: 'a.txt', size: 10, purpose: 'import' });
    if (!ticket.accepted) throw new Error(ticket.reason);
    await api.cancelUpload(ticket.uploadId);
    await expect(api.sendUploadChunk({ uploadId: ticket.uploadId, offset: 0, data: 'YWJj' })).rejects.toThrow(/No upload/);
  });

  it('refuses, at the API boundary, chunks that are not base64 or are too large', async () => {
    const { api } = await openTestDossier();
    const dispatch = createDispatcher(api, () => undefined);
    const notBase64 = await dispatch('sendUploadChunk', [{ uploadId: 'abc', offset: 0, data: 'not base64!' }]);
    expect(notBase64).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/base64/) } });
    const tooBig = await dispatch('sendUploadChunk', [{ uploadId: 'abc', offset: 0, data: 'A'.repeat(6 * 1024 * 1024) }]);
    expect(tooBig).toMatchObject({ ok: false, error: { message: expect.stringMatching(/at most 4 MB/) } });
  });
});

const SITE_A = `<!doctype html><html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1>
  <p>The harbour authority approved a new container terminal in March, after two years of consultation with shipping lines and the council.</p></article></body></html>`;
const SITE_B = `<!doctype html><html><head><title>Mountain rail</title></head><body><article><h1>Mountain rail</h1>
  <p>The mountain railway reopens in May with new carriages, a longer timetable and a station at the summit for the first time in its history.</p></article></body></html>`;

describe('importing a file that looks like one already in the library', () => {
  it('asks before a second index.html from another site replaces the first, and keeps both when told to', async () => {
    const { api } = await openTestDossier();
    const first = await importFile(api, 'index.html', utf8(SITE_A), { lastModified: 1_700_000_000_000 });
    const id = first.document?.id as string;
    const note = await api.createAnnotation({ docId: id, start: 0, end: 10, note: 'Keep me' });
    const second = await importFile(api, 'index.html', utf8(SITE_B), { lastModified: 1_710_000_000_000 });
    expect(second).toMatchObject({ status: 'matches', document: { id, title: 'Harbour news' } });
    const kept = await api.importUpload(second.uploadId as string, { onMatch: 'keep' });
    expect(kept).toMatchObject({ status: 'added', document: { title: 'Mountain rail', source: 'index.html' } });
    expect(kept.document?.id).not.toBe(id);
    expect((await api.openDocument(id)).title).toBe('Harbour news');
    expect((await api.listAnnotations({ docId: id })).find((a) => a.id === note.id)?.anchor.status).toBe('anchored');
    expect((await api.listDocuments()).filter((d) => d.source === 'index.html')).toHaveLength(2);
  });

  it('takes files from different folders for different documents without asking, and asks for the same path', async () => {
    const { api } = await openTestDossier();
    const first = await importFile(api, 'index.html', utf8(SITE_A), { path: '/home/me/harbour/index.html' });
    const other = await importFile(api, 'index.html', utf8(SITE_B), { path: '/home/me/rail/index.html' });
    expect(other).toMatchObject({ status: 'added', document: { title: 'Mountain rail' } });
    const again = await importFile(api, 'index.html', utf8(SITE_A.replace('March', 'April')), { path: '/home/me/harbour/index.html' });
    expect(again).toMatchObject({ status: 'matches', document: { id: first.document?.id } });
  });

  it('recognises an identical text as a duplicate before it asks anything', async () => {
    const { api } = await openTestDossier();
    await importFile(api, 'harbour.txt', utf8(REPORT));
    expect(await importFile(api, 'harbour.txt', utf8(REPORT))).toMatchObject({ status: 'duplicate' });
  });

  it('forgets the question when the upload is cancelled instead of answered', async () => {
    const { api } = await openTestDossier();
    await importFile(api, 'harbour.txt', utf8(REPORT));
    const asked = await importFile(api, 'harbour.txt', utf8(`${REPORT}\n\nA late addition to the review.`));
    await api.cancelUpload(asked.uploadId as string);
    await expect(api.importUpload(asked.uploadId as string, { onMatch: 'replace' })).rejects.toThrow(/No upload .* in progress/);
    expect((await api.listDocuments()).filter((d) => d.origin === 'import').map((d) => d.length)).toEqual([REPORT.length]);
  });
});

describe('cancelling an import', () => {
  it('adds nothing, and leaves no text behind, when Cancel comes while the document is being indexed', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const before = await api.listDocuments();
    const sent = await sendFile(api, 'harbour.txt', utf8(REPORT));
    if ('refused' in sent) throw new Error(sent.refused);
    dossier.events.once('documentChanged', () => void api.cancelUpload(sent.uploadId));
    expect(await api.importUpload(sent.uploadId)).toEqual({ name: 'harbour.txt', status: 'cancelled' });
    expect(await api.listDocuments()).toEqual(before);
    expect(await readdir(join(dossier.dataDir, 'texts'))).toHaveLength(before.length);
    expect((await api.search({ q: 'dredging' })).groups).toEqual([]);
    const reopened = await openTestDossier(dossier.dataDir);
    expect(await reopened.api.listDocuments()).toEqual(before);
  });

  it('stops reading a large file in the worker and adds nothing', async () => {
    const dossier = await openTestDossier(undefined, { importWorker: await importWorker() });
    const { api } = dossier;
    const before = await api.listDocuments();
    const big = utf8('A long line of minutes that goes on and on, taken at the meeting of the harbour board.\n'.repeat(450_000));
    const sent = await sendFile(api, 'minutes.txt', big);
    if ('refused' in sent) throw new Error(sent.refused);
    const importing = api.importUpload(sent.uploadId);
    await api.cancelUpload(sent.uploadId);
    expect(await importing).toEqual({ name: 'minutes.txt', status: 'cancelled' });
    expect(await api.listDocuments()).toEqual(before);
    expect(await readdir(join(dossier.dataDir, 'texts'))).toHaveLength(before.length);
  });

  it('keeps the files imported before Cancel', async () => {
    const { api } = await openTestDossier();
    const added = await importFile(api, 'harbour.txt', utf8(REPORT));
    const sent = await sendFile(api, 'later.txt', utf8('A later file.'));
    if ('refused' in sent) throw new Error(sent.refused);
    await api.cancelUpload(sent.uploadId);
    expect((await api.listDocuments()).map((d) => d.id)).toContain(added.document?.id);
  });
});

describe('two imports at once', () => {
  it('adds one text once, however the imports interleave', async () => {
    const { api } = await openTestDossier();
    const outcomes = await Promise.all([importFile(api, 'a.txt', utf8(REPORT)), importFile(api, 'b.txt', utf8(REPORT)), importFile(api, 'c.txt', utf8(REPORT))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['added', 'duplicate', 'duplicate']);
    expect((await api.listDocuments()).filter((d) => d.origin === 'import')).toHaveLength(1);
  });
});

describe('uploads held in memory', () => {
  it('refuses more files at once than a person sends, with a plain reason', async () => {
    const { api } = await openTestDossier();
    const tickets = await Promise.all(Array.from({ length: MAX_OPEN_UPLOADS }, (_, i) => api.beginUpload({ name: `f${i}.txt`, size: 10, purpose: 'import' })));
    expect(tickets.every((t) => t.accepted)).toBe(true);
    expect(await api.beginUpload({ name: 'one-more.txt', size: 10, purpose: 'import' })).toEqual({
      accepted: false,
      reason: `Dossier is already receiving ${MAX_OPEN_UPLOADS} files; wait until they are done, then try this one again.`,
    });
  });

  it('refuses an upload that would hold more than the cap in all', async () => {
    const { api } = await openTestDossier();
    expect(await api.beginUpload({ name: 'backup.json', size: MAX_BACKUP_BYTES, purpose: 'restore' })).toMatchObject({ accepted: true });
    expect(await api.beginUpload({ name: 'big.pdf', size: MAX_HELD_BYTES - MAX_BACKUP_BYTES, purpose: 'import' })).toMatchObject({ accepted: true });
    expect(await api.beginUpload({ name: 'a.txt', size: 100, purpose: 'import' })).toEqual({ accepted: false, reason: 'Dossier is already receiving 1,074 MB of files; wait until they are done, then try this one again.' });
  });

  it('drops an upload abandoned for a minute', async () => {
    const { api } = await openTestDossier();
    const ticket = await api.beginUpload({ name: 'left.txt', size: 10, purpose: 'import' });
    if (!ticket.accepted) throw new Error(ticket.reason);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + IDLE_MS + 1000 });
    try {
      await api.beginUpload({ name: 'next.txt', size: 10, purpose: 'import' });
      await expect(api.sendUploadChunk({ uploadId: ticket.uploadId, offset: 0, data: 'YWJj' })).rejects.toThrow(/No upload/);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('what an import records about the file', () => {
  it('shows bidi and control characters in a name instead of obeying them', async () => {
    const { api } = await openTestDossier();
    const outcome = await importFile(api, 'report\u202Etxt.exe', utf8(REPORT));
    expect(outcome).toMatchObject({ name: 'report⟨U+202E⟩txt.exe', status: 'added', document: { source: 'report⟨U+202E⟩txt.exe' } });
  });

  it('dates a Markdown file by its front matter and an HTML article by its byline, and keeps the byline', async () => {
    const { api } = await openTestDossier();
    const markdown = await importFile(api, 'notes.md', utf8('---\ntitle: Field notes\ndate: 2023-09-12\n---\n\nWe visited the 2019 site again.\n'));
    expect(markdown.document).toMatchObject({ title: 'Field notes', date: '2023-09-12' });
    const html = `<html><head><title>Port opens | TeleNews Daily</title><meta property="og:site_name" content="TeleNews Daily"></head><body><article>
      <h1>Port opens</h1><p class="byline">By Jane Doe, 3 April 2024</p>
      <p>The new port opened to shipping this morning after four years of building, the authority said in a statement to the press.</p>
      <p>It handles containers and bulk cargo, and a second berth is planned for the years after 2030 if demand grows as expected.</p></article></body></html>`;
    const article = await importFile(api, 'port.html', utf8(html));
    expect(article.document).toMatchObject({ title: 'Port opens', date: '2024-04-03', byline: 'By Jane Doe, 3 April 2024' });
  });
});
