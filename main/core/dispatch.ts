import { contract, type ApiImpl, type MethodName } from '../common/contract';
import { DossierError, type Envelope } from '../common/errors';

/** Calls one API method by name with untrusted arguments. */
export type Dispatch = (name: unknown, args: unknown) => Promise<Envelope>;

const isMethod = (name: unknown): name is MethodName => typeof name === 'string' && Object.hasOwn(contract, name);

/**
 * Validates a call against the contract and runs it. Every failure becomes
 * an error envelope: a transport never throws at its caller.
 */
export function createDispatcher(impl: ApiImpl, log: (error: unknown) => void = console.error): Dispatch {
  return async (name, args) => {
    try {
      if (!isMethod(name)) throw new DossierError('not_found', `api: there is no method "${String(name).slice(0, 100)}"`);
      const parsed = contract[name].args.safeParse(args);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` (argument ${issue.path.join('.')})` : '';
        throw new DossierError('invalid_argument', `api: ${name}: ${issue?.message ?? 'invalid arguments'}${where}`);
      }
      const call = impl[name] as (...a: unknown[]) => unknown;
      return { ok: true, value: await call(...(parsed.data as unknown[])) };
    } catch (error) {
      if (error instanceof DossierError) return { ok: false, error: { code: error.code, message: error.message } };
      log(error);
      return { ok: false, error: { code: 'internal', message: `dossier: something went wrong: ${(error as Error)?.message ?? String(error)}` } };
    }
  };
}
