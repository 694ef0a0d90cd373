/**
 * The thread that runs half of a kMeans call's restarts (see kmeans-threads.ts): receives
 * a job with a port and a flag, runs it with the same code as the main thread, posts the
 * result (or the error) on the port, then raises the flag.
 */
import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { runRestarts, type RestartJob } from '../cluster/k-means.js';

parentPort!.on('message', ({ job, port, flag }: { job: RestartJob; port: MessagePort; flag: Int32Array }) => {
  try {
    port.postMessage({ result: runRestarts(job) });
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  port.close();
});
