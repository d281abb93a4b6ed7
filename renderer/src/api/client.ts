import type { Api, Bridges, MethodName } from '../../../main/common/contract';
import type { ApiErrorShape, Envelope } from '../../../main/common/errors';
import { callBridge } from './bridges';

/** An API call that failed; `message` is written for the user. */
export class ApiError extends Error implements ApiErrorShape {
  constructor(
    readonly code: ApiErrorShape['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Transport = (name: MethodName, args: unknown[]) => Promise<Envelope>;

const ipcTransport =
  (bridge: Bridges['dossier']): Transport =>
  (name, args) =>
    bridge[name](...args);

/** The web transport: the page was served by `npm run web`, which set the token cookie. */
const httpTransport: Transport = async (name, args) => {
  let response: Response;
  try {
    response = await fetch(`api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(args),
    });
  } catch {
    return { ok: false, error: { code: 'io', message: 'Dossier is not reachable: is `npm run web` still running?' } };
  }
  return (await response.json()) as Envelope;
};

const transport: Transport = callBridge ? ipcTransport(callBridge) : httpTransport;

/** The core's API, called the same way over IPC or HTTP. */
export const api = new Proxy({} as Api, {
  get: (_target, name: string) =>
    async (...args: unknown[]) => {
      const envelope = await transport(name as MethodName, args);
      if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
      return envelope.value;
    },
});
