import { assertInteger } from './assert.js';
import { normalQuantile } from './normal-quantile.js';

/**
 * Wilson score interval for a binomial proportion count / n, without continuity
 * correction (as R `prop.test(count, n, correct = FALSE)$conf.int`), returned as
 * proportions [lower, upper] in [0, 1].
 *
 * Cost: O(1).
 *
 * @param count successes, a whole number in [0, n].
 * @param n trials, a whole number >= 1.
 * @param confidence two-sided confidence level in (0, 1); default 0.95.
 * @throws if count or n is not a whole number, n < 1, count > n, or confidence is not in (0, 1).
 * @example wilsonInterval(12, 40) // [0.18074..., 0.45430...]
 */
export function wilsonInterval(count: number, n: number, confidence = 0.95): [number, number] {
  assertInteger('wilsonInterval', 'n', n, 1);
  assertInteger('wilsonInterval', 'count', count, 0);
  if (count > n) {
    throw new Error(`wilsonInterval requires count <= n, got count=${count}, n=${n}`);
  }
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new Error(`wilsonInterval requires confidence in (0, 1), got ${String(confidence)}`);
  }
  const z = normalQuantile((1 + confidence) / 2);
  const z2 = z * z;
  const p = count / n;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  const lower = count === 0 ? 0 : Math.max(0, (centre - half) / denom);
  const upper = count === n ? 1 : Math.min(1, (centre + half) / denom);
  return [lower, upper];
}
