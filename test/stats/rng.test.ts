import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/stats/index.js';

const draws = (seed: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: 8 }, () => rng.int(0, 2 ** 31 - 1));
};

describe('createRng', () => {
  it('is pure-rand xoroshiro128plus(seed) for seeds in [0, 2^32)', () => {
    for (const seed of [0, 1, 17, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1]) {
      const gen = xoroshiro128plus(seed);
      expect(draws(seed)).toEqual(Array.from({ length: 8 }, () => uniformInt(gen, 0, 2 ** 31 - 1)));
    }
  });

  it('gives each safe integer its own sequence (negative seeds and seeds beyond 32 bits too)', () => {
    const seeds = [0, 1, 2, -1, -2, -7, -100, 2 ** 32, 2 ** 32 + 1, 2 ** 33, -(2 ** 32), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
    const seen = new Set(seeds.map((s) => draws(s).join(',')));
    expect(seen.size).toBe(seeds.length);
    expect(draws(-5)).toEqual(draws(-5));
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => createRng(1.5)).toThrow('createRng requires a whole-number seed, got 1.5');
    expect(() => createRng(2 ** 53)).toThrow('got 9007199254740992');
  });
});
