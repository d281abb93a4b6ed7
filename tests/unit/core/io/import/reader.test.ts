import { describe, expect, it } from 'vitest';
import { ImportReader, READ_LIMITS } from '../../../../../main/core/io/import/reader';
import { Rejection } from '../../../../../main/core/io/import/rejection';
import { importWorker, utf8 } from './files';

const REPORT = 'Harbour Authority Annual Review\n\nThe harbour authority approved a new container terminal in March.';
/** A text that takes seconds and hundreds of megabytes to read into blocks. */
const heavy = () => utf8('p\n\n'.repeat(8 * 1024 * 1024));

async function reason(reading: Promise<unknown>): Promise<string> {
  try {
    await reading;
  } catch (error) {
    if (error instanceof Rejection) return error.reason;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('reading imported files in a worker', () => {
  it('reads one file after another in the same worker', async () => {
    const reader = new ImportReader(await importWorker());
    const signal = new AbortController().signal;
    const [first, second] = await Promise.all([reader.read('a.txt', utf8(REPORT), signal), reader.read('b.txt', utf8(`${REPORT} Again.`), signal)]);
    expect(first).toMatchObject({ title: 'Harbour Authority Annual Review', format: 'text', text: REPORT });
    expect(second?.text).toBe(`${REPORT} Again.`);
  });

  it('stops a file that takes longer than its time', async () => {
    const reader = new ImportReader(await importWorker(), { ...READ_LIMITS, minMs: 1000, msPerMb: 0 });
    expect(await reason(reader.read('p.txt', heavy(), new AbortController().signal))).toBe('Reading it took longer than 1 second, so Dossier stopped: the file may be damaged, or built to be slow to read.');
  });

  it('stops a file that needs more memory than the worker has, and reads the next one in a fresh worker', async () => {
    const reader = new ImportReader(await importWorker(), { ...READ_LIMITS, memoryMb: 64 });
    const signal = new AbortController().signal;
    expect(await reason(reader.read('p.txt', heavy(), signal))).toBe('Reading it needed more than 64 MB of memory, so Dossier stopped: the file may be damaged, or built to overwhelm a reader.');
    expect(await reader.read('a.txt', utf8(REPORT), signal)).toMatchObject({ title: 'Harbour Authority Annual Review' });
    // A worker at its memory limit collects garbage over and over before it gives up: slow on a busy machine.
  }, 180_000);

  it('stops reading when the import is cancelled', async () => {
    const reader = new ImportReader(await importWorker());
    const cancel = new AbortController();
    const reading = reader.read('p.txt', heavy(), cancel.signal);
    cancel.abort(new DOMException('The import was cancelled', 'AbortError'));
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});
