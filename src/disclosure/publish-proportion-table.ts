import type { DisclosureProfile } from '../cohort/config.js';
import type { SumRule } from './audit-disclosure.js';
import { isSuppressed, SUPPRESSED, type PublishedValue } from './suppressed.js';
import { suppressCounts, type CountCell } from './suppress-counts.js';

/**
 * Counts "k of n" per row and column (for example families with each need, per cluster),
 * where every cell has its own denominator and a family can count in several columns.
 */
export interface ProportionTableInput {
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  /** Exact counts with the attribute, `counts[row][column]`. */
  readonly counts: readonly (readonly number[])[];
  /** Exact denominators (families with a known value), same shape, each >= its count. */
  readonly denominators: readonly (readonly number[])[];
  /** Row sizes (e.g. cluster sizes), each >= every denominator of the row; published. */
  readonly rowSizes?: readonly number[];
  /**
   * The overall row (e.g. all families), published; must be at least the sum of the rows,
   * and what it holds beyond them (families in no row) is protected as a hidden row.
   */
  readonly total?: {
    readonly label: string;
    readonly counts: readonly number[];
    readonly denominators: readonly number[];
    /** Required when `rowSizes` is given. */
    readonly size?: number;
  };
}

export interface PublishedProportionRow {
  readonly label: string;
  readonly counts: readonly PublishedValue[];
  readonly denominators: readonly PublishedValue[];
  /** 100·count/denominator from the exact counts; suppressed with either. */
  readonly percents: readonly PublishedValue[];
  readonly size: PublishedValue | null;
}

/** A proportion table after disclosure control: published numbers and markers only. */
export interface PublishedProportionTable {
  readonly columnLabels: readonly string[];
  readonly rows: readonly PublishedProportionRow[];
  readonly total: PublishedProportionRow | null;
}

/**
 * Applies disclosure control to counts "k of n". Each cell's complement (n − k) is a
 * hidden count, protected like the rest: a cell whose complement is 1..threshold is
 * suppressed (secondarily) so the complement cannot be read as n − k. With a total row,
 * the columns add up (rows plus a remainder: families in no row, whose number is taken as
 * known and whose counts are hidden unless zero) and no suppressed cell can be solved
 * from the total; with row sizes, each denominator's missing families (size − n) are
 * protected too. Percentages are suppressed with their count or denominator.
 * Cost: as `suppressCounts` on about 4·(r+2)·c cells.
 * @throws Error when shapes disagree, a count exceeds its denominator, a denominator
 *   exceeds its row size, the rows exceed the total, or the profile is invalid.
 * @example
 * publishProportionTable({ rowLabels: ['All'], columnLabels: ['debt'], counts: [[998]],
 *   denominators: [[1000]] }, DEFAULT_DISCLOSURE).rows[0].counts // [SUPPRESSED] (2 without)
 */
