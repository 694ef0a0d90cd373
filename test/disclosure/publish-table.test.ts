import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE } from '../../src/cohort/config.js';
import { publishProportionTable, publishTable, SUPPRESSED } from '../../src/disclosure/index.js';

const S = SUPPRESSED;

describe('publishTable', () => {
  it('publishes a table with no small counts unchanged, with its margins and row percentages', () => {
    const table = publishTable(
      { rowLabels: ['Lower', 'Higher'], columnLabels: ['Lower', 'Higher'], counts: [[534, 838], [64, 1043]], percents: 'row' },
      DEFAULT_DISCLOSURE,
    );
    expect(table.cells).toEqual([[534, 838], [64, 1043]]);
    expect(table.rowTotals).toEqual([1372, 1107]);
    expect(table.columnTotals).toEqual([598, 1881]);
    expect(table.grandTotal).toBe(2479);
    expect(table.percents![0]![0]).toBeCloseTo((100 * 534) / 1372, 12);
    expect(table.percentBase).toBe('row');
  });

  it('suppresses a matrix cell, its company, and every percentage built on them', () => {
    // The contract's example matrix has a 0 and a 20 in the last row; add a 3.
    const table = publishTable(
      {
        rowLabels: ['Lower', 'Middle', 'Higher'],
        columnLabels: ['Lower', 'Middle', 'Higher'],
        counts: [[534, 838, 49], [64, 1043, 452], [3, 0, 20]],
        percents: 'row',
      },
      DEFAULT_DISCLOSURE,
    );
    // By hand from the rule: 3 is primary; row 2 takes 20 (its smallest non-zero), column 0
    // takes 64 (smaller than 534); 64 is then alone in row 1, which takes 452; column 2 now
    // holds 452 and 20. Four cells at the corners of a rectangle: none can be solved.
    expect(table.cells).toEqual([[534, 838, 49], [S, 1043, S], [S, 0, S]]);
    expect(table.percents).toEqual([
      [(100 * 534) / 1421, (100 * 838) / 1421, (100 * 49) / 1421],
      [S, (100 * 1043) / 1559, S],
      [S, 0, S],
    ]);
    expect(table.rowTotals).toEqual([1421, 1559, 23]);
  });

  it('suppresses percentages whose base is suppressed', () => {
    const table = publishTable(
      { rowLabels: ['a', 'b'], columnLabels: ['x', 'y'], counts: [[0, 4], [30, 40]], percents: 'row' },
      DEFAULT_DISCLOSURE,
    );
    // Row a's total is 4: suppressed, and so is every percentage of it.
    expect(table.rowTotals![0]).toBe(S);
    expect(table.percents![0]).toEqual([S, S]);
  });

  it('protects a base left out of the table as published: its percentages and a count give it away', () => {
    // Without this, 40% and 57% of the hidden row total give it as 100, and the 3 as 100 − 97.
    const table = publishTable(
      { rowLabels: ['a'], columnLabels: ['x', 'y', 'z'], counts: [[3, 40, 57]], rowTotals: false, columnTotals: false, grandTotal: false, percents: 'row' },
      DEFAULT_DISCLOSURE,
    );
    expect(table.rowTotals).toBeNull();
    // By hand from the rule: 3 is primary; its row (total now counted as published) takes 40.
    expect(table.cells).toEqual([[S, S, 57]]);
    expect(table.percents).toEqual([[S, S, 57]]);
  });

  it('can leave margins out and still protects them', () => {
    const table = publishTable(
      { rowLabels: ['a'], columnLabels: ['x', 'y'], counts: [[2, 50]], rowTotals: false, columnTotals: false, grandTotal: false },
      DEFAULT_DISCLOSURE,
    );
    expect(table.rowTotals).toBeNull();
    expect(table.columnTotals).toBeNull();
    expect(table.grandTotal).toBeNull();
    // The column totals are hidden, so nothing makes 2 recoverable: only it is suppressed.
    expect(table.cells).toEqual([[S, 50]]);
  });

  it('rejects a ragged grid', () => {
    expect(() => publishTable({ rowLabels: ['a'], columnLabels: ['x', 'y'], counts: [[1]] }, DEFAULT_DISCLOSURE)).toThrow(
      'publishTable requires counts to be 1 rows × 2 columns',
    );
  });
});

describe('publishProportionTable', () => {
  it('suppresses small counts, counts with small complements, and their percentages', () => {
    const t = publishProportionTable(
      { rowLabels: ['All'], columnLabels: ['debt', 'housing', 'crime', 'none'], counts: [[812, 3, 998, 0]], denominators: [[3000, 3000, 1000, 2990]] },
      DEFAULT_DISCLOSURE,
    );
    expect(t.rows[0]!.counts).toEqual([812, S, S, 0]);
    expect(t.rows[0]!.denominators).toEqual([3000, 3000, 1000, 2990]);
    expect(t.rows[0]!.percents).toEqual([(100 * 812) / 3000, S, S, 0]);
  });

  it('protects cluster counts against the published overall count (column sums)', () => {
    // Need "debt" in three clusters of 100: 3, 50, 60 of 100 each; overall 113 of 300.
    // 3 alone would be 113 − 50 − 60: the next smallest cluster count (50) goes too.
    const t = publishProportionTable(
      {
        rowLabels: ['A', 'B', 'C'],
        columnLabels: ['debt'],
        counts: [[3], [50], [60]],
        denominators: [[100], [100], [100]],
        total: { label: 'All', counts: [113], denominators: [300] },
      },
      DEFAULT_DISCLOSURE,
    );
    expect(t.rows.map((r) => r.counts[0])).toEqual([S, S, 60]);
    expect(t.total!.counts).toEqual([113]);
    expect(t.total!.percents[0]).toBeCloseTo((100 * 113) / 300, 12);
  });

  it('needs no second suppression when families outside the rows hide the difference', () => {
    // Overall 120 of 310: 10 families belong to no row, so 3 = 120 − 50 − 60 − (unknown).
    const t = publishProportionTable(
      {
        rowLabels: ['A', 'B', 'C'],
        columnLabels: ['debt'],
        counts: [[3], [50], [60]],
        denominators: [[100], [100], [100]],
        total: { label: 'All', counts: [120], denominators: [310] },
      },
      DEFAULT_DISCLOSURE,
    );
    expect(t.rows.map((r) => r.counts[0])).toEqual([S, 50, 60]);
  });

  it('rejects a count above its denominator and rows above the total', () => {
    expect(() =>
      publishProportionTable({ rowLabels: ['A'], columnLabels: ['x'], counts: [[11]], denominators: [[10]] }, DEFAULT_DISCLOSURE),
    ).toThrow('publishProportionTable requires count <= denominator, got count=11, denominator=10 at row 0, column 0');
    expect(() =>
      publishProportionTable(
        { rowLabels: ['A'], columnLabels: ['x'], counts: [[10]], denominators: [[20]], total: { label: 'All', counts: [9], denominators: [20] } },
        DEFAULT_DISCLOSURE,
      ),
    ).toThrow('requires the total row to be at least the sum of the rows, got total=9, rows sum=10');
  });
});
