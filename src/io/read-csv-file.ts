import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { createCsvStream, type CsvRowHandler, type CsvStreamOptions } from './csv-stream.js';
import type { Problem } from './parse-csv.js';

export interface ReadCsvFileOptions extends CsvStreamOptions {
  /** Bytes read at a time (default 1 MiB; any size gives the same records). */
  chunkBytes?: number;
  /**
   * Stop reading the file as soon as the handler stops (returns false from `header`),
   * instead of reading on to hash the rest (default false). The result is then `complete: false`.
   */
  stopWithHandler?: boolean;
}

/** What was read: the file's SHA-256 (hex) and length in bytes. */
export interface CsvFileInfo {
  sha256: string;
  bytes: number;
  /** False when reading stopped early (`stopWithHandler`): then `sha256` and `bytes` cover only what was read. */
  complete: boolean;
}

/**
 * Default read size. On the cohort files (bench/csv-readers.ts) 64 KiB to 16 MiB took the
 * same CPU time within noise; peak RSS grows with the chunk, and 1 MiB keeps reads few.
 */
export const DEFAULT_CSV_CHUNK_BYTES = 1 << 20;

/**
 * Reads the CSV file at `path` in chunks through {@link createCsvStream}, calling
 * `handler` for the header and each record and pushing problems (named `file`) onto
 * `problems`, while hashing the bytes. Never holds the whole file: memory is one chunk,
 * one record and one field. When the handler stops the reading, the rest of the file is
 * still hashed. Synchronous. Cost: linear in the file. Throws when the file cannot be read.
 * @example const { sha256 } = readCsvFile('data/star.csv', 'star.csv', handler, problems);
 */
export function readCsvFile(path: string, file: string, handler: CsvRowHandler, problems: Problem[], options: ReadCsvFileOptions = {}): CsvFileInfo {
  const chunk = Buffer.allocUnsafe(options.chunkBytes ?? DEFAULT_CSV_CHUNK_BYTES);
  const hash = createHash('sha256');
  const stream = createCsvStream(file, handler, problems, options);
  const fd = openSync(path, 'r');
  let bytes = 0;
  try {
    for (;;) {
      if (options.stopWithHandler && stream.stopped) return { sha256: hash.digest('hex'), bytes, complete: false };
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      const view = chunk.subarray(0, got);
      hash.update(view);
      stream.push(view);
      bytes += got;
    }
  } finally {
    closeSync(fd);
  }
  stream.end();
  return { sha256: hash.digest('hex'), bytes, complete: true };
}
