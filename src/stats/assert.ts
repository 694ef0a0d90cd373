/**
 * Boundary checks shared by the functions in src/stats/. Internal: not re-exported from
 * the index. Every message names the function, the rule and the offending value.
 */

/** Throws unless `value` is a finite number. */
export function assertFinite(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${fn} requires ${name} to be a finite number, got ${String(value)}`);
  }
}

/** Throws unless `value` is a whole number >= `min`. */
export function assertInteger(fn: string, name: string, value: number, min = 0): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`${fn} requires ${name} to be a whole number >= ${min}, got ${String(value)}`);
  }
}

/** Throws unless `values` is a non-empty array of finite numbers. */
export function assertFiniteArray(fn: string, name: string, values: readonly number[], minLength = 1): void {
  if (!Array.isArray(values)) {
    throw new Error(`${fn} requires ${name} to be an array of numbers, got ${typeof values}`);
  }
  if (values.length < minLength) {
    throw new Error(`${fn} requires ${name} to have at least ${minLength} value(s), got ${values.length}`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${fn} requires ${name} to contain finite numbers, got ${String(v)} at index ${i}`);
    }
  }
}

/**
 * Throws unless `table` is a non-empty rectangular array of finite counts >= 0
 * (whole numbers when `integers` is set).
 */
export function assertCountTable(fn: string, table: readonly (readonly number[])[], integers = false): void {
  if (!Array.isArray(table) || table.length === 0) {
    throw new Error(`${fn} requires a table with at least one row, got ${Array.isArray(table) ? 0 : typeof table} rows`);
  }
  const cols = Array.isArray(table[0]) ? table[0].length : 0;
  if (cols === 0) {
    throw new Error(`${fn} requires a table with at least one column, got 0 columns in row 0`);
  }
  for (let i = 0; i < table.length; i++) {
    const row = table[i];
    if (!Array.isArray(row) || row.length !== cols) {
      throw new Error(
        `${fn} requires a rectangular table, got ${Array.isArray(row) ? row.length : 'no'} columns in row ${i} and ${cols} in row 0`,
      );
    }
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new Error(`${fn} requires finite counts, got ${String(v)} at row ${i}, column ${j}`);
      }
      if (v < 0) {
        throw new Error(`${fn} requires counts >= 0, got ${v} at row ${i}, column ${j}`);
      }
      if (integers && !Number.isSafeInteger(v)) {
        throw new Error(`${fn} requires whole-number counts, got ${v} at row ${i}, column ${j}`);
      }
    }
  }
}
