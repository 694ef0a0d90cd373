import { describe, expect, it } from 'vitest';
import { mcnemarTest } from '../../src/stats/index.js';
import { expectClose, loadCases, TINY } from './golden.js';

type Case = { call: string; b: number; c: number; correction: boolean; statistic: number; p: number };

describe('mcnemarTest', () => {
  it.each(loadCases<Case>('mcnemar-test.json').map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    const res = mcnemarTest(c.b, c.c, { correction: c.correction });
    expect(res.df).toBe(1);
    expectClose(res.statistic, c.statistic, 1e-12, 1e-15, 'statistic');
    expectClose(res.p, c.p, 1e-9, TINY, 'p');
  });

  it('corrects by default, as R mcnemar.test', () => {
    expect(mcnemarTest(15, 5)).toEqual(mcnemarTest(15, 5, { correction: true }));
    expect(mcnemarTest(15, 5).statistic).toBe(4.05);
  });

  it('rejects bad counts and no discordant pairs', () => {
    expect(() => mcnemarTest(0, 0)).toThrow('mcnemarTest requires at least one discordant pair, got b + c = 0');
    expect(() => mcnemarTest(-1, 3)).toThrow('mcnemarTest requires b to be a whole number >= 0, got -1');
    expect(() => mcnemarTest(1, 2.5)).toThrow('mcnemarTest requires c to be a whole number >= 0, got 2.5');
    expect(() => mcnemarTest(1, Infinity)).toThrow('got Infinity');
  });
});
