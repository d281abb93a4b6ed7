import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/dispatch';
import type { ApiErrorShape } from '../common/errors';

const MAX_BODY = 64 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
/** The same policy the desktop window's page declares: our own scripts only. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface WebServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
}

/**
 * The app over HTTP on 127.0.0.1: the built renderer and `POST /api/<method>`.
 * Every request needs a loopback Host header (which shuts out DNS
 * rebinding), and one a browser sends from another origin is refused. API
 * calls must carry the per-launch token in the X-Dossier-Token header: the
 * page takes it from the printed URL and keeps it in its tab, so no cookie
 * exists for the browser to hand to another server on 127.0.0.1 (cookies
 * ignore ports). The renderer's files are served without it: they hold
 * nothing private. No CORS headers are ever sent.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('hex');
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res, { ...options, token, port }).catch((error: unknown) => fail(res, 500, { code: 'internal', message: `${(error as Error).message}` }));
  });
  port = await listen(server, options.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `Port ${port} is already in use; choose another with --port` : `${error.message}`)),
    );
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

interface Context extends WebServerOptions {
  token: string;
  port: number;
}

/** The names this server answers to: anything else is a rebinding attempt or a mistake. */
const loopbackHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const host = req.headers.host ?? '';
  if (!loopbackHosts(ctx.port).includes(host)) {
    return fail(res, 421, { code: 'unauthorized', message: 'This server only answers to 127.0.0.1' });
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !loopbackHosts(ctx.port).some((h) => origin === `http://${h}`)) {
    return fail(res, 403, { code: 'unauthorized', message: 'Requests from other sites are refused' });
  }
  const url = new URL(req.url ?? '/', `http://${host}`);
  const path = decodePath(url.pathname);
  if (path === null) return fail(res, 400, { code: 'invalid_argument', message: 'The address is not valid percent-encoding' });
  if (path.startsWith('/api/')) {
    if (!authorised(req, ctx)) {
      return fail(res, 401, { code: 'unauthorized', message: 'Missing or wrong token; open the URL that `npm start` or `npm run web` printed' });
    }
    return api(req, res, ctx, path.slice(5));
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, { code: 'invalid_argument', message: 'Method not allowed' });
  return serveStatic(res, ctx.staticDir, path);
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function authorised(req: IncomingMessage, ctx: Context): boolean {
  const header = req.headers['x-dossier-token'];
  return typeof header === 'string' && sameToken(header, ctx.token);
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function api(req: IncomingMessage, res: ServerResponse, ctx: Context, name: string): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, { code: 'invalid_argument', message: 'API calls are POST requests' });
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return fail(res, 415, { code: 'invalid_argument', message: 'API calls send application/json' });
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return tooLarge(req, res);
  const body = await readBody(req);
  if (body === null) return tooLarge(req, res);
  let args: unknown;
  try {
    args = JSON.parse(body);
  } catch (error) {
    return fail(res, 400, { code: 'invalid_argument', message: `The request body is not JSON: ${(error as Error).message}` });
  }
  const envelope = await ctx.dispatch(name, args);
  const status = envelope.ok ? 200 : statusOf(envelope.error.code);
  send(res, status, 'application/json', JSON.stringify(envelope));
}

function statusOf(code: ApiErrorShape['code']): number {
  return { invalid_argument: 400, not_found: 404, conflict: 409, unauthorized: 401, io: 500, internal: 500 }[code];
}

/** The body as text, or null once it grows past MAX_BODY (the rest is not read). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      req.off('data', onData);
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  // Answer, then drop the connection rather than read the rest of a body nobody will use.
  res.once('finish', () => req.destroy());
  res.setHeader('Connection', 'close');
  fail(res, 413, { code: 'invalid_argument', message: `The request is larger than ${MAX_BODY / 1024 / 1024} MB` });
}

/** Serves a file of the renderer folder; `pathname` is already decoded (decoding twice would let %252e through). */
async function serveStatic(res: ServerResponse, root: string, pathname: string): Promise<void> {
  const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  if (!file.startsWith(root + sep)) return fail(res, 404, { code: 'not_found', message: 'Not found' });
  try {
    const body = await readFile(file);
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
  } catch {
    fail(res, 404, { code: 'not_found', message: `${pathname} not found` });
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function fail(res: ServerResponse, status: number, error: ApiErrorShape): void {
  if (res.headersSent) return void res.end();
  send(res, status, 'application/json', JSON.stringify({ ok: false, error }));
}
