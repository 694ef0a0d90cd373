import type { LloydRun, LloydStart } from './lloyd-binary.js';

/** Relative slack on squared distances (times the squared norms involved) for Hamerly's bounds. */
const SLACK = 1e-12;

/**
 * Lloyd's algorithm on dense rows with Hamerly's (2010) bounds, step for step as
 * ml-kmeans: squared distances Σ (x_j − c_j)², nearest centroid with ties to the lower
 * index, centroids as the mean of their rows (sums in row order, then divided; an empty
 * cluster keeps its centroid), stop when every centroid moved by a squared distance <=
 * tolerance or after maxIterations steps. A row is skipped only when its bounds prove that
 * the full comparison would keep its cluster. With `start`, the first assignment step is
 * taken as given (exactly the nearest-centroid assignment to `initial`, as k-means++ makes it).
 *
 * Cost per step: O(rows · cols) for the update plus O(k · cols) for each row not skipped.
 */
export function lloydDense(
  values: Float64Array,
  n: number,
  d: number,
  initial: Float64Array,
  k: number,
  maxIterations: number,
  tolerance: number,
  start?: LloydStart,
): LloydRun {
  let scale = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (a > scale) scale = a;
  }
  for (let i = 0; i < initial.length; i++) {
    const a = Math.abs(initial[i]!);
    if (a > scale) scale = a;
  }
  const slack = SLACK * (d + 1) * (scale * scale + 1);

  const cent = Float64Array.from(initial);
  const next = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const half = new Float64Array(k);
  const delta = new Float64Array(k);

  const sq = (off: number, c: number): number => {
    let s = 0;
    const cb = c * d;
    for (let j = 0; j < d; j++) {
      const t = values[off + j]! - cent[cb + j]!;
      s += t * t;
    }
    return s;
  };

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    for (let c = 0; c < k; c++) {
      let m = Infinity;
      for (let e = 0; e < k; e++) {
        if (e === c) continue;
        let s = 0;
        for (let j = 0; j < d; j++) {
          const t = cent[c * d + j]! - cent[e * d + j]!;
          s += t * t;
        }
        if (s < m) m = s;
      }
      half[c] = m === Infinity ? Infinity : 0.5 * Math.sqrt(Math.max(0, m - slack));
    }
    if (iterations === 1 && start) {
      // The first assignment is given (by k-means++); lower bounds of 0 force a full comparison next step.
      labels.set(start.labels);
      for (let i = 0; i < n; i++) upper[i] = Math.sqrt(start.distances[i]! + slack);
    }
    for (let i = 0; i < (iterations === 1 && start ? 0 : n); i++) {
      const off = i * d;
      if (iterations > 1) {
        const a = labels[i]!;
        const h = half[a]!;
        const l = lower[i]!;
        const m = h > l ? h : l;
        if (upper[i]! < m) continue;
        const u = Math.sqrt(sq(off, a) + slack);
        upper[i] = u;
        if (u < m) continue;
      }
      let best = Infinity;
      let bi = 0;
      let second = Infinity;
      for (let c = 0; c < k; c++) {
        const v = sq(off, c);
        if (v < best) {
          second = best;
          best = v;
          bi = c;
        } else if (v < second) second = v;
      }
      labels[i] = bi;
      upper[i] = Math.sqrt(best + slack);
      lower[i] = second === Infinity ? Infinity : Math.sqrt(Math.max(0, second - slack));
    }

    next.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i]!;
      sizes[c]++;
      const off = i * d;
      const cb = c * d;
      for (let j = 0; j < d; j++) next[cb + j] += values[off + j]!;
    }
    let allSettled = true;
    let max1 = 0;
    let max2 = 0;
    let arg1 = -1;
    for (let c = 0; c < k; c++) {
      const size = sizes[c]!;
      let moved = 0;
      for (let j = 0; j < d; j++) {
        const v = size > 0 ? next[c * d + j]! / size : cent[c * d + j]!;
        next[c * d + j] = v;
        const t = v - cent[c * d + j]!;
        moved += t * t;
      }
      if (moved > tolerance) allSettled = false;
      const dc = moved === 0 ? 0 : Math.sqrt(moved + slack);
      delta[c] = dc;
      if (dc > max1) {
        max2 = max1;
        max1 = dc;
        arg1 = c;
      } else if (dc > max2) max2 = dc;
    }
    cent.set(next);
    if (allSettled) {
      converged = true;
      break;
    }
    for (let i = 0; i < n; i++) {
      const a = labels[i]!;
      upper[i] += delta[a]!;
      lower[i] -= a === arg1 ? max2 : max1;
    }
  }

  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += sq(i * d, labels[i]!);
  return { labels, centroids: cent, sizes, inertia, iterations, converged };
}
