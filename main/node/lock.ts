import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DossierError } from '../common/errors';
import { describeFsError, ensureDir } from '../core/store/durable';

/** The file in a data folder that says which Dossier process has it open. */
export const LOCK_FILE = 'dossier.lock';

/** Who holds a data folder. */
export interface LockHolder {
  pid: number;
  app: 'desktop' | 'web';
  host: string;
  since: string;
}

export interface DataLock {
  readonly file: string;
  /** Gives the folder up; safe to call more than once, and from an exit handler. */
  release(): void;
}

const APP_NAMES: Record<LockHolder['app'], string> = { desktop: 'the desktop app', web: '`npm run web`' };

/**
 * Takes a data folder for this process, so that two Dossiers (desktop or
 * web) never write the same files. A lock left by a process that is gone
 * (killed, crashed) is taken over; a live holder is refused with a message
 * that says who holds the folder and what to do.
 */
export async function lockDataDir(dir: string, app: LockHolder['app']): Promise<DataLock> {
  const file = join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, app, host: hostname(), since: new Date().toISOString() };
  // The lock appears complete or not at all: written beside it, then hard-linked into place (fails if it exists).
  const temp = join(dir, `.${LOCK_FILE}.${process.pid}.tmp`);
  try {
    await ensureDir(dir);
    await writeFile(temp, JSON.stringify(me));
  } catch (error) {
    throw new DossierError('io', `Cannot use the data folder ${dir}: ${describeFsError(error)}`);
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(temp, file);
        return held(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readHolder(file);
      if (holder && isAlive(holder)) throw new DossierError('conflict', inUse(dir, holder));
      // Stale: its process is gone. Take it away and try again.
      await unlink(file).catch(() => undefined);
    }
    throw new DossierError('conflict', `Could not take ${file}: another Dossier keeps taking it. Close the other Dossier, then try again.`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** The holder a lock file names, or null when the file is gone or is not a lock. */
export async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    return parseHolder(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    const ok = Number.isInteger(value.pid) && (value.app === 'desktop' || value.app === 'web') && typeof value.host === 'string' && typeof value.since === 'string';
    return ok ? (value as LockHolder) : null;
  } catch {
    return null;
  }
}

/** Whether the holder still runs. On another machine (a shared folder) we cannot tell, so it counts as alive. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dir: string, holder: LockHolder): string {
  const where = holder.host === hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
  return (
    `The data folder ${dir} is already open in ${APP_NAMES[holder.app]} (${where}, since ${holder.since}). ` +
    `Close that Dossier first, or open another folder (npm run web -- --data DIR). ` +
    `If no Dossier is running, delete ${join(dir, LOCK_FILE)}.`
  );
}

function held(file: string): DataLock {
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      // Only remove the lock if it is still ours (a user may have deleted it and started another Dossier).
      try {
        if (parseHolder(readFileSync(file, 'utf8'))?.pid === process.pid) unlinkSync(file);
      } catch {
        // Already gone.
      }
    },
  };
}