export function publishProportionTable(input: ProportionTableInput, profile: DisclosureProfile): PublishedProportionTable {
  const rows = input.rowLabels.length;
  const columns = input.columnLabels.length;
  const shape = (name: string, grid: readonly (readonly number[])[]): void => {
    if (grid.length !== rows || grid.some((row) => row.length !== columns)) {
      throw new Error(`publishProportionTable requires ${name} to be ${rows} rows × ${columns} columns`);
    }
  };
  shape('counts', input.counts);
  shape('denominators', input.denominators);
  if (input.rowSizes && input.rowSizes.length !== rows) {
    throw new Error(`publishProportionTable requires ${rows} row sizes, got ${input.rowSizes.length}`);
  }
  const total = input.total;
  if (total) {
    if (total.counts.length !== columns || total.denominators.length !== columns) {
      throw new Error(`publishProportionTable requires the total row to have ${columns} counts and denominators`);
    }
    if (input.rowSizes && total.size === undefined) {
      throw new Error('publishProportionTable requires total.size when rowSizes is given');
    }
  }
  const check = (count: number, denominator: number, where: string): void => {
    if (count > denominator) {
      throw new Error(`publishProportionTable requires count <= denominator, got count=${count}, denominator=${denominator} at ${where}`);
    }
  };

  const cells: CountCell[] = [];
  const sums: SumRule[] = [];
  const add = (value: number, show: boolean, isTotal: boolean): number => {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`publishProportionTable requires whole-number counts >= 0, got ${value}`);
    }
    cells.push({ value, show, total: isTotal });
    return cells.length - 1;
  };
  /** Cells of one row: count, complement (hidden), denominator, missing (hidden) per column. */
  interface RowCells {
    count: number[];
    complement: number[];
    denominator: number[];
    missing: number[];
    size: number | null;
  }
  const addRow = (
    counts: readonly number[],
    denominators: readonly number[],
    size: number | undefined,
    show: boolean,
    where: string,
  ): RowCells => {
    const out: RowCells = { count: [], complement: [], denominator: [], missing: [], size: null };
    // The remainder row (show = false) is assumed known where it is zero, and its
    // denominators and size are assumed known (a report states how many were left out).
    if (size !== undefined) out.size = add(size, true, true);
    for (let c = 0; c < columns; c++) {
      const k = counts[c]!;
      const n = denominators[c]!;
      check(k, n, `${where}, column ${c}`);
      out.count.push(add(k, show || k === 0, false));
      out.complement.push(add(n - k, !show && n - k === 0, false));
      out.denominator.push(add(n, true, true));
      sums.push({ total: out.denominator[c]!, parts: [out.count[c]!, out.complement[c]!] });
      if (size !== undefined) {
        if (n > size) {
          throw new Error(`publishProportionTable requires denominator <= row size, got denominator=${n}, size=${size} at ${where}`);
        }
        out.missing.push(add(size - n, !show && size - n === 0, false));
        sums.push({ total: out.size!, parts: [out.denominator[c]!, out.missing[c]!] });
      }
    }
    return out;
  };
  const rowCells = input.counts.map((counts, r) =>
    addRow(counts, input.denominators[r]!, input.rowSizes?.[r], true, `row ${r}`),
  );
  let totalCells: RowCells | null = null;
  if (total) {
    totalCells = addRow(total.counts, total.denominators, total.size, true, 'total row');
    const minus = (a: number, values: number[]): number => {
      const rest = a - values.reduce((s, v) => s + v, 0);
      if (rest < 0) {
        throw new Error(`publishProportionTable requires the total row to be at least the sum of the rows, got total=${a}, rows sum=${a - rest}`);
      }
      return rest;
    };
    const remainderCounts = Array.from({ length: columns }, (_, c) =>
      minus(total.counts[c]!, input.counts.map((row) => row[c]!)),
    );
    const remainderDenominators = Array.from({ length: columns }, (_, c) =>
      minus(total.denominators[c]!, input.denominators.map((row) => row[c]!)),
    );
    const remainderSize = total.size !== undefined && input.rowSizes ? minus(total.size, [...input.rowSizes]) : undefined;
    const remainder = addRow(remainderCounts, remainderDenominators, remainderSize, false, 'remainder');
    const all = [...rowCells, remainder];
    const link = (pick: (rc: RowCells) => number[]): void => {
      for (let c = 0; c < columns; c++) {
        const parts = all.map((rc) => pick(rc)[c]!);
        sums.push({ total: pick(totalCells!)[c]!, parts });
      }
    };
    link((rc) => rc.count);
    link((rc) => rc.complement);
    link((rc) => rc.denominator);
    if (remainderSize !== undefined) {
      link((rc) => rc.missing);
      sums.push({ total: totalCells.size!, parts: all.map((rc) => rc.size!) });
    }
  }

  const { values } = suppressCounts({ cells, sums }, profile);
  const publishRow = (label: string, rc: RowCells, counts: readonly number[], denominators: readonly number[]): PublishedProportionRow => ({
    label,
    counts: rc.count.map((i) => values[i]!),
    denominators: rc.denominator.map((i) => values[i]!),
    percents: rc.count.map((i, c) =>
      isSuppressed(values[i]!) || isSuppressed(values[rc.denominator[c]!]!) || denominators[c] === 0
        ? SUPPRESSED
        : (100 * counts[c]!) / denominators[c]!,
    ),
    size: rc.size === null ? null : values[rc.size]!,
  });
  return {
    columnLabels: [...input.columnLabels],
    rows: rowCells.map((rc, r) => publishRow(input.rowLabels[r]!, rc, input.counts[r]!, input.denominators[r]!)),
    total: total && totalCells ? publishRow(total.label, totalCells, total.counts, total.denominators) : null,
  };
}
