import type { DisclosureProfile } from '../cohort/config.js';
import type { SumRule } from './audit-disclosure.js';
import { isSuppressed, SUPPRESSED, type PublishedValue } from './suppressed.js';
import { suppressCounts, type CountCell } from './suppress-counts.js';

export const PERCENT_BASES = ['none', 'row', 'column', 'total'] as const;
/** Which total a table's percentages are of. */
export type PercentBase = (typeof PERCENT_BASES)[number];

/** A cross-tabulation of exact counts: every family (or child) in exactly one cell. */
export interface CountTableInput {
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  /** Exact counts, `counts[row][column]`. */
  readonly counts: readonly (readonly number[])[];
  /** Publish the row totals (default true). Unpublished totals are still protected. */
  readonly rowTotals?: boolean;
  /** Publish the column totals (default true). */
  readonly columnTotals?: boolean;
  /** Publish the grand total (default true). */
  readonly grandTotal?: boolean;
  /**
   * Percentages of the row, column or grand total, computed from exact counts (default
   * 'none'). The totals they are of are protected as published, shown or not.
   */
  readonly percents?: PercentBase;
}

/**
 * A table after disclosure control. It holds published numbers and suppressed markers
 * only: a raw small count cannot be read from it.
 */
export interface PublishedTable {
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  readonly cells: readonly (readonly PublishedValue[])[];
  /** Row totals, or null when the table publishes none. */
  readonly rowTotals: readonly PublishedValue[] | null;
  readonly columnTotals: readonly PublishedValue[] | null;
  readonly grandTotal: PublishedValue | null;
  /** Percentages per cell (null when not asked for); suppressed with their count or base. */
  readonly percents: readonly (readonly PublishedValue[])[] | null;
  readonly percentBase: PercentBase;
}

/**
 * Applies disclosure control to a cross-tabulation with its margins (`suppressCounts`):
 * primary suppression of counts 1..threshold, secondary suppression so that no
 * suppressed cell can be solved from the row, column or grand totals, totals rounded as
 * the profile says, and percentages suppressed whenever their count or their base is.
 * Cost: as `suppressCounts` on (r+1)(c+1) cells.
 * @throws Error when the counts are not a rows × columns grid of whole numbers >= 0, or
 *   the profile is invalid.
 * @example
 * publishTable({ rowLabels: ['a', 'b'], columnLabels: ['x', 'y'], counts: [[3, 20], [30, 40]] },
 *   DEFAULT_DISCLOSURE).cells // [[SUPPRESSED, SUPPRESSED], [SUPPRESSED, SUPPRESSED]]
 */
export function publishTable(input: CountTableInput, profile: DisclosureProfile): PublishedTable {
  const rows = input.rowLabels.length;
  const columns = input.columnLabels.length;
  if (input.counts.length !== rows || input.counts.some((row) => row.length !== columns)) {
    throw new Error(
      `publishTable requires counts to be ${rows} rows × ${columns} columns, got ${input.counts.length} rows of lengths ${input.counts.map((r) => r.length).join(',')}`,
    );
  }
  const showRows = input.rowTotals ?? true;
  const showColumns = input.columnTotals ?? true;
  const showGrand = input.grandTotal ?? true;
  const percentBase = input.percents ?? 'none';
  if (!PERCENT_BASES.includes(percentBase)) {
    throw new Error(`publishTable requires percents to be one of ${PERCENT_BASES.join(', ')}, got ${String(percentBase)}`);
  }
  const cells: CountCell[] = [];
  const at = (r: number, c: number): number => r * columns + c;
  for (const row of input.counts) for (const value of row) cells.push({ value, show: true });
  const rowTotalAt = cells.length;
  const rowSums = input.counts.map((row) => row.reduce((s, v) => s + v, 0));
  // A percentage and its count give its base away: a base is protected as published even
  // when the table does not show it.
  for (const value of rowSums) cells.push({ value, show: showRows || percentBase === 'row', total: true });
  const columnTotalAt = cells.length;
  const columnSums = Array.from({ length: columns }, (_, c) => input.counts.reduce((s, row) => s + row[c]!, 0));
  for (const value of columnSums) cells.push({ value, show: showColumns || percentBase === 'column', total: true });
  const grandAt = cells.length;
  const grand = rowSums.reduce((s, v) => s + v, 0);
  cells.push({ value: grand, show: showGrand || percentBase === 'total', total: true });

  const sums: SumRule[] = [];
  for (let r = 0; r < rows; r++) {
    if (columns > 0) sums.push({ total: rowTotalAt + r, parts: Array.from({ length: columns }, (_, c) => at(r, c)) });
  }
  for (let c = 0; c < columns; c++) {
    if (rows > 0) sums.push({ total: columnTotalAt + c, parts: Array.from({ length: rows }, (_, r) => at(r, c)) });
  }
  if (rows > 0) sums.push({ total: grandAt, parts: Array.from({ length: rows }, (_, r) => rowTotalAt + r) });
  if (columns > 0) sums.push({ total: grandAt, parts: Array.from({ length: columns }, (_, c) => columnTotalAt + c) });

  const result = suppressCounts({ cells, sums }, profile);
  const v = result.values;
  const published: PublishedValue[][] = input.counts.map((row, r) => row.map((_, c) => v[at(r, c)]!));
  let percents: PublishedValue[][] | null = null;
  if (percentBase !== 'none') {
    percents = input.counts.map((row, r) =>
      row.map((count, c) => {
        const baseIndex = percentBase === 'row' ? rowTotalAt + r : percentBase === 'column' ? columnTotalAt + c : grandAt;
        const base = cells[baseIndex]!.value;
        if (isSuppressed(v[at(r, c)]!) || isSuppressed(v[baseIndex]!) || base === 0) return SUPPRESSED;
        return (100 * count) / base;
      }),
    );
  }
  return {
    rowLabels: [...input.rowLabels],
    columnLabels: [...input.columnLabels],
    cells: published,
    rowTotals: showRows ? rowSums.map((_, r) => v[rowTotalAt + r]!) : null,
    columnTotals: showColumns ? columnSums.map((_, c) => v[columnTotalAt + c]!) : null,
    grandTotal: showGrand ? v[grandAt]! : null,
    percents,
    percentBase,
  };
}
