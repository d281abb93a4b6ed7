import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { ApiImpl, ImportOutcome, NewUpload } from '../../../../../main/common/contract';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Sends a file the way the window does (to import, unless another purpose is given): begin, chunks of the size the core asks for; the upload's id, or why it was refused. */
export async function sendFile(api: ApiImpl, name: string, bytes: Uint8Array, identity: Partial<Pick<NewUpload, 'lastModified' | 'path' | 'purpose'>> = {}): Promise<{ uploadId: string } | { refused: string }> {
  const ticket = await api.beginUpload({ name, size: bytes.length, purpose: 'import', ...identity });
  if (!ticket.accepted) return { refused: ticket.reason };
  for (let offset = 0; offset < bytes.length; offset += ticket.chunkBytes) {
    const data = Buffer.from(bytes.subarray(offset, offset + ticket.chunkBytes)).toString('base64');
    await api.sendUploadChunk({ uploadId: ticket.uploadId, offset, data });
  }
  return { uploadId: ticket.uploadId };
}

/** Sends a file, then imports it. */
export async function importFile(api: ApiImpl, name: string, bytes: Uint8Array, identity: Partial<Pick<NewUpload, 'lastModified' | 'path'>> = {}): Promise<ImportOutcome & { uploadId?: string }> {
  const sent = await sendFile(api, name, bytes, identity);
  if ('refused' in sent) return { name, status: 'rejected', reason: sent.refused };
  return { ...(await api.importUpload(sent.uploadId)), uploadId: sent.uploadId };
}

let worker: Promise<URL> | null = null;

/**
 * The import worker, bundled as the app bundles it (once per test file),
 * inside the worktree (out-unit/, ignored) so that its packages resolve.
 */
export function importWorker(): Promise<URL> {
  worker ??= (async () => {
    await mkdir('out-unit', { recursive: true });
    const out = await mkdtemp(join('out-unit', 'import-worker-'));
    const outfile = join(out, 'import-worker.js');
    await build({ entryPoints: ['main/core/io/import/worker.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning' });
    return pathToFileURL(outfile);
  })();
  return worker;
}
