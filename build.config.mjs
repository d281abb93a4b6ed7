// Bundles the Node and Electron sides with esbuild (the renderer is built by Vite).
// Dependencies stay external: they ship in node_modules with the app.
import { build } from 'esbuild';

// DOSSIER_OUT lets several builds (parallel test runs) live side by side; the app itself uses out/.
const out = process.env.DOSSIER_OUT ?? 'out';
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, format: 'esm', packages: 'external', entryPoints: { 'electron-main': 'main/electron-main/index.ts', web: 'main/node/web.ts' }, outdir: `${out}/main` }),
  // A sandboxed preload cannot load modules: it is one CommonJS file with only `electron` left to require.
  build({ ...common, format: 'cjs', external: ['electron'], entryPoints: ['preload/index.ts'], outfile: `${out}/preload/index.cjs` }),
]);
