import type { DataMatrix } from './data-matrix.js';

/**
 * A 0/1 matrix packed 8 columns to a byte: column `j` of row `i` is bit `j % 8` of byte
 * `i * stride + (j >> 3)`. Rows are padded with zero bytes to a multiple of 8 bytes, so a
 * row of up to 64 indicators is one 8-byte group (and two 32-bit words).
 */
export interface PackedBinary {
  rows: number;
  cols: number;
  /** 8-byte groups per row. */
  groups: number;
  /** Bytes per row (groups × 8). */
  stride: number;
  bytes: Uint8Array;
  /** The same buffer as 32-bit words (stride / 4 per row), for Hamming distances. */
  words: Int32Array;
}

/**
 * Packs a 0/1 matrix into bytes (see {@link PackedBinary}). The caller has checked that
 * every value is 0 or 1 (`checkDataMatrix`).
 *
 * Cost: O(rows·cols) time, rows·stride bytes.
 *
 * @example packBinary({ rows: 1, cols: 3, values: new Uint8Array([1, 0, 1]) }).bytes[0] // 5
 */
export function packBinary(data: DataMatrix): PackedBinary {
  const { rows, cols, values } = data;
  const groups = Math.max(1, Math.ceil(cols / 64));
  const stride = groups * 8;
  const buffer = new ArrayBuffer(rows * stride);
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < rows; i++) {
    const src = i * cols;
    const dst = i * stride;
    for (let j = 0; j < cols; j++) {
      if (values[src + j] === 1) bytes[dst + (j >> 3)]! |= 1 << (j & 7);
    }
  }
  return { rows, cols, groups, stride, bytes, words: new Int32Array(buffer) };
}

/** Number of set bits in a 32-bit word (given as a signed or unsigned 32-bit integer). */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
