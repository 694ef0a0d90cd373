import { createRng } from '../stats/rng.js';
import { checkDataMatrix, type DataMatrix } from './data-matrix.js';
import { checkFitOptions, type CheckedFitOptions } from './fit-options.js';
import { kMeansPlusPlus, type SeedResult, type SeedSource } from './k-means-plus-plus.js';
import { lloydBinary, lloydWorkspace, type LloydRun } from './lloyd-binary.js';
import { lloydDense } from './lloyd-dense.js';
import { packBinary } from './pack-binary.js';

/** Options for {@link kMeans}. */
export interface KMeansOptions {
  /** Number of clusters, 1 <= k <= rows. */
  k: number;
  /** k-means++ starts; the run with the lowest inertia is kept (default 10, as scikit-learn's n_init). */
  restarts?: number;
  /** Seed of the k-means++ draws (default 1). */
  seed?: number;
  /** Most assignment + update steps per run (default 300, as scikit-learn). */
  maxIterations?: number;
  /**
   * A run stops when every centroid moved by a squared distance <= tolerance in one step
   * (ml-kmeans' rule and default, 1e-6). 0 runs until no centroid moves (no row changes cluster).
   */
  tolerance?: number;
  /** Start from these k centroids instead of k-means++ (one run; `restarts` must then be 1 or absent). */
  initialCentroids?: number[][];
  /**
   * Another thread to run half of the restarts on (given by the command line; analyses stay
   * free of threads themselves). Same result as without: each restart has its own seed.
   */
  threads?: KMeansThreads;
}

/** Restarts of one kMeans call, to run on another thread: the data and each restart's seed. */
export interface RestartJob {
  rows: number;
  cols: number;
  values: Uint8Array | Float64Array;
  binary: boolean;
  k: number;
  maxIterations: number;
  tolerance: number;
  /** Seed of each restart's k-means++ draws, in restart order. */
  seeds: number[];
}

/** What a thread gives back: every restart's summary and the best run (earliest on ties). */
export interface RestartJobResult {
  restarts: KMeansRestart[];
  best: { index: number; run: LloydRun; startRows: number[] } | null;
}

/** Runs restart jobs elsewhere; `wait` blocks until the job is done. */
export interface KMeansThreads {
  start(job: RestartJob): { wait(): RestartJobResult };
}

/** Fewest rows × restarts for which half the restarts go to another thread (below, starting it costs more). */
export const THREAD_MIN_WORK = 500_000;

/**
 * Runs the k-means++ restarts of a job (each from its own seed) on this thread. Used by
 * kMeans and by the thread that runs the other half. Cost: as kMeans, for these restarts.
 */
export function runRestarts(job: RestartJob): RestartJobResult {
  const { rows: n, cols: d, k } = job;
  const data: DataMatrix = { rows: n, cols: d, values: job.values };
  const source: SeedSource = job.binary
    ? { kind: 'binary', packed: packBinary(data) }
    : { kind: 'dense', rows: n, cols: d, values: Float64Array.from(job.values) };
  const workspace = source.kind === 'binary' ? lloydWorkspace(n, k) : undefined;
  const restarts: KMeansRestart[] = [];
  let best: RestartJobResult['best'] = null;
  let previous: SeedResult | undefined;
  job.seeds.forEach((seed, r) => {
    const seeding = kMeansPlusPlus(source, k, createRng(seed), previous);
    previous = seeding;
    const initial = new Float64Array(k * d);
    seeding.seeds.forEach((row, i) => {
      for (let j = 0; j < d; j++) initial[i * d + j] = job.values[row * d + j]!;
    });
    const result =
      source.kind === 'binary'
        ? lloydBinary(source.packed, initial, k, job.maxIterations, job.tolerance, seeding, workspace)
        : lloydDense(source.values, n, d, initial, k, job.maxIterations, job.tolerance, seeding);
    restarts.push({ inertia: result.inertia, iterations: result.iterations, converged: result.converged });
    if (best === null || result.inertia < best.run.inertia) {
      // The workspace's labels are overwritten by the next run: keep a copy.
      best = { index: r, run: { ...result, labels: Int32Array.from(result.labels) }, startRows: seeding.seeds };
    }
  });
  return { restarts, best };
}

/** One run of Lloyd's algorithm within {@link kMeans}. */
export interface KMeansRestart {
  inertia: number;
  iterations: number;
  converged: boolean;
}

/** Result of {@link kMeans}. */
export interface KMeansResult {
  k: number;
  /** Cluster of each row, 0-based, in the order of the fitted run's centroids. */
  labels: Int32Array;
  /** k centroids (means of their rows; an empty cluster keeps its last centroid). */
  centroids: number[][];
  /** Rows in each cluster. */
  sizes: number[];
  /** Within-cluster sum of squares: Σ ‖x_i − c_{label_i}‖² over rows (scikit-learn's `inertia_`). */
  inertia: number;
  /** Steps of the kept run. */
  iterations: number;
  /** Whether the kept run met the tolerance before maxIterations. */
  converged: boolean;
  /** Every run, in order; `bestRestart` is the index of the kept one (the first of equal lowest inertias). */
  restarts: KMeansRestart[];
  bestRestart: number;
  initialization: 'kmeans++' | 'given';
  /** Row indices of the kept run's k-means++ starting centroids (null with given centroids). */
  startRows: number[] | null;
  /** The seed used (null with given centroids). */
  seed: number | null;
  /** Whether the 0/1 kernel (packed rows, lookup tables) was used. */
  binary: boolean;
}

