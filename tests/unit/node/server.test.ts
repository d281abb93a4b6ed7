import { request } from 'node:http';
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
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
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
      expect(JSON.parse(reply.body).error.message).toContain('web: missing or wrong token');
    }
    expect((await call(web.port, '/index.html')).status).toBe(401);
  });

  it('refuses another Host header (DNS rebinding), even with the token', async () => {
    const web = await start();
    const reply = await call(web.port, '/api/listDocuments', { method: 'POST', headers: { ...json(web.token), host: `evil.example:${web.port}` }, body: '[]' });
    expect(reply.status).toBe(421);
  });

  it('trades the token in the URL for a cookie and a clean address', async () => {
    const web = await start();
    const reply = await call(web.port, `/?token=${web.token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const cookie = String(reply.headers['set-cookie']).split(';')[0] ?? '';
    expect(String(reply.headers['set-cookie'])).toContain('HttpOnly; SameSite=Strict');
    const page = await call(web.port, '/index.html', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers invalid arguments and bodies with a 4xx error', async () => {
    const web = await start();
    const bad = await call(web.port, '/api/getDocument', { method: 'POST', headers: json(web.token), body: '[{"id":1}]' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('invalid_argument');
    const notJson = await call(web.port, '/api/getDocument', { method: 'POST', headers: json(web.token), body: '[' });
    expect(notJson.status).toBe(400);
    const get = await call(web.port, '/api/listDocuments', { headers: json(web.token) });
    expect(get.status).toBe(405);
  });

  it('never serves files outside the renderer folder', async () => {
    const web = await start();
    const reply = await call(web.port, '/..%2f..%2fpackage.json', { headers: { 'x-dossier-token': web.token } });
    expect(reply.status).toBe(404);
  });
});
