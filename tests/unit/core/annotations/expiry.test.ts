import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestDossier, seedId } from '../../helpers';

/*
 * A deleted note stays restorable (Undo) for 30 days, and leaves its file
 * with the first save after that. A clock set forward never empties the
 * Undo of the session that deleted it: only a deletion made in an earlier
 * session expires, once the clock says it is more than 30 days old.
 */

const DAY = 24 * 3600 * 1000;
const START = new Date('2026-03-01T10:00:00.000Z');

afterEach(() => {
  vi.useRealTimers();
});

const clockAt = (days: number) => vi.setSystemTime(new Date(START.getTime() + days * DAY));

async function withDeletedNote() {
  vi.useFakeTimers({ toFake: ['Date'] });
  clockAt(0);
  const dossier = await openTestDossier();
  const docId = await seedId(dossier, '000');
  const deleted = await dossier.api.createAnnotation({ docId, start: 0, end: 10, note: 'deleted, then wanted back' });
  await dossier.api.createAnnotation({ docId, start: 20, end: 30, note: 'edited later' });
  await dossier.api.deleteAnnotation(deleted.id);
  return { dossier, docId, deleted };
}

const idsInFile = async (dataDir: string, docId: string): Promise<string[]> =>
  (JSON.parse(await readFile(join(dataDir, 'annotations', `${docId}.json`), 'utf8')) as { annotations: Array<{ id: string }> }).annotations.map((a) => a.id);

describe('deleted notes expire by age, measured safely', () => {
  it('keeps a note deleted in this session when the clock jumps a month ahead, and Undo brings it back', async () => {
    const { dossier, docId, deleted } = await withDeletedNote();
    clockAt(31);
    const [other] = (await dossier.api.listAnnotations({ docId })).filter((a) => a.id !== deleted.id);
    await dossier.api.updateAnnotation(other?.id as string, { note: 'saved with the clock a month ahead' });
    expect(await idsInFile(dossier.dataDir, docId)).toContain(deleted.id);
    expect((await dossier.api.restoreAnnotation(deleted.id)).note).toBe('deleted, then wanted back');
  });

  it('keeps a note deleted 29 days ago in an earlier session', async () => {
    const { dossier, docId, deleted } = await withDeletedNote();
    clockAt(29);
    const later = await openTestDossier(dossier.dataDir);
    await later.api.createAnnotation({ docId, start: 40, end: 50 });
    expect(await idsInFile(dossier.dataDir, docId)).toContain(deleted.id);
    expect((await later.api.restoreAnnotation(deleted.id)).id).toBe(deleted.id);
  });

  it('drops a note deleted more than 30 days ago in an earlier session with the next save of its file', async () => {
    const { dossier, docId, deleted } = await withDeletedNote();
    clockAt(31);
    const later = await openTestDossier(dossier.dataDir);
    expect(await idsInFile(dossier.dataDir, docId)).toContain(deleted.id);
    await later.api.createAnnotation({ docId, start: 40, end: 50 });
    expect(await idsInFile(dossier.dataDir, docId)).not.toContain(deleted.id);
    await expect(later.api.restoreAnnotation(deleted.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
