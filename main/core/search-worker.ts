/**
 * The search worker thread: runs the SearchService for one data folder, so
 * that indexing, queries and saving never block the process that serves the
 * window. Messages are ServiceRequests; each gets one ServiceReply.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SearchService, SERVICE_METHODS, type ServiceReply, type ServiceRequest } from './search-service';

const port = parentPort;
if (!port) throw new Error('search-worker: this script runs as a worker thread (see main/core/search.ts)');
const service = new SearchService((workerData as { dataDir: string }).dataDir);

// Each request runs as soon as it arrives, so requests start in the order they were sent.
port.on('message', ({ id, method, args }: ServiceRequest) => {
  const reply = (message: ServiceReply) => port.postMessage(message);
  try {
    if (!SERVICE_METHODS.includes(method)) throw new Error(`search-worker: no method "${String(method)}"`);
    const value = (service[method] as (...a: unknown[]) => unknown)(...args);
    Promise.resolve(value).then(
      (result) => reply({ id, ok: true, value: result }),
      (error: unknown) => reply({ id, ok: false, message: (error as Error).message }),
    );
  } catch (error) {
    reply({ id, ok: false, message: (error as Error).message });
  }
});
