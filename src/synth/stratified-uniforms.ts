import type { Rng } from '../stats/rng.js';

/**
 * Uniform numbers in [0, 1) drawn in stratified blocks, one stream per key: each block of
 * `block` consecutive draws for a key holds one value from each of the strata
 * [0, 1/block), [1/block, 2/block), …, in random order (Latin hypercube sampling in time).
 * Comparing a draw with a probability p then gives a yes for very nearly p of the draws of
 * every key, whatever the seed, while the order stays random: the demo cohort's small
 * groups (cluster D's 290 families) show their calibrated rates instead of sampling noise.
 * Keys are independent streams. All randomness comes from the `rng` given.
 */
export class StratifiedUniforms {
  private readonly values: Float64Array;
  private readonly position: Int32Array;

  /**
   * @param keys number of independent streams (keys 0 … keys − 1)
   * @param block draws per stratified block (≥ 1)
   * @throws when keys or block is not a whole number ≥ 1.
   * @example new StratifiedUniforms(createRng(1), 3, 4).next(0) // in [0, 1)
   */
  constructor(
    private readonly rng: Rng,
    readonly keys: number,
    readonly block = 16,
  ) {
    if (!Number.isInteger(keys) || keys < 1) throw new Error(`StratifiedUniforms requires keys >= 1, got ${keys}`);
    if (!Number.isInteger(block) || block < 1) throw new Error(`StratifiedUniforms requires block >= 1, got ${block}`);
    this.values = new Float64Array(keys * block);
    this.position = new Int32Array(keys).fill(block);
  }

  /** The next draw of stream `key`. Cost: O(1) amortised. @throws when key is not one of the streams. */
  next(key: number): number {
    if (!(key >= 0 && key < this.keys)) throw new Error(`StratifiedUniforms has keys 0 to ${this.keys - 1}, got ${key}`);
    const b = this.block;
    let pos = this.position[key]!;
    const base = key * b;
    if (pos >= b) {
      for (let k = 0; k < b; k++) this.values[base + k] = (k + this.rng.float()) / b;
      for (let k = b - 1; k > 0; k--) {
        const r = this.rng.int(0, k);
        const t = this.values[base + k]!;
        this.values[base + k] = this.values[base + r]!;
        this.values[base + r] = t;
      }
      pos = 0;
    }
    this.position[key] = pos + 1;
    return this.values[base + pos]!;
  }
}
