import { assertInteger } from './assert.js';
import { logFactorial } from './log-factorial.js';

const EXACT_LIMIT = 2 ** 53;
const LOG_MAX = Math.log(Number.MAX_VALUE);

/**
 * The binomial coefficient C(n, k) ("n choose k") as a float, as R `choose(n, k)` for
 * whole n, k. Computed by the multiplicative formula on min(k, n − k) factors, which is
 * exact (a whole number) whenever C(n, k) < 2^53 and carries only a few ulps of rounding
 * beyond; Infinity when the value exceeds the float range (use
 * {@link logBinomialCoefficient} there). k > n gives 0.
 *
 * Cost: O(min(k, n − k)), at most ~1030 steps before the result overflows.
 *
 * @throws if n or k is not a whole number >= 0.
 * @example binomialCoefficient(10, 3) // 120
 * @example binomialCoefficient(1000, 500) // 2.70288240945436...e+299
 */
export function binomialCoefficient(n: number, k: number): number {
  assertInteger('binomialCoefficient', 'n', n, 0);
  assertInteger('binomialCoefficient', 'k', k, 0);
  return chooseFloat(n, k);
}

/**
 * Natural log of the binomial coefficient, ln C(n, k), as R `lchoose(n, k)` for whole
 * n, k: the log of the direct product while that is representable, otherwise
 * ln n! − ln k! − ln (n − k)! from {@link logFactorial}. k > n gives −Infinity.
 *
 * Cost: O(min(k, n − k)) while the coefficient fits in a float, O(1) beyond.
 *
 * @throws if n or k is not a whole number >= 0.
 * @example logBinomialCoefficient(5000, 2500) // 3461.2514648513...
 */
export function logBinomialCoefficient(n: number, k: number): number {
  assertInteger('logBinomialCoefficient', 'n', n, 0);
  assertInteger('logBinomialCoefficient', 'k', k, 0);
  if (k > n) return -Infinity;
  const viaFactorials = logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  if (viaFactorials > LOG_MAX - 1) return viaFactorials;
  return Math.log(chooseFloat(n, k));
}

function chooseFloat(n: number, k: number): number {
  if (k > n) return 0;
  const j = Math.min(k, n - k);
  if (j === 0) return 1;
  if (logFactorial(n) - logFactorial(j) - logFactorial(n - j) > LOG_MAX + 1) return Infinity;
  let result = 1;
  for (let i = 1; i <= j; i++) {
    const factor = n - j + i;
    if (result <= EXACT_LIMIT) {
      // result = C(n − j + i − 1, i − 1) is a whole number; with g = gcd(factor, i), i/g divides
      // result, so (result / (i/g)) · (factor/g) is exact whenever the new value is < 2^53.
      const g = gcd(factor, i);
      result = (result / (i / g)) * (factor / g);
    } else {
      result *= factor / i;
    }
    if (result === Infinity) return Infinity;
  }
  return result;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
