import type { PackedBinary } from './pack-binary.js';

/** One Lloyd run: the partition, its centroids and how it ended. */
export interface LloydRun {
  /** Cluster of each row (0-based); the workspace's array when one was passed. */
  labels: Int32Array;
  /** k × cols centroids, row-major. */
  centroids: Float64Array;
  sizes: Int32Array;
  /** Sum over rows of the squared distance to their cluster's centroid. */
  inertia: number;
  /** Assignment + update steps done. */
  iterations: number;
  converged: boolean;
}

/** A first assignment already made (by k-means++ from the same starting centroids). */
export interface LloydStart {
  labels: Int32Array;
  /** Squared distance of each row to its assigned starting centroid. */
  distances: Float64Array;
}

/**
 * Per-row arrays of a run, reusable across runs on the same rows and k (every entry is
 * written before it is read). The labels of a run live here until the next run.
 */
export interface LloydWorkspace {
  labels: Int32Array;
  upperS: Float64Array;
  hamerlyS: Float64Array;
  lowerS: Float32Array;
}

/** Allocates a {@link LloydWorkspace} for n rows and k clusters. */
export function lloydWorkspace(n: number, k: number): LloydWorkspace {
  return { labels: new Int32Array(n), upperS: new Float64Array(n), hamerlyS: new Float64Array(n), lowerS: new Float32Array(n * k) };
}

/**
 * Slack on squared distances computed in floating point: bounds are widened by this much
 * (times cols + 1) so that a row is skipped only when Lloyd's exact comparison could not
 * change its cluster.
 */
const SLACK = 1e-12;

/** The float32 at or below a non-negative x (a lower bound stays a lower bound when stored). */
function roundDown(x: number): number {
  return Math.fround(x * (1 - 2.4e-7));
}

/**
 * Lloyd's algorithm on packed 0/1 rows, with Elkan's (2003) bounds (an upper bound on the
 * distance to the row's centroid, a lower bound to every other) and Hamerly's (2010) single
 * lower bound, kept relative to the centroids' total movement, to skip the rows and
 * distances that cannot change a row's cluster, and per-centroid lookup tables over bytes:
 * ‖x − c‖² = ‖c‖² + Σ_{j: x_j = 1} (1 − 2c_j), so a row of 57 indicators costs 8 table
 * reads per centroid. Steps as ml-kmeans: assign every row to its nearest centroid (ties
 * to the lower index), recompute each centroid as the mean of its rows (an empty cluster
 * keeps its centroid), stop when every centroid moved by a squared distance <= tolerance
 * or after maxIterations steps. Centroid sums are whole counts, kept up to date as rows move.
 * With `start`, the first assignment step is taken as given (it must be exactly the
 * nearest-centroid assignment to `initial`, as k-means++ produces it). With `workspace`,
 * the per-row arrays are reused (the returned labels are the workspace's).
 *
 * Cost per step: O(rows) to test the bounds, O(k) more for a row whose test fails, and
 * O(stride) for each distance computed, O(k · stride · 256) to build the tables; memory
 * O(rows · k) (float32 lower bounds).
 */
