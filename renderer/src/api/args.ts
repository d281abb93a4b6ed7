/**
 * The arguments as sent: an optional argument left out at the end is dropped,
 * not sent as `undefined`, which JSON turns into a `null` that the contract's
 * schemas rightly refuse.
 */
export function sentArgs(args: readonly unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}
