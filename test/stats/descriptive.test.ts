import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, median, quantile } from '../../src/stats/index.js';
import { expectAllClose, expectClose, loadCases } from './golden.js';

type Case = { call: string; x: number[]; probs: number[]; mean: number; median: number; quantiles: number[] };

describe('mean, median, quantile (type 7)', () => {
  it.each(loadCases<Case>('descriptive.json').map((c, i) => [`${c.call} (data set ${i + 1})`, c] as const))('matches R %s', (_call, c) => {
    expectClose(mean(c.x), c.mean, 1e-12, 1e-15, 'mean');
    expectClose(median(c.x), c.median, 1e-12, 1e-15, 'median');
    expectAllClose(quantile(c.x, c.probs), c.quantiles, 1e-12, 1e-15, 'quantiles');
    c.probs.forEach((p, i) => expectClose(quantile(c.x, p), c.quantiles[i]!, 1e-12, 1e-15, `quantile(${p})`));
  });

  it('does not modify its input', () => {
    const x = [5, 3, 9, 1];
    quantile(x, [0.1, 0.9]);
    median(x);
    expect(x).toEqual([5, 3, 9, 1]);
  });

  it('property: quantiles are monotone in p and lie within [min, max]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, p1, p2) => {
          const [a, b] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const qa = quantile(x, a);
          const qb = quantile(x, b);
          expect(qa).toBeLessThanOrEqual(qb);
          expect(qa).toBeGreaterThanOrEqual(Math.min(...x));
          expect(qb).toBeLessThanOrEqual(Math.max(...x));
        },
      ),
      { seed: 4, numRuns: 200 },
    );
  });

  it('rejects empty input, non-finite values and probabilities outside [0, 1]', () => {
    expect(() => mean([])).toThrow('mean requires x to have at least 1 value(s), got 0');
    expect(() => median([])).toThrow('median requires x to have at least 1 value(s), got 0');
    expect(() => quantile([], 0.5)).toThrow('quantile requires x to have at least 1 value(s), got 0');
    expect(() => mean([1, NaN])).toThrow('mean requires x to contain finite numbers, got NaN at index 1');
    expect(() => quantile([1, 2], 1.5)).toThrow('quantile requires probabilities in [0, 1], got 1.5');
    expect(() => quantile([1, 2], [0.5, NaN])).toThrow('got NaN');
  });
});
