import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/stats/rng.js';
import { StratifiedUniforms } from '../../src/synth/stratified-uniforms.js';

describe('StratifiedUniforms', () => {
  it('puts one draw in each stratum of every block, per key, in [0, 1)', () => {
    const s = new StratifiedUniforms(createRng(3), 2, 8);
    for (let block = 0; block < 5; block++) {
      for (const key of [0, 1]) {
        const draws = Array.from({ length: 8 }, () => s.next(key));
        for (const u of draws) expect(u >= 0 && u < 1).toBe(true);
        expect(draws.map((u) => Math.floor(u * 8)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      }
    }
  });

  it('gives yes to p of the draws to within one per block, where independent draws would vary', () => {
    const s = new StratifiedUniforms(createRng(11), 1, 16);
    const n = 16 * 20;
    let yes = 0;
    for (let i = 0; i < n; i++) if (s.next(0) < 0.64) yes++;
    expect(Math.abs(yes - 0.64 * n)).toBeLessThanOrEqual(20);
    // within each block of 16 the count is floor or ceil of 16 · 0.64 = 10.24
    const t = new StratifiedUniforms(createRng(12), 1, 16);
    for (let b = 0; b < 20; b++) {
      let k = 0;
      for (let i = 0; i < 16; i++) if (t.next(0) < 0.64) k++;
      expect(k === 10 || k === 11).toBe(true);
    }
  });

  it('is deterministic for a seed and shuffles the order within a block', () => {
    const a = new StratifiedUniforms(createRng(5), 1, 16);
    const b = new StratifiedUniforms(createRng(5), 1, 16);
    const da = Array.from({ length: 32 }, () => a.next(0));
    expect(Array.from({ length: 32 }, () => b.next(0))).toEqual(da);
    const strata = da.slice(0, 16).map((u) => Math.floor(u * 16));
    expect(strata).not.toEqual([...strata].sort((x, y) => x - y));
  });

  it('rejects bad keys and sizes', () => {
    expect(() => new StratifiedUniforms(createRng(1), 0)).toThrow('StratifiedUniforms requires keys >= 1, got 0');
    expect(() => new StratifiedUniforms(createRng(1), 2, 0)).toThrow('StratifiedUniforms requires block >= 1, got 0');
    expect(() => new StratifiedUniforms(createRng(1), 2).next(2)).toThrow('StratifiedUniforms has keys 0 to 1, got 2');
  });
});
