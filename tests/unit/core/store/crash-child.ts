/**
 * The process tests/unit/core/store/crash.test.ts kills. It opens a data
 * folder the way `npm run web` does (folder lock, then the core) and makes
 * changes through the real API (dispatcher, validation, store) until it is
 * killed, printing a line for every change the API acknowledged. It loads
 * its code at once but opens the data folder only when a line arrives on
 * stdin, so that the test can start the next one while the current one runs.
 *
 *   ready                          the data folder is open
 *   ack note <annotation id> <seq> createAnnotation/updateAnnotation answered ok; the note is "note <seq>"
 *   ack doc <document id> <n>      importUpload added the document whose text is importedText(run, n)
 *   ack entity <entity id> <seq>   createEntity/updateEntity answered ok; its notes are "edit <seq>"
 *   begin restore <k>              restoreBackup of backupFile(k) was asked for
 *   ack restore <k>                ... and answered ok
 *   fail <code> <message>          a change failed (the full-disk modes stop there)
 *   status <json>                  (read-only mode) what getStatus and a save answered
 *
 * Usage: node crash-child.mjs DATA_DIR SEED_DIR MODE RUN
 *   mixed:       four writers at once, forever: notes (created and edited on two
 *                documents), imports, entities (created and edited), restores of backups
 *                RUN, RUN + 1, …; RUN makes every text and name of this process unique
 *   fill:        one writer creates notes with long notes until a save fails (a full disk)
 *   import-full: imports one 64 KB file (on a full disk)
 *   read-only:   opens the folder on a disk where nothing can be written, reports and exits
 */
import { writeSync } from 'node:fs';
import type { Annotation, DocumentOpening, Entity, EntityChange, ImportOutcome, Status } from '../../../../main/common/contract';
import { createDispatcher } from '../../../../main/core/dispatch';
import { openDossier } from '../../../../main/core/service';
import { lockDataDir } from '../../../../main/node/lock';
import { backupFile, entityName, importedText } from './crash-data';

const [dataDir = '', seedDir = '', mode = 'mixed', runArg = '0'] = process.argv.slice(2);
const run = Number(runArg);
// Written straight to the pipe: once a line is out, the parent has it even if this process dies next.
const say = (line: string): void => void writeSync(1, `${line}\n`);

await new Promise((go) => process.stdin.once('data', go));
// The lock needs a few bytes on disk; on a disk with no room at all only the core is started (the lock is the web server's).
if (mode !== 'read-only') await lockDataDir(dataDir, 'web');
const dossier = await openDossier({ dataDir, seedDir, version: 'crash-test' });
const dispatch = createDispatcher(dossier.api, () => undefined);
const stops = mode === 'fill' || mode === 'import-full';

async function call<T>(name: string, args: unknown[]): Promise<T> {
  const answer = await dispatch(name, args);
  if (answer.ok) return answer.value as T;
  say(`fail ${answer.error.code} ${answer.error.message}`);
  process.exit(stops ? 0 : 1);
}

/** Sends a file the way the window does: an upload in chunks. */
async function upload(name: string, text: string, purpose: 'import' | 'restore'): Promise<string> {
  const data = Buffer.from(text);
  const ticket = await call<{ accepted: boolean; uploadId: string; reason?: string }>('beginUpload', [{ name, size: data.length, purpose }]);
  if (!ticket.accepted) throw new Error(ticket.reason);
  await call('sendUploadChunk', [{ uploadId: ticket.uploadId, offset: 0, data: data.toString('base64') }]);
  return ticket.uploadId;
}

const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(Math.random() * list.length)];
let seq = 0;

/** A short passage inside a random block: never empty, never only whitespace. */
function randomRange(doc: DocumentOpening): { start: number; end: number } {
  const block = pick(doc.blocks);
  if (!block) throw new Error(`document ${doc.id} has no blocks`);
  const start = block.start + Math.floor(Math.random() * Math.max(1, block.end - block.start - 10));
  return { start, end: Math.min(block.end, start + 10) };
}

async function notes(padding: string): Promise<never> {
  const docs = await Promise.all((await call<Array<{ id: string }>>('listDocuments', [])).slice(0, 2).map((d) => call<DocumentOpening>('openDocument', [d.id])));
  const mine: string[] = [];
  for (;;) {
    const n = ++seq;
    const note = `note ${n}${padding}`;
    const target = pick(mine);
    const doc = docs[n % docs.length] as DocumentOpening;
    const saved =
      target !== undefined && Math.random() < 0.3
        ? await call<Annotation>('updateAnnotation', [target, { note }])
        : await call<Annotation>('createAnnotation', [{ docId: doc.id, ...randomRange(doc), note }]);
    if (saved.id !== target) mine.push(saved.id);
    say(`ack note ${saved.id} ${n}`);
  }
}

async function imports(): Promise<never> {
  for (let n = 1; ; n++) {
    const outcome = await call<ImportOutcome>('importUpload', [await upload(`crash-${run}-${n}.txt`, importedText(run, n), 'import')]);
    if (outcome.status !== 'added' || !outcome.document) throw new Error(`import ${n} was ${outcome.status}`);
    say(`ack doc ${outcome.document.id} ${n}`);
  }
}

async function entities(): Promise<never> {
  const mine: string[] = [];
  for (let n = 1; ; n++) {
    const edit = ++seq;
    const target = pick(mine);
    const saved =
      target !== undefined && Math.random() < 0.5
        ? ((await call<EntityChange>('updateEntity', [target, { notes: `edit ${edit}`, aliases: [`${entityName(run, n)} alias`] }])).after[0] as Entity)
        : await call<Entity>('createEntity', [{ type: 'organisation', name: entityName(run, n), notes: `edit ${edit}` }]);
    if (saved.id !== target) mine.push(saved.id);
    say(`ack entity ${saved.id} ${edit}`);
  }
}

async function restores(): Promise<never> {
  for (let k = run; ; k++) {
    say(`begin restore ${k}`);
    await call('restoreBackup', [await upload(`backup-${k}.json`, backupFile(k), 'restore')]);
    say(`ack restore ${k}`);
  }
}

say('ready');
if (mode === 'mixed') await Promise.all([notes(''), notes(''), imports(), entities(), restores()]);
if (mode === 'fill') await notes(` ${'x'.repeat(500)}`);
if (mode === 'import-full') {
  const outcome = await call<ImportOutcome>('importUpload', [await upload('large.txt', importedText(run, 0) + 'y'.repeat(64 * 1024), 'import')]);
  say(`ack doc ${outcome.document?.id} 0`);
}
if (mode === 'read-only') {
  const status = await call<Status>('getStatus', []);
  const [doc] = status.documents > 0 ? await call<Array<{ id: string }>>('listDocuments', []) : [];
  const save = await dispatch('createAnnotation', [{ docId: doc?.id, start: 0, end: 5, note: 'at 0 bytes free' }]);
  const read = doc ? await dispatch('openDocument', [doc.id]) : { ok: false };
  say(`status ${JSON.stringify({ notices: status.notices, documents: status.documents, read: read.ok, save })}`);
  process.exit(0);
}
