/**
 * The search worker thread: runs the SearchService for one data folder, so
 * that indexing, queries and saving never block the process that serves the
 * window. Messages are ServiceRequests; each gets one ServiceReply.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SearchService, SERVICE_METHODS, type ServiceReply, type ServiceRequest } from './service';

const port = parentPort;
if (!port) throw new Error('search-worker: this script runs as a worker thread (see main/core/search.ts)');
const service = new SearchService((workerData as { dataDir: string }).dataDir);

// Each request starts as soon as it arrives, in the order sent, except that nothing starts before the
// saved index has been read (`open`): a search or an update sent right after must see it.
let loaded: Promise<unknown> = Promise.resolve();
port.on('message', (request: ServiceRequest) => {
  if (request.method === 'open') loaded = run(request);
  else void loaded.then(() => run(request));
});

function run({ id, method, args }: ServiceRequest): Promise<unknown> {
  const reply = (message: ServiceReply) => port?.postMessage(message);
  try {
    if (!SERVICE_METHODS.includes(method)) throw new Error(`search-worker: no method "${String(method)}"`);
    const value = (service[method] as (...a: unknown[]) => unknown)(...args);
    return Promise.resolve(value).then(
      (result) => reply({ id, ok: true, value: result }),
      (error: unknown) => reply({ id, ok: false, message: (error as Error).message }),
    );
  } catch (error) {
    reply({ id, ok: false, message: (error as Error).message });
    return Promise.resolve();
  }
}
