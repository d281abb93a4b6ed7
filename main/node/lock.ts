import { link, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
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

/** How often a start waits for another one that is replacing a stale lock at the same moment. */
const ATTEMPTS = 100;
/** Claims on claims: each level needs a process killed within a few system calls, so a few levels are plenty. */
const MAX_CLAIM_DEPTH = 3;

/**
 * Takes a data folder for this process, so that two Dossiers (desktop or
 * web) never write the same files. Exactly one of any number of simultaneous
 * starts wins: a free folder is taken by an exclusive create, and a lock left
 * by a process that is gone (killed, crashed) is replaced only by the one
 * process that holds the claim on that very lock. A live holder is refused
 * with a message that says who holds the folder and what to do.
 */
export async function lockDataDir(dir: string, app: LockHolder['app']): Promise<DataLock> {
  const file = join(dir, LOCK_FILE);
  const me = JSON.stringify({ pid: process.pid, app, host: hostname(), since: new Date().toISOString() } satisfies LockHolder);
  try {
    await ensureDir(dir);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const outcome = await take(file, me, 0);
      if (outcome.kind === 'taken') {
        await sweep(dir);
        return held(file, me);
      }
      if (outcome.kind === 'held') throw new DossierError('conflict', inUse(dir, outcome.holder));
      await pause();
    }
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw new DossierError('io', `Cannot use the data folder ${dir}: ${describeFsError(error)}`);
  }
  throw new DossierError('conflict', `Could not take ${file}: another Dossier keeps taking it. Close the other Dossier, then try again.`);
}

type Outcome = { kind: 'taken' } | { kind: 'held'; holder: LockHolder } | { kind: 'busy' };
const TAKEN: Outcome = { kind: 'taken' };
const BUSY: Outcome = { kind: 'busy' };

/**
 * Makes `file` say `me`. A missing file is created exclusively. A stale one
 * cannot simply be deleted and created again: two starts that both saw it
 * stale would each delete the other's fresh lock. So whoever replaces it
 * first takes the claim on its exact content (a file named after it, taken
 * the same way: a claim left by a killed process is itself stale), checks
 * that the lock still says the same, and swaps in its own with one rename.
 */
async function take(file: string, me: string, depth: number): Promise<Outcome> {
  if (await createExclusive(file, me)) return TAKEN;
  const current = await readText(file);
  // Gone since the create failed: its holder just released it.
  if (current === null) return BUSY;
  const holder = parseHolder(current);
  if (holder && isAlive(holder)) return { kind: 'held', holder };
  if (depth === MAX_CLAIM_DEPTH) return BUSY;
  const claim = claimFile(file, current);
  // Another live process holds the claim: it is replacing the lock right now.
  if ((await take(claim, me, depth + 1)).kind !== 'taken') return BUSY;
  try {
    if ((await readText(file)) !== current) return BUSY;
    await replace(file, me);
    return TAKEN;
  } finally {
    await unlink(claim).catch(() => undefined);
  }
}

/** The name of the claim on one content of one file: a new content gets a new claim, so no claim is ever reused. */
function claimFile(file: string, content: string): string {
  const digest = createHash('sha256').update(`${basename(file)}\n${content}`).digest('hex').slice(0, 16);
  return join(dirname(file), `.${LOCK_FILE}.${digest}.claim`);
}

let temps = 0;
/** A file written beside the lock, so that the lock appears complete or not at all. */
async function writeTemp(dir: string, content: string): Promise<string> {
  const temp = join(dir, `.${LOCK_FILE}.${process.pid}.${temps++}.tmp`);
  await writeFile(temp, content, { mode: 0o600 });
  return temp;
}

async function createExclusive(file: string, content: string): Promise<boolean> {
  const temp = await writeTemp(dirname(file), content);
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function replace(file: string, content: string): Promise<void> {
  const temp = await writeTemp(dirname(file), content);
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes what killed starts left behind: claims (once the folder is ours no
 * claim can matter: each one is on a content the lock no longer has) and
 * temporaries of processes that are gone.
 */
async function sweep(dir: string): Promise<void> {
  const prefix = `.${LOCK_FILE}.`;
  for (const name of await readdir(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length))?.[1];
    const leftover = name.endsWith('.claim') || (pid !== undefined && !isAlive({ pid: Number(pid), host: hostname() }));
    if (leftover) await unlink(join(dir, name)).catch(() => undefined);
  }
}

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));

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
function isAlive(holder: Pick<LockHolder, 'pid' | 'host'>): boolean {
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

function held(file: string, me: string): DataLock {
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      // Only remove the lock if it is still ours (a user may have deleted it and started another Dossier).
      try {
        if (readFileSync(file, 'utf8') === me) unlinkSync(file);
      } catch {
        // Already gone.
      }
    },
  };
}
