import { createRng } from '../stats/rng.js';
import type { DataMatrix } from './data-matrix.js';
import { sampleRows, takeRows } from './sample-rows.js';

/** Hennig's reading of a cluster's mean Jaccard similarity over bootstrap resamples. */
export const STABILITY_READINGS = ['stable', 'pattern', 'unstable'] as const;
export type StabilityReading = (typeof STABILITY_READINGS)[number];

/** Options for {@link clusterStability}. */
export interface ClusterStabilityOptions {
  /** Bootstrap resamples (default 100). */
  resamples?: number;
  /** Seed of the resampling and of the refits (default 1). */
  seed?: number;
  /**
   * Hennig's subsetting scheme instead of the bootstrap: each resample is this many distinct
   * rows drawn without replacement (fpc::clusterboot's `subtuning`, there n/2 by default), a
   * whole number in [2, rows).
   */
  subsetSize?: number;
}

/** Result of {@link clusterStability}; arrays are indexed by cluster number. */
export interface ClusterStabilityResult {
  resamples: number;
  seed: number;
  /** 'bootstrap', or 'subset' (rows drawn without replacement). */
  scheme: 'bootstrap' | 'subset';
  /** Rows in each resample (the data's rows for the bootstrap). */
  resampleRows: number;
  /** Mean over resamples of the Jaccard similarity to the most similar bootstrap cluster. */
  meanJaccard: number[];
  /** Resamples in which the cluster dissolved (best Jaccard <= 0.5). */
  dissolved: number[];
  /** Resamples in which it was recovered (best Jaccard >= 0.75). */
  recovered: number[];
  reading: StabilityReading[];
  method: string;
}

/**
 * Cluster-wise stability by resampling (Hennig 2007, as fpc::clusterboot): each resample
 * draws rows with replacement (the bootstrap, the default) or, with `subsetSize`, that many
 * distinct rows without replacement (Hennig's subsetting scheme, clusterboot's 'subset'),
 * the clustering is refitted on it, and each original cluster (restricted to the drawn
 * rows, counted with repeats under the bootstrap) is compared with every cluster of the
 * refit by the Jaccard coefficient |A ∩ B| / |A ∪ B|; its best match is kept. A cluster
 * absent from a resample is skipped there. Reading (Hennig): mean Jaccard >= 0.75 stable;
 * 0.6 to 0.75 indicates a pattern, but which rows belong is doubtful; below 0.6 not to be
 * trusted. Refits on fewer rows vary more, so smaller subsets tend to give lower Jaccard
 * values (a cautious reading).
 *
 * Cost: `resamples` refits plus O(resamples · resample rows · cols); subsetting holds one
 * permutation of the rows (4 bytes a row) and one resample.
 *
 * @throws if labels do not match the rows or are outside [0, k), resamples is not a whole
 *   number >= 1, the seed is not a safe integer, subsetSize is not a whole number in [2, rows),
 *   or the refit does not give every sample row a whole-number label >= 0.
 * @example clusterStability(data, fit.labels, 9, (sample, seed) => kMeans(sample, { k: 9, seed }).labels).meanJaccard
 */
export function clusterStability(
  data: DataMatrix,
  labels: ArrayLike<number>,
  k: number,
  refit: (sample: DataMatrix, seed: number) => ArrayLike<number>,
  options: ClusterStabilityOptions = {},
): ClusterStabilityResult {
  const { rows: n, cols: d, values } = data;
  if (labels.length !== n) throw new Error(`clusterStability requires one label per row, got ${labels.length} for ${n} rows`);
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    if (!Number.isInteger(l) || l < 0 || l >= k) throw new Error(`clusterStability requires labels in [0, ${k}), got ${l} at row ${i}`);
  }
  const resamples = options.resamples ?? 100;
  if (!Number.isSafeInteger(resamples) || resamples < 1) {
    throw new Error(`clusterStability requires resamples to be a whole number >= 1, got ${String(resamples)}`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new Error(`clusterStability requires a whole-number seed, got ${String(seed)}`);
  const subset = options.subsetSize !== undefined;
  const m = options.subsetSize ?? n;
  if (subset && (!Number.isSafeInteger(m) || m < 2 || m >= n)) {
    throw new Error(`clusterStability requires subsetSize to be a whole number in [2, ${n}), got ${String(options.subsetSize)}`);
  }
  const rng = createRng(seed);
  const sums = new Float64Array(k);
  const seen = new Int32Array(k);
  const dissolved = new Array<number>(k).fill(0);
  const recovered = new Array<number>(k).fill(0);
  let idx: Int32Array = new Int32Array(m);
  const order = subset ? Int32Array.from({ length: n }, (_, i) => i) : undefined;
  const sampleValues = values instanceof Uint8Array ? new Uint8Array(m * d) : new Float64Array(m * d);
  for (let b = 0; b < resamples; b++) {
    if (order) idx = sampleRows(n, m, rng, order);
    else for (let p = 0; p < n; p++) idx[p] = rng.int(0, n - 1);
    const sample = takeRows(data, idx, sampleValues);
    const refitSeed = rng.int(0, 0x7fffffff);
    const boot = refit(sample, refitSeed);
    if (boot.length !== m) throw new Error(`clusterStability requires the refit to label every row, got ${boot.length} of ${m}`);
    let kb = 0;
    for (let p = 0; p < m; p++) {
      const c = boot[p]!;
      if (!Number.isSafeInteger(c) || c < 0) throw new Error(`clusterStability requires the refit's labels to be whole numbers >= 0, got ${c} at sample row ${p}`);
      if (c + 1 > kb) kb = c + 1;
    }
    const table = new Float64Array(k * kb);
    const rowTotals = new Float64Array(k);
    const colTotals = new Float64Array(kb);
    for (let p = 0; p < m; p++) {
      const a = labels[idx[p]!]!;
      const c = boot[p]!;
      table[a * kb + c]++;
      rowTotals[a]++;
      colTotals[c]++;
    }
    for (let a = 0; a < k; a++) {
      if (rowTotals[a] === 0) continue;
      let best = 0;
      for (let c = 0; c < kb; c++) {
        const inter = table[a * kb + c]!;
        const j = inter / (rowTotals[a]! + colTotals[c]! - inter);
        if (j > best) best = j;
      }
      sums[a] += best;
      seen[a]++;
      if (best <= 0.5) dissolved[a]++;
      if (best >= 0.75) recovered[a]++;
    }
  }
  const meanJaccard = Array.from(sums, (s, a) => (seen[a]! > 0 ? s / seen[a]! : 0));
  return {
    resamples,
    seed,
    scheme: subset ? 'subset' : 'bootstrap',
    resampleRows: m,
    meanJaccard,
    dissolved,
    recovered,
    reading: meanJaccard.map((j) => (j >= 0.75 ? 'stable' : j >= 0.6 ? 'pattern' : 'unstable')),
    method:
      (subset
        ? // No size here: this text is shown on published pages, and a subset's size can give
          // the cohort's (resampleRows holds it; the report words it from the rounded total).
          "subsetting (Hennig's scheme: subsets of the rows drawn without replacement), " +
          'clustering refitted on each subset; per cluster, restricted to the subset, the mean over resamples of the ' +
          'Jaccard similarity to its best-matching cluster of the refit'
        : 'bootstrap (rows drawn with replacement), clustering refitted on each resample; per cluster the mean over resamples of the ' +
          'Jaccard similarity to its best-matching bootstrap cluster') +
      ' (Hennig 2007, fpc::clusterboot). Reading: >= 0.75 stable, 0.6–0.75 a pattern (membership doubtful), < 0.6 not to be trusted',
  };
}
