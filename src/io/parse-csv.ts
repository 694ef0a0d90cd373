import Papa from 'papaparse';

/** A problem found while reading a table, located by file, line and column. */
export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  /** Line in the file (the header is line 1; for a workbook, the sheet's row number). */
  line: number;
  /** The column's heading as it appears in the file ('' for a whole-row problem). */
  column: string;
  message: string;
  /** The offending value, when there is one (never any other case data). */
  value?: string;
}

/** A table read from CSV or a worksheet: header and rows of text cells, with line numbers. */
export interface RawTable {
  file: string;
  header: string[];
  rows: string[][];
  /** Line number of each row (header = 1). */
  lines: number[];
}

export interface ParseCsvResult {
  table: RawTable | null;
  problems: Problem[];
}

/** Formats a problem as `FILE:LINE:COLUMN: message (value)`. */
export function formatProblem(p: Problem): string {
  const value = p.value === undefined ? '' : ` (${JSON.stringify(p.value)})`;
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${p.file}:${p.line}:${p.column}: ${tag}${p.message}${value}`;
}

function countNewlines(s: string): number {
  let n = 0;
  let i = s.indexOf('\n');
  while (i !== -1) {
    n++;
    i = s.indexOf('\n', i + 1);
  }
  return n;
}

/**
 * Parses CSV text (RFC 4180, comma-delimited, UTF-8 with an optional byte-order mark) into
 * a raw table, keeping the exact line number of every row even when quoted fields hold
 * line breaks. Uses papaparse in array mode with an explicit delimiter (never guessed).
 * Blank lines are skipped (their lines still counted). A row with a different number of
 * cells from the header is an error; a header that looks semicolon- or tab-delimited is an
 * error naming the delimiter. Cost: linear in the text.
 * @example parseCsv('a,b\n1,2\n', 'x.csv').table?.rows // [['1', '2']]
 */
export function parseCsv(text: string, file: string): ParseCsvResult {
  const problems: Problem[] = [];
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // CRLF and LF line ends (even mixed in one file) both end a row; line counts are unchanged.
  const body = withoutBom.indexOf('\r\n') === -1 ? withoutBom : withoutBom.replaceAll('\r\n', '\n');
  if (body.trim() === '') {
    problems.push({ severity: 'error', file, line: 1, column: '', message: 'the file is empty: a header row is required' });
    return { table: null, problems };
  }
  const parsed = Papa.parse<string[]>(body, {
    delimiter: ',',
    newline: '\n',
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    quoteChar: '"',
    escapeChar: '"',
  });
  const data = parsed.data;
  // Line number of each parsed row: 1 + lines consumed by the rows before it.
  const rowLines = new Array<number>(data.length);
  let line = 1;
  for (let r = 0; r < data.length; r++) {
    rowLines[r] = line;
    const row = data[r]!;
    let extra = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c]!;
      if (cell.length > 0 && cell.indexOf('\n') !== -1) extra += countNewlines(cell);
    }
    line += 1 + extra;
  }
  for (const err of parsed.errors) {
    if (err.code === 'UndetectableDelimiter') continue;
    const at = err.row !== undefined && err.row !== null && err.row < rowLines.length ? rowLines[err.row]! : line;
    problems.push({ severity: 'error', file, line: at, column: '', message: `malformed CSV: ${err.message}` });
  }
  const header = (data[0] ?? []).map((h) => h.trim());
  if (header.length === 1) {
    const h = header[0]!;
    const delim = h.includes(';') ? 'semicolon' : h.includes('\t') ? 'tab' : null;
    if (delim) {
      problems.push({
        severity: 'error',
        file,
        line: 1,
        column: '',
        message: `the header is one column holding ${delim}s: the file looks ${delim}-delimited; save it as comma-separated CSV`,
      });
      return { table: null, problems };
    }
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let r = 1; r < data.length; r++) {
    const row = data[r]!;
    if (row.length === 1 && row[0]!.trim() === '') continue; // blank line
    if (row.length !== header.length) {
      problems.push({
        severity: 'error',
        file,
        line: rowLines[r]!,
        column: '',
        message: `row has ${row.length} cells but the header has ${header.length} (ragged row; check the delimiter and quoting)`,
      });
      continue;
    }
    rows.push(row);
    lines.push(rowLines[r]!);
  }
  return { table: { file, header, rows, lines }, problems };
}
