import { assertFiniteArray } from './assert.js';
import { normalTail } from './normal-tail.js';
import { averageRanks } from './rank.js';

/** Result of {@link mannWhitneyU}. */
export interface MannWhitneyResult {
  /** U for x: the number of pairs (xᵢ, yⱼ) with xᵢ > yⱼ, ties counting ½ (scipy's statistic, R's W). */
  u: number;
  /**
   * (U − n₁n₂/2 ∓ ½) / σ with tie-corrected σ, moved ½ towards 0 (continuity correction) and
   * set to 0 when |U − n₁n₂/2| < ½; positive when x tends to be larger than y.
   */
  z: number;
  /** Two-sided p-value, min(1, 2·P(Z >= |z|)). */
  p: number;
  /** r = |z| / √(n₁ + n₂). */
  effectSizeR: number;
}

/**
 * Mann–Whitney U (Wilcoxon rank-sum) test of two independent samples, two-sided, by the
 * normal approximation with tie correction of the variance and continuity correction: as
 * scipy `mannwhitneyu(x, y, method="asymptotic", use_continuity=True)` and R
 * `wilcox.test(x, y, exact = FALSE, correct = TRUE)`.
 * σ² = n₁n₂/12 · ((N + 1) − Σ(t³ − t) / (N(N − 1))), N = n₁ + n₂.
 *
 * Cost: O(N log N).
 *
 * @throws if x or y is empty or contains a value that is not a finite number, or all
 *   N values are equal (σ = 0: no test).
 * @example mannWhitneyU([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]) // { u: 4.5, z: -1.83831..., p: 0.066015..., effectSizeR: 0.55427... }
 */
export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  assertFiniteArray('mannWhitneyU', 'x', x);
  assertFiniteArray('mannWhitneyU', 'y', y);
  const n1 = x.length;
  const n2 = y.length;
  const total = n1 + n2;
  const { ranks, tieSizes } = averageRanks([...x, ...y]);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i]!;
  const u = r1 - (n1 * (n1 + 1)) / 2;
  const tieTerm = tieSizes.reduce((s, t) => s + (t * t * t - t), 0);
  const variance = ((n1 * n2) / 12) * (total + 1 - (total > 1 ? tieTerm / (total * (total - 1)) : 0));
  if (!(variance > 0)) {
    throw new Error(`mannWhitneyU requires at least two distinct values across x and y, got ${total} equal values`);
  }
  const centred = u - (n1 * n2) / 2;
  const magnitude = Math.max(0, Math.abs(centred) - 0.5);
  const z = (Math.sign(centred) * magnitude) / Math.sqrt(variance);
  return {
    u,
    z,
    p: Math.min(1, 2 * normalTail(Math.abs(z))),
    effectSizeR: Math.abs(z) / Math.sqrt(total),
  };
}
