import { describe, expect, it } from 'vitest';
import { oddsRatio, type TwoByTwoTable } from '../../src/stats/index.js';
import { expectAllClose, expectClose, loadCases } from './golden.js';

type Case = { call: string; table: TwoByTwoTable; estimate: number; ci95: [number, number]; haldaneCorrection: boolean };
const cases = loadCases<Case>('odds-ratio.json');

describe('oddsRatio', () => {
  // Independent route: the Wald interval of the slope of a saturated logistic regression.
  it.each(cases.map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    const res = oddsRatio(c.table);
    expect(res.haldaneCorrection).toBe(c.haldaneCorrection);
    expectClose(res.estimate, c.estimate, 1e-9, 0, 'estimate');
    expectAllClose(res.ci95, c.ci95, 1e-9, 0, 'ci95');
  });

  it('covers zero cells (Haldane–Anscombe correction)', () => {
    expect(cases.filter((c) => c.haldaneCorrection).length).toBeGreaterThanOrEqual(2);
    expect(oddsRatio([[0, 10], [5, 5]]).estimate).toBeCloseTo((0.5 * 5.5) / (10.5 * 5.5), 14);
  });

  it('rejects non-2x2 tables, bad counts and an empty margin', () => {
    // @ts-expect-error wrong shape rejected at run time
    expect(() => oddsRatio([[1, 2], [3, 4], [5, 6]])).toThrow('oddsRatio requires a 2 x 2 table, got 3 x 2');
    expect(() => oddsRatio([[1, 2], [3, Infinity]])).toThrow('oddsRatio requires finite counts, got Infinity at row 1, column 1');
    expect(() => oddsRatio([[0, 2], [0, 4]])).toThrow('oddsRatio requires every row and column total to be > 0, got rows 2, 4 and columns 0, 6');
  });
});
