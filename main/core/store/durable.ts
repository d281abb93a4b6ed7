import { open, rename, readFile, mkdir, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

let tempCounter = 0;

/** The prefix of every temporary file writeFileDurable makes for `file`. */
const tempPrefix = (file: string): string => `.${basename(file)}.`;

/**
 * Writes a file so that after a crash it holds either the old or the new
 * content, and once the promise resolves the new content is on disk:
 * temp file, fsync, rename over the target, fsync the folder (the rename
 * itself is only durable once the directory entry is flushed). A failed
 * write leaves the target as it was and removes its temporary file.
 */
export async function writeFileDurable(file: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `${tempPrefix(file)}${process.pid}.${++tempCounter}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    // A full disk leaves a partial temp file behind: take it away, the target is untouched.
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; the rename is as durable as the platform allows.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Removes the temporary files a killed process left beside `file` (writes
 * that never reached their rename, so never acknowledged). `names` is the
 * listing of the file's folder, read once per folder by the caller: listing
 * it again for every file would make opening N files cost N².
 * Call it before the first write of a session, while no write to `file` is under way.
 */
export async function removeLeftoverTemps(file: string, names: readonly string[]): Promise<number> {
  const prefix = tempPrefix(file);
  const leftovers = names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
  await Promise.all(leftovers.map((name) => unlink(join(dirname(file), name)).catch(() => undefined)));
  return leftovers.length;
}

/** Reads a file as UTF-8, or null when it does not exist. */
export async function readFileIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Creates a folder and its parents. */
export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

/** What went wrong with a file operation, in words a user can act on. */
export function describeFsError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (the data folder or file is read-only for you)';
    case 'EROFS':
      return 'the disk is mounted read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EFBIG':
      return 'the file is larger than the system allows (file size limit)';
    case 'ENOTDIR':
    case 'EISDIR':
    case 'ENOENT':
      return 'part of the data folder is missing or is not a folder';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    default:
      return message ?? String(error);
  }
}
