import { useCallback, useEffect, useState } from 'react';
import type { Annotation, AnnotationFilter } from '../../../main/common/contract';
import { api } from '../api/client';

/*
 * Every view that shows annotations (the reader's highlights and panel, the
 * Notes view) reloads when any of them changes, wherever the change was made
 * (an edit, a delete, its undo).
 */

type Listener = () => void;
const listeners = new Set<Listener>();

/** Tells every annotation view that annotations changed. */
export function announceChange(): void {
  listeners.forEach((listener) => listener());
}

export type AnnotationList = { state: 'loading' } | { state: 'error'; error: Error } | { state: 'ready'; value: Annotation[] };

/** The annotations matching `filter`, kept current. */
export function useAnnotationList(filter: AnnotationFilter): AnnotationList {
  const [list, setList] = useState<AnnotationList>({ state: 'loading' });
  const key = JSON.stringify(filter);
  const load = useCallback(() => {
    let current = true;
    api.listAnnotations(JSON.parse(key) as AnnotationFilter).then(
      (value) => current && setList({ state: 'ready', value }),
      (error: Error) => current && setList({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  useEffect(() => {
    let cancel = load();
    const reload = () => {
      cancel();
      cancel = load();
    };
    listeners.add(reload);
    return () => {
      cancel();
      listeners.delete(reload);
    };
  }, [load]);
  return list;
}
