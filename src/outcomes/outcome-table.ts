import { chiSquareTest } from '../stats/chi-square-test.js';
import { share, type Share } from './share.js';

/** Counts of one row (an age band, a single year of age) by effective outcome. */
export interface OutcomeTableInput {
  label: string;
  met: number;
  partiallyMet: number;
  notMet: number;
  /** Outcome `unknown`: reported, left out of the test. */
  unknown: number;
  /** No outcome recorded: reported, left out of the test. */
  notRecorded: number;
}

export interface OutcomeTableRow {
  band: string;
  metOrPartiallyMet: number;
  notMet: number;
  met: number;
  partiallyMet: number;
  /** metOrPartiallyMet + notMet: the row's children in the test. */
  total: number;
  /** Share of the row not met, with a Wilson 95% interval (percent). */
  notMetShare: Share;
  /** The row as a percentage of all met or partially met / of all not met (column percentages). */
  percentOfMetOrPartiallyMet: number | null;
  percentOfNotMet: number | null;
  /** Expected counts under independence; null when the row is left out of the test. */
  expected: { metOrPartiallyMet: number; notMet: number } | null;
  /** Adjusted standardised residuals (as R's chisq.test()$stdres); null when left out. */
  adjustedResiduals: { metOrPartiallyMet: number; notMet: number } | null;
  unknown: number;
  notRecorded: number;
}

export interface OutcomeTableTest {
  method: 'pearson';
  continuityCorrection: false;
  statistic: number;
  df: number;
  p: number;
  /** Rows with no child in the test (dropped from the table and from df). */
  rowsLeftOut: string[];
}

export interface OutcomeTableResult {
  table: OutcomeTableRow[];
  totals: { metOrPartiallyMet: number; notMet: number; unknown: number; notRecorded: number };
  /** Pearson chi-square without continuity correction, or null (see `chiSquareNote`). */
  chiSquare: OutcomeTableTest | null;
  chiSquareNote: string | null;
}

/**
 * The rows × (met or partially met, not met) table of an outcome comparison: counts, the
 * share not met per row with a Wilson interval, column percentages, and Pearson's
 * chi-square test of independence without continuity correction (as R's
 * `chisq.test(m, correct = FALSE)`) with adjusted standardised residuals per cell.
 * Rows with no child in the test are dropped from the test and from df; when fewer than
 * two rows or either column is empty there is no test (`chiSquare` null, with a note).
 *
 * Cost: O(rows).
 * @throws never for whole-number counts.
 * @example outcomeTable([{ label: 'a', met: 5, partiallyMet: 0, notMet: 5, unknown: 0, notRecorded: 0 }, ...]).chiSquare?.p
 */
export function outcomeTable(rows: readonly OutcomeTableInput[]): OutcomeTableResult {
  const totals = { metOrPartiallyMet: 0, notMet: 0, unknown: 0, notRecorded: 0 };
  for (const r of rows) {
    totals.metOrPartiallyMet += r.met + r.partiallyMet;
    totals.notMet += r.notMet;
    totals.unknown += r.unknown;
    totals.notRecorded += r.notRecorded;
  }
  const kept = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.met + r.partiallyMet + r.notMet > 0);
  let test: ReturnType<typeof chiSquareTest> | null = null;
  let note: string | null = null;
  if (kept.length < 2) {
    note = `no test: needs at least two rows with children, got ${kept.length}`;
  } else if (totals.metOrPartiallyMet === 0 || totals.notMet === 0) {
    note = 'no test: every child in the table has the same outcome (met or partially met / not met)';
  } else {
    test = chiSquareTest(kept.map(({ r }) => [r.met + r.partiallyMet, r.notMet]));
  }
  const position = new Map<number, number>();
  kept.forEach(({ i }, k) => position.set(i, k));

  const table = rows.map((r, i): OutcomeTableRow => {
    const mp = r.met + r.partiallyMet;
    const k = position.get(i);
    const inTest = test !== null && k !== undefined;
    return {
      band: r.label,
      metOrPartiallyMet: mp,
      notMet: r.notMet,
      met: r.met,
      partiallyMet: r.partiallyMet,
      total: mp + r.notMet,
      notMetShare: share(r.notMet, mp + r.notMet),
      percentOfMetOrPartiallyMet: totals.metOrPartiallyMet > 0 ? (100 * mp) / totals.metOrPartiallyMet : null,
      percentOfNotMet: totals.notMet > 0 ? (100 * r.notMet) / totals.notMet : null,
      expected: inTest ? { metOrPartiallyMet: test!.expected[k]![0]!, notMet: test!.expected[k]![1]! } : null,
      adjustedResiduals: inTest
        ? { metOrPartiallyMet: test!.adjustedResiduals[k]![0]!, notMet: test!.adjustedResiduals[k]![1]! }
        : null,
      unknown: r.unknown,
      notRecorded: r.notRecorded,
    };
  });
  const chiSquare: OutcomeTableTest | null =
    test === null
      ? null
      : {
          method: 'pearson',
          continuityCorrection: false,
          statistic: test.statistic,
          df: test.df,
          p: test.p,
          rowsLeftOut: rows.filter((_, i) => !position.has(i)).map((r) => r.label),
        };
  return { table, totals, chiSquare, chiSquareNote: note };
}
