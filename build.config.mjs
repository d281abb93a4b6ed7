// Bundles the Node and Electron sides with esbuild (the renderer is built by Vite).
// Dependencies stay external: they ship in node_modules with the app.
import { build } from 'esbuild';

// DOSSIER_OUT lets several builds (parallel test runs) live side by side; the app itself uses out/.
const out = process.env.DOSSIER_OUT ?? 'out';
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  // The search index and the reading of imported files run in worker threads: their scripts sit next to the bundles that start them.
  build({ ...common, format: 'esm', packages: 'external', entryPoints: { 'electron-main': 'main/electron-main/index.ts', web: 'main/node/web.ts', 'search-worker': 'main/core/search/worker.ts', 'import-worker': 'main/core/io/import/worker.ts' }, outdir: `${out}/main` }),
  // `npm run bench` (tests/bench): not part of the app; it starts the same search worker, so gets its own copy.
  build({ ...common, format: 'esm', packages: 'external', entryPoints: { bench: 'tests/bench/bench.ts', 'search-worker': 'main/core/search/worker.ts' }, outdir: `${out}/bench` }),
  // A sandboxed preload cannot load modules: it is one CommonJS file with only `electron` left to require.
  build({ ...common, format: 'cjs', external: ['electron'], entryPoints: ['preload/index.ts'], outfile: `${out}/preload/index.cjs` }),
]);
