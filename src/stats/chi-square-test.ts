import { assertCountTable } from './assert.js';
import { chiSquareTail } from './chi-square-tail.js';

/** The statistics `chiSquareTest` can compute. */
export const CHI_SQUARE_STATISTICS = ['pearson', 'likelihood-ratio'] as const;
/** Pearson's X² or the likelihood-ratio G². */
export type ChiSquareStatistic = (typeof CHI_SQUARE_STATISTICS)[number];

/** Options for {@link chiSquareTest}. */
export interface ChiSquareTestOptions {
  /** 'pearson' (default): X² = Σ (O − E)² / E. 'likelihood-ratio': G² = 2 Σ O ln(O / E). */
  statistic?: ChiSquareStatistic;
}

/** Result of {@link chiSquareTest}. */
export interface ChiSquareTestResult {
  /** Which statistic was computed. */
  method: ChiSquareStatistic;
  /** X² or G². */
  statistic: number;
  /** (non-empty rows − 1) × (non-empty columns − 1). */
  df: number;
  /** Upper-tail chi-square probability of `statistic` on `df`. */
  p: number;
  /** Expected counts under independence, same shape as the input (0 in dropped rows/columns). */
  expected: number[][];
  /**
   * Haberman's adjusted standardised residuals (O − E) / √(E (1 − r/N) (1 − c/N)), as R's
   * `chisq.test(...)$stdres`; same shape as the input, 0 in dropped rows/columns.
   */
  adjustedResiduals: number[][];
  /** Indices of rows left out of the test because their total is 0. */
  droppedRows: number[];
  /** Indices of columns left out of the test because their total is 0. */
  droppedColumns: number[];
}

/**
 * Chi-square test of independence for an r × c contingency table, without continuity
 * correction (as R `chisq.test(table, correct = FALSE)`), with Haberman's adjusted
 * standardised residuals per cell. With `statistic: 'likelihood-ratio'` the G² statistic
 * is used instead (as scipy `chi2_contingency(table, correction=False,
 * lambda_="log-likelihood")`).
 *
 * Counts need not be whole numbers (weighted tables are accepted, as R does).
 * Rows and columns whose total is 0 carry no information: they are left out of the
 * statistic and of df, reported in `droppedRows` / `droppedColumns`, and their cells get
 * expected count 0 and adjusted residual 0. The p-value is computed from the upper
 * incomplete gamma function, so it stays accurate when tiny.
 *
 * Cost: O(r·c).
 *
 * @throws if the table is empty or ragged, a count is negative or not finite, the
 *   statistic option is unknown, or fewer than 2 rows or 2 columns have a non-zero total
 *   (df would be 0: no test is possible).
 * @example
 * chiSquareTest([[10, 20], [30, 40]])
 * // { statistic: 0.79365..., df: 1, p: 0.37299..., ... }  (R: chisq.test(matrix(c(10,30,20,40),2), correct = FALSE))
 */
export function chiSquareTest(
  table: readonly (readonly number[])[],
  options: ChiSquareTestOptions = {},
): ChiSquareTestResult {
  const method = options.statistic ?? 'pearson';
  if (!CHI_SQUARE_STATISTICS.includes(method)) {
    throw new Error(
      `chiSquareTest requires statistic to be one of ${CHI_SQUARE_STATISTICS.join(', ')}, got ${String(method)}`,
    );
  }
  assertCountTable('chiSquareTest', table);
  const r = table.length;
  const c = table[0]!.length;
  const rowTotals = table.map((row) => row.reduce((s, v) => s + v, 0));
  const colTotals = new Array<number>(c).fill(0);
  for (const row of table) for (let j = 0; j < c; j++) colTotals[j]! += row[j]!;
  const n = rowTotals.reduce((s, v) => s + v, 0);
  const droppedRows = rowTotals.flatMap((t, i) => (t === 0 ? [i] : []));
  const droppedColumns = colTotals.flatMap((t, j) => (t === 0 ? [j] : []));
  const keptRows = r - droppedRows.length;
  const keptCols = c - droppedColumns.length;
  if (keptRows < 2 || keptCols < 2) {
    throw new Error(
      `chiSquareTest requires at least 2 rows and 2 columns with a non-zero total, got ${keptRows} row(s) and ${keptCols} column(s)`,
    );
  }

  let statistic = 0;
  const expected: number[][] = [];
  const adjustedResiduals: number[][] = [];
  for (let i = 0; i < r; i++) {
    const eRow: number[] = [];
    const aRow: number[] = [];
    for (let j = 0; j < c; j++) {
      const ri = rowTotals[i]!;
      const cj = colTotals[j]!;
      if (ri === 0 || cj === 0) {
        eRow.push(0);
        aRow.push(0);
        continue;
      }
      const o = table[i]![j]!;
      const e = (ri * cj) / n;
      eRow.push(e);
      aRow.push((o - e) / Math.sqrt(e * (1 - ri / n) * (1 - cj / n)));
      if (method === 'pearson') {
        statistic += ((o - e) * (o - e)) / e;
      } else if (o > 0) {
        statistic += 2 * o * Math.log(o / e);
      }
    }
    expected.push(eRow);
    adjustedResiduals.push(aRow);
  }
  if (statistic < 0) statistic = 0; // G² can round to a hair below 0 for a perfectly independent table
  const df = (keptRows - 1) * (keptCols - 1);
  return {
    method,
    statistic,
    df,
    p: chiSquareTail(statistic, df),
    expected,
    adjustedResiduals,
    droppedRows,
    droppedColumns,
  };
}
