import Papa from 'papaparse';
import type { ParseCsvResult, Problem } from '../../src/io/parse-csv.js';

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
 * The reader parseCsv was before the streaming reader replaced it (papaparse 5 in array
 * mode, explicit comma, CRLF turned into LF first), kept verbatim as the test oracle.
 */
export function papaparseCsv(text: string, file: string): ParseCsvResult {
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
