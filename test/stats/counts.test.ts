import { describe, expect, it } from 'vitest';
import { median, medianOfCounts, wilcoxonSignedRank, wilcoxonSignedRankOfCounts } from '../../src/stats/index.js';
import { expectClose, loadCases, TINY } from './golden.js';

type RCase = { call: string; d: number[]; n: number; method: 'exact' | 'normal'; statistic: number; p: number; absZ: number };
type CountsCase = { call: string; values: number[]; counts: number[]; minRankSum: number; absZ: number; p: number; median: number };

/** The distinct values of `d`, ascending, with how often each occurs. */
function tabulate(d: readonly number[]): { values: number[]; counts: number[] } {
  const values = [...new Set(d)].sort((a, b) => a - b);
  return { values, counts: values.map((v) => d.filter((x) => x === v).length) };
}

describe('statistics of data given as a table of counts', () => {
  // Golden values from R (make-fixtures.R: wilcox.test(d, exact = n < 50 && no ties, correct = TRUE)), each call in the case.
  it.each(loadCases<RCase>('wilcoxon-signed-rank-r.json').map((c) => [c.call, c] as const))('wilcoxonSignedRankOfCounts matches R %s, tabulated', (_call, c) => {
    const { values, counts } = tabulate(c.d);
    const res = wilcoxonSignedRankOfCounts(values, counts);
    expect(res.method).toBe(c.method);
    expect(res.n).toBe(c.n);
    expect(res.statistic).toBe(c.statistic);
    expectClose(res.p, c.p, 1e-9, TINY, 'p');
    if (c.method === 'normal') expectClose(Math.abs(res.z!), c.absZ, 1e-9, 1e-12, '|z|');
    expect(medianOfCounts(values, counts)).toBe(median(c.d));
  });

  // Golden values from SciPy 1.10 (make-fixtures.py): d = numpy.repeat(values, counts);
  // scipy.stats.wilcoxon(d, zero_method='wilcox', correction=True, method='approx'); numpy.median(d).
  it.each(loadCases<CountsCase>('counts.json').map((c) => [`${c.counts.reduce((a, b) => a + b, 0)} values: ${c.call}`, c] as const))(
    'matches SciPy and NumPy on %s',
    (_name, c) => {
      const res = wilcoxonSignedRankOfCounts(c.values, c.counts);
      expect(res.method).toBe('normal');
      expect(Math.min(res.statistic, (res.n * (res.n + 1)) / 2 - res.statistic)).toBe(c.minRankSum);
      expectClose(Math.abs(res.z!), c.absZ, 1e-9, 1e-12, '|z|');
      expectClose(res.p, c.p, 1e-9, TINY, 'p');
      expect(medianOfCounts(c.values, c.counts)).toBe(c.median);
    },
  );

  it('agrees with the list-based functions on a small table, and refuses bad tables', () => {
    const d = [-2, -2, 0, 1, 1, 1, 3, 5, 5];
    const { values, counts } = tabulate(d);
    expect(wilcoxonSignedRankOfCounts(values, counts)).toEqual(wilcoxonSignedRank(d));
    expect(medianOfCounts([1, 2, 4], [1, 1, 2])).toBe(3);
    expect(() => medianOfCounts([2, 1], [1, 1])).toThrow('ascending distinct values');
    expect(() => medianOfCounts([1, 2], [1, 0.5])).toThrow('whole-number counts');
    expect(() => medianOfCounts([1, 2], [0, 0])).toThrow('at least one value');
  });
});
