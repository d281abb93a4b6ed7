// `npm run bench` runs the benchmark bundled in the build's folder: DOSSIER_OUT, as the build itself, or out/.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

await import(pathToFileURL(resolve(join(process.env.DOSSIER_OUT ?? 'out', 'bench', 'bench.js'))).href);
