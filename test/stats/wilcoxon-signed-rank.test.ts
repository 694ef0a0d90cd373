import { describe, expect, it } from 'vitest';
import { wilcoxonSignedRank } from '../../src/stats/index.js';
import { expectClose, loadCases, TINY } from './golden.js';

type RCase = {
  call: string;
  d: number[];
  n: number;
  method: 'exact' | 'normal';
  statistic: number;
  p: number;
  normalP: number;
  absZ: number;
};
type SciPyCase = { call: string; d: number[]; method: 'exact' | 'normal'; minRankSum: number; p: number; absZ: number; normalP: number };
const rCases = loadCases<RCase>('wilcoxon-signed-rank-r.json');
const scipyCases = loadCases<SciPyCase>('wilcoxon-signed-rank-scipy.json');

describe('wilcoxonSignedRank', () => {
  it.each(rCases.map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    const res = wilcoxonSignedRank(c.d);
    expect(res.method).toBe(c.method);
    expect(res.n).toBe(c.n);
    expect(res.zerosDropped).toBe(c.d.length - c.n);
    expect(res.statistic).toBe(c.statistic);
    expectClose(res.p, c.p, 1e-9, TINY, 'p');
    if (c.method === 'exact') expect(res.z).toBeNull();
    else expectClose(Math.abs(res.z!), c.absZ, 1e-9, 1e-12, '|z|');
    expectClose(res.effectSizeR, c.absZ / Math.sqrt(c.n), 1e-9, 1e-12, 'r');
  });

  it.each(scipyCases.map((c) => [c.call, c] as const))('matches SciPy %s', (_call, c) => {
    const res = wilcoxonSignedRank(c.d);
    expect(res.method).toBe(c.method);
    // SciPy's two-sided statistic is min(T+, T-); T+ + T- = n(n+1)/2.
    expect(Math.min(res.statistic, (res.n * (res.n + 1)) / 2 - res.statistic)).toBe(c.minRankSum);
    expectClose(res.p, c.p, 1e-9, TINY, 'p');
    if (res.z !== null) expectClose(Math.abs(res.z), c.absZ, 1e-9, 1e-12, '|z|');
    // Effect size r = |z| / sqrt(n) with z from the continuity-corrected normal approximation, also for exact.
    expectClose(res.effectSizeR, c.absZ / Math.sqrt(res.n), 1e-9, 1e-12, 'r');
  });

  it('covers exact with a dropped zero, exact at n = 50, normal at n = 51, and ties', () => {
    expect(rCases.some((c) => c.method === 'exact' && c.d.includes(0))).toBe(true);
    expect(rCases.some((c) => c.method === 'exact' && c.n === 50)).toBe(true);
    expect(rCases.some((c) => c.method === 'normal' && c.n === 51)).toBe(true);
    expect(rCases.some((c) => c.method === 'normal' && c.n <= 50)).toBe(true);
  });

  it('is symmetric under negation (same p, mirrored statistic)', () => {
    const d = [0.8, -1.3, 2.2, 0.4, -0.1, 1.9, 3.1, -0.7, 1.1, 0.6];
    const a = wilcoxonSignedRank(d);
    const b = wilcoxonSignedRank(d.map((v) => -v));
    expect(b.p).toBe(a.p);
    expect(b.statistic).toBe(55 - a.statistic);
  });

  it('rejects empty input, non-finite values and all-zero differences', () => {
    expect(() => wilcoxonSignedRank([])).toThrow('wilcoxonSignedRank requires differences to have at least 1 value(s), got 0');
    expect(() => wilcoxonSignedRank([1, Infinity])).toThrow('got Infinity at index 1');
    expect(() => wilcoxonSignedRank([0, 0, 0])).toThrow('wilcoxonSignedRank requires at least one non-zero difference, got 3 zeros');
  });
});
