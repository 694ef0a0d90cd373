import type { DateFormat } from './config.js';

/**
 * Value parsers for cohort cells. Each returns `{ ok: true, value }` or `{ ok: false,
 * message }`; a blank cell (empty or only spaces) is `null`, never 0 or "no".
 */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; message: string };

export function isBlank(cell: string): boolean {
  return cell.trim() === '';
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** True when year-month-day is a real calendar date (never rolled over). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const max = m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
  return d <= max;
}

const PATTERNS: Record<DateFormat, { re: RegExp; order: [number, number, number] }> = {
  // order: indexes of year, month, day among the capture groups
  'yyyy-mm-dd': { re: /^(\d{4})-(\d{2})-(\d{2})$/, order: [1, 2, 3] },
  'dd/mm/yyyy': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 2, 1] },
  'mm/dd/yyyy': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 1, 2] },
  'dd-mm-yyyy': { re: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: [3, 2, 1] },
  'dd.mm.yyyy': { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [3, 2, 1] },
};

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Parses a date in the configured layout to ISO `YYYY-MM-DD`. ISO dates are always
 * accepted (a workbook's date cells arrive as ISO). Impossible dates are errors.
 * @example parseDate('2021-02-30', 'yyyy-mm-dd') // { ok: false, ... }
 */
export function parseDate(cell: string, format: DateFormat): Parsed<string> {
  // A real ISO date (the contract's layout, and nearly every cell): no regular expression.
  if (isoDayNumber(cell) >= 0) return { ok: true, value: cell };
  if (cell.length === 10 && cell.charCodeAt(4) === 45 && cell.charCodeAt(7) === 45) {
    // Fast path for ISO dates, the contract's layout.
    const y = Number(cell.slice(0, 4));
    const mo = Number(cell.slice(5, 7));
    const d = Number(cell.slice(8, 10));
    if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) {
      if (!isRealDate(y, mo, d)) return { ok: false, message: 'impossible date' };
      return { ok: true, value: cell };
    }
  }
  const s = cell.trim();
  if (s === '') return { ok: true, value: null };
  for (const f of format === 'yyyy-mm-dd' ? ['yyyy-mm-dd' as const] : [format, 'yyyy-mm-dd' as const]) {
    const m = PATTERNS[f].re.exec(s);
    if (!m) continue;
    const [yi, mi, di] = PATTERNS[f].order;
    const y = Number(m[yi]);
    const mo = Number(m[mi]);
    const d = Number(m[di]);
    if (!isRealDate(y, mo, d)) return { ok: false, message: 'impossible date' };
    return { ok: true, value: `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}` };
  }
  return { ok: false, message: `not a date in the layout ${format}` };
}

/**
 * Parses a yes/no cell: 1/0, y/n, yes/no, true/false in any case, plus configured extras.
 */
export function parseYesNo(cell: string, yesExtra: readonly string[], noExtra: readonly string[]): Parsed<0 | 1> {
  const s = cell.trim().toLowerCase();
  if (s === '') return { ok: true, value: null };
  if (s === '1' || s === 'y' || s === 'yes' || s === 'true' || yesExtra.includes(s)) return { ok: true, value: 1 };
  if (s === '0' || s === 'n' || s === 'no' || s === 'false' || noExtra.includes(s)) return { ok: true, value: 0 };
  return { ok: false, message: 'not a yes/no value (expected 1/0, y/n, yes/no or true/false)' };
}

/** Parses a whole number within [min, max] (inclusive). `5.5`, `1e3`, text are errors. */
export function parseWhole(cell: string, min: number, max: number): Parsed<number> {
  const s = cell.trim();
  if (s === '') return { ok: true, value: null };
  if (!/^[+-]?\d+$/.test(s)) return { ok: false, message: 'not a whole number' };
  const v = Number(s);
  if (v < min || v > max) return { ok: false, message: `outside ${min}–${max}` };
  return { ok: true, value: v };
}

/** Parses one of a fixed set of values (exact, after trimming and lower-casing). */
export function parseEnum<T extends string>(cell: string, allowed: readonly T[]): Parsed<T> {
  const s = cell.trim().toLowerCase();
  if (s === '') return { ok: true, value: null };
  const i = (allowed as readonly string[]).indexOf(s);
  // The allowed value itself, not the cell's text: one string shared by every row.
  if (i !== -1) return { ok: true, value: allowed[i]! };
  return { ok: false, message: `not one of ${allowed.join(', ')}` };
}

/** Whole years from an ISO birth date to an ISO date (negative when born after it). */
export function wholeYearsBetween(birth: string, at: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = at.split('-').map(Number) as [number, number, number];
  let years = ay - by;
  if (am < bm || (am === bm && ad < bd)) years--;
  return years;
}

/** Days since 1900-01-01 of an ISO date (for compact keys and differences). */
export function dayNumber(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / 86400000) + 25567;
}

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * Days since 1900-01-01 of a well-formed, real ISO date `YYYY-MM-DD` (years 1900–2100),
 * or -1 for anything else (the caller then parses it the slow way and words the error).
 * Agrees with `dayNumber` on every date it accepts.
 */
export function isoDayNumber(cell: string): number {
  if (cell.length !== 10) return -1;
  return isoDayAt(cell.charCodeAt(0), cell.charCodeAt(1), cell.charCodeAt(2), cell.charCodeAt(3), cell.charCodeAt(4), cell.charCodeAt(5), cell.charCodeAt(6), cell.charCodeAt(7), cell.charCodeAt(8), cell.charCodeAt(9));
}

/**
 * {@link isoDayNumber} of the ten character codes (or bytes) of a cell, for readers that
 * see bytes, not strings.
 * @example isoDayAt(...Buffer.from('1900-01-02')) // 1
 */
export function isoDayAt(y1: number, y2: number, y3: number, y4: number, dash1: number, m1: number, m2: number, dash2: number, d1: number, d2: number): number {
  if (dash1 !== 45 || dash2 !== 45) return -1;
  y1 -= 48;
  y2 -= 48;
  y3 -= 48;
  y4 -= 48;
  m1 -= 48;
  m2 -= 48;
  d1 -= 48;
  d2 -= 48;
  if ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) < 0 || y1 > 9 || y2 > 9 || y3 > 9 || y4 > 9 || m1 > 9 || m2 > 9 || d1 > 9 || d2 > 9) return -1;
  const y = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (!isRealDate(y, m, d)) return -1;
  // Days before year y since 1900, then before month m, then the day.
  const yy = y - 1;
  const leapsBefore = Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) - (Math.floor(1899 / 4) - Math.floor(1899 / 100) + Math.floor(1899 / 400));
  return (y - 1900) * 365 + leapsBefore + CUMULATIVE_DAYS[m - 1]! + (m > 2 && isLeap(y) ? 1 : 0) + d - 1;
}
