import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openTestDossier, SEED_DIR } from '../../helpers';

describe('seeding a new library', () => {
  it('adds the five shipped documents with real titles, dates, lengths and sources', async () => {
    const dossier = await openTestDossier();
    const docs = await dossier.api.listDocuments();
    expect(docs.map((d) => [d.source, d.title, d.date])).toEqual([
      ['000_4a336957daeffcee.txt', 'China Unicom successfully held the Global Partners Meeting themed…', '2024-06-26'],
      ['001_f23786ae3ed01c1c.txt', 'The 2021 China Mobile Global Partners Conference inaugurated', '2021-11-01'],
      ['002_11bbace0bc2c9d54.txt', 'The State Grid Corporation of China and China Telecom Group Co., Ltd. signed a business…', null],
      ['003_4edd7da4a1324c87.txt', 'Why China Telecom is building IoT partnerships', '2017'],
      ['004_6b3a31de25236930.txt', 'Innovation-Driven: Heading Towards Good Smart Living', '2017'],
    ]);
    for (const doc of docs) {
      const text = await readFile(`${SEED_DIR}/${doc.source}`, 'utf8');
      expect(doc.length).toBe(text.length);
      expect(doc.words).toBeGreaterThan(300);
      expect(doc.origin).toBe('seed');
    }
  });

  it('adds nothing on a second start, even after a restart of the process', async () => {
    const first = await openTestDossier();
    const before = await first.api.listDocuments();
    const second = await openTestDossier(first.dataDir);
    expect(await second.api.listDocuments()).toEqual(before);
    expect(await readdir(`${first.dataDir}/texts`)).toHaveLength(5);
  });

  it('keeps each text in a file of its own, out of the library files', async () => {
    const dossier = await openTestDossier();
    // library.json and its journal of the changes since it was written.
    const names = (await readdir(dossier.dataDir)).filter((name) => name.startsWith('library.'));
    expect(names.length).toBeGreaterThan(0);
    const library = (await Promise.all(names.map((name) => readFile(`${dossier.dataDir}/${name}`, 'utf8')))).join('');
    expect(library.length).toBeLessThan(4000);
    expect(library).not.toContain('indispensable driving force');
    const [doc] = await dossier.api.listDocuments();
    expect(await readFile(`${dossier.dataDir}/texts/${doc?.id}.txt`, 'utf8')).toBe(await readFile(`${SEED_DIR}/${doc?.source}`, 'utf8'));
  });
});
