import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/index.js';
import { expectAllClose, loadCases } from './golden.js';

type Case = { call: string; count: number; n: number; confidence: number; expected: [number, number] };

describe('wilsonInterval', () => {
  it.each(loadCases<Case>('wilson-interval.json').map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    expectAllClose(wilsonInterval(c.count, c.n, c.confidence), c.expected, 1e-9, 1e-15, c.call);
  });

  it('uses 95% by default', () => {
    expect(wilsonInterval(12, 40)).toEqual(wilsonInterval(12, 40, 0.95));
  });

  it('property: 0 <= lower <= count/n <= upper <= 1, and a wider level gives a wider interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const count = Math.round(f * n);
        const [lo, hi] = wilsonInterval(count, n);
        const [lo99, hi99] = wilsonInterval(count, n, 0.99);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBeLessThanOrEqual(count / n + 1e-15);
        expect(hi).toBeGreaterThanOrEqual(count / n - 1e-15);
        expect(lo99).toBeLessThanOrEqual(lo + 1e-15);
        expect(hi99).toBeGreaterThanOrEqual(hi - 1e-15);
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it('rejects bad counts, n and confidence', () => {
    expect(() => wilsonInterval(-1, 10)).toThrow('wilsonInterval requires count to be a whole number >= 0, got -1');
    expect(() => wilsonInterval(11, 10)).toThrow('wilsonInterval requires count <= n, got count=11, n=10');
    expect(() => wilsonInterval(0, 0)).toThrow('wilsonInterval requires n to be a whole number >= 1, got 0');
    expect(() => wilsonInterval(1.5, 10)).toThrow('got 1.5');
    expect(() => wilsonInterval(NaN, 10)).toThrow('got NaN');
    expect(() => wilsonInterval(1, 10, 1)).toThrow('wilsonInterval requires confidence in (0, 1), got 1');
  });
});
