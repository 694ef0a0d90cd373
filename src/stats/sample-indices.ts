import type { Rng } from './rng.js';

/**
 * A simple random sample of `m` of the indices 0…n−1, without replacement, in ascending
 * order (partial Fisher–Yates over a typed index array). All of them when m ≥ n.
 *
 * Cost: O(n) time and memory.
 * @throws if n or m is not a whole number >= 0.
 * @example sampleIndices(10, 3, createRng(1)) // e.g. Int32Array [1, 4, 8]
 */
export function sampleIndices(n: number, m: number, rng: Rng): Int32Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`sampleIndices requires n to be a whole number >= 0, got ${n}`);
  if (!Number.isSafeInteger(m) || m < 0) throw new Error(`sampleIndices requires m to be a whole number >= 0, got ${m}`);
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (m >= n) return all;
  for (let i = 0; i < m; i++) {
    const j = rng.int(i, n - 1);
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, m).sort();
}
