import { assertFiniteArray } from './assert.js';
import { normalTail } from './normal-tail.js';
import { averageRanks } from './rank.js';

/** How the p-value of {@link wilcoxonSignedRank} was obtained. */
export const WILCOXON_METHODS = ['exact', 'normal'] as const;
/** 'exact' null distribution or 'normal' approximation. */
export type WilcoxonMethod = (typeof WILCOXON_METHODS)[number];

/** Largest number of non-zero differences for which the exact distribution is used. */
export const WILCOXON_EXACT_MAX_N = 50;

/** Result of {@link wilcoxonSignedRank}. */
export interface WilcoxonSignedRankResult {
  /** Number of non-zero differences (the ones ranked). */
  n: number;
  /** Zero differences left out before ranking (Wilcoxon's "wilcox" zero method). */
  zerosDropped: number;
  /** V = sum of the ranks of the positive differences (R's `V`). */
  statistic: number;
  /** Two-sided p-value. */
  p: number;
  method: WilcoxonMethod;
  /** Normal-approximation z (tie and continuity corrected) when method = 'normal'; null when exact. */
  z: number | null;
  /**
   * r = |z| / √n, with z from the normal approximation with continuity correction (for
   * the exact method too, where that z is computed only for this effect size).
   */
  effectSizeR: number;
}

/**
 * Wilcoxon signed-rank test of paired differences against a zero median, two-sided.
 *
 * Zero differences are dropped before ranking (Wilcoxon's method, scipy
 * `zero_method="wilcox"`) and counted in `zerosDropped`; n is the number left. When
 * n <= 50 and no absolute differences are tied, the p-value comes from the exact null
 * distribution of V (as scipy `wilcoxon(d, method="exact")` and R
 * `wilcox.test(d, exact = TRUE)` on the non-zero differences). Otherwise it uses the
 * normal approximation with tie correction of the variance and continuity correction,
 * as R `wilcox.test(d, exact = FALSE, correct = TRUE)`:
 * z = (V − n(n+1)/4 − sign·0.5) / √(n(n+1)(2n+1)/24 − Σ(t³ − t)/48).
 * Note R itself falls back to the normal approximation whenever zeros were present; here
 * the zeros are removed first, so the exact method is still used.
 *
 * Cost: O(n log n) for the ranks; the exact distribution is O(n³) (n <= 50).
 *
 * @throws if the input is empty, contains a value that is not a finite number, or every
 *   difference is zero (nothing to rank).
 * @example wilcoxonSignedRank([1.5, -0.5, 2, 3, 4.5, -1, 2.5, 0]) // { n: 7, zerosDropped: 1, statistic: 25, p: 0.078125, method: 'exact', z: null, ... }
 */
export function wilcoxonSignedRank(differences: readonly number[]): WilcoxonSignedRankResult {
  assertFiniteArray('wilcoxonSignedRank', 'differences', differences);
  const nonZero = differences.filter((d) => d !== 0);
  const n = nonZero.length;
  const zerosDropped = differences.length - n;
  if (n === 0) {
    throw new Error(`wilcoxonSignedRank requires at least one non-zero difference, got ${differences.length} zeros`);
  }
  const { ranks, tieSizes } = averageRanks(nonZero.map(Math.abs));
  let statistic = 0;
  for (let i = 0; i < n; i++) if (nonZero[i]! > 0) statistic += ranks[i]!;
  return signedRankResult(n, zerosDropped, statistic, tieSizes);
}

/**
 * The same test as {@link wilcoxonSignedRank}, from a table of differences: `counts[i]`
 * differences equal to `values[i]` (values distinct). For data with few distinct values,
 * such as changes in Family Star readings (−9…9), a million differences need no array.
 *
 * Cost: O(k log k) for k distinct values (plus the exact distribution when it applies).
 *
 * @throws if the values are not distinct finite numbers, a count is not a whole number
 *   >= 0, there are no differences, or every difference is zero.
 * @example wilcoxonSignedRankOfCounts([-1, 0, 2], [1, 3, 2]) // as wilcoxonSignedRank([-1, 0, 0, 0, 2, 2])
 */
