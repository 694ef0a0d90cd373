import { describe, expect, it } from 'vitest';
import { normalQuantile, normalTail } from '../../src/stats/index.js';
import { expectClose, loadCases, TINY } from './golden.js';

type TailCase = { call: string; z: number; expected: number };
type QuantileCase = { call: string; p: number; expected: number };

describe('normalTail', () => {
  it.each(loadCases<TailCase>('normal-tail.json').map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    expectClose(normalTail(c.z), c.expected, 1e-9, TINY, c.call);
  });

  it('is 1 at -Infinity and 0 at Infinity, and rejects NaN', () => {
    expect(normalTail(-Infinity)).toBe(1);
    expect(normalTail(Infinity)).toBe(0);
    expect(() => normalTail(NaN)).toThrow('normalTail requires z to be a number, got NaN');
  });
});

describe('normalQuantile', () => {
  it.each(loadCases<QuantileCase>('normal-quantile.json').map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    expectClose(normalQuantile(c.p), c.expected, 1e-9, 1e-15, c.call);
  });

  it('inverts normalTail: normalTail(-normalQuantile(p)) = p', () => {
    for (const p of [1e-50, 1e-8, 0.01, 0.2, 0.5, 0.8]) expectClose(normalTail(-normalQuantile(p)), p, 1e-12);
  });

  it('gives ±Infinity at 0 and 1 and rejects p outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow('normalQuantile requires p in [0, 1], got 1.5');
    expect(() => normalQuantile(NaN)).toThrow('got NaN');
  });
});
