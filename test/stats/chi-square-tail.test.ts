import { describe, expect, it } from 'vitest';
import { chiSquareTail } from '../../src/stats/index.js';
import { expectClose, loadCases, TINY } from './golden.js';

type Case = { call: string; x: number; df: number; expected: number };
const cases = loadCases<Case>('chi-square-tail.json');

describe('chiSquareTail', () => {
  it.each(cases.map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    expectClose(chiSquareTail(c.x, c.df), c.expected, 1e-9, TINY, c.call);
  });

  it('keeps tiny p-values: chi-square 400 on 1 df is 5.5e-89, not 0 (R: pchisq(400, 1, lower.tail = FALSE))', () => {
    const c = cases.find((k) => k.x === 400 && k.df === 1)!;
    expect(c.expected).toBeGreaterThan(5e-89);
    expect(c.expected).toBeLessThan(6e-89);
    expectClose(chiSquareTail(400, 1), c.expected);
  });

  it('covers every df from 1 to 30 in the fixture', () => {
    const dfs = new Set(cases.map((c) => c.df));
    for (let df = 1; df <= 30; df++) expect(dfs.has(df)).toBe(true);
  });

  it('gives 1 at x <= 0 and 0 at Infinity', () => {
    expect(chiSquareTail(0, 3)).toBe(1);
    expect(chiSquareTail(-2, 3)).toBe(1);
    expect(chiSquareTail(Infinity, 3)).toBe(0);
  });

  it('rejects NaN x and df <= 0 or not finite', () => {
    expect(() => chiSquareTail(NaN, 1)).toThrow('chiSquareTail requires x to be a number, got NaN');
    expect(() => chiSquareTail(1, 0)).toThrow('chiSquareTail requires df to be a finite number > 0, got 0');
    expect(() => chiSquareTail(1, -1)).toThrow('got -1');
    expect(() => chiSquareTail(1, Infinity)).toThrow('got Infinity');
  });
});
