import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DisclosureProfile } from '../../src/cohort/config.js';
import {
  isSuppressed,
  publishProportionTable,
  publishTable,
  suppressCounts,
  type CountCell,
  type PublishedValue,
} from '../../src/disclosure/index.js';
import { exactlyDetermined } from './exact-rank.js';
import { tableRules } from './table-rules.js';

const profileArb: fc.Arbitrary<DisclosureProfile> = fc.record({
  name: fc.constant('test profile'),
  threshold: fc.integer({ min: 1, max: 8 }),
  symbol: fc.constant('[c]'),
  roundTotalsTo: fc.constantFrom(1, 1, 2, 5, 10),
});
/** Counts that are often small, sometimes zero, sometimes large. */
const countArb = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 300 }));
const gridArb = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([r, c]) => fc.array(fc.array(countArb, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
const tableArb = fc.record({
  counts: gridArb,
  rowTotals: fc.boolean(),
  columnTotals: fc.boolean(),
  grandTotal: fc.boolean(),
  percents: fc.constantFrom('row' as const, 'column' as const, 'total' as const),
});

const small = (v: PublishedValue, p: DisclosureProfile): boolean => !isSuppressed(v) && v >= 1 && v <= p.threshold;
const round = (v: number, step: number): number => Math.floor(v / step + 0.5) * step;
const labels = (n: number, prefix: string): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('disclosure invariants (fast-check)', () => {
  it('publishTable: no small count published, nothing solvable, percentages with their counts, values untouched', () => {
    fc.assert(
      fc.property(tableArb, profileArb, (input, profile) => {
        const rows = input.counts.length;
        const columns = input.counts[0]!.length;
        const frozen = JSON.stringify(input);
        const table = publishTable({ ...input, rowLabels: labels(rows, 'r'), columnLabels: labels(columns, 'c') }, profile);
        expect(JSON.stringify(input)).toBe(frozen);
        const rowSums = input.counts.map((row) => row.reduce((a, b) => a + b, 0));
        const columnSums = input.counts[0]!.map((_, c) => input.counts.reduce((s, row) => s + row[c]!, 0));
        const grand = rowSums.reduce((a, b) => a + b, 0);
        const published = [...table.cells.flat(), ...(table.rowTotals ?? []), ...(table.columnTotals ?? []), table.grandTotal ?? 0];
        // 1. No published number in 1..threshold.
        for (const v of published) expect(small(v, profile)).toBe(false);
        // 2. Published values are the exact counts (totals rounded).
        table.cells.forEach((row, r) => row.forEach((v, c) => isSuppressed(v) || expect(v).toBe(input.counts[r]![c])));
        table.rowTotals?.forEach((v, r) => isSuppressed(v) || expect(v).toBe(round(rowSums[r]!, profile.roundTotalsTo)));
        table.columnTotals?.forEach((v, c) => isSuppressed(v) || expect(v).toBe(round(columnSums[c]!, profile.roundTotalsTo)));
        if (table.grandTotal !== null && !isSuppressed(table.grandTotal)) expect(table.grandTotal).toBe(round(grand, profile.roundTotalsTo));
        // 3. No suppressed cell, and no small count, is solvable from what is published
        //    (exact integer elimination, independent of the audit in src/).
        const t = tableRules(rows, columns);
        const unknown = new Array<boolean>(t.cells).fill(false);
        const raw = new Array<number>(t.cells).fill(0);
        input.counts.forEach((row, r) => row.forEach((v, c) => ((raw[t.at(r, c)] = v), (unknown[t.at(r, c)] = isSuppressed(table.cells[r]![c]!)))));
        rowSums.forEach((v, r) => ((raw[rows * columns + r] = v), (unknown[rows * columns + r] = table.rowTotals === null || isSuppressed(table.rowTotals[r]!))));
        columnSums.forEach((v, c) => {
          const i = rows * columns + rows + c;
          raw[i] = v;
          unknown[i] = table.columnTotals === null || isSuppressed(table.columnTotals[c]!);
        });
        raw[t.cells - 1] = grand;
        unknown[t.cells - 1] = table.grandTotal === null || isSuppressed(table.grandTotal);
        const determined = exactlyDetermined(unknown, t.rules);
        determined.forEach((d, i) => {
          const shownSuppressed = i < rows * columns ? isSuppressed(table.cells[Math.floor(i / columns)]![i % columns]!) : false;
          if (d) expect(shownSuppressed || (raw[i]! >= 1 && raw[i]! <= profile.threshold)).toBe(false);
        });
        // 4. The classic statement: a row or column whose total is published never has exactly one suppressed cell.
        if (table.rowTotals) {
          table.cells.forEach((row, r) => {
            if (!isSuppressed(table.rowTotals![r]!)) expect(row.filter(isSuppressed).length).not.toBe(1);
          });
        }
        if (table.columnTotals) {
          for (let c = 0; c < columns; c++) {
            if (!isSuppressed(table.columnTotals[c]!)) expect(table.cells.filter((row) => isSuppressed(row[c]!)).length).not.toBe(1);
          }
        }
        // 5. Percentages: suppressed with their count or their base; otherwise exact.
        table.percents!.forEach((row, r) =>
          row.forEach((p, c) => {
            const count = table.cells[r]![c]!;
            const base =
              input.percents === 'row' ? table.rowTotals?.[r] : input.percents === 'column' ? table.columnTotals?.[c] : table.grandTotal;
            const baseRaw = input.percents === 'row' ? rowSums[r]! : input.percents === 'column' ? columnSums[c]! : grand;
            if (isSuppressed(count) || (base !== undefined && base !== null && isSuppressed(base))) expect(isSuppressed(p)).toBe(true);
            if (!isSuppressed(p)) expect(p).toBeCloseTo((100 * input.counts[r]![c]!) / baseRaw, 10);
          }),
        );
      }),
      { numRuns: 300, seed: 20240607 },
    );
  });

  it('suppressCounts is deterministic and a fixed point (suppressing its own pattern again changes nothing)', () => {
    fc.assert(
      fc.property(gridArb, profileArb, (counts, profile) => {
        const rows = counts.length;
        const columns = counts[0]!.length;
        const t = tableRules(rows, columns);
        const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
        const columnSums = counts[0]!.map((_, c) => counts.reduce((s, row) => s + row[c]!, 0));
        const cells: CountCell[] = [
          ...counts.flat().map((value) => ({ value, show: true })),
          ...[...rowSums, ...columnSums, rowSums.reduce((a, b) => a + b, 0)].map((value) => ({ value, show: true, total: true })),
        ];
        const first = suppressCounts({ cells, sums: t.rules }, profile);
        expect(suppressCounts({ cells, sums: t.rules }, profile)).toEqual(first);
        const force = first.suppressed.map((s, i) => (s ? i : -1)).filter((i) => i >= 0);
        const again = suppressCounts({ cells, sums: t.rules, force }, profile);
        expect(again.suppressed).toEqual(first.suppressed);
        expect(again.values).toEqual(first.values);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('publishProportionTable: no small count or small complement readable; percentages suppressed with counts; columns protected', () => {
    const cellArb = fc.integer({ min: 0, max: 60 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    const inputArb = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([r, c]) =>
        fc.record({
          grid: fc.array(fc.array(cellArb, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
          extra: fc.array(cellArb, { minLength: c, maxLength: c }),
          withTotal: fc.boolean(),
          extraRows: fc.boolean(),
        }),
      );
    fc.assert(
      fc.property(inputArb, profileArb, ({ grid, extra, withTotal, extraRows }, profile) => {
        const rows = grid.length;
        const columns = grid[0]!.length;
        const counts = grid.map((row) => row.map(([k]) => k));
        const denominators = grid.map((row) => row.map(([, n]) => n));
        const remainder = extra.map(([k, n]) => (extraRows ? [k, n] : [0, 0]));
        const total = withTotal
          ? {
              label: 'All',
              counts: Array.from({ length: columns }, (_, c) => counts.reduce((s, row) => s + row[c]!, 0) + remainder[c]![0]!),
              denominators: Array.from({ length: columns }, (_, c) => denominators.reduce((s, row) => s + row[c]!, 0) + remainder[c]![1]!),
            }
          : undefined;
        const t = publishProportionTable(
          { rowLabels: labels(rows, 'r'), columnLabels: labels(columns, 'c'), counts, denominators, ...(total ? { total } : {}) },
          profile,
        );
        const all = [...t.rows.map((row, r) => ({ row, k: counts[r]!, n: denominators[r]! })), ...(t.total && total ? [{ row: t.total, k: total.counts, n: total.denominators }] : [])];
        for (const { row, k, n } of all) {
          row.counts.forEach((v, c) => {
            expect(small(v, profile)).toBe(false);
            const d = row.denominators[c]!;
            expect(small(d, profile)).toBe(false);
            // A published count with a published (unrounded) denominator reveals n − k.
            if (!isSuppressed(v) && !isSuppressed(d) && profile.roundTotalsTo === 1) {
              const complement = n[c]! - k[c]!;
              expect(complement >= 1 && complement <= profile.threshold).toBe(false);
            }
            if (isSuppressed(v) || isSuppressed(d)) expect(isSuppressed(row.percents[c]!)).toBe(true);
            else if (n[c]! > 0) expect(row.percents[c]).toBeCloseTo((100 * k[c]!) / n[c]!, 10);
          });
        }
        if (t.total && total) {
          for (let c = 0; c < columns; c++) {
            const exactPartition = remainder[c]![0] === 0 && remainder[c]![1] === 0;
            const suppressedRows = t.rows.filter((row) => isSuppressed(row.counts[c]!)).length;
            if (exactPartition && !isSuppressed(t.total.counts[c]!)) expect(suppressedRows).not.toBe(1);
          }
        }
      }),
      { numRuns: 300, seed: 99 },
    );
  });
});
