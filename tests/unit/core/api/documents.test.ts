import { describe, expect, it } from 'vitest';
import { BLOCK_READING } from '../../../../main/common/contract';
import { createDispatcher } from '../../../../main/core/dispatch';
import { allBlocks, openTestDossier, seedId } from '../../helpers';

describe('opening a document', () => {
  it('gives what the library knows of it, its block count and its first screen of blocks', async () => {
    const dossier = await openTestDossier();
    const id = await seedId(dossier, '004');
    const opening = await dossier.api.openDocument(id);
    const every = await allBlocks(dossier.api, id);
    expect(opening).toMatchObject({ id, source: expect.stringMatching(/^004/), blockCount: every.length });
    expect(opening.blocks.length).toBeGreaterThan(0);
    expect(opening.blocks.length).toBeLessThan(every.length);
    expect(opening.blocks).toEqual(every.slice(0, opening.blocks.length));
    expect(opening.blocks.slice(0, -1).reduce((sum, b) => sum + b.text.length, 0)).toBeLessThan(BLOCK_READING.firstScreenChars);
  });

  it('hands out further blocks by range, at most a bounded number at once, and refuses a larger or backward range in plain words', async () => {
    const dossier = await openTestDossier();
    const id = await seedId(dossier, '004');
    const range = await dossier.api.getBlocks(id, 100, 110);
    expect(range.map((b) => b.index)).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
    expect(await dossier.api.getBlocks(id, 1e6, 1e6 + 5)).toEqual([]);
    const dispatch = createDispatcher(dossier.api, () => undefined);
    expect(await dispatch('getBlocks', [id, 0, BLOCK_READING.maxRange + 1])).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/^A range of blocks goes forward and holds at most/) } });
    expect(await dispatch('getBlocks', [id, 10, 5])).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await dispatch('getBlocks', ['missing', 0, 5])).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('finds the block that holds an offset of the original text, as a passage link or a note gives it', async () => {
    const dossier = await openTestDossier();
    const id = await seedId(dossier, '004');
    const blocks = await allBlocks(dossier.api, id);
    const block = blocks[120]!;
    expect(await dossier.api.blockAt(id, block.start + 3)).toBe(120);
    expect(await dossier.api.blockAt(id, 0)).toBe(0);
  });
});

describe('the library’s table', () => {
  it('comes a page at a time in the order asked for, undated documents last either way', async () => {
    const dossier = await openTestDossier();
    const all = await dossier.api.listDocuments();
    const byTitle = await dossier.api.listDocumentPage({ sort: 'title', descending: false, from: 0, to: 100 });
    expect(byTitle).toMatchObject({ total: all.length, matching: all.length, from: 0 });
    const titles = byTitle.rows.map((r) => r.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const reversed = await dossier.api.listDocumentPage({ sort: 'title', descending: true, from: 0, to: 100 });
    expect(reversed.rows.map((r) => r.title)).toEqual([...titles].reverse());
    const second = await dossier.api.listDocumentPage({ sort: 'title', descending: false, from: 2, to: 4 });
    expect(second.rows.map((r) => r.id)).toEqual(byTitle.rows.slice(2, 4).map((r) => r.id));

    for (const descending of [true, false]) {
      const dates = (await dossier.api.listDocumentPage({ sort: 'date', descending, from: 0, to: 100 })).rows.map((r) => r.date);
      const dated = dates.filter((d): d is string => d !== null);
      expect(dates).toEqual([...dated, ...dates.filter((d) => d === null)]);
      expect(dated).toEqual([...dated].sort((a, b) => (descending ? b.localeCompare(a) : a.localeCompare(b))));
    }
    const lengths = (await dossier.api.listDocumentPage({ sort: 'length', descending: false, from: 0, to: 100 })).rows.map((r) => r.words);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('narrows to a filter, carries each row’s tags, and follows a tag as soon as it is set', async () => {
    const dossier = await openTestDossier();
    const [a, b] = [await seedId(dossier, '001'), await seedId(dossier, '003')];
    await dossier.api.setDocumentTags(a, ['operators/china']);
    await dossier.api.setDocumentTags(b, ['operators']);
    const page = await dossier.api.listDocumentPage({ sort: 'date', descending: true, filter: { tags: ['operators'] }, from: 0, to: 100 });
    expect(page.matching).toBe(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page.rows.map((r) => [r.id, r.tags]).sort()).toEqual([[a, ['operators/china']], [b, ['operators']]].sort());
    const china = await dossier.api.listDocumentPage({ sort: 'date', descending: true, filter: { tags: ['operators/china'] }, from: 0, to: 100 });
    expect(china.rows.map((r) => r.id)).toEqual([a]);
  });

  it('refuses a page larger than it hands out', async () => {
    const dossier = await openTestDossier();
    const dispatch = createDispatcher(dossier.api, () => undefined);
    expect(await dispatch('listDocumentPage', [{ sort: 'title', descending: false, from: 0, to: 10_000 }])).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});
