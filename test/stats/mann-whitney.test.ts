import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from '../../src/stats/index.js';
import { expectClose, loadCases, TINY } from './golden.js';

type Case = { call: string; x: number[]; y: number[]; u: number; p: number; absZ: number };
const cases = loadCases<Case>('mann-whitney.json');

describe('mannWhitneyU', () => {
  it.each(cases.map((c) => [c.call, c] as const))('matches SciPy %s', (_call, c) => {
    const res = mannWhitneyU(c.x, c.y);
    expect(res.u).toBe(c.u);
    expectClose(res.p, c.p, 1e-9, TINY, 'p');
    expectClose(Math.abs(res.z), c.absZ, 1e-9, 1e-12, '|z|');
    expectClose(res.effectSizeR, c.absZ / Math.sqrt(c.x.length + c.y.length), 1e-9, 1e-12, 'r');
    // z is positive when x tends to be larger (U above its mean n1·n2/2).
    const centre = (c.x.length * c.y.length) / 2;
    if (Math.abs(c.u - centre) >= 0.5) expect(Math.sign(res.z)).toBe(Math.sign(c.u - centre));
  });

  it('covers ties and a tiny p-value', () => {
    expect(cases.some((c) => new Set([...c.x, ...c.y]).size < c.x.length + c.y.length)).toBe(true);
    expect(cases.some((c) => c.p < 1e-50)).toBe(true);
  });

  it('swapping the samples flips z and keeps p', () => {
    const a = mannWhitneyU([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]);
    const b = mannWhitneyU([3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5]);
    expectClose(b.z, -a.z, 1e-14);
    expectClose(b.p, a.p, 1e-14);
    expect(b.u).toBe(30 - a.u);
  });

  it('rejects empty samples, non-finite values and all-equal data', () => {
    expect(() => mannWhitneyU([], [1, 2])).toThrow('mannWhitneyU requires x to have at least 1 value(s), got 0');
    expect(() => mannWhitneyU([1], [2, NaN])).toThrow('mannWhitneyU requires y to contain finite numbers, got NaN at index 1');
    expect(() => mannWhitneyU([3, 3], [3])).toThrow('mannWhitneyU requires at least two distinct values across x and y, got 3 equal values');
  });
});
