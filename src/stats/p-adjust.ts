import { assertFiniteArray } from './assert.js';

/** The multiple-comparison adjustments `pAdjust` supports. */
export const P_ADJUST_METHODS = ['holm', 'bonferroni', 'BH'] as const;
/** Holm's step-down, Bonferroni, or Benjamini–Hochberg false discovery rate. */
export type PAdjustMethod = (typeof P_ADJUST_METHODS)[number];

/**
 * Adjusts p-values for multiple comparisons exactly as R's `p.adjust(p, method)` with
 * n = length(p): Bonferroni min(1, n·p); Holm's step-down (cumulative maximum of
 * (n − i + 1)·p₍ᵢ₎); Benjamini–Hochberg (cumulative minimum of n/i·p₍ᵢ₎ from the largest).
 * Results are in the input order. An empty array gives an empty array (as R).
 *
 * Cost: O(n log n) (one sort).
 *
 * @throws if the method is unknown, or any p is not a finite number in [0, 1].
 * @example pAdjust([0.01, 0.02, 0.03], 'holm') // [0.03, 0.04, 0.04]
 * @example pAdjust([0.01, 0.02, 0.03], 'BH') // [0.03, 0.03, 0.03]
 */
export function pAdjust(p: readonly number[], method: PAdjustMethod): number[] {
  if (!P_ADJUST_METHODS.includes(method)) {
    throw new Error(`pAdjust requires method to be one of ${P_ADJUST_METHODS.join(', ')}, got ${String(method)}`);
  }
  assertFiniteArray('pAdjust', 'p', p, 0);
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (v < 0 || v > 1) {
      throw new Error(`pAdjust requires p-values in [0, 1], got ${v} at index ${i}`);
    }
  }
  const n = p.length;
  const out = new Array<number>(n);
  switch (method) {
    case 'bonferroni':
      for (let i = 0; i < n; i++) out[i] = Math.min(1, n * p[i]!);
      return out;
    case 'holm': {
      // R: o <- order(p); pmin(1, cummax((n - i + 1L) * p[o]))[order(o)]
      const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
      let running = -Infinity;
      for (let k = 0; k < n; k++) {
        const idx = order[k]!;
        running = Math.max(running, (n - k) * p[idx]!);
        out[idx] = Math.min(1, running);
      }
      return out;
    }
    case 'BH': {
      // R: i <- n:1; o <- order(p, decreasing = TRUE); pmin(1, cummin(n / i * p[o]))[order(o)]
      const order = p.map((_, i) => i).sort((a, b) => p[b]! - p[a]!);
      let running = Infinity;
      for (let k = 0; k < n; k++) {
        const idx = order[k]!;
        const rank = n - k;
        running = Math.min(running, (n / rank) * p[idx]!);
        out[idx] = Math.min(1, running);
      }
      return out;
    }
    default: {
      const unreachable: never = method;
      throw new Error(`pAdjust: unhandled method ${String(unreachable)}`);
    }
  }
}
