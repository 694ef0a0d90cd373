// Starts the k-means worker module (kmeans-worker.ts, or workerData.module) in a worker
// thread: workers do not inherit the main thread's TypeScript loader, so the thread
// registers tsx itself first. When that fails, every job is answered with the reason, so
// the main thread, blocked waiting for an answer, reports it instead of waiting forever.
import { parentPort, workerData } from 'node:worker_threads';

try {
  const { register } = await import('tsx/esm/api');
  register();
  await import(workerData?.module ?? './kmeans-worker.ts');
} catch (e) {
  const why = `the worker could not start: ${e instanceof Error ? e.message : String(e)}`;
  parentPort.on('message', ({ port, flag }) => {
    port.postMessage({ error: why });
    port.close();
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
}
