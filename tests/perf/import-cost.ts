/**
 * What an import costs in a large library: writes a library of `library`
 * documents straight into a data folder (as tests/bench/library.ts does),
 * opens it with the real core and imports `files` files through the upload
 * API, the way the window does, timing each one; then imports a batch of
 * `batch` files into a new library for the throughput. `importCost` is what
 * the benchmark can call; `node tests/perf/run.mjs [library] [files] [batch]`
 * prints it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDocuments } from '../bench/library';
import type { CorpusDocument } from '../bench/corpus';
import { openDossier, type Dossier } from '../../main/core/service';

const WORDS = 'harbour board shipping tariff container vessel port authority customs freight agreed schedule monday survey team counted outer quay berth crane'.split(' ');

/** A text of about `bytes` characters, different for every `n`. */
function text(n: number, bytes: number): string {
  let state = (n * 2654435761) >>> 0;
  const words: string[] = [`Document ${n}`];
  let length = 0;
  while (length < bytes) {
    state = (state * 1103515245 + 12345) >>> 0;
    const word = WORDS[state % WORDS.length] as string;
    words.push(word);
    length += word.length + 1;
  }
  return `${words.join(' ')}.\n`;
}

function* documents(count: number, from: number): Generator<CorpusDocument> {
  for (let n = from; n < from + count; n++) yield { text: text(n, 5_000) } as CorpusDocument;
}

async function importOne(dossier: Dossier, name: string, body: string): Promise<number> {
  const started = performance.now();
  const data = Buffer.from(body);
  const ticket = await dossier.api.beginUpload({ name, size: data.length, purpose: 'import' });
  if (!ticket.accepted) throw new Error(ticket.reason);
  await dossier.api.sendUploadChunk({ uploadId: ticket.uploadId, offset: 0, data: data.toString('base64') });
  const outcome = await dossier.api.importUpload(ticket.uploadId);
  if (outcome.status !== 'added') throw new Error(`${name} was ${outcome.status}`);
  return performance.now() - started;
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

export interface ImportCost {
  library: number;
  files: number;
  /** Milliseconds per file imported into the library of `library` documents. */
  p50: number;
  p95: number;
  batch: number;
  megabytes: number;
  megabytesPerSecond: number;
}

export async function importCost(library: number, files: number, batch: number, log: (line: string) => void = () => undefined): Promise<ImportCost> {
  const seedDir = join(process.cwd(), 'resources/seed');
  const big = await mkdtemp(join(tmpdir(), 'dossier-import-cost-'));
  await writeDocuments(big, documents(library, 0));
  const dossier = await openDossier({ dataDir: big, seedDir, version: 'import-cost' });
  const times: number[] = [];
  for (let i = 0; i < files; i++) times.push(await importOne(dossier, `import-${i}.txt`, text(library + i, 5_000)));
  times.sort((a, b) => a - b);

  const fresh = await mkdtemp(join(tmpdir(), 'dossier-import-batch-'));
  const small = await openDossier({ dataDir: fresh, seedDir, version: 'import-cost' });
  let bytes = 0;
  const started = performance.now();
  let lap = started;
  for (let i = 0; i < batch; i++) {
    const body = text(1_000_000 + i, 5_000);
    bytes += Buffer.byteLength(body);
    await importOne(small, `batch-${i}.txt`, body);
    if ((i + 1) % 1000 === 0) {
      log(`  files ${i - 998}–${i + 1}: ${((performance.now() - lap) / 1000).toFixed(2)} ms a file`);
      lap = performance.now();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all([dossier.store.settled(), small.store.settled()]);
  // The search index may still be saving itself in its thread.
  await rm(big, { recursive: true, force: true, maxRetries: 10 });
  await rm(fresh, { recursive: true, force: true, maxRetries: 10 });
  return { library, files, p50: quantile(times, 0.5), p95: quantile(times, 0.95), batch, megabytes: bytes / 1e6, megabytesPerSecond: bytes / 1e6 / seconds };
}
