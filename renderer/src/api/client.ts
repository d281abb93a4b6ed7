import type { Api, Bridges, MethodName } from '../../../main/common/contract';
import type { ApiErrorShape, Envelope } from '../../../main/common/errors';
import { sentArgs } from './args';
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

const TOKEN_KEY = 'dossier.token';

/**
 * The web mode's per-launch token. It arrives once, in the printed URL; the
 * first call moves it out of the address bar into this tab's sessionStorage.
 * Never a cookie: the browser would send that to every other server on
 * 127.0.0.1 too, whatever its port.
 */
function webToken(): string {
  const url = new URL(window.location.href);
  const given = url.searchParams.get('token');
  if (given !== null) {
    sessionStorage.setItem(TOKEN_KEY, given);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The web transport: the page was served by `npm run web`; every call carries the token in a header. */
const httpTransport: Transport = async (name, args) => {
  let response: Response;
  try {
    response = await fetch(`api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': webToken() },
      credentials: 'omit',
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
      const envelope = await transport(name as MethodName, sentArgs(args));
      if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
      return envelope.value;
    },
});
