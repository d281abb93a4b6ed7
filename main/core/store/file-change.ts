import type { Low } from 'lowdb';
import type { Store, Versioned } from './store';

/**
 * Applies a change to a copy of a store file's data and saves it. If saving
 * fails, the data in memory stays as it was, so memory never claims what
 * the disk does not hold.
 */
export async function changeFile<T extends Versioned>(store: Store, low: Low<T>, name: string, apply: (data: T) => unknown): Promise<void> {
  const before = low.data;
  const next = structuredClone(before);
  apply(next);
  low.data = next;
  try {
    await store.save(low, name);
  } catch (error) {
    low.data = before;
    throw error;
  }
}
