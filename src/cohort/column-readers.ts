import type { ColumnSpec } from './columns.js';
import type { WorkbenchConfig } from './config.js';
import { isBlank, isoDayNumber, parseDate, parseEnum, parseWhole, parseYesNo, type Parsed } from './values.js';

/** Keeps one copy of repeated text (null passes through). */
export type Intern = <T extends string | null>(s: T) => T;

/** Reports an error in one table's cell: its line, column heading, message and the value as written. */
export type CellError = (line: number, column: string, message: string, value?: string) => void;

/** What a quick decoder returns for a cell it leaves to the full parser (which words any error). */
export const SLOW: unique symbol = Symbol('slow');

/** One contract column of a table, ready for reading rows. */
export interface ColumnReader {
  spec: ColumnSpec;
  /** Index in the row, or -1 when the table has no such (optional) column. */
  at: number;
  /** The heading as written in the file, for messages. */
  heading: string;
  /** Configured codes for the column, if any. */
  codes: Readonly<Record<string, string>> | undefined;
  /** The full parser: the value of a cell, or why it has none. */
  parse: (cell: string) => Parsed<unknown>;
  /**
   * The value of a plain cell (as the contract spells it), without building a `Parsed`,
   * or SLOW for anything else, blanks included. Agrees with `parse` on every cell it takes.
   */
  quick: (cell: string) => unknown;
}

/**
 * A cell with the configured codes applied: the code's value when the trimmed cell is a
 * code (exactly, else ignoring case), otherwise the cell as it is.
 * @example applyCodes({ Y: '1' }, ' y ') // '1'
 */
export function applyCodes(codes: Readonly<Record<string, string>>, raw: string): string {
  const t = raw.trim();
  if (Object.hasOwn(codes, t)) return codes[t]!;
  const lower = t.toLowerCase();
  for (const k of Object.keys(codes)) if (k.toLowerCase() === lower) return codes[k]!;
  return raw;
}

/** True when `cell` starts and ends with a printable ASCII character other than space (so trim would not change it). */
function plainEnds(cell: string): boolean {
  const n = cell.length;
  if (n === 0) return false;
  const a = cell.charCodeAt(0);
  const b = cell.charCodeAt(n - 1);
  return a > 32 && a < 127 && b > 32 && b < 127;
}

/**
 * The full parser of a column: ids trimmed, text trimmed and interned, dates in the
 * configured layout (ISO always accepted) interned, yes/no with the configured extras,
 * whole numbers in range, enums by their allowed values. Blank is null.
 */
export function columnParser(spec: ColumnSpec, config: WorkbenchConfig, intern: Intern): (cell: string) => Parsed<unknown> {
  const t = spec.type;
  switch (t.kind) {
    case 'id':
      return (cell) => ({ ok: true, value: isBlank(cell) ? null : cell.trim() });
    case 'text':
      return (cell) => ({ ok: true, value: isBlank(cell) ? null : intern(cell.trim()) });
    case 'date':
      return (cell) => {
        const r = parseDate(cell, config.dateFormat);
        return r.ok ? { ok: true, value: intern(r.value) } : r;
      };
    case 'yesno':
      return (cell) => parseYesNo(cell, config.yesValues, config.noValues);
    case 'whole':
      return (cell) => parseWhole(cell, t.min, t.max);
    case 'enum':
      return (cell) => parseEnum(cell, t.values);
  }
}

/** The quick decoder of a column (see `ColumnReader.quick`). */
export function quickDecoder(spec: ColumnSpec, intern: Intern): (cell: string) => unknown {
  const t = spec.type;
  switch (t.kind) {
    case 'id':
      return (cell) => (plainEnds(cell) ? cell : SLOW);
    case 'text':
      return (cell) => (plainEnds(cell) ? intern(cell) : SLOW);
    case 'date':
      return (cell) => (isoDayNumber(cell) >= 0 ? intern(cell) : SLOW);
    case 'yesno':
      // parseYesNo takes 1 and 0 before any configured spelling.
      return (cell) => (cell === '1' ? 1 : cell === '0' ? 0 : SLOW);
    case 'whole': {
      const { min, max } = t;
      return (cell) => {
        const n = cell.length;
        if (n === 0 || n > 9) return SLOW;
        let v = 0;
        for (let i = 0; i < n; i++) {
          const d = cell.charCodeAt(i) - 48;
          if (d < 0 || d > 9) return SLOW;
          v = v * 10 + d;
        }
        return v >= min && v <= max ? v : SLOW;
      };
    }
    case 'enum': {
      // The allowed value itself, one string shared by every row (as parseEnum gives).
      const allowed = new Map(t.values.filter((v) => v === v.trim().toLowerCase()).map((v) => [v, v] as const));
      return (cell) => allowed.get(cell) ?? SLOW;
    }
  }
}

/**
 * Readers for a table's contract columns, given where its headings are (`index`: contract
 * name → position; `heading`: contract name → heading as written).
 */
export function columnReaders(
  specs: readonly ColumnSpec[],
  index: ReadonlyMap<string, number>,
  heading: ReadonlyMap<string, string>,
  config: WorkbenchConfig,
  intern: Intern,
): ColumnReader[] {
  return specs.map((spec) => ({
    spec,
    at: index.get(spec.name) ?? -1,
    heading: heading.get(spec.name) ?? spec.name,
    codes: config.codes[spec.name],
    parse: columnParser(spec, config, intern),
    quick: quickDecoder(spec, intern),
  }));
}

/**
 * The value of one column in a row (codes applied, parsed), or null when it is blank or
 * wrong; a wrong value, and a blank required one, are reported through `error`. A
 * column the table lacks is null.
 */
export function readCell(c: ColumnReader, row: readonly string[], line: number, error: CellError): unknown {
  if (c.at < 0) return null;
  const raw = row[c.at]!;
  const cell = c.codes === undefined ? raw : applyCodes(c.codes, raw);
  const q = c.quick(cell);
  if (q !== SLOW) return q;
  if (c.spec.required && isBlank(cell)) {
    error(line, c.heading, 'required value is missing');
    return null;
  }
  const r = c.parse(cell);
  if (!r.ok) {
    error(line, c.heading, r.message, raw);
    return null;
  }
  return r.value;
}

/** Reads every column of a row into `out` (same order as `columns`). */
export function readRow(columns: readonly ColumnReader[], row: readonly string[], line: number, out: unknown[], error: CellError): void {
  for (let k = 0; k < columns.length; k++) out[k] = readCell(columns[k]!, row, line, error);
}

/**
 * Positions of the contract columns `names` among `columns`, by name (throws when one is
 * not there: a programming error).
 * @example columnPositions(readers, ['family_id'] as const).family_id // 0
 */
export function columnPositions<N extends string>(columns: readonly ColumnReader[], names: readonly N[]): Readonly<Record<N, number>> {
  const out = {} as Record<N, number>;
  for (const name of names) {
    const k = columns.findIndex((c) => c.spec.name === name);
    if (k === -1) throw new Error(`no contract column ${name}`);
    out[name] = k;
  }
  return out;
}
