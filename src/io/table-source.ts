import { createCsvStream } from './csv-stream.js';
import type { Problem, RawTable } from './parse-csv.js';

/** Receives a table as it is read: its header once, then each row with its line number. */
export interface RowHandler {
  /** The header's cells (trimmed) and its line; return false to stop reading there. */
  header(cells: string[], line: number): boolean | void;
  /**
   * One row, with as many cells as the header. `cells` may be reused for the next row:
   * copy what you keep.
   */
  row(cells: string[], line: number): void;
  /**
   * Optional fast path for plain CSV records, read from the bytes (see `CsvRowHandler`);
   * sources that hold cells, not bytes, never call it.
   */
  fastRow?(bytes: Buffer, start: number, end: number, line: number): number;
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
 * CSV text (RFC 4180, as `parseCsv`) as a source: each read streams its UTF-8 bytes
 * through the same reader as a file (in chunks of `chunkBytes` when given, else whole),
 * so records take the same paths, fast ones included.
 * @example csvTextSource('a\n1\n', 'a.csv').file // 'a.csv'
 */
export function csvTextSource(text: string, file: string, options: { chunkBytes?: number } = {}): TableSource {
  const bytes = Buffer.from(text, 'utf8');
  const step = options.chunkBytes ?? bytes.length;
  if (!(step >= 1) && bytes.length > 0) throw new RangeError(`chunkBytes must be at least 1: ${options.chunkBytes}`);
  return {
    file,
    bytes: bytes.length,
    read(handler, problems) {
      const stream = createCsvStream(file, handler, problems);
      for (let at = 0; at < bytes.length; at += step) stream.push(bytes.subarray(at, at + step));
      stream.end();
    },
  };
}
