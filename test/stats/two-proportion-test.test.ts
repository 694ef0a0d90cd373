import { describe, expect, it } from 'vitest';
import { twoProportionTest } from '../../src/stats/index.js';
import { expectClose, loadCases, TINY } from './golden.js';

type Case = { call: string; x1: number; n1: number; x2: number; n2: number; chiSquared: number; p: number; difference: number };

describe('twoProportionTest', () => {
  it.each(loadCases<Case>('two-proportion-test.json').map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    const res = twoProportionTest(c.x1, c.n1, c.x2, c.n2);
    // prop.test reports X-squared = z²; the sign of z is the sign of the difference.
    expectClose(res.z * res.z, c.chiSquared, 1e-9, 1e-14, 'z^2');
    expect(Math.sign(res.z)).toBe(Math.sign(c.difference));
    expectClose(res.p, c.p, 1e-9, TINY, 'p');
    expectClose(res.difference, c.difference, 1e-12, 1e-15, 'difference');
  });

  it('is antisymmetric in the two groups', () => {
    const a = twoProportionTest(30, 100, 45, 110);
    const b = twoProportionTest(45, 110, 30, 100);
    expectClose(b.z, -a.z, 1e-14);
    expect(b.p).toBe(a.p);
  });

  it('rejects bad counts and a pooled proportion of 0 or 1', () => {
    expect(() => twoProportionTest(5, 4, 1, 10)).toThrow('twoProportionTest requires x1 <= n1, got x1=5, n1=4');
    expect(() => twoProportionTest(1, 4, 11, 10)).toThrow('twoProportionTest requires x2 <= n2, got x2=11, n2=10');
    expect(() => twoProportionTest(1, 0, 1, 10)).toThrow('twoProportionTest requires n1 to be a whole number >= 1, got 0');
    expect(() => twoProportionTest(-1, 4, 1, 10)).toThrow('x1 to be a whole number >= 0, got -1');
    expect(() => twoProportionTest(1, 4, NaN, 10)).toThrow('got NaN');
    expect(() => twoProportionTest(0, 4, 0, 10)).toThrow(
      'twoProportionTest requires at least one success and one failure in total, got x1+x2=0 of n1+n2=14',
    );
    expect(() => twoProportionTest(4, 4, 10, 10)).toThrow('got x1+x2=14 of n1+n2=14');
  });
});
