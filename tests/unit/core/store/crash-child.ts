/**
 * The process tests/unit/core/crash.test.ts kills. It opens a data folder the
 * way `npm run web` does (folder lock, then the core) and saves annotations
 * through the real API (dispatcher, validation, store) until it is killed,
 * printing a line for every save the API acknowledged. It loads its code at
 * once but opens the data folder only when a line arrives on stdin, so that
 * the test can start the next one while the current one runs.
 *
 *   ready                      the data folder is open
 *   ack <annotation id> <seq>  createAnnotation/updateAnnotation answered ok; the note is "note <seq>"
 *   fail <code> <message>      a save failed (fill mode stops there)
 *
 * Usage: node crash-child.mjs DATA_DIR SEED_DIR loop|fill
 *   loop: three concurrent writers create and update annotations on two documents, forever.
 *   fill: one writer creates annotations with long notes until a save fails (the full-disk test).
 */
import { writeSync } from 'node:fs';
import type { Annotation, DocumentOpening } from '../../../../main/common/contract';
import { createDispatcher } from '../../../../main/core/dispatch';
import { openDossier } from '../../../../main/core/service';
import { lockDataDir } from '../../../../main/node/lock';

const [dataDir = '', seedDir = '', mode = 'loop'] = process.argv.slice(2);
// Written straight to the pipe: once a line is out, the parent has it even if this process dies next.
const say = (line: string): void => void writeSync(1, `${line}\n`);

await new Promise((go) => process.stdin.once('data', go));
await lockDataDir(dataDir, 'web');
const dossier = await openDossier({ dataDir, seedDir, version: 'crash-test' });
const dispatch = createDispatcher(dossier.api, () => undefined);

async function call<T>(name: string, args: unknown[]): Promise<T> {
  const answer = await dispatch(name, args);
  if (answer.ok) return answer.value as T;
  say(`fail ${answer.error.code} ${answer.error.message}`);
  process.exit(mode === 'fill' ? 0 : 1);
}

const docs = await Promise.all(
  (await call<Array<{ id: string }>>('listDocuments', [])).slice(0, 2).map((d) => call<DocumentOpening>('openDocument', [d.id])),
);
let seq = 0;
const padding = mode === 'fill' ? ` ${'x'.repeat(500)}` : '';

/** A short passage inside a random block: never empty, never only whitespace. */
function randomRange(doc: DocumentOpening): { start: number; end: number } {
  const block = doc.blocks[Math.floor(Math.random() * doc.blocks.length)];
  if (!block) throw new Error(`document ${doc.id} has no blocks`);
  const start = block.start + Math.floor(Math.random() * Math.max(1, block.end - block.start - 10));
  return { start, end: Math.min(block.end, start + 10) };
}

async function writer(): Promise<never> {
  const mine: string[] = [];
  for (;;) {
    const note = `note ${++seq}`;
    const target = mine[Math.floor(Math.random() * mine.length)];
    const doc = docs[seq % docs.length];
    if (!doc) throw new Error('no documents to annotate');
    const saved =
      target !== undefined && Math.random() < 0.3
        ? await call<Annotation>('updateAnnotation', [target, { note: note + padding }])
        : await call<Annotation>('createAnnotation', [{ docId: doc.id, ...randomRange(doc), note: note + padding }]);
    if (saved.id !== target) mine.push(saved.id);
    say(`ack ${saved.id} ${note.slice(5)}`);
  }
}

say('ready');
await Promise.all(Array.from({ length: mode === 'fill' ? 1 : 3 }, writer));
