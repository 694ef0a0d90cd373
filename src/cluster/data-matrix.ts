/**
 * The numeric matrix every clustering function takes: `rows` × `cols`, row-major.
 * A `Uint8Array` holds 0/1 indicators; a `Float64Array` holds any finite numbers.
 */
export interface DataMatrix {
  rows: number;
  cols: number;
  /** Row-major values: `values[i * cols + j]`. */
  values: Float64Array | Uint8Array;
}

/**
 * Checks the shape and values of a data matrix and says whether every value is 0 or 1.
 *
 * Cost: O(rows·cols).
 *
 * @throws if rows or cols is not a whole number >= 1, the array length is not rows·cols,
 *   or a value is not finite (a Uint8Array may only hold 0 and 1).
 * @example checkDataMatrix('kMeans', { rows: 2, cols: 1, values: new Uint8Array([0, 1]) }) // { binary: true }
 */
export function checkDataMatrix(fn: string, data: DataMatrix): { binary: boolean } {
  if (data === null || typeof data !== 'object') {
    throw new Error(`${fn} requires data as { rows, cols, values }, got ${String(data)}`);
  }
  const { rows, cols, values } = data;
  if (!Number.isSafeInteger(rows) || rows < 1) {
    throw new Error(`${fn} requires rows to be a whole number >= 1, got rows=${String(rows)}`);
  }
  if (!Number.isSafeInteger(cols) || cols < 1) {
    throw new Error(`${fn} requires cols to be a whole number >= 1, got cols=${String(cols)}`);
  }
  if (!(values instanceof Float64Array) && !(values instanceof Uint8Array)) {
    throw new Error(`${fn} requires values to be a Float64Array or Uint8Array`);
  }
  if (values.length !== rows * cols) {
    throw new Error(`${fn} requires values.length = rows*cols, got ${values.length} for rows=${rows}, cols=${cols}`);
  }
  let binary = true;
  if (values instanceof Uint8Array) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v > 1) {
        throw new Error(
          `${fn} requires a Uint8Array of 0/1 values, got ${v} at row ${Math.floor(i / cols)}, column ${i % cols}`,
        );
      }
    }
  } else {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) {
        throw new Error(`${fn} requires finite values, got ${v} at row ${Math.floor(i / cols)}, column ${i % cols}`);
      }
      if (v !== 0 && v !== 1) binary = false;
    }
  }
  return { binary };
}
