import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };

/*
 * Electronegativity (Doyensec's Electron security scanner) over the main
 * process, the preload and the page's CSP. Any finding that is not in the
 * reviewed allowlist beside this file fails the test, and so does an
 * allowlist entry that no longer matches a finding (it would hide the next one).
 */

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: { name: string };
  confidence: { name: string };
}
interface Result {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: Finding[];
}
interface Allowed {
  check: string;
  file: string;
  reason: string;
}

const run = createRequire(import.meta.url)('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<Result>;

/** What is scanned: the main process (all of main/), the preload, the page that declares the CSP, and package.json (the app it describes). */
const SCANNED = ['main', 'preload', 'renderer/index.html', 'package.json'];

async function scan(): Promise<Result> {
  // Electronegativity takes one folder; a copy keeps it away from build output and node_modules.
  const root = await mkdtemp(join(tmpdir(), 'dossier-electronegativity-'));
  try {
    for (const path of SCANNED) await cp(resolve(path), join(root, path), { recursive: true });
    return await run({
      input: root,
      isRelative: true,
      // This check downloads Electron's release list from GitHub (no network here); upgrades are tracked in package.json.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      // It looks for Electron in dependencies and devDependencies only; Dossier declares it optional (its binary may be missing).
      electronVersionOverride: pkg.optionalDependencies.electron,
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('Electronegativity over main, preload and the page CSP', () => {
  it('finds nothing beyond the reviewed allowlist, and the allowlist has no stale entry', { timeout: 60_000 }, async () => {
    const allowlist = JSON.parse(await readFile(resolve('tests/unit/security/electronegativity.allowlist.json'), 'utf8')) as Allowed[];
    const result = await scan();
    expect(result.errors, 'files Electronegativity could not parse').toEqual([]);
    expect(result.atomicChecks + result.globalChecks).toBeGreaterThan(30);
    const allowed = (f: Finding) => allowlist.some((a) => a.check === f.id && a.file === f.file);
    const unexplained = result.issues.filter((f) => !allowed(f)).map((f) => `${f.id} ${f.file}:${f.location.line} (${f.severity.name}, ${f.confidence.name}): ${f.description}`);
    expect(unexplained, 'new findings: fix them, or add a reviewed reason to electronegativity.allowlist.json').toEqual([]);
    const stale = allowlist.filter((a) => !result.issues.some((f) => f.id === a.check && f.file === a.file));
    expect(stale, 'allowlist entries that no finding matches any more: remove them').toEqual([]);
    expect(allowlist.every((a) => a.reason.length > 40)).toBe(true);
    console.log(
      `electronegativity: ${result.atomicChecks + result.globalChecks} checks over ${SCANNED.join(', ')}; ` +
        `${result.issues.length} findings, all in the reviewed allowlist: ${result.issues.map((f) => f.id).join(', ')}`,
    );
  });
});
