import { mean as ssMean } from 'simple-statistics';
import { assertFiniteArray } from './assert.js';

/**
 * Arithmetic mean (simple-statistics `mean`, which sums with Kahan–Babuška compensation),
 * after checking the input.
 *
 * Cost: O(n).
 *
 * @throws if x is empty or contains a value that is not a finite number.
 * @example mean([1, 2, 3, 4]) // 2.5
 */
export function mean(x: readonly number[]): number {
  assertFiniteArray('mean', 'x', x);
  return ssMean(x as number[]);
}

/**
 * Sample quantile(s) by R's default definition (type 7, `quantile(x, p, type = 7)`):
 * with h = 1 + (n − 1)·p, the value (1 − f)·x₍⌊h⌋₎ + f·x₍⌈h⌉₎ where f = h − ⌊h⌋ on the sorted
 * data. The input is not modified.
 *
 * Cost: O(n log n) (one sort of a copy), then O(1) per probability.
 *
 * @throws if x is empty or contains a value that is not a finite number, or a probability
 *   is not in [0, 1].
 * @example quantile([1, 2, 3, 4], 0.25) // 1.75
 * @example quantile([1, 2, 3, 4], [0.5, 1]) // [2.5, 4]
 */
export function quantile(x: readonly number[], p: number): number;
export function quantile(x: readonly number[], p: readonly number[]): number[];
export function quantile(x: readonly number[], p: number | readonly number[]): number | number[] {
  assertFiniteArray('quantile', 'x', x);
  const probs = typeof p === 'number' ? [p] : p;
  if (!Array.isArray(probs) && typeof p !== 'number') {
    throw new Error(`quantile requires p to be a number or an array of numbers, got ${typeof p}`);
  }
  for (const v of probs) {
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new Error(`quantile requires probabilities in [0, 1], got ${String(v)}`);
    }
  }
  // A typed copy sorts numerically in native code (several times faster than a comparator).
  const sorted = Float64Array.from(x).sort();
  const out = probs.map((v) => quantileSorted(sorted, v));
  return typeof p === 'number' ? out[0]! : out;
}

/**
 * Median: the type-7 quantile at 0.5 (the middle value, or the mean of the two middle
 * values). The input is not modified.
 *
 * Cost: O(n log n).
 *
 * @throws if x is empty or contains a value that is not a finite number.
 * @example median([3, 1, 4, 1]) // 2
 */
export function median(x: readonly number[]): number {
  assertFiniteArray('median', 'x', x);
  return quantile(x, 0.5);
}

/** R's type 7 on sorted data (1-based index h = 1 + (n − 1)p). */
function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1]!;
  const xHi = sorted[hi - 1]!;
  if (index > lo && xHi !== qs) {
    const h = index - lo;
    return (1 - h) * qs + h * xHi;
  }
  return qs;
}
