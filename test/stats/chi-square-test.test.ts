import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../src/stats/index.js';
import { expectClose, loadCases, TINY } from './golden.js';

type PearsonCase = {
  call: string;
  table: number[][];
  keptRows: number[];
  keptColumns: number[];
  statistic: number;
  df: number;
  p: number;
  expected: number[][];
  adjustedResiduals: number[][];
};
type LrCase = { call: string; table: number[][]; keptRows: number[]; keptColumns: number[]; statistic: number; df: number; p: number };

describe('chiSquareTest (Pearson)', () => {
  it.each(loadCases<PearsonCase>('chi-square-test.json').map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    const res = chiSquareTest(c.table);
    expect(res.method).toBe('pearson');
    expect(res.df).toBe(c.df);
    expectClose(res.statistic, c.statistic, 1e-9, 1e-12, 'statistic');
    expectClose(res.p, c.p, 1e-9, TINY, 'p');
    const r = c.table.length;
    const k = c.table[0]!.length;
    expect(res.droppedRows).toEqual([...Array(r).keys()].filter((i) => !c.keptRows.includes(i)));
    expect(res.droppedColumns).toEqual([...Array(k).keys()].filter((j) => !c.keptColumns.includes(j)));
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < k; j++) {
        const ri = c.keptRows.indexOf(i);
        const cj = c.keptColumns.indexOf(j);
        if (ri < 0 || cj < 0) {
          expect(res.expected[i]![j]).toBe(0);
          expect(res.adjustedResiduals[i]![j]).toBe(0);
        } else {
          expectClose(res.expected[i]![j]!, c.expected[ri]![cj]!, 1e-9, 1e-12, `expected[${i}][${j}]`);
          expectClose(res.adjustedResiduals[i]![j]!, c.adjustedResiduals[ri]![cj]!, 1e-9, 1e-12, `stdres[${i}][${j}]`);
        }
      }
    }
  });

  it('does not modify the input table', () => {
    const table = [[10, 20, 0], [0, 0, 0], [30, 40, 5]];
    const copy = structuredClone(table);
    chiSquareTest(table);
    expect(table).toEqual(copy);
  });
});

describe('chiSquareTest (likelihood ratio)', () => {
  it.each(loadCases<LrCase>('chi-square-likelihood-ratio.json').map((c) => [c.call, c] as const))('matches SciPy %s', (_call, c) => {
    const res = chiSquareTest(c.table, { statistic: 'likelihood-ratio' });
    expect(res.method).toBe('likelihood-ratio');
    expect(res.df).toBe(c.df);
    expectClose(res.statistic, c.statistic, 1e-9, 1e-12, 'G2');
    expectClose(res.p, c.p, 1e-9, TINY, 'p');
  });
});

describe('chiSquareTest validation', () => {
  it('rejects negative, non-finite and ragged tables, and unknown statistics', () => {
    expect(() => chiSquareTest([[1, -2], [3, 4]])).toThrow('chiSquareTest requires counts >= 0, got -2 at row 0, column 1');
    expect(() => chiSquareTest([[1, NaN], [3, 4]])).toThrow('chiSquareTest requires finite counts, got NaN at row 0, column 1');
    expect(() => chiSquareTest([[1, Infinity], [3, 4]])).toThrow('got Infinity');
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow('chiSquareTest requires a rectangular table');
    expect(() => chiSquareTest([])).toThrow('chiSquareTest requires a table with at least one row');
    expect(() => chiSquareTest([[]])).toThrow('at least one column');
    // @ts-expect-error an unknown statistic is rejected at run time too
    expect(() => chiSquareTest([[1, 2], [3, 4]], { statistic: 'yates' })).toThrow(
      'chiSquareTest requires statistic to be one of pearson, likelihood-ratio, got yates',
    );
  });

  it('rejects tables with fewer than 2 non-empty rows or columns (df would be 0)', () => {
    expect(() => chiSquareTest([[5, 3], [0, 0]])).toThrow(
      'chiSquareTest requires at least 2 rows and 2 columns with a non-zero total, got 1 row(s) and 2 column(s)',
    );
    expect(() => chiSquareTest([[5, 0], [3, 0]])).toThrow('got 2 row(s) and 1 column(s)');
    expect(() => chiSquareTest([[0, 0], [0, 0]])).toThrow('got 0 row(s) and 0 column(s)');
  });
});
