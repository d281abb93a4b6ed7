/**
 * The search index on disk: search-index.bin, in the layout of
 * engine/snapshot.ts. The file is a cache of what the library holds: it is
 * written atomically (temporary file, then rename) but not fsynced. A file
 * that is damaged, truncated or of another format version is simply rebuilt.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { EngineState } from './engine/entries';
import { decodeSnapshot, preamble, snapshotBody } from './engine/snapshot';

const CHECKSUM_PIECE = 8 * 1024 * 1024;

/** Writes a state to `file` (atomically: readers see the old file or the new one). */
export async function writeSnapshot(file: string, state: EngineState): Promise<void> {
  const body = snapshotBody(state);
  // The checksum in pieces, with a turn for queries between them: this runs in the index's thread.
  let checksum = 0;
  for (const part of body) {
    for (let at = 0; at < part.length; at += CHECKSUM_PIECE) {
      checksum = crc32(part.subarray(at, at + CHECKSUM_PIECE), checksum);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const parts = [preamble((body[0] as Uint8Array).length, checksum), ...body];
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    // writev takes a bounded number of buffers per call.
    for (let i = 0; i < parts.length; i += 64) await handle.writev(parts.slice(i, i + 64));
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temp, file);
}

/** Reads a state written by writeSnapshot; throws SnapshotError when the file is damaged or of another format. */
export async function readSnapshot(file: string): Promise<EngineState> {
  return decodeSnapshot(await readFile(file), (bytes) => crc32(bytes));
}
