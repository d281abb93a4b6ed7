// Bundles tests/perf/import-cost.ts with the search worker beside it (as the app is built), then prints what an import costs.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const out = `${process.env.DOSSIER_OUT ?? 'out'}/perf`;
const [library = 10000, files = 100, batch = 10000] = process.argv.slice(2).map(Number);
const main = `
import { importCost } from './import-cost';
const c = await importCost(${library}, ${files}, ${batch}, console.log);
console.log(\`into \${c.library} documents: \${c.files} files, per file p50 \${c.p50.toFixed(1)} ms, p95 \${c.p95.toFixed(1)} ms\`);
console.log(\`batch of \${c.batch} files (\${c.megabytes.toFixed(1)} MB) into a new library: \${c.megabytesPerSecond.toFixed(2)} MB/s\`);
process.exit(0);
`;
/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' };
await Promise.all([
  build({ ...common, stdin: { contents: main, resolveDir: 'tests/perf', loader: 'ts' }, outfile: `${out}/import-cost.js` }),
  build({ ...common, entryPoints: ['main/core/search/worker.ts'], outfile: `${out}/search-worker.js` }),
]);
const run = spawnSync(process.execPath, [`${out}/import-cost.js`], { stdio: 'inherit' });
process.exit(run.status ?? 1);
