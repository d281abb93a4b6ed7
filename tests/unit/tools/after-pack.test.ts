import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Arch, type AfterPackContext } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import afterPack from '../../../tools/after-pack.mjs';
import { tempDir } from '../helpers';

/*
 * The hook runs on a stand-in for Electron's binary: bytes around the fuse
 * wire exactly as Electron lays it out (the sentinel, the wire's version and
 * length, one byte per fuse), with the fuses as Electron ships them.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const OFF = 0x30;
const ON = 0x31;
/** RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, GrantFileProtocolExtraPrivileges. */
const ELECTRON_DEFAULTS = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];

async function fakeElectron(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const filler = Buffer.alloc(4096, 0xcc);
  await writeFile(file, Buffer.concat([filler, Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULTS.length, ...ELECTRON_DEFAULTS]), filler]));
}

function context(appOutDir: string, electronPlatformName: string): AfterPackContext {
  const packager = { appInfo: { productFilename: 'Dossier' }, executableName: 'dossier' };
  return { appOutDir, electronPlatformName, arch: Arch.x64, packager, outDir: dirname(appOutDir), targets: [] } as unknown as AfterPackContext;
}

describe('the packaged app’s Electron fuses', () => {
  it.each([
    ['linux', 'dossier'],
    ['win32', 'Dossier.exe'],
    ['darwin', 'Dossier.app/Contents/Frameworks/Electron Framework.framework/Electron Framework'],
  ])('on %s: no Node mode, NODE_OPTIONS or inspector; encrypted cookies; only the checked app.asar; the rest as Electron ships', async (platform, binary) => {
    const out = await tempDir();
    const file = join(out, binary);
    await fakeElectron(file);
    const before = await readFile(file);
    await afterPack(context(out, platform));
    const after = await readFile(file);
    const wire = after.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect([...after.subarray(wire, wire + 8)]).toEqual([OFF, ON, OFF, OFF, ON, ON, OFF, ON]);
    // Nothing else in the binary changed.
    expect(after.length).toBe(before.length);
    expect([...after.keys()].filter((i) => after[i] !== before[i])).toEqual([0, 1, 2, 3, 4, 5].map((fuse) => wire + fuse));
  });
});
