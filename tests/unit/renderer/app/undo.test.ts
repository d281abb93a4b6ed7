import { describe, expect, it } from 'vitest';
import { canUndo, pushUndo, undoLast } from '../../../../renderer/src/app/undo';

describe('undo', () => {
  it('undoes the latest action first, and nothing when there is none', async () => {
    const done: string[] = [];
    pushUndo({ message: 'first', undo: async () => void done.push('first') });
    pushUndo({ message: 'second', undo: async () => void done.push('second') });
    expect(await undoLast()).toBe(true);
    expect(await undoLast()).toBe(true);
    expect(done).toEqual(['second', 'first']);
    expect(canUndo()).toBe(false);
    expect(await undoLast()).toBe(false);
  });

  it('keeps an action that failed to undo, so it can be tried again', async () => {
    let fail = true;
    pushUndo({ message: 'delete', undo: async () => { if (fail) throw new Error('disk full'); } });
    await expect(undoLast()).rejects.toThrow('disk full');
    expect(canUndo()).toBe(true);
    fail = false;
    expect(await undoLast()).toBe(true);
    expect(canUndo()).toBe(false);
  });
});
