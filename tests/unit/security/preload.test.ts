import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { CALL_CHANNEL, contract, SIDE_CHANNELS } from '../../../main/common/contract';

/*
 * The preload, bundled exactly as build.config.mjs bundles it and run
 * against a recording stand-in for Electron's contextBridge and
 * ipcRenderer: what does the page get?
 */

type Exposed = Record<string, Record<string, unknown>>;
const exposed: Exposed = {};
const invoked: unknown[][] = [];
const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();

const ipcRenderer = {
  invoke: (...args: unknown[]) => {
    invoked.push(args);
    return Promise.resolve({ ok: true, value: null });
  },
  on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, listener),
  removeListener: (channel: string) => listeners.delete(channel),
  send: () => undefined,
  sendSync: () => undefined,
};
const electron = { contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => (exposed[key] = api) }, ipcRenderer };

let code = '';

beforeAll(async () => {
  const bundle = await build({ entryPoints: ['preload/index.ts'], bundle: true, platform: 'node', format: 'cjs', external: ['electron'], write: false, logLevel: 'silent' });
  code = bundle.outputFiles[0]?.text ?? '';
  const fakeRequire = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`the sandboxed preload cannot require ${name}`);
  };
  new Function('require', 'module', 'exports', code)(fakeRequire, { exports: {} }, {});
});

/** Every value reachable from what the page was given. */
function reachable(value: unknown, seen = new Set<unknown>()): unknown[] {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return [];
  seen.add(value);
  return [value, ...Object.values(value as object).flatMap((child) => reachable(child, seen))];
}

describe('what the preload gives the page', () => {
  it('exposes one function per API method of the contract as window.dossier, and nothing else there', () => {
    const bridge = exposed['dossier'] ?? {};
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(contract).sort());
    expect(Object.values(bridge).every((f) => typeof f === 'function')).toBe(true);
  });

  it('is a few KB: the names of the contract, without its schemas or any library', () => {
    expect(code.length).toBeLessThan(8 * 1024);
    expect(code).not.toMatch(/require\("(?!electron")/);
  });

  it('sends each call on the one IPC channel with the method name and the arguments as given', async () => {
    const call = exposed['dossier']?.['openDocument'] as (...args: unknown[]) => Promise<unknown>;
    await call('abc', { hostile: true });
    expect(invoked.at(-1)).toEqual([CALL_CHANNEL, 'openDocument', ['abc', { hostile: true }]]);
  });

  it('never hands out ipcRenderer, its methods, or Node', () => {
    const everything = reachable(exposed);
    for (const forbidden of [ipcRenderer, ...Object.values(ipcRenderer), electron, electron.contextBridge]) expect(everything).not.toContain(forbidden);
  });

  it('exposes only the reviewed bridges (a new one must be reviewed and added here)', () => {
    expect(Object.keys(exposed).sort()).toEqual(['dossier', 'dossierFiles', 'dossierMenu']);
    expect(Object.keys(exposed['dossierMenu'] ?? {})).toEqual(['onCommand']);
    expect(Object.keys(exposed['dossierFiles'] ?? {})).toEqual(['save']);
  });

  it('asks the main process to save exported files on their own channel, with nothing but the files', async () => {
    const save = exposed['dossierFiles']?.['save'] as (result: unknown) => Promise<unknown>;
    const files = { name: 'Notes.md', files: [{ name: 'Notes.md', mime: 'text/markdown', content: '# Notes' }], annotations: 1 };
    await save(files);
    expect(invoked.at(-1)).toEqual([SIDE_CHANNELS.saveFiles.channel, files]);
  });

  it('passes menu commands to the page only when they look like command ids, without the IPC event', () => {
    const onCommand = exposed['dossierMenu']?.['onCommand'] as (callback: (id: string) => void) => () => void;
    const received: unknown[][] = [];
    const stop = onCommand((...args) => received.push(args));
    const deliver = listeners.get(SIDE_CHANNELS.menuCommand.channel);
    for (const id of ['go.library', '<script>', { id: 'go.library' }, 'constructor']) deliver?.({ sender: ipcRenderer }, id);
    expect(received).toEqual([['go.library']]);
    stop();
    expect(listeners.size).toBe(0);
  });
});
