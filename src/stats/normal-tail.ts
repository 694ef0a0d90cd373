import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * Upper tail of the standard normal distribution, P(Z >= z). For z >= 0 it is computed
 * as Q(1/2, z²/2) / 2 (regularized upper incomplete gamma, i.e. erfc(z/√2)/2), so the
 * result keeps its relative accuracy far into the tail (z = 37 gives ~5.7e-300) instead
 * of underflowing through `1 - cdf`.
 *
 * Cost: O(1).
 *
 * @param z any number; -Infinity gives 1 and Infinity gives 0.
 * @throws if z is NaN or not a number.
 * @example normalTail(1.959963984540054) // 0.025
 * @example normalTail(10) // 7.61985302416e-24 (R: pnorm(10, lower.tail = FALSE))
 */
export function normalTail(z: number): number {
  if (typeof z !== 'number' || Number.isNaN(z)) {
    throw new Error(`normalTail requires z to be a number, got ${String(z)}`);
  }
  if (z === Infinity) return 0;
  if (z === -Infinity) return 1;
  if (z === 0) return 0.5;
  if (z > 0) return 0.5 * gammainc((z * z) / 2, 0.5, true, true);
  return 0.5 + 0.5 * gammainc((z * z) / 2, 0.5, true, false);
}
