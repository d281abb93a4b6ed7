import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DossierError } from '../../common/errors';
import type { DocumentRecord, Documents } from './documents';

/**
 * Fills a new library with the documents shipped in resources/seed. Runs
 * once per data folder: a library that was seeded before (even if the user
 * has since deleted documents) is left alone, and so is a folder opened
 * read-only (it is seeded at a later start, once it can be written to).
 */
export async function seedLibrary(documents: Documents, seedDir: string): Promise<DocumentRecord[]> {
  if (documents.seededAt || !documents.writable) return [];
  let names: string[];
  try {
    names = (await readdir(seedDir)).filter((name) => /\.(txt|md)$/i.test(name)).sort();
  } catch (error) {
    throw new DossierError('io', `Cannot read the seed folder ${seedDir}: ${(error as Error).message}`);
  }
  const added: DocumentRecord[] = [];
  for (const name of names) {
    const text = await readFile(join(seedDir, name), 'utf8');
    const result = await documents.add({ text, source: name, origin: 'seed' });
    if (result.added) added.push(result.doc);
  }
  await documents.markSeeded();
  return added;
}
