import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { KMeansThreads, RestartJobResult } from '../cluster/k-means.js';

/**
 * A second thread for kMeans restarts (KMeansOptions.threads): one worker, started on first
 * use and not keeping the process alive. `start` posts a job; `wait` blocks this thread
 * until the worker's answer arrives (Atomics.wait on a shared flag, then a synchronous read
 * of the port), so kMeans stays synchronous. The worker runs the same code
 * (runRestarts), so results are the same as on one thread.
 * @example kMeans(data, { k: 9, restarts: 10, threads: createKMeansThreads() })
 */
export function createKMeansThreads(): KMeansThreads & { close(): Promise<void> } {
  let worker: Worker | null = null;
  return {
    start(job) {
      if (!worker) {
        worker = new Worker(new URL('./kmeans-worker-boot.mjs', import.meta.url));
        worker.unref();
      }
      const { port1, port2 } = new MessageChannel();
      const flag = new Int32Array(new SharedArrayBuffer(4));
      worker.postMessage({ job, port: port2, flag }, [port2]);
      return {
        wait(): RestartJobResult {
          for (;;) {
            const got = receiveMessageOnPort(port1);
            if (got) {
              port1.close();
              const m = got.message as { result?: RestartJobResult; error?: string };
              if (m.error !== undefined) throw new Error(`k-means restarts on the second thread failed: ${m.error}`);
              return m.result!;
            }
            Atomics.wait(flag, 0, 0, 1000);
          }
        },
      };
    },
    async close() {
      if (worker) await worker.terminate();
      worker = null;
    },
  };
}
