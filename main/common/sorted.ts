/*
 * Binary search over a sorted array, the one way every process looks an
 * offset or a term up in one: each function is named for the index it
 * returns. An array of numbers or strings is sorted by its items; any other
 * by the `key` given (a block by its start, a page by its bottom…).
 */

type Sortable = number | string;

/** Where to look: positions [from, to) of the array (all of it when left out). */
export interface Within {
  from?: number;
  to?: number;
}

/** `key` may be left out only when the items are what the array is sorted by. */
type By<T, V> = [T] extends [Sortable] ? [options?: Within & { key?: (item: T) => V }] : [options: Within & { key: (item: T) => V }];

/**
 * The index of the first item for which `holds` is true, in an array where it
 * is false for the items before some point and true from there on; `to` (the
 * array's length) when it is true for none.
 */
export function firstIndexWhere<T>(items: ArrayLike<T>, holds: (item: T) => boolean, { from = 0, to = items.length }: Within = {}): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (holds(items[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}

const keyOf = <T, V>(options: { key?: (item: T) => V } | undefined): ((item: T) => V) => options?.key ?? ((item) => item as unknown as V);

/** The index of the first item at or after `value`; the array's length when every item is before it. */
export function firstIndexAtOrAfter<T, V extends Sortable>(items: ArrayLike<T>, value: V, ...[options]: By<T, V>): number {
  const key = keyOf(options);
  return firstIndexWhere(items, (item) => key(item) >= value, options);
}

/** The index of the first item after `value`; the array's length when none is. */
export function firstIndexAfter<T, V extends Sortable>(items: ArrayLike<T>, value: V, ...[options]: By<T, V>): number {
  const key = keyOf(options);
  return firstIndexWhere(items, (item) => key(item) > value, options);
}

/** The index of the last item at or before `value`; one before the first position searched (-1) when every item is after it. */
export function lastIndexAtOrBefore<T, V extends Sortable>(items: ArrayLike<T>, value: V, ...options: By<T, V>): number {
  return firstIndexAfter(items, value, ...options) - 1;
}
