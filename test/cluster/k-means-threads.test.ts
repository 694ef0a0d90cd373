import { afterAll, describe, expect, it } from 'vitest';
import { kMeans, runRestarts, THREAD_MIN_WORK, type KMeansThreads, type RestartJob } from '../../src/cluster/k-means.js';
import { createKMeansThreads } from '../../src/cli/kmeans-threads.js';
import { createRng } from '../../src/stats/rng.js';

/** 0/1 rows around four planted profiles (binary data: the packed kernel). */
function binaryData(rows: number, cols: number, seed: number) {
  const rng = createRng(seed);
  const values = new Uint8Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const g = i % 4;
    for (let j = 0; j < cols; j++) values[i * cols + j] = rng.float() < ((j + g) % 4 === 0 ? 0.8 : 0.15) ? 1 : 0;
  }
  return { rows, cols, values };
}

const strip = (r: ReturnType<typeof kMeans>) => ({ ...r, labels: Array.from(r.labels) });

describe('kMeans restarts on a second thread', () => {
  const threads = createKMeansThreads();
  afterAll(() => threads.close());

  it('gives exactly the one-thread result (every restart, the best run, its labels) on a real worker', () => {
    const data = binaryData(60_000, 20, 3);
    expect(60_000 * 10).toBeGreaterThanOrEqual(THREAD_MIN_WORK);
    const one = kMeans(data, { k: 5, restarts: 10, seed: 7 });
    const two = kMeans(data, { k: 5, restarts: 10, seed: 7, threads });
    expect(strip(two)).toEqual(strip(one));
  });

  it('dense data too, and an odd number of restarts (the main thread takes the larger half)', () => {
    const rng = createRng(2);
    const rows = 50_000;
    const values = Float64Array.from({ length: rows * 3 }, (_, i) => (i % 3) * 5 + rng.normal() + (Math.floor(i / 3) % 3) * 10);
    const data = { rows, cols: 3, values };
    const seen: number[] = [];
    const counting: KMeansThreads = {
      start: (job: RestartJob) => {
        seen.push(job.seeds.length);
        return threads.start(job);
      },
    };
    const one = kMeans(data, { k: 3, restarts: 11, seed: 4 });
    const two = kMeans(data, { k: 3, restarts: 11, seed: 4, threads: counting });
    expect(seen).toEqual([5]);
    expect(strip(two)).toEqual(strip(one));
  });

  it('keeps small fits on one thread', () => {
    const small = binaryData(1_000, 10, 1);
    let called = 0;
    const never: KMeansThreads = { start: (job) => (called++, { wait: () => runRestarts(job) }) };
    kMeans(small, { k: 3, restarts: 10, seed: 1, threads: never });
    expect(called).toBe(0);
  });
});

describe('a failure of the other thread is reported, never waited on forever', () => {
  const job: RestartJob = { rows: 4, cols: 2, values: Float64Array.of(0, 0, 0, 1, 5, 5, 5, 6), binary: false, k: 2, maxIterations: 10, tolerance: 0, seeds: [3] };

  it('an error in the worker\'s restarts (a seed createRng refuses) comes back as an error', async () => {
    const threads = createKMeansThreads();
    try {
      expect(threads.start(job).wait().restarts).toHaveLength(1);
      expect(() => threads.start({ ...job, seeds: [1.5] }).wait()).toThrow(/second thread failed: createRng requires a whole-number seed/);
    } finally {
      await threads.close();
    }
  });

  it('a worker that cannot start answers with the reason', async () => {
    const threads = createKMeansThreads({ workerModule: new URL('./no-such-worker.ts', import.meta.url) });
    try {
      expect(() => threads.start(job).wait()).toThrow(/second thread failed: the worker could not start: .*no-such-worker/);
    } finally {
      await threads.close();
    }
  });

  it('a worker that never answers (as one that died) is given up on', async () => {
    const threads = createKMeansThreads({ workerModule: new URL('./silent-worker.mjs', import.meta.url), minWaitMs: 300, patience: 1 });
    try {
      expect(() => threads.start(job).wait()).toThrow(/second thread failed: no answer within 0 s/);
    } finally {
      await threads.close();
    }
  });
});