export function wilcoxonSignedRankOfCounts(values: readonly number[], counts: readonly number[]): WilcoxonSignedRankResult {
  if (values.length !== counts.length) throw new Error(`wilcoxonSignedRankOfCounts requires one count per value, got ${counts.length} counts for ${values.length} values`);
  assertFiniteArray('wilcoxonSignedRankOfCounts', 'values', values);
  if (new Set(values).size !== values.length) throw new Error('wilcoxonSignedRankOfCounts requires distinct values');
  let total = 0;
  for (const c of counts) {
    if (!Number.isSafeInteger(c) || c < 0) throw new Error(`wilcoxonSignedRankOfCounts requires whole-number counts >= 0, got ${c}`);
    total += c;
  }
  // Group the non-zero differences by absolute value: each group is one tie of ranks.
  const byAbs = new Map<number, { count: number; positive: number }>();
  let zerosDropped = 0;
  values.forEach((v, i) => {
    const c = counts[i]!;
    if (c === 0) return;
    if (v === 0) {
      zerosDropped += c;
      return;
    }
    const a = Math.abs(v);
    const g = byAbs.get(a) ?? { count: 0, positive: 0 };
    g.count += c;
    if (v > 0) g.positive += c;
    byAbs.set(a, g);
  });
  const n = total - zerosDropped;
  if (n === 0) throw new Error(`wilcoxonSignedRankOfCounts requires at least one non-zero difference, got ${total} zeros`);
  let below = 0;
  let statistic = 0;
  const tieSizes: number[] = [];
  for (const a of [...byAbs.keys()].sort((x, y) => x - y)) {
    const g = byAbs.get(a)!;
    statistic += g.positive * (below + (g.count + 1) / 2);
    tieSizes.push(g.count);
    below += g.count;
  }
  return signedRankResult(n, zerosDropped, statistic, tieSizes);
}

/** The test from n non-zero differences, the positive-rank sum and the tie sizes (shared by both entry points). */
function signedRankResult(n: number, zerosDropped: number, statistic: number, tieSizes: readonly number[]): WilcoxonSignedRankResult {
  const hasTies = tieSizes.some((t) => t > 1);

  const centred = statistic - (n * (n + 1)) / 4;
  const tieTerm = tieSizes.reduce((s, t) => s + (t * t * t - t), 0);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const zNormal = (centred - Math.sign(centred) * 0.5) / sigma;
  const effectSizeR = Math.abs(zNormal) / Math.sqrt(n);

  if (n <= WILCOXON_EXACT_MAX_N && !hasTies) {
    const counts = signedRankCounts(n);
    const total = 2 ** n;
    let tail = 0;
    if (centred > 0) {
      for (let s = statistic; s < counts.length; s++) tail += counts[s]!;
    } else {
      for (let s = 0; s <= statistic; s++) tail += counts[s]!;
    }
    return {
      n,
      zerosDropped,
      statistic,
      p: Math.min(1, (2 * tail) / total),
      method: 'exact',
      z: null,
      effectSizeR,
    };
  }
  return {
    n,
    zerosDropped,
    statistic,
    p: Math.min(1, 2 * normalTail(Math.abs(zNormal))),
    method: 'normal',
    z: zNormal,
    effectSizeR,
  };
}

/** Number of sign assignments of ranks 1..n giving each positive-rank sum 0..n(n+1)/2 (exact below 2^53). */
function signedRankCounts(n: number): number[] {
  const max = (n * (n + 1)) / 2;
  const counts = new Array<number>(max + 1).fill(0);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) {
    for (let s = (k * (k + 1)) / 2; s >= k; s--) counts[s]! += counts[s - k]!;
  }
  return counts;
}
