import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { P_ADJUST_METHODS, pAdjust, type PAdjustMethod } from '../../src/stats/index.js';
import { expectAllClose, loadCases } from './golden.js';

type Case = { call: string; p: number[]; method: PAdjustMethod; expected: number[] };

describe('pAdjust', () => {
  it.each(loadCases<Case>('p-adjust.json').map((c) => [c.call, c] as const))('matches R %s', (_call, c) => {
    expectAllClose(pAdjust(c.p, c.method), c.expected, 1e-12, 0, c.call);
  });

  it('returns an empty array for no p-values (as R p.adjust(numeric(0)))', () => {
    for (const m of P_ADJUST_METHODS) expect(pAdjust([], m)).toEqual([]);
  });

  const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 });

  it.each(P_ADJUST_METHODS.map((m) => [m]))('property (%s): p <= adjusted <= 1, order preserved, input untouched', (method) => {
    fc.assert(
      fc.property(pValues, (p) => {
        const copy = p.slice();
        const adj = pAdjust(p, method);
        expect(p).toEqual(copy);
        expect(adj.length).toBe(p.length);
        const broken: string[] = [];
        for (let i = 0; i < p.length; i++) {
          if (!(adj[i]! >= p[i]! && adj[i]! <= 1)) broken.push(`adj[${i}]=${adj[i]} outside [p=${p[i]}, 1]`);
          for (let j = 0; j < p.length; j++) {
            if (p[i]! <= p[j]! && adj[i]! > adj[j]!) broken.push(`p[${i}] <= p[${j}] but adj ${adj[i]} > ${adj[j]}`);
          }
        }
        expect(broken).toEqual([]);
      }),
      { seed: 2, numRuns: 200 },
    );
  });

  it('property: BH <= holm <= bonferroni, and permuting the input permutes the output', () => {
    fc.assert(
      fc.property(pValues, (p) => {
        const bh = pAdjust(p, 'BH');
        const holm = pAdjust(p, 'holm');
        const bonf = pAdjust(p, 'bonferroni');
        const broken = p.flatMap((_, i) => (bh[i]! <= holm[i]! + 1e-15 && holm[i]! <= bonf[i]! ? [] : [i]));
        expect(broken).toEqual([]);
        const rev = p.slice().reverse();
        for (const m of P_ADJUST_METHODS) expect(pAdjust(rev, m)).toEqual(pAdjust(p, m).reverse());
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('rejects p-values outside [0, 1], non-finite values and unknown methods', () => {
    expect(() => pAdjust([0.1, 1.2], 'BH')).toThrow('pAdjust requires p-values in [0, 1], got 1.2 at index 1');
    expect(() => pAdjust([-0.1], 'holm')).toThrow('got -0.1 at index 0');
    expect(() => pAdjust([NaN], 'holm')).toThrow('pAdjust requires p to contain finite numbers, got NaN at index 0');
    // @ts-expect-error unknown method rejected at run time
    expect(() => pAdjust([0.1], 'hochberg')).toThrow('pAdjust requires method to be one of holm, bonferroni, BH, got hochberg');
  });
});