/**
 * k-means by Lloyd's algorithm with k-means++ starts: several seeded runs, keeping the one
 * with the lowest within-cluster sum of squares. Each run makes the same steps as the
 * ml-kmeans package from the same starting centroids (nearest centroid with ties to the
 * lower index; centroid = mean; an empty cluster keeps its centroid; stop when no centroid
 * moves by more than `tolerance` in squared distance). Rows whose cluster provably cannot
 * change are skipped (Elkan's and Hamerly's bounds, with a margin for rounding; dense data:
 * Hamerly's); 0/1 data is packed 8 indicators to a byte and compared through per-centroid
 * lookup tables. Ties between exactly equidistant centroids go to the lower index, as in
 * ml-kmeans (scikit-learn's rounding may break such ties otherwise). Same data, options and
 * seed give the same result.
 *
 * Cost: O(restarts · (k·trials + iterations·k) · rows · cols) in the worst case, far less
 * when rows settle; memory O(rows · k) beyond the data (one workspace reused by every run).
 *
 * @throws if the data matrix is malformed or has non-finite values, k is not a whole number
 *   in [1, rows], restarts/maxIterations are not whole numbers >= 1, tolerance is negative
 *   or not finite, the seed is not a safe integer, or initialCentroids do not have k rows of
 *   cols finite numbers (or come with restarts > 1).
 * @example
 * const r = kMeans({ rows: 4, cols: 1, values: new Float64Array([0, 1, 10, 11]) }, { k: 2, seed: 1 });
 * r.inertia // 1 (clusters {0, 1} and {10, 11})
 */
export function kMeans(data: DataMatrix, options: KMeansOptions): KMeansResult {
  const { binary } = checkDataMatrix('kMeans', data);
  const { rows: n, cols: d } = data;
  const o = checkKMeansOptions(options, n, d);
  const { k } = o;

  const restarts: KMeansRestart[] = [];
  let best: LloydRun | null = null;
  let bestRestart = 0;
  let startRows: number[] | null = null;
  if (o.initialCentroids) {
    const initial = new Float64Array(k * d);
    o.initialCentroids.forEach((c, i) => initial.set(c, i * d));
    best = binary
      ? lloydBinary(packBinary(data), initial, k, o.maxIterations, o.tolerance)
      : lloydDense(Float64Array.from(data.values), n, d, initial, k, o.maxIterations, o.tolerance);
    restarts.push({ inertia: best.inertia, iterations: best.iterations, converged: best.converged });
  } else {
    // Each restart's own seed (as rng.fork() would give it), so restarts can run anywhere.
    const rng = createRng(o.seed);
    const seeds = Array.from({ length: o.restarts }, () => rng.int(0, 0x7fffffff));
    const job = (part: number[]): RestartJob => ({ rows: n, cols: d, values: data.values, binary, k, maxIterations: o.maxIterations, tolerance: o.tolerance, seeds: part });
    const split = options.threads && o.restarts >= 2 && n * o.restarts >= THREAD_MIN_WORK ? Math.ceil(o.restarts / 2) : o.restarts;
    const elsewhere = split < o.restarts ? options.threads!.start(job(seeds.slice(split))) : null;
    const parts = [runRestarts(job(seeds.slice(0, split)))];
    if (elsewhere) parts.push(elsewhere.wait());
    for (const part of parts) {
      const offset = restarts.length;
      restarts.push(...part.restarts);
      if (part.best && (best === null || part.best.run.inertia < best.inertia)) {
        best = part.best.run;
        bestRestart = offset + part.best.index;
        startRows = part.best.startRows;
      }
    }
  }
  const fit = best!;
  const centroids: number[][] = [];
  for (let c = 0; c < k; c++) centroids.push(Array.from(fit.centroids.subarray(c * d, (c + 1) * d)));
  return {
    k,
    labels: fit.labels,
    centroids,
    sizes: Array.from(fit.sizes),
    inertia: fit.inertia,
    iterations: fit.iterations,
    converged: fit.converged,
    restarts,
    bestRestart,
    initialization: o.initialCentroids ? 'given' : 'kmeans++',
    startRows,
    seed: o.initialCentroids ? null : o.seed,
    binary,
  };
}

interface CheckedKMeansOptions extends CheckedFitOptions {
  initialCentroids: number[][] | null;
}

function checkKMeansOptions(options: KMeansOptions, n: number, d: number): CheckedKMeansOptions {
  const fit = checkFitOptions('kMeans', options, n, options?.initialCentroids !== undefined, { maxIterations: 300, tolerance: 1e-6 });
  const { k, restarts } = fit;
  let initialCentroids: number[][] | null = null;
  if (options.initialCentroids !== undefined) {
    const ic = options.initialCentroids;
    if (!Array.isArray(ic) || ic.length !== k) {
      throw new Error(`kMeans requires initialCentroids to have k=${k} rows, got ${Array.isArray(ic) ? ic.length : typeof ic}`);
    }
    ic.forEach((c, i) => {
      if (!Array.isArray(c) || c.length !== d) {
        throw new Error(`kMeans requires initialCentroids rows of cols=${d} values, got ${Array.isArray(c) ? c.length : typeof c} in row ${i}`);
      }
      c.forEach((v, j) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new Error(`kMeans requires finite initialCentroids, got ${String(v)} at row ${i}, column ${j}`);
        }
      });
    });
    if (restarts !== 1) {
      throw new Error(`kMeans requires restarts=1 with initialCentroids, got restarts=${restarts}`);
    }
    initialCentroids = ic;
  }
  return { ...fit, initialCentroids };
}
