import { kMeans } from '../cluster/k-means.js';
import { createRng } from '../stats/rng.js';
import { sampleRows, takeRows } from '../cluster/sample-rows.js';

export interface FitStarBandsOptions {
  seed: number;
  restarts: number;
  /**
   * Above this many complete vectors the restarts run on a seeded random sample of this
   * many, and the best is refined by Lloyd on all of them (default FIT_SAMPLE).
   */
  sample?: number;
}

/** Complete vectors above which the k-means restarts run on a sample (see FitStarBandsOptions.sample). */
export const FIT_SAMPLE = 100_000;

export interface FitStarBandsResult {
  /** Centres ordered by mean reading: Lower, Middle, Higher. */
  centres: number[][];
  centreMeans: number[];
  /** Within-cluster sum of squares of the kept fit, over the complete vectors. */
  inertia: number;
  /** Segment 0, 1, 2 of each vector (nearest ordered centre over its observed domains). */
  segment: Int8Array;
  complete: number;
  incomplete: number;
  engine: string;
  /** Complete vectors in the seeded sample the restarts ran on, or null when they ran on all of them. */
  sample: number | null;
}

const K = 3;

/**
 * Fits the progress-matrix bands: one k-means with k = 3 on the complete vectors (every
 * domain observed) among `vectors`, ordered by the mean of each centre so that segment 0
 * is Lower and 2 Higher; then puts every vector, complete or not, in the segment of the
 * nearest centre by squared distance over its observed (non-NaN) domains. Ties go to the
 * lower segment. The k-means is the workbench's `kMeans` (src/cluster/k-means.ts) with
 * `restarts` k-means++ starts from `seed`, the lowest within-cluster sum of squares kept,
 * each run to a fixed point (tolerance 0, at most 1000 steps).
 * Cost: O(restarts · iterations · n · d · k).
 * @param vectors row-major n × d, NaN where a domain is missing; every row has at least one value.
 * @throws when fewer than 3 distinct complete vectors exist; as `kMeans` for a bad seed or restarts.
 * @example fitStarBands(Float64Array.from([1,1, 2,2, 5,5, 6,6, 9,9, 10,NaN]), 2, { seed: 1, restarts: 5 }).segment // [0,0,1,1,2,2]
 */
export function fitStarBands(vectors: Float64Array, d: number, options: FitStarBandsOptions): FitStarBandsResult {
  const { seed, restarts } = options;
  const n = vectors.length / d;
  const complete: number[] = [];
  const distinct = new Set<string>();
  for (let i = 0; i < n; i++) {
    const row = vectors.subarray(i * d, (i + 1) * d);
    if (row.every((v) => !Number.isNaN(v))) {
      complete.push(i);
      if (distinct.size < K) distinct.add(row.join(','));
    }
  }
  if (distinct.size < K) {
    throw new Error(
      `k-means bands require at least ${K} distinct start or end vectors with all ${d} domains, got ${distinct.size} (of ${complete.length} complete); use cut points instead (--bands cuts:A,B)`,
    );
  }
  const all = takeRows({ rows: n, cols: d, values: vectors }, Int32Array.from(complete));
  const sample = options.sample ?? FIT_SAMPLE;
  let fitted: ReturnType<typeof kMeans>;
  let engine = 'kMeans of src/cluster/k-means.ts (Lloyd, k-means++ starts, run to a fixed point)';
  const sampled = complete.length > sample;
  if (!sampled) {
    fitted = kMeans(all, { k: K, seed, restarts, maxIterations: 1000, tolerance: 0 });
  } else {
    // Large cohorts: the restarts on a seeded sample, the best start refined on every vector.
    const start = kMeans(takeRows(all, sampleRows(complete.length, sample, createRng(seed))), { k: K, seed, restarts, maxIterations: 1000, tolerance: 0 });
    fitted = kMeans(all, { k: K, initialCentroids: start.centroids, maxIterations: 1000, tolerance: 0 });
    engine =
      `kMeans of src/cluster/k-means.ts (Lloyd, k-means++ starts, run to a fixed point): the ${restarts} restarts on a seeded random sample of ` +
      `${sample.toLocaleString('en-GB')} complete vectors, the best refined by Lloyd on all of them`;
  }

  const order = fitted.centroids
    .map((c, j) => ({ j, m: c.reduce((a, b) => a + b, 0) / d }))
    .sort((a, b) => a.m - b.m || a.j - b.j);
  const centres = order.map((o) => fitted.centroids[o.j]!.slice());
  const centreMeans = order.map((o) => o.m);

  const segment = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    let bestSeg = -1;
    let bestDist = Infinity;
    for (let s = 0; s < K; s++) {
      const c = centres[s]!;
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const v = vectors[i * d + j]!;
        if (!Number.isNaN(v)) dist += (v - c[j]!) ** 2;
      }
      if (dist < bestDist) {
        bestDist = dist;
        bestSeg = s;
      }
    }
    segment[i] = bestSeg;
  }
  return {
    centres,
    centreMeans,
    inertia: fitted.inertia,
    segment,
    complete: complete.length,
    incomplete: n - complete.length,
    engine,
    sample: sampled ? sample : null,
  };
}
