import { useSyncExternalStore } from 'react';
import type { RestoreChoice, TrashConflict } from '../../../main/common/contract';

/*
 * The question a restore from the Trash asks when a document came into the
 * library again meanwhile (RestoreConflictLayer shows it): asked from
 * wherever the restore starts, the Trash view or an Undo.
 */

export interface Question {
  conflicts: TrashConflict[];
  answer: (choice: Exclude<RestoreChoice, 'ask'> | null) => void;
}

let asked: Question | null = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** Asks the person what to do; null when they cancel. */
export function askRestoreChoice(conflicts: TrashConflict[]): Promise<Exclude<RestoreChoice, 'ask'> | null> {
  asked?.answer(null);
  return new Promise((resolve) => {
    const question: Question = {
      conflicts,
      answer: (choice) => {
        if (asked === question) asked = null;
        changed();
        resolve(choice);
      },
    };
    asked = question;
    changed();
  });
}

export function useRestoreQuestion(): Question | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => asked,
  );
}
