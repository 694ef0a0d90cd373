/**
 * Columns held compactly (internal): a small table of values and a one-to-four-byte code
 * per case, as the tree columns of a large cohort are built, read like one value per case.
 */
import type { TreeData, TreePredictorInput } from './tree-types.js';

/** Codes of a column, one per case: the narrowest typed array that holds them. */
export type CodeArray = Uint8Array | Uint16Array | Int32Array;

/** A column held compactly (internal): the value of case i is `table[codes[i]]` (null = missing). */
export interface CompactValues {
  table: readonly (string | number | null)[];
  codes: CodeArray;
}

/** The values of a column: one per case, or compact. */
export type ColumnValues = readonly (string | number | null)[] | CompactValues;

/** Tree data whose columns may be compact (internal; `TreeData` is one). */
export interface CompactTreeData {
  target: readonly (string | null)[] | CompactValues;
  predictors: readonly (Omit<TreePredictorInput, 'values'> & { values: ColumnValues })[];
  targetName?: string;
  targetOrder?: readonly string[];
}

/** Whether a column is compact. */
export function isCompact(v: unknown): v is CompactValues {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Array.isArray((v as CompactValues).table) && ArrayBuffer.isView((v as CompactValues).codes);
}

/** Whether a column is one value per case or compact. */
export function isColumn(v: unknown): v is ColumnValues {
  return Array.isArray(v) || isCompact(v);
}

/** Number of cases of a column. */
export function columnLength(v: ColumnValues): number {
  return isCompact(v) ? v.codes.length : v.length;
}

/** A column as one value per case (the same array when it is one already). */
export function expandValues(v: ColumnValues): (string | number | null)[] {
  if (!isCompact(v)) return v as (string | number | null)[];
  const out = new Array<string | number | null>(v.codes.length);
  for (let i = 0; i < v.codes.length; i++) out[i] = v.table[v.codes[i]!]!;
  return out;
}

/** Tree data with every column as one value per case (for CART, which reads cases). */
export function expandTreeData(data: CompactTreeData): TreeData {
  return {
    ...data,
    target: expandValues(data.target) as (string | null)[],
    predictors: data.predictors.map((p) => ({ ...p, values: expandValues(p.values) })),
  };
}

const NEGATIVE_ZERO = Symbol('-0');

/**
 * A column made compact: each distinct value once in the table (−0 apart from 0), in
 * order of first case.
 *
 * Cost: O(n) Map look-ups.
 */
export function compactColumn(n: number, get: (i: number) => string | number | null): CompactValues {
  const index = new Map<string | number | null | symbol, number>();
  const table: (string | number | null)[] = [];
  let codes: CodeArray = new Uint8Array(n); // widened when the table outgrows it
  let limit = 256;
  for (let i = 0; i < n; i++) {
    const v = get(i);
    const key = v === 0 && Object.is(v, -0) ? NEGATIVE_ZERO : v;
    let c = index.get(key);
    if (c === undefined) {
      c = table.length;
      table.push(v);
      index.set(key, c);
      if (c >= limit) {
        codes = c < 65536 ? new Uint16Array(codes) : new Int32Array(codes);
        limit = c < 65536 ? 65536 : Infinity;
      }
    }
    codes[i] = c;
  }
  return { table, codes };
}

/** Per case: whether the value is present (not null), as a reader of a column. */
export function presentReader(v: ColumnValues): (i: number) => boolean {
  if (!isCompact(v)) return (i) => v[i] !== null;
  const present = Uint8Array.from(v.table, (x) => (x === null ? 0 : 1));
  const codes = v.codes;
  return (i) => present[codes[i]!] === 1;
}
