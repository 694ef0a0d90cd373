import type { Rng } from '../stats/rng.js';
import type { DataMatrix } from './data-matrix.js';

/**
 * A simple random sample of `m` of the row indices 0..n−1, drawn without replacement by a
 * partial Fisher–Yates shuffle of `order` (a permutation of 0..n−1, shuffled in place and
 * left a permutation, so that one array can serve many draws), returned in ascending order
 * (rows then keep their order, and copies of them read memory forwards).
 *
 * Cost: O(m log m) time, one Int32Array of m beyond `order`.
 *
 * @throws if m is not a whole number in [1, n] or `order` does not have n entries.
 * @example sampleRows(10, 3, createRng(1)) // three distinct rows of 0..9, ascending
 */
export function sampleRows(n: number, m: number, rng: Rng, order?: Int32Array): Int32Array {
  if (!Number.isSafeInteger(m) || m < 1 || m > n) throw new Error(`sampleRows requires m to be a whole number in [1, ${n}], got m=${String(m)}`);
  const perm = order ?? Int32Array.from({ length: n }, (_, i) => i);
  if (perm.length !== n) throw new Error(`sampleRows requires an order of ${n} rows, got ${perm.length}`);
  for (let i = 0; i < m; i++) {
    const j = rng.int(i, n - 1);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  return perm.slice(0, m).sort();
}

/**
 * The given rows of a data matrix, as a new matrix of the same kind (rows in the order given).
 *
 * Cost: O(rows.length · cols) time and memory.
 *
 * @example takeRows({ rows: 3, cols: 1, values: new Uint8Array([0, 1, 1]) }, Int32Array.of(0, 2)).values // [0, 1]
 */
export function takeRows(data: DataMatrix, rows: Int32Array, into?: Uint8Array | Float64Array): DataMatrix {
  const d = data.cols;
  const m = rows.length;
  const values =
    into && into.length === m * d && into.constructor === data.values.constructor
      ? into
      : data.values instanceof Uint8Array
        ? new Uint8Array(m * d)
        : new Float64Array(m * d);
  for (let p = 0; p < m; p++) {
    const r = rows[p]!;
    values.set(data.values.subarray(r * d, r * d + d), p * d);
  }
  return { rows: m, cols: d, values };
}
