import { contract, type ApiImpl, type MethodName } from '../common/contract';
import { DossierError, type Envelope } from '../common/errors';

/** Calls one API method by name with untrusted arguments. */
export type Dispatch = (name: unknown, args: unknown) => Promise<Envelope>;

/** No API argument is nested this deep; deeper input is hostile and would only cost stack. */
const MAX_DEPTH = 32;

const isMethod = (name: unknown): name is MethodName => typeof name === 'string' && Object.hasOwn(contract, name);

/**
 * Validates a call against the contract and runs it. Every failure becomes
 * an error envelope: a transport never throws at its caller.
 */
export function createDispatcher(impl: ApiImpl, log: (error: unknown) => void = console.error): Dispatch {
  return async (name, args) => {
    try {
      if (!isMethod(name)) throw new DossierError('not_found', `There is no method "${String(name).slice(0, 100)}"`);
      if (tooDeep(args)) throw new DossierError('invalid_argument', `The arguments of ${name} are nested more than ${MAX_DEPTH} levels deep`);
      const parsed = contract[name].args.safeParse(args);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DossierError('invalid_argument', capitalised(issue?.message ?? `The arguments of ${name} are not valid`));
      }
      const call = impl[name] as (...a: unknown[]) => unknown;
      return { ok: true, value: await call(...(parsed.data as unknown[])) };
    } catch (error) {
      if (error instanceof DossierError) return { ok: false, error: { code: error.code, message: error.message } };
      log(error);
      return { ok: false, error: { code: 'internal', message: `Something went wrong: ${(error as Error)?.message ?? String(error)}` } };
    }
  };
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Depth of nested arrays and objects, measured without recursion (the input may be a million levels deep). */
function tooDeep(value: unknown): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_DEPTH) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
