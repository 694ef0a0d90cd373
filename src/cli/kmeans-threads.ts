import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { KMeansThreads, RestartJobResult } from '../cluster/k-means.js';

export interface KMeansThreadsOptions {
  /** Module the worker runs (default kmeans-worker.ts beside this file); for tests. */
  workerModule?: URL;
  /**
   * How long to wait for the other thread, in multiples of the time this thread took for
   * its own half (at least a minute): past it, the other thread is taken to have died
   * (out of memory, a crash) and `wait` throws. Default 10.
   */
  patience?: number;
  /** Least wait in milliseconds before giving up (default 60,000); for tests. */
  minWaitMs?: number;
}

/**
 * A second thread for kMeans restarts (KMeansOptions.threads): one worker, started on first
 * use and not keeping the process alive. `start` posts a job; `wait` blocks this thread
 * until the worker's answer arrives (Atomics.wait on a shared flag, then a synchronous read
 * of the port), so kMeans stays synchronous. The worker runs the same code
 * (runRestarts), so results are the same as on one thread. A worker that cannot start
 * answers with the reason; one that dies silently is given up on after `patience` times
 * this thread's own time, and `wait` throws, never hangs.
 * @example kMeans(data, { k: 9, restarts: 10, threads: createKMeansThreads() })
 */
export function createKMeansThreads(options: KMeansThreadsOptions = {}): KMeansThreads & { close(): Promise<void> } {
  const patience = options.patience ?? 10;
  const minWaitMs = options.minWaitMs ?? 60_000;
  let worker: Worker | null = null;
  return {
    start(job) {
      if (!worker) {
        worker = new Worker(new URL('./kmeans-worker-boot.mjs', import.meta.url), {
          workerData: options.workerModule ? { module: options.workerModule.href } : undefined,
        });
        worker.unref();
      }
      const started = performance.now();
      const { port1, port2 } = new MessageChannel();
      const flag = new Int32Array(new SharedArrayBuffer(4));
      worker.postMessage({ job, port: port2, flag }, [port2]);
      return {
        wait(): RestartJobResult {
          const own = performance.now() - started;
          const deadline = performance.now() + Math.max(minWaitMs, patience * own);
          for (;;) {
            const got = receiveMessageOnPort(port1);
            if (got) {
              port1.close();
              const m = got.message as { result?: RestartJobResult; error?: string };
              if (m.error !== undefined) throw new Error(`k-means restarts on the second thread failed: ${m.error}`);
              return m.result!;
            }
            const left = deadline - performance.now();
            if (left <= 0) {
              port1.close();
              void worker?.terminate();
              worker = null;
              throw new Error(`k-means restarts on the second thread failed: no answer within ${Math.round((deadline - started - own) / 1000)} s (the thread may have run out of memory or crashed)`);
            }
            Atomics.wait(flag, 0, 0, Math.min(1000, left));
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
