import { describe, expect, it } from 'vitest';
import { fisherExact, type TwoByTwoTable } from '../../src/stats/index.js';
import { expectClose, loadCases, TINY } from './golden.js';

type Case = { call: string; table: TwoByTwoTable; p: number; oddsRatio: number; oddsRatioR: number };
const cases = loadCases<Case>('fisher-exact.json');

describe('fisherExact', () => {
  it.each(cases.map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    const res = fisherExact(c.table);
    expectClose(res.p, c.p, 1e-9, TINY, 'p');
    // Conditional MLE: R's mnhyper equation solved with uniroot(tol = 1e-14) (see make-fixtures.R) ...
    expectClose(res.oddsRatio, c.oddsRatio, 1e-9, 0, 'conditional MLE');
    // ... and R's own fisher.test estimate, which stops at uniroot's default tolerance.
    expectClose(res.oddsRatio, c.oddsRatioR, 1e-3, 0, 'R estimate');
  });

  it('covers zero cells giving an odds ratio of 0 and of Infinity', () => {
    expect(cases.some((c) => c.oddsRatio === 0)).toBe(true);
    expect(cases.some((c) => c.oddsRatio === Infinity)).toBe(true);
    expect(fisherExact([[0, 5], [5, 0]]).oddsRatio).toBe(0);
    expect(fisherExact([[5, 0], [0, 5]]).oddsRatio).toBe(Infinity);
  });

  it('is symmetric under swapping rows and columns', () => {
    const a = fisherExact([[12, 5], [7, 9]]);
    const b = fisherExact([[7, 9], [12, 5]]);
    expectClose(b.p, a.p, 1e-12);
    expectClose(b.oddsRatio, 1 / a.oddsRatio, 1e-9);
  });

  it('rejects non-2x2 tables, bad counts and an empty margin', () => {
    // @ts-expect-error wrong shape rejected at run time
    expect(() => fisherExact([[1, 2, 3], [4, 5, 6]])).toThrow('fisherExact requires a 2 x 2 table, got 2 x 3');
    expect(() => fisherExact([[1, 2.5], [3, 4]])).toThrow('fisherExact requires whole-number counts, got 2.5 at row 0, column 1');
    expect(() => fisherExact([[1, -2], [3, 4]])).toThrow('fisherExact requires counts >= 0, got -2');
    expect(() => fisherExact([[0, 0], [3, 4]])).toThrow('fisherExact requires every row and column total to be > 0, got rows 0, 7');
  });
});
