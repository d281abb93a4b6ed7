/**
 * The import worker thread: reads one file into a document (readDocument),
 * away from the thread that serves the window, under the memory and stack
 * limits its host gives it. Its host ends it when the file takes too long,
 * or when the import is cancelled.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { readDocument } from './read';

if (!parentPort) throw new Error('The import worker runs as a worker thread (see reader.ts).');
// Reading a file is background work: when the machine is busy, the thread that serves the window goes first
// (about three times its share at nice 5). Not the lowest priority: beside other busy programs the worker
// would get almost nothing, and a large file would run out of its time limit (reader.ts) unread.
// Only Linux gives each thread a priority of its own; elsewhere this would lower the whole app's.
if (process.platform === 'linux') setPriority(5);
expose({ read: readDocument }, nodeEndpoint(parentPort));
