import type { z } from 'zod';

/**
 * One API method: the runtime schema of its arguments and, as a phantom
 * type, its result. Results are produced by our own core, so only the
 * arguments (which come from the other side of a process boundary) are
 * validated at runtime.
 */
export interface Method<A extends z.ZodTuple = z.ZodTuple, R = unknown> {
  readonly args: A;
  readonly result?: R;
}

/** Declares a method: `method<Result>()(z.tuple([...args]))`. */
export const method =
  <R>() =>
  <A extends z.ZodTuple>(args: A): Method<A, R> => ({ args });
