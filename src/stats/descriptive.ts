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

/**
 * The median (type 7, as {@link median}) of data given as a table: `counts[i]` values equal
 * to `values[i]`, the values ascending and distinct. For data with few distinct values
 * (changes in Family Star readings, −9…9) a million values need no array.
 * Cost: O(k) for k distinct values.
 * @throws if the values are not ascending finite numbers, a count is not a whole number
 *   >= 0, or the counts add up to 0.
 * @example medianOfCounts([1, 2, 4], [1, 1, 2]) // 3, as median([1, 2, 4, 4])
 */
export function medianOfCounts(values: readonly number[], counts: ArrayLike<number>): number {
  if (values.length !== counts.length) throw new Error(`medianOfCounts requires one count per value, got ${counts.length} counts for ${values.length} values`);
  assertFiniteArray('medianOfCounts', 'values', values);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (i > 0 && !(values[i]! > values[i - 1]!)) throw new Error('medianOfCounts requires ascending distinct values');
    const c = counts[i]!;
    if (!Number.isSafeInteger(c) || c < 0) throw new Error(`medianOfCounts requires whole-number counts >= 0, got ${c} at index ${i}`);
    n += c;
  }
  if (n === 0) throw new Error('medianOfCounts requires at least one value');
  // The j-th smallest value (1-based): walk the table.
  return type7(n, 0.5, (j) => {
    let seen = 0;
    let i = 0;
    for (; seen + counts[i]! < j; i++) seen += counts[i]!;
    return values[i]!;
  });
}

/** R's type 7 on sorted data (1-based index h = 1 + (n − 1)p). */
function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  return type7(sorted.length, p, (j) => sorted[j - 1]!);
}

/**
 * R's type-7 quantile at `p` of n values given by `orderStat(j)`, the j-th smallest
 * (1-based): index h = 1 + (n − 1)p, interpolated between the order statistics around it.
 * For data held other than as a sorted array (tables of counts). Called with
 * non-decreasing p, `orderStat` sees non-decreasing j.
 * @example type7(4, 0.5, (j) => [1, 2, 4, 4][j - 1]) // 3
 */
export function type7(n: number, p: number, orderStat: (j: number) => number): number {
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = orderStat(lo);
  const xHi = orderStat(hi);
  if (index > lo && xHi !== qs) {
    const h = index - lo;
    return (1 - h) * qs + h * xHi;
  }
  return qs;
}
