import { assertInteger } from './assert.js';
import { normalTail } from './normal-tail.js';

/** Result of {@link twoProportionTest}. */
export interface TwoProportionTestResult {
  /** (p1 − p2) / √(p̂(1 − p̂)(1/n1 + 1/n2)) with the pooled p̂ = (x1 + x2)/(n1 + n2). */
  z: number;
  /** Two-sided p-value, 2·P(Z >= |z|). */
  p: number;
  /** x1/n1 − x2/n2. */
  difference: number;
}

/**
 * Two-sided z test for the difference of two independent proportions, pooled standard
 * error, no continuity correction. z² equals R's
 * `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$statistic` and p its p-value.
 *
 * Cost: O(1).
 *
 * @throws if a count is not a whole number, n1 or n2 < 1, x > n, or the pooled proportion
 *   is 0 or 1 (no successes or no failures at all: the standard error is 0 and there is
 *   no test; R returns NaN there).
 * @example twoProportionTest(30, 100, 45, 110) // { z: -1.64777..., p: 0.099399..., difference: -0.10909... }
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): TwoProportionTestResult {
  assertInteger('twoProportionTest', 'n1', n1, 1);
  assertInteger('twoProportionTest', 'n2', n2, 1);
  assertInteger('twoProportionTest', 'x1', x1, 0);
  assertInteger('twoProportionTest', 'x2', x2, 0);
  if (x1 > n1) throw new Error(`twoProportionTest requires x1 <= n1, got x1=${x1}, n1=${n1}`);
  if (x2 > n2) throw new Error(`twoProportionTest requires x2 <= n2, got x2=${x2}, n2=${n2}`);
  const pooled = (x1 + x2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) {
    throw new Error(
      `twoProportionTest requires at least one success and one failure in total, got x1+x2=${x1 + x2} of n1+n2=${n1 + n2}`,
    );
  }
  const difference = x1 / n1 - x2 / n2;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = difference / se;
  return { z, p: Math.min(1, 2 * normalTail(Math.abs(z))), difference };
}
