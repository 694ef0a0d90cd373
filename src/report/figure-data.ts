import { isSuppressed, type PublishedValue } from '../disclosure/suppressed.js';
import { formatNumber, formatPercent } from './format-number.js';
import type { CsvValue } from './to-csv.js';

/**
 * How a field is shown: text, a count of families or children, a percentage, another
 * number, or a count of records (blank values, records left out) shown like a count.
 */
export const FIELD_KINDS = ['text', 'count', 'percent', 'number', 'records'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FigureField {
  /** Field name in the chart data and the CSV header: letters, digits and `_`. */
  readonly name: string;
  /** Column heading in the page's table. */
  readonly title: string;
  readonly kind: FieldKind;
  /** Decimals shown (default: count 0, percent 1, number 2). */
  readonly decimals?: number;
}

/**
 * A published value of a figure: text, a number after disclosure control or the
 * suppressed marker, or null for "not applicable" (shown as an en dash).
 */
export type FigureValue = string | PublishedValue | null;

/**
 * The data behind one figure, after disclosure control: what its chart, its table and
 * its CSV show. Built only from published values, so nothing downstream sees a raw
 * small count.
 */
export interface FigureData {
  readonly fields: readonly FigureField[];
  readonly rows: readonly Readonly<Record<string, FigureValue>>[];
}

/** A row of a chart's inline data: numbers (null when suppressed) and their labels. */
export type ChartRow = Record<string, string | number | null>;

const DEFAULT_DECIMALS: Record<FieldKind, number> = { text: 0, count: 0, percent: 1, number: 2, records: 0 };
const NOT_APPLICABLE = '\u2013';

/**
 * Checks a figure's data: field names unique and made of letters, digits and `_`; every
 * row has every field; text fields hold text; number fields hold published numbers,
 * markers or null. Cost: O(rows × fields).
 * @throws Error naming the field and the rule.
 * @example checkFigureData({ fields: [{ name: 'n', title: 'Families', kind: 'count' }], rows: [{ n: 3 }] })
 */
export function checkFigureData(data: FigureData): FigureData {
  const names = new Set<string>();
  for (const field of data.fields) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(field.name)) {
      throw new Error(`figure data requires field names of letters, digits and _, got ${JSON.stringify(field.name)}`);
    }
    if (names.has(field.name)) throw new Error(`figure data requires unique field names, got ${field.name} twice`);
    if (!FIELD_KINDS.includes(field.kind)) throw new Error(`figure data requires a field kind of ${FIELD_KINDS.join(', ')}, got ${String(field.kind)}`);
    names.add(field.name);
  }
  data.rows.forEach((row, r) => {
    for (const field of data.fields) {
      if (!(field.name in row)) throw new Error(`figure data requires every row to have field ${field.name}, row ${r} has not`);
      const v = row[field.name];
      const ok =
        field.kind === 'text'
          ? typeof v === 'string'
          : v === null || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'object' && isSuppressed(v));
      if (!ok) throw new Error(`figure data requires ${field.kind} values in field ${field.name}, got ${JSON.stringify(v)} in row ${r}`);
    }
  });
  return data;
}

/**
 * A published value as page text: thousands separators, the field's decimals, a % sign
 * for percentages, the profile's symbol when suppressed, an en dash when not applicable.
 * Cost: O(1).
 * @example formatValue(1234, { name: 'n', title: 'n', kind: 'count' }, '[c]') // '1,234'
 */
export function formatValue(value: FigureValue, field: FigureField, symbol: string): string {
  if (value === null) return NOT_APPLICABLE;
  if (typeof value === 'string') return value;
  const decimals = field.decimals ?? DEFAULT_DECIMALS[field.kind];
  return field.kind === 'percent' ? formatPercent(value, symbol, decimals) : formatNumber(value, symbol, decimals);
}

/**
 * The inline data of a chart: each number field as a number (null when suppressed or
 * not applicable, so no mark is drawn for it) plus `<name>_label`, its page text (the
 * symbol when suppressed). Cost: O(rows × fields).
 * @example chartRows(data, '[c]')[0] // { need: 'Debt', count: null, count_label: '[c]' }
 */
export function chartRows(data: FigureData, symbol: string): ChartRow[] {
  return data.rows.map((row) => {
    const out: ChartRow = {};
    for (const field of data.fields) {
      const v = row[field.name]!;
      if (field.kind === 'text') {
        out[field.name] = v as string;
        continue;
      }
      out[field.name] = typeof v === 'number' ? v : null;
      out[`${field.name}_label`] = formatValue(v, field, symbol);
    }
    return out;
  });
}

/**
 * The rows of a figure's CSV: numbers as numbers (rounded to the field's decimals plus
 * one), the symbol when suppressed, empty when not applicable. Cost: O(rows × fields).
 * @example csvRows(data, '[c]') // [['Debt', 812, 27.07]]
 */
export function csvRows(data: FigureData, symbol: string): CsvValue[][] {
  return data.rows.map((row) =>
    data.fields.map((field) => {
      const v = row[field.name]!;
      if (v === null) return null;
      if (typeof v === 'string') return v;
      if (isSuppressed(v)) return symbol;
      const decimals = field.kind === 'count' || field.kind === 'records' ? 0 : (field.decimals ?? DEFAULT_DECIMALS[field.kind]) + 1;
      return Number(v.toFixed(decimals));
    }),
  );
}
