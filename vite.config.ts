import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static site: loaded from file:// by Electron and from 127.0.0.1 by `npm run web`.
// DOSSIER_OUT lets several builds (parallel test runs) live side by side; the app itself uses out/.
const out = process.env['DOSSIER_OUT'] ?? 'out';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: `../${out}/renderer`, emptyOutDir: true, target: 'chrome120', sourcemap: true },
});
