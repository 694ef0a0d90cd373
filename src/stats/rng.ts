import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

/**
 * A seeded pseudo-random generator (xoroshiro128+ from pure-rand). The only source of
 * randomness in the workbench: every function that needs randomness takes a seed or an
 * `Rng` and never touches `Math.random`.
 */
export interface Rng {
  /** Uniform in [0, 1), 53 bits. */
  float(): number;
  /** Uniform whole number in [min, max], both included. */
  int(min: number, max: number): number;
  /** A standard normal deviate (Box–Muller, one value per call). */
  normal(): number;
  /** An independent generator derived from this one (advances this one). */
  fork(): Rng;
}

/**
 * Make a generator from a whole-number seed. Same seed, same sequence; different safe
 * integers, different sequences.
 * @throws if the seed is not a safe integer.
 * @example createRng(1).int(1, 6) // always the same value for seed 1
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`createRng requires a whole-number seed, got ${seed}`);
  }
  // pure-rand's xoroshiro128plus(s) starts from the state [-1, ~s, s, 0] and reads only 32
  // bits of s; the high bits go in the last word, so every safe integer gives its own
  // stream (and a seed in [0, 2^32) the same stream as xoroshiro128plus(seed)).
  const lo = seed | 0;
  const hi = Math.floor(seed / 2 ** 32) | 0;
  const gen = xoroshiro128plusFromState([-1, ~lo, lo, hi]);
  const rng: Rng = {
    float: () => uniformFloat64(gen),
    int: (min, max) => uniformInt(gen, min, max),
    normal: () => {
      let u = 0;
      while (u === 0) u = uniformFloat64(gen);
      const v = uniformFloat64(gen);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fork: () => createRng(uniformInt(gen, 0, 0x7fffffff)),
  };
  return rng;
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
