import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * Upper tail of the chi-square distribution, P(X >= x) for X ~ chi-square(df), computed
 * as the regularized upper incomplete gamma function Q(df/2, x/2) so that tiny p-values
 * keep their relative accuracy (it never forms `1 - cdf`, which underflows to 0).
 *
 * Cost: O(1) (a series or continued fraction of a few dozen terms).
 *
 * @param x the statistic; x <= 0 gives 1, x = Infinity gives 0.
 * @param df degrees of freedom, finite and > 0 (need not be whole).
 * @throws if x is NaN, or df is not a finite number > 0.
 * @example chiSquareTail(3.841458820694124, 1) // 0.05
 * @example chiSquareTail(400, 1) // 5.507248237212e-89 (R: pchisq(400, 1, lower.tail = FALSE))
 */
export function chiSquareTail(x: number, df: number): number {
  if (typeof x !== 'number' || Number.isNaN(x)) {
    throw new Error(`chiSquareTail requires x to be a number, got ${String(x)}`);
  }
  if (typeof df !== 'number' || !Number.isFinite(df) || df <= 0) {
    throw new Error(`chiSquareTail requires df to be a finite number > 0, got ${String(df)}`);
  }
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return gammainc(x / 2, df / 2, true, true);
}
