/** A CSV cell: text, a number (written as is), or null (empty). */
export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes CSV (RFC 4180: comma, double quotes, `\r\n` line ends) safe to open in a
 * spreadsheet: a text cell beginning with `=`, `+`, `-`, `@`, tab or carriage return is
 * prefixed with `'` so it is not read as a formula; numbers stay numbers (a negative
 * number is written as `-3`, unquoted). Cells with a comma, quote or line break are quoted.
 * Cost: O(cells). @throws Error when a row's length differs from the header's, or a
 * number is not finite.
 * @example toCsv(['name', 'n'], [['=SUM(A1)', -3]]) // "name,n\r\n'=SUM(A1),-3\r\n"
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map((h) => csvCell(h)).join(',')];
  rows.forEach((row, r) => {
    if (row.length !== header.length) {
      throw new Error(`toCsv requires every row to have ${header.length} cells, got ${row.length} in row ${r + 1}`);
    }
    lines.push(row.map((v) => csvCell(v)).join(','));
  });
  return lines.join('\r\n') + '\r\n';
}

/** One cell of CSV, neutralised and quoted as needed. */
function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`toCsv requires finite numbers, got ${value}`);
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
