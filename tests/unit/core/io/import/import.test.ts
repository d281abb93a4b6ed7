import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../../main/core/dispatch';
import { importFile, openTestDossier } from '../../../helpers';

const utf8 = (text: string) => new TextEncoder().encode(text);

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

  it('replaces the text of a changed file imported again, keeping its id and re-anchoring its annotations', async () => {
    const { api } = await openTestDossier();
    const first = await importFile(api, 'harbour.txt', utf8(REPORT));
    const id = first.document?.id as string;
    const at = (quote: string) => ({ start: REPORT.indexOf(quote), end: REPORT.indexOf(quote) + quote.length });
    const kept = await api.createAnnotation({ docId: id, ...at('new container terminal'), note: 'Check the budget' });
    const lost = await api.createAnnotation({ docId: id, ...at('eighteen months'), note: 'Timeline' });

    const revised = REPORT.replace('in March', 'in late March').replace('Dredging of the northern channel begins next spring and will take eighteen months to complete.', 'Dredging was postponed.');
    const outcome = await importFile(api, 'harbour.txt', utf8(revised));
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
