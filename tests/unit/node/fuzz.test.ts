import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../main/common/contract';
import type { ErrorCode } from '../../../main/common/errors';
import { createDispatcher } from '../../../main/core/dispatch';
import { startWebServer, type WebServer } from '../../../main/node/server';
import { openTestDossier } from '../helpers';

/*
 * Every API method, called over the real web transport with random and
 * hostile arguments: the server must answer each call with an error
 * envelope it can explain (never crash, never "internal"), and a call whose
 * arguments break the contract must leave the data folder byte for byte as
 * it was. Methods added to the contract later are covered automatically.
 */

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 40);
const CODES: ErrorCode[] = ['invalid_argument', 'not_found', 'conflict', 'unauthorized', 'io', 'internal'];
const methods = Object.keys(contract) as MethodName[];

let server: WebServer;
let dataDir: string;
const unexpected: unknown[] = [];
const counts = new Map<string, { invalid: number; valid: number }>();

beforeAll(async () => {
  // Its own folder: tempDir() folders are removed after each test, this one must outlive them all.
  dataDir = await mkdtemp(join(tmpdir(), 'dossier-fuzz-'));
  const dossier = await openTestDossier(dataDir);
  server = await startWebServer({ dispatch: createDispatcher(dossier.api, (error) => unexpected.push(error)), staticDir: resolve('renderer') });
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
  const total = [...counts.values()].reduce((sum, c) => sum + c.invalid + c.valid, 0);
  const invalid = [...counts.values()].reduce((sum, c) => sum + c.invalid, 0);
  console.log(`fuzz: ${total} calls over HTTP to ${counts.size} methods (${invalid} with arguments the contract refuses, ${total - invalid} that passed validation); no crash, no internal error`);
});

/** Content hash of every file in the data folder. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return out;
}

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: ErrorCode; message: string } };
}

async function post(name: string, body: string): Promise<Reply> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dossier-token': server.token },
    body,
  });
  return { status: response.status, body: (await response.json()) as Reply['body'] };
}

/** A reply the renderer can show: ok with a value, or an error with a known code and a message in plain words (no module name in front). */
function expectWellFormed(reply: Reply): void {
  if (reply.body.ok) return expect(reply.status).toBe(200);
  expect(CODES).toContain(reply.body.error?.code);
  expect(reply.body.error?.code).not.toBe('internal');
  expect(reply.body.error?.message).toMatch(/^[A-Z“"]/);
  expect(reply.body.error?.message).not.toMatch(/^[a-z-]+: /);
}

/** Calls a method with a raw body and checks the answer; an invalid call must change nothing on disk. */
async function check(name: string, body: string): Promise<void> {
  let parsed: unknown;
  let valid = false;
  try {
    parsed = JSON.parse(body);
    valid = Object.hasOwn(contract, name) && contract[name as MethodName].args.safeParse(parsed).success;
  } catch {
    // Not JSON: the transport refuses it before the dispatcher.
  }
  const before = valid ? null : await snapshot(dataDir);
  const reply = await post(name, body);
  expectWellFormed(reply);
  const tally = counts.get(name) ?? { invalid: 0, valid: 0 };
  counts.set(name, tally);
  if (valid) return void tally.valid++;
  tally.invalid++;
  expect(reply.body.ok, `${name} accepted ${body.slice(0, 200)}`).toBe(false);
  expect(reply.status).toBeGreaterThanOrEqual(400);
  expect(reply.status).toBeLessThan(500);
  expect(await snapshot(dataDir)).toEqual(before);
}

/** Field names the contract uses anywhere, so that random objects reach past the first check. */
function fieldNames(schema: z.ZodType, into = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def['type'] === 'object') for (const key of Object.keys(def['shape'] as object)) into.add(key);
  const children = [def['shape'] && Object.values(def['shape'] as object), def['items'], def['rest'], def['element'], def['innerType'], def['in'], def['out'], def['options']];
  for (const child of children.flat()) if (child && typeof child === 'object' && '_zod' in child) fieldNames(child as z.ZodType, into);
  return into;
}

/** A JSON value as a tree whose objects keep every key, `__proto__` included, when written as text. */
type Tree = null | boolean | number | string | Tree[] | { entries: Array<[string, Tree]> };

function toJson(tree: Tree): string {
  if (Array.isArray(tree)) return `[${tree.map(toJson).join(',')}]`;
  if (tree !== null && typeof tree === 'object') return `{${tree.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  return JSON.stringify(tree) ?? 'null';
}

const HOSTILE_STRINGS = [
  '',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '__proto__',
  'constructor',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'dossier://document/../../x?id=<script>&q="\'><svg onload=alert(1)>',
  '\u0000',
  '\ud800',
  '\u202e\u2066',
  '%00%2e%2e%2f',
  'a'.repeat(101),
  'x'.repeat(100_001),
];

function argumentsFor(name: MethodName): fc.Arbitrary<Tree> {
  const keys = [...fieldNames(contract[name].args), '__proto__', 'constructor', 'prototype', 'polluted'];
  const text = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) });
  const number = fc.oneof(fc.integer(), fc.double({ noNaN: false }), fc.constantFrom(-0, -1, 1.5, 2 ** 53 + 1, 1e308, Number.MAX_SAFE_INTEGER));
  const leaf: fc.Arbitrary<Tree> = fc.oneof(text, number, fc.boolean(), fc.constant(null));
  const { value } = fc.letrec<{ value: Tree }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 })), tie('value')), { maxLength: 5 }).map((entries) => ({ entries })),
    ),
  }));
  // Mostly an argument list (what a call sends), sometimes anything at all.
  return fc.oneof({ weight: 4, arbitrary: fc.array(value, { maxLength: 4 }) }, { weight: 1, arbitrary: value });
}

const deep = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Bodies no generator writes: not JSON, absurdly deep, huge, prototype keys at the top. */
const RAW_BODIES: Array<[string, string]> = [
  ['NaN', '[NaN]'],
  ['Infinity', '[Infinity, -Infinity]'],
  ['an empty body', ''],
  ['a truncated list', '["abc", '],
  ['a JSON string', '"getStatus"'],
  ['an object instead of a list', '{"0": "x", "length": 1}'],
  ['a prototype-polluting list', '[{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}]'],
  ['a list nested 100 000 deep', deep(100_000)],
  ['a 5 MB string', JSON.stringify(['x'.repeat(5_000_000)])],
  ['a list of 100 000 numbers', JSON.stringify(Array.from({ length: 100_000 }, (_, i) => i))],
];

describe('every API method over HTTP, with random and hostile arguments', () => {
  it('covers every method of the contract', () => {
    expect(methods.length).toBeGreaterThan(5);
  });

  it.each(methods)('%s: answers with a clear error and changes nothing', async (name) => {
    await fc.assert(
      fc.asyncProperty(argumentsFor(name), (args) => check(name, toJson(args))),
      { numRuns: RUNS },
    );
    for (const [, body] of RAW_BODIES) await check(name, body);
    // Still alive and answering.
    expect((await post('getStatus', '[]')).body.ok).toBe(true);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', '../getStatus', '', 'x'.repeat(10_000)])('refuses a method named %j', async (name) => {
    const before = await snapshot(dataDir);
    const reply = await post(name, '[]');
    expect(reply.status).toBe(404);
    expect(reply.body.error?.code).toBe('not_found');
    expect(await snapshot(dataDir)).toEqual(before);
  });

  it('leaves no trace in Object.prototype and reports no unexpected error', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(unexpected).toEqual([]);
  });
});
