import { createCsvStream } from './csv-stream.js';

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

/**
 * Parses CSV text (RFC 4180, comma-delimited, UTF-8 with an optional byte-order mark) into
 * a raw table, keeping the exact line number of every row even when quoted fields hold
 * line breaks. The text is read by the streaming reader {@link createCsvStream}, whose
 * rules it shares: blank lines are skipped (their lines still counted); a row with a
 * different number of cells from the header is an error; a header that looks semicolon-
 * or tab-delimited is an error naming the delimiter, and the table is then null, as it is
 * for an empty file. Problems list quoting errors first, then the others in line order.
 * Lone UTF-16 surrogates in `text` become U+FFFD. Cost: linear in the text; holds every
 * row (use {@link readCsvFile} for large files).
 * @example parseCsv('a,b\n1,2\n', 'x.csv').table?.rows // [['1', '2']]
 */
export function parseCsv(text: string, file: string): ParseCsvResult {
  const read: Problem[] = [];
  let header: string[] | null = null;
  const rows: string[][] = [];
  const lines: number[] = [];
  const stream = createCsvStream(
    file,
    {
      header: (cells) => {
        header = cells;
      },
      row: (cells, line) => {
        rows.push(cells.slice());
        lines.push(line);
      },
    },
    read,
  );
  stream.push(Buffer.from(text, 'utf8'));
  stream.end();
  const malformed = read.filter((p) => p.message.startsWith('malformed CSV: '));
  const problems = malformed.length === 0 ? read : [...malformed, ...read.filter((p) => !p.message.startsWith('malformed CSV: '))];
  return { table: header ? { file, header, rows, lines } : null, problems };
}
