import { quantile } from '../stats/descriptive.js';
import { formatCut } from './tree-labels.js';

/** Result of {@link binContinuous}. */
export interface BinContinuousResult {
  /** Upper bounds of every bin but the last, ascending: bin i is (cuts[i−1], cuts[i]]. */
  cuts: number[];
  /** Bin labels: "<= a", "(a, b]", …, "> z" (a single bin is "all"). */
  labels: string[];
  /** Bin of each value (null for a missing value). */
  codes: (number | null)[];
}

/**
 * Bins a continuous predictor into ordered categories for CHAID: cut points at the
 * quantiles i / intervals (R type 7, i = 1 … intervals − 1), duplicates and cut points at
 * or above the maximum dropped, so every bin holds at least one value and ties stay in
 * one bin. Bins are (−∞, c₁], (c₁, c₂], …, (c_k, ∞).
 *
 * Cost: O(n log n).
 * @throws if intervals is not a whole number >= 2, a value is neither null nor a finite
 *   number, or every value is missing.
 * @example binContinuous([1, 2, 3, 4, null], 2) // { cuts: [2.5], labels: ['<= 2.5', '> 2.5'], codes: [0, 0, 1, 1, null] }
 */
export function binContinuous(values: readonly (number | null)[], intervals = 10): BinContinuousResult {
  if (!Number.isSafeInteger(intervals) || intervals < 2) {
    throw new Error(`binContinuous requires intervals to be a whole number >= 2, got ${intervals}`);
  }
  const present: number[] = [];
  for (const v of values) {
    if (v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`binContinuous requires finite numbers or null, got ${String(v)}`);
    }
    present.push(v);
  }
  if (present.length === 0) throw new Error('binContinuous requires at least one value that is not missing, got none');
  let max = -Infinity;
  for (const v of present) if (v > max) max = v;
  const probs = Array.from({ length: intervals - 1 }, (_, i) => (i + 1) / intervals);
  const cuts = cutsFromQuantiles(quantile(present, probs), max);
  const labels = binLabels(cuts);
  const codes = values.map((v) => (v === null ? null : binOf(v, cuts)));
  return { cuts, labels, codes };
}

/** Bin of a value: the number of cut points below it. O(log k). */
/** Cut points from ascending quantiles: each once, and none at the largest value (`max`). */
export function cutsFromQuantiles(qs: readonly number[], max: number): number[] {
  const cuts: number[] = [];
  for (const q of qs) if (q < max && (cuts.length === 0 || q > cuts[cuts.length - 1]!)) cuts.push(q);
  return cuts;
}

export function binOf(x: number, cuts: readonly number[]): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Labels of the bins defined by `cuts`, unique (more digits are used if rounding would make two equal). */
export function binLabels(cuts: readonly number[]): string[] {
  if (cuts.length === 0) return ['all'];
  let fmt = formatCut;
  const short = cuts.map(formatCut);
  if (new Set(short).size !== short.length) fmt = (x: number) => String(x);
  const labels = [`<= ${fmt(cuts[0]!)}`];
  for (let i = 1; i < cuts.length; i++) labels.push(`(${fmt(cuts[i - 1]!)}, ${fmt(cuts[i]!)}]`);
  labels.push(`> ${fmt(cuts[cuts.length - 1]!)}`);
  return labels;
}
