/**
 * Writes a benchmark library straight into a data folder: the texts and
 * library.json as Documents keeps them (same ids, hashes, titles and dates),
 * without Documents.add, which rewrites library.json once per document and
 * would make a 10,000-document library take longer to write than to bench.
 * Importing through the app is measured separately (import throughput).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashText, type DocumentRecord } from '../../main/core/library/documents';
import { describe } from '../../main/core/library/metadata';
import { generateDocuments, randomGenerator, type CorpusDocument } from './corpus';

export interface BenchLibrary {
  dataDir: string;
  documents: DocumentRecord[];
  /** Characters of text in the library. */
  chars: number;
}

/** A data folder holding `count` generated documents of `bytes` characters in all. */
export async function writeLibrary(dataDir: string, pool: string[], count: number, bytes: number, seed: number): Promise<BenchLibrary> {
  return writeDocuments(dataDir, generateDocuments(pool, count, bytes, seed));
}

/** A data folder holding these documents. */
export async function writeDocuments(dataDir: string, docs: Iterable<CorpusDocument>): Promise<BenchLibrary> {
  await mkdir(join(dataDir, 'texts'), { recursive: true });
  const documents: DocumentRecord[] = [];
  const seen = new Set<string>();
  let chars = 0;
  let n = 0;
  for (const doc of docs) {
    const hash = hashText(doc.text);
    if (seen.has(hash)) continue;
    seen.add(hash);
    const source = `bench-${String(n++).padStart(5, '0')}.txt`;
    const described = describe(doc.text, source);
    const record: DocumentRecord = {
      id: hash.slice(0, 16),
      title: described.title,
      date: described.date,
      length: doc.text.length,
      words: doc.text.split(/\s+/).filter(Boolean).length,
      source,
      origin: 'import',
      addedAt: new Date(Date.UTC(2025, 0, 1)).toISOString(),
      hash,
    };
    await writeFile(join(dataDir, 'texts', `${record.id}.txt`), doc.text);
    documents.push(record);
    chars += doc.text.length;
  }
  // seededAt set: the bench library is what it is, the seed documents are not added to it.
  await writeFile(join(dataDir, 'library.json'), JSON.stringify({ schema: 1, documents, seededAt: new Date().toISOString() }));
  return { dataDir, documents, chars };
}

/** One long document (a 5 MB report), paragraphs in a row from a seeded start. */
export function longDocument(pool: string[], bytes: number, seed: number): CorpusDocument {
  const random = randomGenerator(seed);
  const paragraphs: string[] = [];
  let size = 0;
  for (let at = Math.floor(random() * pool.length); size < bytes; at++) {
    const paragraph = pool[at % pool.length] as string;
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  const title = 'Annual report of the long-form archive';
  return { title, date: '2019-04-02', text: `${title}\n\nPublished 2 April 2019\n\n${paragraphs.join('\n\n')}\n` };
}
