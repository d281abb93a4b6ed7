import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateFromParts, dateProblem, detailProblems } from '../../../../main/common/document-details';
import { openTestDossier, seedId } from '../../helpers';

/*
 * A document's title, date and source label, as a person edits them: the
 * library, search, exports and entity pages follow at once and after a
 * restart; what the rules refuse changes nothing.
 */

const NOW = new Date(2026, 2, 15, 12);

describe('the rules of a document’s details', () => {
  it('take a day, a month, a year or no date, and refuse days that do not exist or lie far ahead', () => {
    for (const ok of ['2024-06-26', '2024-02-29', '2021-11', '2017', '2027-03-15', '2027']) expect(dateProblem(ok, NOW)).toBeNull();
    expect(dateProblem('2023-02-31', NOW)).toBe('There is no 31 February 2023: February 2023 has 28 days.');
    expect(dateProblem('2023-02-29', NOW)).toBe('There is no 29 February 2023: February 2023 has 28 days.');
    expect(dateProblem('2024-13', NOW)).toMatch(/from 1 \(January\) to 12/);
    expect(dateProblem('2027-03-16', NOW)).toBe('16 March 2027 is more than a year from today: check the year.');
    expect(dateProblem('2031', NOW)).toBe('2031 is more than a year from today: check the year.');
    expect(dateProblem('26/06/2024', NOW)).toMatch(/^Write a date as a year/);
    expect(dateProblem('0999', NOW)).toMatch(/four digits/);
  });

  it('build the date from the form’s parts, saying what is missing', () => {
    expect(dateFromParts({ year: '2024', month: '6', day: '26' })).toEqual({ date: '2024-06-26' });
    expect(dateFromParts({ year: '2021', month: '11', day: '' })).toEqual({ date: '2021-11' });
    expect(dateFromParts({ year: ' 2017 ', month: '', day: '' })).toEqual({ date: '2017' });
    expect(dateFromParts({ year: '', month: '', day: '' })).toEqual({ date: null });
    expect(dateFromParts({ year: '', month: '3', day: '' })).toEqual({ problem: expect.stringMatching(/^Add the year/) });
    expect(dateFromParts({ year: '2024', month: '', day: '3' })).toEqual({ problem: expect.stringMatching(/^Choose the month/) });
    expect(dateFromParts({ year: '24', month: '', day: '' })).toEqual({ problem: expect.stringMatching(/four digits/) });
  });

  it('want a title that is not blank, and say so for the field at fault', () => {
    expect(detailProblems({ title: '   ', date: '2023-02-31', sourceLabel: 'x'.repeat(201) }, NOW)).toEqual({
      title: 'Give the document a title: it cannot be empty.',
      date: 'There is no 31 February 2023: February 2023 has 28 days.',
      sourceLabel: 'A source can be at most 200 characters long; this one has 201.',
    });
    expect(detailProblems({ title: 'Fine', date: null, sourceLabel: '' }, NOW)).toEqual({});
  });
});

describe('editing a document', () => {
  it('renames, re-dates and labels it; the library, search, exports and entity pages follow, and it stays so after a restart', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const id = await seedId(dossier, '000');
    const unicom = (await api.createEntity({ type: 'organisation', name: 'China Unicom', aliases: [] })).id;
    await api.createAnnotation({ docId: id, start: 0, end: 30, note: 'the opening' });
    // Asked before the edit, so that what is kept from then must follow it.
    expect((await api.getEntity(unicom)).documents.some((d) => d.docId === id)).toBe(true);

    const saved = await api.editDocument(id, { title: 'Quarterly Partners Summit in Zanzibar', date: '2024-06', sourceLabel: 'Unicom press office' });
    expect(saved).toMatchObject({ id, title: 'Quarterly Partners Summit in Zanzibar', date: '2024-06', sourceLabel: 'Unicom press office', source: expect.stringMatching(/^000_/) });
    expect((await api.listDocuments()).find((d) => d.id === id)).toEqual(saved);
    expect((await api.openDocument(id)).title).toBe('Quarterly Partners Summit in Zanzibar');

    const found = await api.search({ q: 'zanzibar' });
    expect(found.groups.map((g) => [g.docId, g.title])).toEqual([[id, 'Quarterly Partners Summit in Zanzibar']]);
    expect((await api.search({ q: 'zanzibar after:2024-06 before:2024-07' })).groups.map((g) => g.docId)).toEqual([id]);

    const exported = await api.exportNotes({ kind: 'document', id }, 'markdown');
    expect(exported.name).toMatch(/^Quarterly Partners Summit in Zanzibar/);
    expect(exported.files[0]?.content).toMatch(/title: Quarterly Partners Summit in Zanzibar\n[\s\S]*source: Unicom press office\n[\s\S]*date: 2024-06/);

    const page = await api.getEntity(unicom);
    expect(page.documents.find((d) => d.docId === id)).toMatchObject({ title: 'Quarterly Partners Summit in Zanzibar', date: '2024-06' });

    const later = await openTestDossier(dossier.dataDir);
    expect((await later.api.listDocuments()).find((d) => d.id === id)).toEqual(saved);
    expect((await later.api.search({ q: 'zanzibar' })).groups.map((g) => g.docId)).toEqual([id]);
  });

  it('takes a year, or no date, and a label cleared shows the source again', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const id = await seedId(dossier, '001');
    expect(await api.editDocument(id, { date: '2021', sourceLabel: 'Mobile newsroom' })).toMatchObject({ date: '2021', sourceLabel: 'Mobile newsroom' });
    const cleared = await api.editDocument(id, { date: null, sourceLabel: '  ' });
    expect(cleared.date).toBeNull();
    expect(cleared).not.toHaveProperty('sourceLabel');
    expect(cleared.title).toBe('The 2021 China Mobile Global Partners Conference inaugurated');
  });

  it('saves nothing when a field is wrong, and says what is wrong', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const id = await seedId(dossier, '002');
    const before = (await api.listDocuments()).find((d) => d.id === id);
    const library = () => readFile(join(dossier.dataDir, 'library.json'), 'utf8');
    const onDisk = await library();
    const ahead = `${new Date().getFullYear() + 2}-01-01`;
    await expect(api.editDocument(id, { title: '  \n ' })).rejects.toMatchObject({ code: 'invalid_argument', message: 'Give the document a title: it cannot be empty. Nothing was saved.' });
    await expect(api.editDocument(id, { title: 'A new title', date: '2023-02-31' })).rejects.toMatchObject({ message: expect.stringContaining('There is no 31 February 2023') });
    await expect(api.editDocument(id, { date: ahead })).rejects.toMatchObject({ message: expect.stringContaining('is more than a year from today') });
    expect((await api.listDocuments()).find((d) => d.id === id)).toEqual(before);
    expect(await library()).toBe(onDisk);
  });

  it('of a document another window deleted says so and changes nothing', async () => {
    const dossier = await openTestDossier();
    const { api } = dossier;
    const id = await seedId(dossier, '003');
    await api.deleteDocuments([id]);
    await expect(api.editDocument(id, { title: 'Renamed too late' })).rejects.toMatchObject({
      code: 'not_found',
      message: '“Why China Telecom is building IoT partnerships” is in the Trash: it was deleted, perhaps in another window. Nothing was changed.',
    });
    await api.purgeDocuments([id]);
    await expect(api.editDocument(id, { title: 'Renamed too late' })).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/^This document is no longer in the library/) });
    expect((await api.listTrash()).map((d) => d.id)).toEqual([]);
  });
});
