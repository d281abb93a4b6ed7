import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Store, type CollectionSpec, type FileSpec, type Versioned } from '../../../../main/core/store/store';
import { tempDir } from '../../helpers';

/*
 * Transactions: changes to several store files (a JSON file, a collection,
 * a folder of texts) that land all together or not at all, whether the
 * work fails while Dossier runs or Dossier is killed in the middle of it.
 */

interface Notes extends Versioned {
  notes: string[];
}
const NOTES: FileSpec<Notes> = { name: 'notes.json', schema: 1, shape: z.object({ schema: z.number(), notes: z.array(z.string()) }), defaults: () => ({ schema: 1, notes: [] }) };
const ITEMS: CollectionSpec<{ id: string; text: string }, { label: string }> = {
  name: 'items.json',
  schema: 1,
  field: 'items',
  record: z.object({ id: z.string(), text: z.string() }),
  meta: z.object({ label: z.string() }),
  defaults: () => ({ label: 'before' }),
};

async function files(dir: string) {
  const store = await Store.open(dir);
  return { store, notes: await store.file(NOTES), items: await store.collection(ITEMS), texts: await store.texts('texts') };
}

/** A folder with a note, an item and a text saved outside any transaction. */
async function saved() {
  const dir = await tempDir();
  const open = await files(dir);
  await open.notes.update((d) => d.notes.push('kept'));
  await open.items.update((d) => d.put({ id: 'kept', text: 'kept' }));
  await open.texts.write('keptText', 'kept', 'a text');
  return { dir, ...open };
}

/** Changes every kind of store file, as a restore does. */
async function changeEverything({ notes, items, texts }: Awaited<ReturnType<typeof files>>) {
  await texts.write('newText', 'added by the transaction', 'a text');
  await notes.update((d) => d.notes.push('added'));
  await items.update((d) => {
    d.put({ id: 'kept', text: 'replaced' });
    d.put({ id: 'added', text: 'added' });
    d.setMeta({ label: 'after' });
  });
  await notes.update((d) => d.notes.push('added again'));
}

const state = async ({ notes, items, texts }: Awaited<ReturnType<typeof files>>) => ({
  notes: notes.data.notes,
  items: items.list(),
  label: items.meta.label,
  newText: await texts.read('newText'),
});

describe('a store transaction', () => {
  it('lands every change once it is done, and leaves no journal', async () => {
    const open = await saved();
    await open.store.transaction('The test', () => changeEverything(open), async () => undefined);
    const again = await files(open.dir);
    expect(await state(again)).toEqual({ notes: ['kept', 'added', 'added again'], items: [{ id: 'kept', text: 'replaced' }, { id: 'added', text: 'added' }], label: 'after', newText: 'added by the transaction' });
    expect(await readdir(open.dir)).not.toContain('transaction.journal');
  });

  it('runs the undo when the work fails, rethrows, and leaves no journal', async () => {
    const open = await saved();
    const failure = open.store.transaction(
      'The test',
      async () => {
        await changeEverything(open);
        throw new Error('the disk is full');
      },
      async () => {
        await open.notes.update((d) => (d.notes = ['kept']));
        await open.items.update((d) => {
          d.put({ id: 'kept', text: 'kept' });
          d.remove('added');
          d.setMeta({ label: 'before' });
        });
        await open.texts.remove('newText');
      },
    );
    await expect(failure).rejects.toThrow('the disk is full');
    expect(await readdir(open.dir)).not.toContain('transaction.journal');
    expect(await state(await files(open.dir))).toEqual({ notes: ['kept'], items: [{ id: 'kept', text: 'kept' }], label: 'before', newText: null });
  });

  it('is undone at the next start, before anything is read, when Dossier died in the middle of it', async () => {
    const open = await saved();
    let reached!: () => void;
    const midway = new Promise<void>((resolve) => (reached = resolve));
    // The work stops half-way and never ends, as a killed process would.
    void open.store.transaction(
      'The test change',
      async () => {
        await changeEverything(open);
        reached();
        await new Promise(() => undefined);
      },
      async () => undefined,
    );
    await midway;
    expect(await readdir(open.dir)).toContain('transaction.journal');
    const next = await files(open.dir);
    expect(await state(next)).toEqual({ notes: ['kept'], items: [{ id: 'kept', text: 'kept' }], label: 'before', newText: null });
    expect(next.store.notices.map((n) => n.message)).toEqual(['The test change was interrupted (Dossier stopped during it), so none of it was kept: the library is as it was before. Do it again if you still want it.']);
    expect(await readdir(open.dir)).not.toContain('transaction.journal');
    expect(await readFile(join(open.dir, 'texts', 'keptText.txt'), 'utf8')).toBe('kept');
  });

  it('holds every change made outside it until it is over, so that undoing it never undoes them', async () => {
    const open = await saved();
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const order: string[] = [];
    const transaction = open.store.transaction(
      'The test',
      async () => {
        await open.notes.update((d) => d.notes.push('inside'));
        await finished;
        order.push('transaction done');
      },
      async () => undefined,
    );
    await new Promise((resolve) => setImmediate(resolve));
    const outside = open.notes.update((d) => d.notes.push('outside')).then(() => order.push('outside saved'));
    finish();
    await Promise.all([transaction, outside]);
    expect(order).toEqual(['transaction done', 'outside saved']);
    expect(open.notes.data.notes).toEqual(['kept', 'inside', 'outside']);
  });

  it('stops every save until the next start when its undo fails too, and that start puts everything back', async () => {
    const open = await saved();
    const failure = open.store.transaction(
      'The test change',
      async () => {
        await changeEverything(open);
        throw new Error('the disk is full');
      },
      async () => {
        throw new Error('the disk is still full');
      },
    );
    await expect(failure).rejects.toThrow('the disk is full');
    expect(open.store.notices.at(-1)?.message).toBe(
      'The test change failed (the disk is full) and could not be undone at once (the disk is still full). Nothing more is saved until Dossier is started again, which puts the library back as it was before.',
    );
    await expect(open.notes.update((d) => d.notes.push('more'))).rejects.toThrow(/^Nothing was saved: The test change failed/);
    expect(await state(await files(open.dir))).toEqual({ notes: ['kept'], items: [{ id: 'kept', text: 'kept' }], label: 'before', newText: null });
  });
});
