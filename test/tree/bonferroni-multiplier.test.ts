/**
 * Bonferroni multipliers. Golden values from the issue (issue 5, "Correct when"): c = 5,
 * r = 3 gives ordinal 6, nominal 25, floating 12; c = 10, r = 3 gives 36, 9330, 92.
 * Properties: S(c, 2) = 2^(c−1) − 1, S(c, c − 1) = C(c, 2) (standard identities of Stirling
 * numbers of the second kind), r = c gives 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bonferroniMultiplier, exhaustiveBonferroniMultiplier } from '../../src/tree/bonferroni-multiplier.js';

describe('bonferroniMultiplier', () => {
  it('c = 5, r = 3: ordinal 6, nominal 25, floating 12 (issue 5)', () => {
    expect(bonferroniMultiplier(5, 3, 'ordinal')).toBe(6);
    expect(bonferroniMultiplier(5, 3, 'nominal')).toBe(25);
    expect(bonferroniMultiplier(5, 3, 'floating')).toBe(12);
  });

  it('c = 10, r = 3: ordinal 36, nominal 9330, floating 92 (issue 5)', () => {
    expect(bonferroniMultiplier(10, 3, 'ordinal')).toBe(36);
    expect(bonferroniMultiplier(10, 3, 'nominal')).toBe(9330);
    expect(bonferroniMultiplier(10, 3, 'floating')).toBe(92);
  });

  it('is 1 when nothing was merged, and follows the Stirling identities', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), (c) => {
        for (const kind of ['nominal', 'ordinal', 'floating'] as const) expect(bonferroniMultiplier(c, c, kind)).toBe(1);
        expect(bonferroniMultiplier(c, 2, 'nominal')).toBe(2 ** (c - 1) - 1);
        expect(bonferroniMultiplier(c, c - 1, 'nominal')).toBe((c * (c - 1)) / 2);
        expect(bonferroniMultiplier(c, 2, 'ordinal')).toBe(c - 1);
      }),
    );
  });

  it('rejects r outside 1..c and unknown kinds', () => {
    expect(() => bonferroniMultiplier(3, 4, 'nominal')).toThrow(/1 <= r <= c, got r=4, c=3/);
    expect(() => bonferroniMultiplier(0, 1, 'nominal')).toThrow(/c to be a whole number >= 1/);
    expect(() => bonferroniMultiplier(3, 2, 'other' as never)).toThrow(/kind to be one of nominal, ordinal, floating/);
  });
});

describe('exhaustiveBonferroniMultiplier', () => {
  it('sums the pairs examined over the merges: ordinal c(c−1)/2, nominal c(c²−1)/6', () => {
    for (let c = 2; c <= 12; c++) {
      let ordinal = 0;
      let nominal = 0;
      for (let v = 2; v <= c; v++) {
        ordinal += v - 1;
        nominal += (v * (v - 1)) / 2;
      }
      expect(exhaustiveBonferroniMultiplier(c, 'ordinal')).toBe(ordinal);
      expect(exhaustiveBonferroniMultiplier(c, 'nominal')).toBe(nominal);
    }
    expect(exhaustiveBonferroniMultiplier(5, 'nominal')).toBe(20);
  });
});
