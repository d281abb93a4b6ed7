import { useSyncExternalStore } from 'react';

/** A change counter views subscribe to: `announce()` after a change, `useVersion()` in a dependency list to reload. */
export interface ChangeSignal {
  announce: () => void;
  useVersion: () => number;
}

/** A new change counter (one per kind of data: entities, tags). */
export function createSignal(): ChangeSignal {
  let version = 0;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    announce: () => {
      version++;
      listeners.forEach((listener) => listener());
    },
    useVersion: () => useSyncExternalStore(subscribe, () => version),
  };
}
