import { createRng } from '../stats/rng.js';
import { checkDataMatrix, type DataMatrix } from './data-matrix.js';
import { packBinary, popcount32 } from './pack-binary.js';
import { sampleRows } from './sample-rows.js';

/** Options for {@link silhouette}. */
export interface SilhouetteOptions {
  /**
   * Compute on a seeded random sample of this many rows (drawn without replacement), as
   * scikit-learn's `silhouette_score(sample_size=…)`; default: every row when rows <= 2000,
   * else 2000.
   */
  sampleSize?: number;
  /** Seed of the sample (default 1). */
  seed?: number;
}

/** Result of {@link silhouette}. */
export interface SilhouetteResult {
  /** Mean silhouette width over the rows used. */
  mean: number;
  /** Mean width per cluster label (0..k−1) among the rows used; null for a label with none. */
  perCluster: (number | null)[];
  /** Rows used. */
  rows: number;
  sampled: boolean;
}

/**
 * Silhouette widths (Rousseeuw 1987) with Euclidean distance: for each row,
 * s = (b − a) / max(a, b), where a is its mean distance to the other rows of its cluster
 * and b the lowest mean distance to the rows of another cluster; 0 for a row alone in its
 * cluster (as scikit-learn). On a sample, distances are to the sampled rows only.
 *
 * Cost: O(m² · cols) time and O(m²) memory for m rows used.
 *
 * @throws if the data matrix is malformed, a label is not a whole number >= 0, there are
 *   fewer labels than rows, fewer than 2 clusters occur among the rows used, or sampleSize
 *   is not a whole number >= 2.
 * @example silhouette({ rows: 4, cols: 1, values: new Float64Array([0, 1, 10, 11]) }, [0, 0, 1, 1]).mean // 0.9
 */
export function silhouette(data: DataMatrix, labels: ArrayLike<number>, options: SilhouetteOptions = {}): SilhouetteResult {
  checkDataMatrix('silhouette', data);
  if (!labels || labels.length !== data.rows) {
    throw new Error(`silhouette requires one label per row, got ${labels ? labels.length : 0} labels for ${data.rows} rows`);
  }
  const sample = silhouetteSample(data, options);
  return silhouetteOnSample(sample, labels);
}

/** Rows drawn for silhouettes and their pairwise Euclidean distances (internal, reused across k). */
export interface SilhouetteSample {
  /** Row indices used, in drawn order. */
  rows: number[];
  /** m × m distances between the rows used. */
  distances: Float64Array;
  sampled: boolean;
}

/**
 * Draws the rows for {@link silhouette} (all, or a seeded sample without replacement) and
 * computes their pairwise distances once. Internal; the data matrix is assumed checked.
 *
 * Cost: O(m² · cols) (O(m² · cols/32) for 0/1 data).
 */
export function silhouetteSample(data: DataMatrix, options: SilhouetteOptions = {}): SilhouetteSample {
  const { rows: n, cols: d, values } = data;
  const sampleSize = options.sampleSize ?? Math.min(n, 2000);
  if (!Number.isSafeInteger(sampleSize) || sampleSize < 2) {
    throw new Error(`silhouette requires sampleSize to be a whole number >= 2, got ${String(sampleSize)}`);
  }
  const seed = options.seed ?? 1;
  let used: number[];
  let sampled = false;
  if (sampleSize >= n) {
    used = Array.from({ length: n }, (_, i) => i);
  } else {
    used = Array.from(sampleRows(n, sampleSize, createRng(seed)));
    sampled = true;
  }
  const m = used.length;
  const distances = new Float64Array(m * m);
  let binary = values instanceof Uint8Array;
  if (!binary) {
    binary = true;
    for (const row of used) {
      for (let j = 0; j < d; j++) {
        const v = values[row * d + j]!;
        if (v !== 0 && v !== 1) binary = false;
      }
    }
  }
  if (binary) {
    const sub = new Uint8Array(m * d);
    used.forEach((row, i) => {
      for (let j = 0; j < d; j++) sub[i * d + j] = values[row * d + j]!;
    });
    const packed = packBinary({ rows: m, cols: d, values: sub });
    const w = packed.stride >> 2;
    const words = packed.words;
    for (let i = 0; i < m; i++) {
      for (let e = i + 1; e < m; e++) {
        let h = 0;
        for (let t = 0; t < w; t++) h += popcount32(words[i * w + t]! ^ words[e * w + t]!);
        const dist = Math.sqrt(h);
        distances[i * m + e] = dist;
        distances[e * m + i] = dist;
      }
    }
  } else {
    for (let i = 0; i < m; i++) {
      const oi = used[i]! * d;
      for (let e = i + 1; e < m; e++) {
        const oe = used[e]! * d;
        let s = 0;
        for (let j = 0; j < d; j++) {
          const t = values[oi + j]! - values[oe + j]!;
          s += t * t;
        }
        const dist = Math.sqrt(s);
        distances[i * m + e] = dist;
        distances[e * m + i] = dist;
      }
    }
  }
  return { rows: used, distances, sampled };
}

/**
 * Silhouette widths of a labelling on a drawn sample (internal; see {@link silhouette}).
 *
 * Cost: O(m²).
 */
export function silhouetteOnSample(sample: SilhouetteSample, labels: ArrayLike<number>): SilhouetteResult {
  const m = sample.rows.length;
  let k = 0;
  const lab = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const row = sample.rows[i]!;
    if (row >= labels.length) {
      throw new Error(`silhouette requires one label per row, got ${labels.length} labels`);
    }
    const l = labels[row]!;
    if (!Number.isSafeInteger(l) || l < 0) throw new Error(`silhouette requires labels as whole numbers >= 0, got ${l} at row ${row}`);
    lab[i] = l;
    if (l + 1 > k) k = l + 1;
  }
  const sizes = new Array<number>(k).fill(0);
  for (const l of lab) sizes[l]++;
  const present = sizes.filter((s) => s > 0).length;
  if (present < 2) throw new Error(`silhouette requires at least 2 clusters among the rows used, got ${present}`);
  const dist = sample.distances;
  const sums = new Float64Array(k);
  let total = 0;
  const per = new Array<number>(k).fill(0);
  for (let i = 0; i < m; i++) {
    sums.fill(0);
    const base = i * m;
    for (let e = 0; e < m; e++) sums[lab[e]!] += dist[base + e]!;
    const own = lab[i]!;
    let width = 0;
    if (sizes[own]! > 1) {
      const a = sums[own]! / (sizes[own]! - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++) {
        if (c === own || sizes[c]! === 0) continue;
        const v = sums[c]! / sizes[c]!;
        if (v < b) b = v;
      }
      const mx = Math.max(a, b);
      width = mx === 0 ? 0 : (b - a) / mx;
    }
    total += width;
    per[own] += width;
  }
  return {
    mean: total / m,
    perCluster: per.map((s, c) => (sizes[c]! > 0 ? s / sizes[c]! : null)),
    rows: m,
    sampled: sample.sampled,
  };
}
