import { describe, expect, test } from 'vitest';
import type { Dossier } from '../../../../main/core/service';
import { allBlocks, openTestDossier, seedId } from '../../helpers';

/** The index of the first block of a document whose text starts with `opening`. */
async function blockStarting(dossier: Dossier, docId: string, opening: string): Promise<number> {
  const block = (await allBlocks(dossier.api, docId)).find((b) => b.text.startsWith(opening));
  if (!block) throw new Error(`no block starting "${opening}"`);
  return block.index;
}

async function textOf(dossier: Dossier, docId: string, block: number): Promise<string> {
  return (await allBlocks(dossier.api, docId))[block]?.text ?? '';
}

describe('related passages', () => {
  test('the John Hoffman paragraph of seed 000 relates first to the paragraphs of seed 001 about 5G and the Computing Force Network', async () => {
    const dossier = await openTestDossier();
    const [a, b] = [await seedId(dossier, '000'), await seedId(dossier, '001')];
    await dossier.api.createEntity({ type: 'topic', name: '5G' });
    await dossier.api.createEntity({ type: 'person', name: 'John Hoffman' });
    const hoffman = await blockStarting(dossier, a, 'John Hoffman, CEO of GSMA');

    const related = await dossier.api.relatedPassages(a, hoffman, b, 5);

    const withEntity = related.filter((r) => r.sharedEntities.length > 0);
    expect(withEntity.length).toBeGreaterThanOrEqual(2);
    expect(withEntity.every((r) => r.sharedEntities.join() === '5G')).toBe(true);
    // Every passage that shares the entity comes before those that only share words.
    expect(related.slice(0, withEntity.length)).toEqual(withEntity);
    expect(related.slice(withEntity.length).every((r) => r.sharedTerms.length > 0)).toBe(true);
    const texts = await Promise.all(withEntity.slice(0, 2).map((r) => textOf(dossier, b, r.block)));
    expect(texts.every((t) => t.includes('5G') && /computing force network/i.test(t))).toBe(true);
    expect(related.map((r) => r.score)).toEqual([...related.map((r) => r.score)].sort((x, y) => y - x));
  });

  test('the snippet marks the shared entity and the shared words', async () => {
    const dossier = await openTestDossier();
    const [a, b] = [await seedId(dossier, '000'), await seedId(dossier, '001')];
    await dossier.api.createEntity({ type: 'topic', name: '5G' });
    const hoffman = await blockStarting(dossier, a, 'John Hoffman, CEO of GSMA');

    const [first] = await dossier.api.relatedPassages(a, hoffman, b, 1);

    const marked = first?.snippet.highlights.map(([from, to]) => first.snippet.text.slice(from, to)) ?? [];
    expect(marked).toContain('5G');
    expect(marked.some((word) => first?.sharedTerms.includes(word.toLowerCase()))).toBe(true);
  });

  test('Chen Zhongyue’s paragraph in the State Grid agreement relates first to his paragraph in the IoT post', async () => {
    const dossier = await openTestDossier();
    const [grid, iot] = [await seedId(dossier, '002'), await seedId(dossier, '003')];
    await dossier.api.createEntity({ type: 'person', name: 'Chen Zhongyue' });
    await dossier.api.createEntity({ type: 'organisation', name: 'China Telecom' });
    const chen = await blockStarting(dossier, grid, 'Chen Zhongyue said');

    const [first] = await dossier.api.relatedPassages(grid, chen, iot, 3);

    expect(await textOf(dossier, iot, first?.block ?? -1)).toMatch(/^Chen Zhongyue, EVP of China Telecom/);
    expect(first?.sharedEntities).toEqual(expect.arrayContaining(['Chen Zhongyue', 'China Telecom']));
  });

  test('without entities, passages relate by the meaningful words they share, never by stop words, and headings are left out', async () => {
    const dossier = await openTestDossier();
    const [iot, grid] = [await seedId(dossier, '003'), await seedId(dossier, '002')];
    const blocks = await allBlocks(dossier.api, iot);
    const iotParagraph = await blockStarting(dossier, iot, 'In the coming three years');

    const related = await dossier.api.relatedPassages(iot, iotParagraph, grid, 20);
    const gridBlocks = await allBlocks(dossier.api, grid);

    expect(related.length).toBeGreaterThan(0);
    for (const passage of related) {
      expect(gridBlocks[passage.block]?.kind).not.toBe('heading');
      expect(passage.sharedTerms).not.toContain('the');
      expect(passage.sharedTerms).not.toContain('and');
    }
    // The document's own headings are never offered as related to itself either.
    const self = await dossier.api.relatedPassages(iot, iotParagraph, iot, 20);
    expect(self.map((p) => p.block)).not.toContain(iotParagraph);
    expect(self.every((p) => blocks[p.block]?.kind !== 'heading')).toBe(true);
  });

  test('a block that is not in the document is refused in plain words', async () => {
    const dossier = await openTestDossier();
    const [a, b] = [await seedId(dossier, '000'), await seedId(dossier, '001')];
    await expect(dossier.api.relatedPassages(a, 999, b)).rejects.toThrow(/The document has \d+ blocks, so there is no block 999/);
    await expect(dossier.api.relatedPassages(a, 0, 'no-such-doc')).rejects.toThrow(/no document/);
  });
});

describe('comparing two documents', () => {
  test('seeds 000 and 001 share 5G and the digital economy; GSMA and John Hoffman are only in 000, China Mobile only in 001', async () => {
    const dossier = await openTestDossier();
    const [a, b] = [await seedId(dossier, '000'), await seedId(dossier, '001')];
    for (const entity of [
      { type: 'topic', name: '5G' },
      { type: 'topic', name: 'digital economy' },
      { type: 'person', name: 'John Hoffman' },
      { type: 'organisation', name: 'GSMA' },
      { type: 'organisation', name: 'China Mobile' },
      { type: 'person', name: 'Bo Ribbing' },
    ]) await dossier.api.createEntity(entity);

    const comparison = await dossier.api.compareDocuments(a, b);

    const names = (list: typeof comparison.shared) => list.map((e) => e.entity.name).sort();
    expect(names(comparison.shared)).toEqual(['5G', 'digital economy']);
    expect(names(comparison.onlyA)).toEqual(['GSMA', 'John Hoffman']);
    expect(names(comparison.onlyB)).toEqual(['China Mobile']);
    const fiveG = comparison.shared.find((e) => e.entity.name === '5G');
    expect(fiveG?.mentionsA).toBeGreaterThan(0);
    expect(fiveG?.mentionsB).toBeGreaterThan(fiveG?.mentionsA ?? 0);
    expect(fiveG?.color).toMatch(/^#[0-9a-f]{6}$/);
    // Most mentioned first.
    const totals = comparison.shared.map((e) => e.mentionsA + e.mentionsB);
    expect(totals).toEqual([...totals].sort((x, y) => y - x));
  });

  test('a new entity shows up in the comparison at once', async () => {
    const dossier = await openTestDossier();
    const [a, b] = [await seedId(dossier, '000'), await seedId(dossier, '001')];
    expect((await dossier.api.compareDocuments(a, b)).shared).toEqual([]);
    await dossier.api.createEntity({ type: 'topic', name: '5G' });
    expect((await dossier.api.compareDocuments(a, b)).shared.map((e) => e.entity.name)).toEqual(['5G']);
  });
});
