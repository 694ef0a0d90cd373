import { assertInteger } from './assert.js';
import { chiSquareTail } from './chi-square-tail.js';

/** Options for {@link mcnemarTest}. */
export interface McNemarTestOptions {
  /** Subtract 1 from |b − c| before squaring (default true, as R `mcnemar.test`). */
  correction?: boolean;
}

/** Result of {@link mcnemarTest}. */
export interface McNemarTestResult {
  /** (|b − c| − k)² / (b + c), with k = 1 when corrected and b ≠ c, else 0. */
  statistic: number;
  df: 1;
  /** Upper-tail chi-square(1) probability of the statistic. */
  p: number;
}

/**
 * McNemar's test for paired binary outcomes, from the two discordant counts of the
 * paired 2 × 2 table [[a, b], [c, d]]. As R `mcnemar.test(matrix(c(a, c, b, d), 2),
 * correct)`: by default the continuity correction is applied, and (as R) it is not
 * applied when b = c (the statistic is then 0).
 *
 * Cost: O(1).
 *
 * @param b pairs that moved from the first to the second category (whole number >= 0).
 * @param c pairs that moved the other way (whole number >= 0).
 * @throws if b or c is not a whole number >= 0, or b + c = 0 (no discordant pairs: the
 *   statistic is 0/0; R returns NaN).
 * @example mcnemarTest(15, 5) // { statistic: 4.05, df: 1, p: 0.044171... }
 * @example mcnemarTest(15, 5, { correction: false }) // { statistic: 5, df: 1, p: 0.025347... }
 */
export function mcnemarTest(b: number, c: number, options: McNemarTestOptions = {}): McNemarTestResult {
  assertInteger('mcnemarTest', 'b', b, 0);
  assertInteger('mcnemarTest', 'c', c, 0);
  const correction = options.correction ?? true;
  if (typeof correction !== 'boolean') {
    throw new Error(`mcnemarTest requires correction to be true or false, got ${String(correction)}`);
  }
  if (b + c === 0) {
    throw new Error('mcnemarTest requires at least one discordant pair, got b + c = 0');
  }
  const k = correction && b !== c ? 1 : 0;
  const d = Math.abs(b - c) - k;
  const statistic = (d * d) / (b + c);
  return { statistic, df: 1, p: chiSquareTail(statistic, 1) };
}
