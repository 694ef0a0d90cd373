import { parseCsv, type Problem, type RawTable } from './parse-csv.js';

/** Receives a table as it is read: its header once, then each row with its line number. */
export interface RowHandler {
  /** The header's cells (trimmed) and its line; return false to stop reading there. */
  header(cells: string[], line: number): boolean | void;
  /**
   * One row, with as many cells as the header. `cells` may be reused for the next row:
   * copy what you keep.
   */
  row(cells: string[], line: number): void;
}

/**
 * A table that can be read (streamed) any number of times: a CSV file read in chunks, a
 * CSV text, or a worksheet already in memory. Reading problems (malformed CSV, ragged
 * rows, an empty file) go to `problems`, located by file and line.
 */
export interface TableSource {
  /** The file (or `workbook[sheet]`) named in messages. */
  file: string;
  /** Size of the source in bytes, when known (a hint for sizing columns before reading). */
  bytes?: number;
  read(handler: RowHandler, problems: Problem[]): void;
}

/**
 * A table already in memory (a worksheet, or CSV parsed whole) as a source.
 * @example rawTableSource({ file: 'a.csv', header: ['x'], rows: [['1']], lines: [2] }).file // 'a.csv'
 */
export function rawTableSource(table: RawTable, problems: readonly Problem[] = []): TableSource {
  return {
    file: table.file,
    read(handler, out) {
      for (const p of problems) out.push(p);
      if (handler.header(table.header, 1) === false) return;
      for (let r = 0; r < table.rows.length; r++) handler.row(table.rows[r]!, table.lines[r]!);
    },
  };
}

/**
 * CSV text (RFC 4180, as `parseCsv`) as a source: parsed once, streamed on each read.
 * @example csvTextSource('a\n1\n', 'a.csv').file // 'a.csv'
 */
export function csvTextSource(text: string, file: string): TableSource {
  const parsed = parseCsv(text, file);
  if (parsed.table) return rawTableSource(parsed.table, parsed.problems);
  return {
    file,
    read(_handler, out) {
      for (const p of parsed.problems) out.push(p);
    },
  };
}
