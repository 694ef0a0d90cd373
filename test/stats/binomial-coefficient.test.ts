import { describe, expect, it } from 'vitest';
import { binomialCoefficient, logBinomialCoefficient, logFactorial } from '../../src/stats/index.js';
import { expectClose, loadCases } from './golden.js';

type ChooseCase = { call: string; n: number; k: number; choose: number; lchoose: number };
type FactorialCase = { call: string; m: number; expected: number };

describe('binomialCoefficient / logBinomialCoefficient', () => {
  it.each(loadCases<ChooseCase>('binomial-coefficient.json').map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    expectClose(binomialCoefficient(c.n, c.k), c.choose, 1e-12, 0, 'choose');
    expectClose(logBinomialCoefficient(c.n, c.k), c.lchoose, 1e-12, 1e-12, 'lchoose');
  });

  it('is exact below 2^53 (Pascal identity on whole numbers)', () => {
    for (let n = 1; n <= 70; n++) {
      for (let k = 1; k < n; k++) {
        const value = binomialCoefficient(n, k);
        if (value >= 2 ** 53) continue;
        expect(Number.isInteger(value)).toBe(true);
        expect(value).toBe(binomialCoefficient(n - 1, k - 1) + binomialCoefficient(n - 1, k));
      }
    }
  });

  it('gives 0 / -Infinity for k > n', () => {
    expect(binomialCoefficient(3, 10)).toBe(0);
    expect(logBinomialCoefficient(3, 10)).toBe(-Infinity);
  });

  it('rejects negative, fractional and non-finite arguments', () => {
    expect(() => binomialCoefficient(-1, 0)).toThrow('binomialCoefficient requires n to be a whole number >= 0, got -1');
    expect(() => binomialCoefficient(5, 2.5)).toThrow('binomialCoefficient requires k to be a whole number >= 0, got 2.5');
    expect(() => logBinomialCoefficient(Infinity, 2)).toThrow('logBinomialCoefficient requires n to be a whole number >= 0, got Infinity');
  });
});

describe('logFactorial', () => {
  it.each(loadCases<FactorialCase>('log-factorial.json').map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    expectClose(logFactorial(c.m), c.expected, 1e-13, 1e-15, c.call);
  });

  it('rejects negative and fractional m', () => {
    expect(() => logFactorial(-1)).toThrow('logFactorial requires m to be a whole number >= 0, got -1');
    expect(() => logFactorial(1.5)).toThrow('got 1.5');
  });
});
