import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/core/dispatch';
import { startWebServer, type WebServer } from '../../../main/node/server';
import { openTestDossier } from '../helpers';

let server: WebServer | undefined;
afterEach(async () => server?.close());

async function start(): Promise<WebServer> {
  const dossier = await openTestDossier();
  server = await startWebServer({ dispatch: createDispatcher(dossier.api), staticDir: resolve('renderer') });
  return server;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that the Host header can be anything. */
function call(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const { host = `127.0.0.1:${port}`, ...headers } = options.headers ?? {};
    // An empty host means: send no Host header at all.
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', setHost: false, headers: host === '' ? headers : { host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

const json = (token: string) => ({ 'content-type': 'application/json', 'x-dossier-token': token });

describe('the web transport', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', async () => {
    const web = await start();
    expect(web.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${web.port}/\\?token=[0-9a-f]{48}$`));
  });

  it('answers API calls that carry the token', async () => {
    const web = await start();
    const reply = await call(web.port, '/api/listDocuments', { method: 'POST', headers: json(web.token), body: '[]' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).value).toHaveLength(5);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a request without the token, or with a wrong one, and changes nothing', async () => {
    const web = await start();
    for (const headers of [{ 'content-type': 'application/json' }, json('0'.repeat(48))]) {
      const reply = await call(web.port, '/api/listDocuments', { method: 'POST', headers, body: '[]' });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body).error.message).toContain('Missing or wrong token');
    }
    // A token that is not in the header does not count, wherever else it is.
    const elsewhere: Array<{ path: string; headers: Record<string, string> }> = [
      { path: `/api/listDocuments?token=${web.token}`, headers: {} },
      { path: '/api/listDocuments', headers: { cookie: `dossier_token_${web.port}=${web.token}; token=${web.token}` } },
    ];
    for (const attempt of elsewhere) {
      const reply = await call(web.port, attempt.path, { method: 'POST', headers: { 'content-type': 'application/json', ...attempt.headers }, body: '[]' });
      expect(reply.status).toBe(401);
    }
  });

  it.each([
    ['another name (DNS rebinding)', (port: number) => `evil.example:${port}`],
    ['a name that starts like localhost', (port: number) => `localhost.evil.example:${port}`],
    ['another port', (port: number) => `127.0.0.1:${port + 1}`],
    ['no port', () => '127.0.0.1'],
    ['the IPv6 loopback, where it does not listen', (port: number) => `[::1]:${port}`],
  ])('refuses a Host header with %s, even with the token', async (_case, host) => {
    const web = await start();
    const reply = await call(web.port, '/api/listDocuments', { method: 'POST', headers: { ...json(web.token), host: host(web.port) }, body: '[]' });
    expect(reply.status).toBe(421);
    expect(JSON.parse(reply.body).error.message).toBe('This server only answers to 127.0.0.1');
  });

  it('refuses a request without a Host header', async () => {
    const web = await start();
    // Node itself answers 400 to an HTTP/1.1 request without Host, before our handler runs.
    const reply = await call(web.port, '/api/listDocuments', { method: 'POST', headers: { ...json(web.token), host: '' }, body: '[]' });
    expect(reply.status).toBe(400);
  });

  it('refuses a call a page of another site makes, even with the token', async () => {
    const web = await start();
    const foreign = await call(web.port, '/api/listDocuments', { method: 'POST', headers: { ...json(web.token), origin: 'http://evil.example' }, body: '[]' });
    expect(foreign.status).toBe(403);
    const own = await call(web.port, '/api/listDocuments', { method: 'POST', headers: { ...json(web.token), origin: `http://127.0.0.1:${web.port}` }, body: '[]' });
    expect(own.status).toBe(200);
  });

  it('never sends CORS headers, not even to a preflight', async () => {
    const web = await start();
    const preflight = await call(web.port, '/api/listDocuments', {
      method: 'OPTIONS',
      headers: { origin: `http://127.0.0.1:${web.port + 1}`, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-dossier-token' },
    });
    const answer = await call(web.port, '/api/listDocuments', { method: 'POST', headers: json(web.token), body: '[]' });
    for (const reply of [preflight, answer]) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });

  it('cannot be reached on any address but 127.0.0.1', async () => {
    const web = await start();
    const others = ['::1', ...Object.values(networkInterfaces()).flat().filter((i) => i && !i.internal).map((i) => i?.address ?? '')];
    for (const address of others) {
      const outcome = await new Promise<string>((done) => {
        const socket = connect({ host: address, port: web.port }, () => done('connected'));
        socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
    console.log(`server.test: tried ${others.length} other address(es): ${others.join(', ')}`);
  });

  it('serves the page at the printed URL, and the renderer’s files, without the token', async () => {
    const web = await start();
    for (const path of [new URL(web.url).pathname + new URL(web.url).search, '/', '/index.html']) {
      const page = await call(web.port, path);
      expect(page.status, path).toBe(200);
      expect(page.body).toContain('<div id="root">');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('gives a page of another local server nothing: no response sets a cookie, and its calls are refused', async () => {
    const web = await start();
    const other = `http://127.0.0.1:${web.port + 1}`;
    const replies = [
      await call(web.port, `/?token=${web.token}`),
      await call(web.port, '/index.html'),
      await call(web.port, '/nothing-here'),
      await call(web.port, '/api/listDocuments', { method: 'POST', headers: json(web.token), body: '[]' }),
      await call(web.port, '/api/createBackup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' }),
      // What a page served on another port can send: its own origin, no header (fetch cannot add one without CORS).
      await call(web.port, '/api/createBackup', { method: 'POST', headers: { 'content-type': 'text/plain', origin: other }, body: '[]' }),
      await call(web.port, '/api/createBackup', { method: 'POST', headers: { ...json(web.token), origin: other }, body: '[]' }),
    ];
    expect(replies.map((r) => r.status)).toEqual([200, 200, 404, 200, 401, 403, 403]);
    expect(replies.filter((r) => r.headers['set-cookie'] !== undefined)).toEqual([]);
    expect(replies.slice(4).every((r) => !r.body.includes('"ok":true'))).toBe(true);
  });

  it('answers invalid arguments and bodies with a 4xx error', async () => {
    const web = await start();
    const bad = await call(web.port, '/api/openDocument', { method: 'POST', headers: json(web.token), body: '[{"id":1}]' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('invalid_argument');
    const notJson = await call(web.port, '/api/openDocument', { method: 'POST', headers: json(web.token), body: '[' });
    expect(notJson.status).toBe(400);
    const get = await call(web.port, '/api/listDocuments', { headers: json(web.token) });
    expect(get.status).toBe(405);
    const badEncoding = await call(web.port, '/api/%E0%A4%A', { method: 'POST', headers: json(web.token), body: '[]' });
    expect(badEncoding.status).toBe(400);
  });

  it('refuses a body over 64 MB before reading it', async () => {
    const web = await start();
    const reply = await call(web.port, '/api/search', { method: 'POST', headers: { ...json(web.token), 'content-length': String(65 * 1024 * 1024) }, body: '' });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.message).toBe('The request is larger than 64 MB');
  });

  it('never serves files outside the renderer folder', async () => {
    const web = await start();
    const reply = await call(web.port, '/..%2f..%2fpackage.json', { headers: { 'x-dossier-token': web.token } });
    expect(reply.status).toBe(404);
  });
});
