/**
 * The search worker thread: runs the SearchService for one data folder, so
 * that indexing, queries and saving never block the process that serves the
 * window. Its calls come through comlink (see search-index.ts).
 */
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort, workerData } from 'node:worker_threads';
import { SearchService, serve } from './service';

if (!parentPort) throw new Error('This script runs as a worker thread of the search index (see search-index.ts).');
expose(serve(new SearchService((workerData as { dataDir: string }).dataDir)), nodeEndpoint(parentPort));
