import { chmod, open, rename, readFile, mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

let tempCounter = 0;

/** Files of the data folder are readable by their owner only; so are its folders. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
/** POSIX permissions mean nothing on Windows, where the user's profile folder already keeps others out. */
const POSIX = process.platform !== 'win32';

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
    const handle = await open(temp, 'w', FILE_MODE);
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

/** Flushes a folder's entries (a new, renamed or removed file), so that the change survives a power cut. */
export async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; the rename is as durable as the platform allows.
  if (!POSIX) return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A file that only ever grows by whole lines: each append is written and
 * fdatasynced before it resolves. The first append also flushes the
 * file's folder, so that a file it created survives a power cut too.
 */
export class AppendFile {
  private created = false;

  constructor(private readonly file: string) {}

  async append(data: string): Promise<void> {
    // Opened for each append: nothing stays open for a process that may end at any moment.
    const handle = await open(this.file, 'a', FILE_MODE);
    try {
      await handle.write(data);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (!this.created) await syncDir(dirname(this.file));
    this.created = true;
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
  return removeNamed(dirname(file), names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp')));
}

/** Removes every temporary file writeFileDurable left in a folder (a folder of texts, where any file may have one). */
export async function removeAllLeftoverTemps(dir: string, names: readonly string[]): Promise<number> {
  return removeNamed(dir, names.filter((name) => name.startsWith('.') && name.endsWith('.tmp')));
}

async function removeNamed(dir: string, names: readonly string[]): Promise<number> {
  await Promise.all(names.map((name) => unlink(join(dir, name)).catch(() => undefined)));
  return names.length;
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

/** Removes a file; one that is already gone is fine. */
export async function removeFile(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Creates a folder and its parents, readable by their owner only. */
export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
}

/**
 * Takes every right away from everyone but the owner: the folder itself and,
 * with `deep`, the files and folders in it and the files in those. Only what
 * is wider than it should be is changed.
 */
export async function tightenPermissions(dir: string, deep: boolean): Promise<void> {
  if (!POSIX) return;
  await tighten(dir, DIR_MODE);
  if (!deep) return;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile()) await tighten(path, FILE_MODE);
    else if (entry.isDirectory()) {
      await tighten(path, DIR_MODE);
      for (const inner of await readdir(path, { withFileTypes: true })) if (inner.isFile()) await tighten(join(path, inner.name), FILE_MODE);
    }
  }
}

async function tighten(path: string, mode: number): Promise<void> {
  if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, mode);
}

/** True for the errors that say there is no room left to write (a full disk, a quota, a file-size limit). */
export function isOutOfSpace(error: unknown): boolean {
  const { code } = error as NodeJS.ErrnoException;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG';
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
