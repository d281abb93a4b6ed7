import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/dispatch';
import type { ApiErrorShape } from '../common/errors';

const MAX_BODY = 64 * 1024 * 1024;
const COOKIE = 'dossier_token';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
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
 * Every request must carry the per-launch token (cookie, header or, once, the
 * URL) and a loopback Host header, which shuts out other local users' pages
 * and DNS-rebinding attacks. No CORS headers are ever sent.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('hex');
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res, { ...options, token, port }).catch((error: unknown) => fail(res, 500, { code: 'internal', message: `web: ${(error as Error).message}` }));
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
      reject(new Error(error.code === 'EADDRINUSE' ? `web: port ${port} is already in use; choose another with --port` : `web: ${error.message}`)),
    );
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

interface Context extends WebServerOptions {
  token: string;
  port: number;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const host = req.headers.host ?? '';
  if (host !== `127.0.0.1:${ctx.port}` && host !== `localhost:${ctx.port}`) {
    return fail(res, 421, { code: 'unauthorized', message: 'web: this server only answers to 127.0.0.1' });
  }
  const url = new URL(req.url ?? '/', `http://${host}`);
  const fromUrl = url.searchParams.get('token');
  if (req.method === 'GET' && fromUrl !== null && sameToken(fromUrl, ctx.token)) {
    // Trade the token in the address bar for a cookie, then drop it from the URL.
    res.writeHead(303, { 'Set-Cookie': `${COOKIE}=${ctx.token}; HttpOnly; SameSite=Strict; Path=/`, Location: '/' });
    return void res.end();
  }
  if (!authorised(req, ctx.token)) {
    return fail(res, 401, { code: 'unauthorized', message: 'web: missing or wrong token; open the URL that `npm run web` printed' });
  }
  if (url.pathname.startsWith('/api/')) return api(req, res, ctx, decodeURIComponent(url.pathname.slice(5)));
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, { code: 'invalid_argument', message: 'web: method not allowed' });
  return serveStatic(res, ctx.staticDir, url.pathname);
}

function authorised(req: IncomingMessage, token: string): boolean {
  const header = req.headers['x-dossier-token'];
  if (typeof header === 'string' && sameToken(header, token)) return true;
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${COOKIE}=`));
  return cookie !== undefined && sameToken(cookie.slice(COOKIE.length + 1), token);
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function api(req: IncomingMessage, res: ServerResponse, ctx: Context, name: string): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, { code: 'invalid_argument', message: 'web: API calls are POST requests' });
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return fail(res, 415, { code: 'invalid_argument', message: 'web: API calls send application/json' });
  }
  let args: unknown;
  try {
    args = JSON.parse(await readBody(req));
  } catch (error) {
    return fail(res, 400, { code: 'invalid_argument', message: `web: the request body is not JSON: ${(error as Error).message}` });
  }
  const envelope = await ctx.dispatch(name, args);
  const status = envelope.ok ? 200 : statusOf(envelope.error.code);
  send(res, status, 'application/json', JSON.stringify(envelope));
}

function statusOf(code: ApiErrorShape['code']): number {
  return { invalid_argument: 400, not_found: 404, conflict: 409, unauthorized: 401, io: 500, internal: 500 }[code];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('over 64 MB'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function serveStatic(res: ServerResponse, root: string, pathname: string): Promise<void> {
  const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  if (!file.startsWith(root + sep)) return fail(res, 404, { code: 'not_found', message: 'web: not found' });
  try {
    const body = await readFile(file);
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
  } catch {
    fail(res, 404, { code: 'not_found', message: `web: ${pathname} not found` });
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function fail(res: ServerResponse, status: number, error: ApiErrorShape): void {
  if (res.headersSent) return void res.end();
  send(res, status, 'application/json', JSON.stringify({ ok: false, error }));
}