export function lloydBinary(
  packed: PackedBinary,
  initial: Float64Array,
  k: number,
  maxIterations: number,
  tolerance: number,
  start?: LloydStart,
  workspace?: LloydWorkspace,
): LloydRun {
  const n = packed.rows;
  const d = packed.cols;
  const S = packed.stride;
  const G = packed.groups;
  const bytes = packed.bytes;
  const slack = SLACK * (d + 1);

  const cent = Float64Array.from(initial);
  const next = new Float64Array(k * d);
  const table = new Float64Array(k * S * 256);
  const norm = new Float64Array(k);
  const counts = new Int32Array(k * d);
  const sizes = new Int32Array(k);
  const ws = workspace && workspace.labels.length === n && workspace.lowerS.length === n * k ? workspace : lloydWorkspace(n, k);
  const labels = ws.labels;
  // Bounds are stored relative to how far the centroids have moved in total since the run
  // began (drift[c], and driftMax for the largest move of each step), so that moving the
  // centroids costs O(k) instead of a pass over every row:
  //   distance to own centroid      <= upperS[i] + drift[label]
  //   distance to centroid c        >= lowerS[i*k + c] - drift[c]      (Elkan 2003)
  //   distance to any other centroid >= hamerlyS[i] - driftMax          (Hamerly 2010)
  const upperS = ws.upperS;
  const hamerlyS = ws.hamerlyS;
  const lowerS = ws.lowerS;
  const drift = new Float64Array(k);
  let driftMax = 0;
  // Half the distance between centroids c and e (cc[c * k + e]) and to c's nearest other centroid (half[c]).
  const cc = new Float64Array(k * k);
  const half = new Float64Array(k);
  const dist = new Float64Array(k);
  // Effective lower bounds of the row being examined.
  const lw = new Float64Array(k);
  const weights = new Float64Array(8);

  const buildTables = (): void => {
    for (let c = 0; c < k; c++) {
      let nc = 0;
      for (let j = 0; j < d; j++) nc += cent[c * d + j]! * cent[c * d + j]!;
      norm[c] = nc;
      for (let b = 0; b < S; b++) {
        for (let t = 0; t < 8; t++) {
          const j = b * 8 + t;
          weights[t] = j < d ? 1 - 2 * cent[c * d + j]! : 0;
        }
        const base = (c * S + b) << 8;
        table[base] = 0;
        for (let v = 1; v < 256; v++) {
          const low = v & -v;
          table[base + v] = table[base + (v ^ low)]! + weights[31 - Math.clz32(low)]!;
        }
      }
    }
    for (let c = 0; c < k; c++) {
      let m = Infinity;
      for (let e = 0; e < k; e++) {
        if (e === c) {
          cc[c * k + e] = 0;
          continue;
        }
        let s = 0;
        for (let j = 0; j < d; j++) {
          const t = cent[c * d + j]! - cent[e * d + j]!;
          s += t * t;
        }
        const h = 0.5 * Math.sqrt(Math.max(0, s - slack));
        cc[c * k + e] = h;
        if (h < m) m = h;
      }
      half[c] = m;
    }
  };

  // Squared distances from the row at byte offset `off` to every centroid, into `dist`.
  const distancesOf = (off: number): void => {
    for (let c = 0; c < k; c++) dist[c] = norm[c]!;
    for (let g = 0; g < G; g++) {
      const o = off + g * 8;
      const b0 = bytes[o]!;
      const b1 = bytes[o + 1]! + 256;
      const b2 = bytes[o + 2]! + 512;
      const b3 = bytes[o + 3]! + 768;
      const b4 = bytes[o + 4]! + 1024;
      const b5 = bytes[o + 5]! + 1280;
      const b6 = bytes[o + 6]! + 1536;
      const b7 = bytes[o + 7]! + 1792;
      for (let c = 0; c < k; c++) {
        const t = (c * S + g * 8) << 8;
        dist[c] += table[t + b0]! + table[t + b1]! + table[t + b2]! + table[t + b3]! +
          table[t + b4]! + table[t + b5]! + table[t + b6]! + table[t + b7]!;
      }
    }
  };

  // Squared distance from the row at byte offset `off` to centroid c (the same sums as distancesOf).
  const distanceTo = (off: number, c: number): number => {
    let s = norm[c]!;
    for (let g = 0; g < G; g++) {
      const o = off + g * 8;
      const t = (c * S + g * 8) << 8;
      s += table[t + bytes[o]!]! + table[t + 256 + bytes[o + 1]!]! + table[t + 512 + bytes[o + 2]!]! +
        table[t + 768 + bytes[o + 3]!]! + table[t + 1024 + bytes[o + 4]!]! + table[t + 1280 + bytes[o + 5]!]! +
        table[t + 1536 + bytes[o + 6]!]! + table[t + 1792 + bytes[o + 7]!]!;
    }
    return s;
  };

  // Adds (sign 1) or removes (sign -1) the ones of a row to/from cluster c's counts.
  const addRow = (off: number, c: number, sign: number): void => {
    sizes[c] += sign;
    const base = c * d;
    for (let b = 0; b < S; b++) {
      let v = bytes[off + b]!;
      while (v !== 0) {
        const low = v & -v;
        counts[base + b * 8 + 31 - Math.clz32(low)] += sign;
        v ^= low;
      }
    }
  };

  // Counts and sizes from scratch: a histogram of each byte position's values per cluster.
  const countAll = (): void => {
    const hist = new Int32Array(k * S * 256);
    for (let i = 0; i < n; i++) {
      const c = labels[i]!;
      sizes[c]++;
      const off = i * S;
      const hb = c * S * 256;
      for (let b = 0; b < S; b++) hist[hb + (b << 8) + bytes[off + b]!]++;
    }
    for (let c = 0; c < k; c++) {
      for (let b = 0; b < S; b++) {
        const hb = (c * S + b) << 8;
        for (let v = 1; v < 256; v++) {
          const h = hist[hb + v]!;
          if (h === 0) continue;
          for (let t = 0; t < 8; t++) {
            if ((v >> t) & 1) counts[c * d + b * 8 + t] += h;
          }
        }
      }
    }
  };

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    buildTables();
    if (iterations === 1 && start) {
      // The first assignment is given (by k-means++): bounds are unknown, so the next step is a full pass.
      labels.set(start.labels);
      for (let i = 0; i < n; i++) upperS[i] = Math.sqrt(Math.max(0, start.distances[i]!) + slack);
      countAll();
    } else if (iterations === 1 || (iterations === 2 && start)) {
      const first = iterations === 1;
      for (let i = 0; i < n; i++) {
        const off = i * S;
        distancesOf(off);
        let best = dist[0]!;
        let bi = 0;
        const lb = i * k;
        for (let c = 1; c < k; c++) {
          if (dist[c]! < best) {
            best = dist[c]!;
            bi = c;
          }
        }
        let second = Infinity;
        for (let c = 0; c < k; c++) {
          const l = Math.sqrt(Math.max(0, dist[c]! - slack));
          lowerS[lb + c] = roundDown(l + drift[c]!);
          if (c !== bi && l < second) second = l;
        }
        upperS[i] = Math.sqrt(Math.max(0, best) + slack) - drift[bi]!;
        hamerlyS[i] = second + driftMax;
        if (first) {
          labels[i] = bi;
        } else if (bi !== labels[i]!) {
          addRow(off, labels[i]!, -1);
          addRow(off, bi, 1);
          labels[i] = bi;
        }
      }
      if (first) countAll();
    } else {
      for (let i = 0; i < n; i++) {
        const a0 = labels[i]!;
        let u = upperS[i]! + drift[a0]!;
        const hl = hamerlyS[i]! - driftMax;
        const h0 = half[a0]!;
        if (u < (hl > h0 ? hl : h0)) continue;
        const off = i * S;
        const lb = i * k;
        let a = a0;
        let tight = false;
        let da = 0;
        for (let c = 0; c < k; c++) {
          if (c === a) continue;
          const l = lowerS[lb + c]! - drift[c]!;
          lw[c] = l;
          if (u < l || u < cc[a * k + c]!) continue;
          if (!tight) {
            da = distanceTo(off, a);
            const la = Math.sqrt(Math.max(0, da - slack));
            lowerS[lb + a] = roundDown(la + drift[a]!);
            lw[a] = la;
            u = Math.sqrt(Math.max(0, da) + slack);
            tight = true;
            if (u < l || u < cc[a * k + c]!) continue;
          }
          const dc = distanceTo(off, c);
          const lc = Math.sqrt(Math.max(0, dc - slack));
          lowerS[lb + c] = roundDown(lc + drift[c]!);
          lw[c] = lc;
          if (dc < da || (dc === da && c < a)) {
            a = c;
            da = dc;
            u = Math.sqrt(Math.max(0, dc) + slack);
          }
        }
        upperS[i] = u - drift[a]!;
        // The nearest other centroid is at least the smallest lower bound of the others
        // (lw[a0] is set whenever a0 is no longer the row's centroid: it was tightened first).
        let second = Infinity;
        for (let c = 0; c < k; c++) {
          const l = c === a ? Infinity : lw[c]!;
          second = l < second ? l : second;
        }
        hamerlyS[i] = second + driftMax;
        if (a !== a0) {
          addRow(off, a0, -1);
          addRow(off, a, 1);
          labels[i] = a;
        }
      }
    }

    // Update step: centroids are counts / sizes; an empty cluster keeps its centroid.
    let allSettled = true;
    let stepMax = 0;
    for (let c = 0; c < k; c++) {
      const size = sizes[c]!;
      let moved = 0;
      for (let j = 0; j < d; j++) {
        const v = size > 0 ? counts[c * d + j]! / size : cent[c * d + j]!;
        next[c * d + j] = v;
        const t = v - cent[c * d + j]!;
        moved += t * t;
      }
      if (moved > tolerance) allSettled = false;
      const dc = moved === 0 ? 0 : Math.sqrt(moved + slack);
      drift[c] += dc;
      if (dc > stepMax) stepMax = dc;
    }
    driftMax += stepMax;
    cent.set(next);
    if (allSettled) {
      converged = true;
      break;
    }
  }

  let inertia = 0;
  for (let c = 0; c < k; c++) {
    const size = sizes[c]!;
    if (size === 0) continue;
    for (let j = 0; j < d; j++) {
      const m = counts[c * d + j]!;
      inertia += (m * (size - m)) / size;
    }
  }
  return { labels, centroids: cent, sizes, inertia, iterations, converged };
}
