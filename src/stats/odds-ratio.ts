import { assertCountTable } from './assert.js';
import { normalQuantile } from './normal-quantile.js';

/** A 2 × 2 table [[a, b], [c, d]]: rows are groups, columns are outcome yes / no. */
export type TwoByTwoTable = readonly [readonly [number, number], readonly [number, number]];

/** Result of {@link oddsRatio}. */
export interface OddsRatioResult {
  /** (a·d) / (b·c), after the Haldane–Anscombe correction when it was applied. */
  estimate: number;
  /** Woolf 95% interval exp(ln OR ± 1.959964·√(1/a + 1/b + 1/c + 1/d)). */
  ci95: [number, number];
  /** True when some cell was 0 and 0.5 was added to every cell. */
  haldaneCorrection: boolean;
}

/**
 * Sample odds ratio of a 2 × 2 table [[a, b], [c, d]] with Woolf's (log) 95% confidence
 * interval. When any cell is 0, 0.5 is added to every cell (Haldane–Anscombe) before both
 * the estimate and the interval are computed, and `haldaneCorrection` says so.
 *
 * Cost: O(1).
 *
 * @throws if the table is not 2 × 2, a count is negative, not finite or not whole, or a
 *   row or column total is 0 (the odds ratio is undefined).
 * @example oddsRatio([[20, 80], [10, 90]]) // { estimate: 2.25, ci95: [0.99429..., 5.09154...], haldaneCorrection: false }
 */
export function oddsRatio(table: TwoByTwoTable): OddsRatioResult {
  assertCountTable('oddsRatio', table, true);
  if (table.length !== 2 || table[0].length !== 2) {
    throw new Error(`oddsRatio requires a 2 x 2 table, got ${table.length} x ${table[0].length}`);
  }
  let [[a, b], [c, d]] = table;
  if (a + b === 0 || c + d === 0 || a + c === 0 || b + d === 0) {
    throw new Error(
      `oddsRatio requires every row and column total to be > 0, got rows ${a + b}, ${c + d} and columns ${a + c}, ${b + d}`,
    );
  }
  const haldaneCorrection = a === 0 || b === 0 || c === 0 || d === 0;
  if (haldaneCorrection) {
    a += 0.5;
    b += 0.5;
    c += 0.5;
    d += 0.5;
  }
  const logOr = Math.log(a) + Math.log(d) - Math.log(b) - Math.log(c);
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const z = normalQuantile(0.975);
  return {
    estimate: (a * d) / (b * c),
    ci95: [Math.exp(logOr - z * se), Math.exp(logOr + z * se)],
    haldaneCorrection,
  };
}
