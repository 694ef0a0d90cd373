import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvStream, type CsvStreamOptions } from '../../src/io/csv-stream.js';
import { formatProblem, parseCsv, type ParseCsvResult, type Problem } from '../../src/io/parse-csv.js';
import { readCsvFile } from '../../src/io/read-csv-file.js';
import { papaparseCsv } from './papaparse-oracle.js';

const enc = new TextEncoder();

/** Reads `bytes` through the stream, cut at `cuts` (sorted offsets), into parseCsv's shape. */
function readChunks(bytes: Uint8Array, cuts: number[] = [], options: CsvStreamOptions = {}): ParseCsvResult {
  const read: Problem[] = [];
  let header: string[] | null = null;
  const rows: string[][] = [];
  const lines: number[] = [];
  const s = createCsvStream(
    'f.csv',
    {
      header: (c, line) => {
        expect(line).toBe(1);
        header = c;
      },
      row: (c, l) => {
        rows.push(c.slice());
        lines.push(l);
      },
    },
    read,
    options,
  );
  let at = 0;
  for (const c of [...cuts, bytes.length]) {
    s.push(bytes.subarray(at, c));
    at = c;
  }
  s.end();
  // parseCsv lists quoting errors first.
  const malformed = read.filter((p) => p.message.startsWith('malformed CSV'));
  return { table: header ? { file: 'f.csv', header, rows, lines } : null, problems: [...malformed, ...read.filter((p) => !malformed.includes(p))] };
}

/** The same text as the old papaparse-based reader read a decoded file (one BOM kept for it to strip). */
const oracle = (bytes: Uint8Array) => papaparseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), 'f.csv');

const errors = (r: ParseCsvResult) => r.problems.map(formatProblem);

describe('parseCsv on the streaming reader', () => {
  it('reads header and rows with their lines', () => {
    const r = parseCsv('a,b\n1,2\n3,4\n', 'x.csv');
    expect(r).toEqual({ table: { file: 'x.csv', header: ['a', 'b'], rows: [['1', '2'], ['3', '4']], lines: [2, 3] }, problems: [] });
  });

  it('trims header cells but not data cells', () => {
    const r = parseCsv(' a , b\t\n 1 , 2 \n', 'x.csv');
    expect(r.table!.header).toEqual(['a', 'b']);
    expect(r.table!.rows).toEqual([[' 1 ', ' 2 ']]);
  });

  it('ends rows at CRLF, LF and mixed line ends; a lone CR is data', () => {
    const r = parseCsv('a,b\r\n1,2\n3,x\ry\r\n5,6\r', 'x.csv');
    expect(r.table!.rows).toEqual([['1', '2'], ['3', 'x\ry'], ['5', '6\r']]);
    expect(r.table!.lines).toEqual([2, 3, 4]);
  });

  it('ignores a byte-order mark, even a doubled one (as papaparse did)', () => {
    expect(parseCsv('\uFEFFa,b\n1,2', 'x.csv').table!.header).toEqual(['a', 'b']);
    expect(parseCsv('\uFEFF\uFEFF"a",b\n1,2', 'x.csv').table!.header).toEqual(['a', 'b']);
    expect(readChunks(enc.encode('\uFEFF\uFEFFa,b\n1,2'), [1, 2, 4, 5]).table!.header).toEqual(['a', 'b']);
  });

  it('reads quoted fields: doubled quotes, commas, line breaks (CRLF inside becomes LF), and counts their lines', () => {
    const r = parseCsv('id,note\r\n1,"say ""hi"", then\r\nleave"\r\n2,"x\n\ny"\r\n3,""\r\n', 'x.csv');
    expect(r.table!.rows).toEqual([['1', 'say "hi", then\nleave'], ['2', 'x\n\ny'], ['3', '']]);
    expect(r.table!.lines).toEqual([2, 4, 7]);
    expect(r.problems).toEqual([]);
  });

  it('ignores whitespace between a closing quote and the comma or line end', () => {
    const r = parseCsv('a,b\n"x" \t,"y"\u00a0\r\n', 'x.csv');
    expect(r.table!.rows).toEqual([['x', 'y']]);
    expect(r.problems).toEqual([]);
  });

  it('keeps a quote inside an unquoted field as data', () => {
    expect(parseCsv('a,b\n5\'6",x"y\n', 'x.csv').table!.rows).toEqual([['5\'6"', 'x"y']]);
  });

  it('skips blank lines (also whitespace-only and "") but counts them', () => {
    const r = parseCsv('a,b\n\n1,2\n   \n""\n\r\n3,4\n\n', 'x.csv');
    expect(r.table!.rows).toEqual([['1', '2'], ['3', '4']]);
    expect(r.table!.lines).toEqual([3, 7]);
  });

  it('takes a blank first line as a one-column header', () => {
    const r = parseCsv('\n\na\n', 'x.csv');
    expect(r.table).toEqual({ file: 'x.csv', header: [''], rows: [['a']], lines: [3] });
  });

  it('reports a ragged row with its line and does not deliver it', () => {
    const r = parseCsv('a,b\n1,2\n"x\ny",2,3\n4\n5,6\n', 'x.csv');
    expect(r.table!.rows).toEqual([['1', '2'], ['5', '6']]);
    expect(r.table!.lines).toEqual([2, 6]);
    expect(errors(r)).toEqual([
      'x.csv:3:: row has 3 cells but the header has 2 (ragged row; check the delimiter and quoting)',
      'x.csv:5:: row has 1 cells but the header has 2 (ragged row; check the delimiter and quoting)',
    ]);
  });

  it('names a semicolon- or tab-delimited header and gives no table', () => {
    expect(parseCsv('a;b\n1;2\n', 'x.csv')).toEqual({
      table: null,
      problems: [{ severity: 'error', file: 'x.csv', line: 1, column: '', message: 'the header is one column holding semicolons: the file looks semicolon-delimited; save it as comma-separated CSV' }],
    });
    expect(errors(parseCsv('a\tb\n1\t2\n', 'x.csv'))).toEqual(['x.csv:1:: the header is one column holding tabs: the file looks tab-delimited; save it as comma-separated CSV']);
  });

  it('reports an empty file: nothing, a BOM, or only whitespace and line breaks', () => {
    for (const text of ['', '\uFEFF', '\n', ' \r\n\t\n\u00a0\n', '\uFEFF\uFEFF  ']) {
      expect(parseCsv(text, 'x.csv')).toEqual({ table: null, problems: [{ severity: 'error', file: 'x.csv', line: 1, column: '', message: 'the file is empty: a header row is required' }] });
    }
    expect(parseCsv('""', 'x.csv').table).toEqual({ file: 'x.csv', header: [''], rows: [], lines: [] });
  });

  it('reports a stray quote in a quoted field on the line where the record starts, keeping it as data', () => {
    const r = parseCsv('a,b\n1,2\n"x\n"y",3\n4,5\n', 'x.csv');
    expect(errors(r)).toEqual(['x.csv:3:: malformed CSV: Trailing quote on quoted field is malformed']);
    expect(r.table!.rows).toEqual([['1', '2'], ['x\n"y', '3'], ['4', '5']]);
    expect(r.table!.lines).toEqual([2, 3, 5]);
  });

  it('reports an unterminated quote on its record\'s line; the rest of the file is that field', () => {
    const r = parseCsv('a,b\n1,2\n3,"x\n4,""5\n', 'x.csv');
    expect(errors(r)).toEqual(['x.csv:3:: malformed CSV: Quoted field unterminated']);
    expect(r.table!.rows).toEqual([['1', '2'], ['3', 'x\n4,""5\n']]);
  });

  it('lists quoting errors before the other problems, as papaparse did', () => {
    const r = parseCsv('a,b\n1\n"x"y,2\n', 'x.csv');
    expect(errors(r)).toEqual([
      'x.csv:3:: malformed CSV: Trailing quote on quoted field is malformed',
      'x.csv:3:: malformed CSV: Quoted field unterminated',
      'x.csv:2:: row has 1 cells but the header has 2 (ragged row; check the delimiter and quoting)',
      'x.csv:3:: row has 1 cells but the header has 2 (ragged row; check the delimiter and quoting)',
    ]);
  });

  it('reads a trailing comma at the end of the file as an empty last cell', () => {
    expect(parseCsv('a,b\n1,', 'x.csv').table!.rows).toEqual([['1', '']]);
  });

  it('reads UTF-8, and turns invalid bytes into U+FFFD as TextDecoder does', () => {
    const bytes = Uint8Array.from([...enc.encode('a,b\nça,😀\n'), 0x78, 0xe2, 0x80, 0x2c, 0xff, 0x0a]);
    const r = readChunks(bytes);
    expect(r.table!.rows).toEqual([['ça', '😀'], ['x\uFFFD', '\uFFFD']]);
    expect(r).toEqual(oracle(bytes));
  });

  it('turns lone surrogates in text into U+FFFD', () => {
    expect(parseCsv('a\n\uD800x\n', 'x.csv').table!.rows).toEqual([['\uFFFDx']]);
  });
});

describe('the streaming reader', () => {
  it('passes a reused array of exactly the header\'s width', () => {
    const seen: string[][] = [];
    const s = createCsvStream('x.csv', { header: () => {}, row: (c) => seen.push(c) }, []);
    s.push(enc.encode('a,b\n1,2,3\n4,5\n6,7\n'));
    s.end();
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0]).toEqual(['6', '7']);
  });

  it('stops when the header handler returns false', () => {
    const rows: string[][] = [];
    const problems: Problem[] = [];
    const s = createCsvStream('x.csv', { header: () => false, row: (c) => rows.push(c.slice()) }, problems);
    s.push(enc.encode('a,b\n1,2\n3\n"x'));
    s.end();
    expect(rows).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('keeps scanning a rejected (semicolon) file for quoting errors, delivering nothing', () => {
    const r = readChunks(enc.encode('a;b\n1;2\n"x"y;3\n'));
    expect(r.table).toBeNull();
    expect(errors(r)).toEqual([
      'f.csv:3:: malformed CSV: Trailing quote on quoted field is malformed',
      'f.csv:3:: malformed CSV: Quoted field unterminated',
      'f.csv:1:: the header is one column holding semicolons: the file looks semicolon-delimited; save it as comma-separated CSV',
    ]);
  });

  it('reports a field longer than the cap on its record\'s line, skips the record, and keeps counting lines', () => {
    const text = 'a,b\n1,2\n3,"' + 'x\n'.repeat(20) + '"\n4,' + 'y'.repeat(50) + '\n5,6\n7,"never closed\n8,9\n';
    for (const cuts of [[], [7, 30, 31, 60]]) {
      const r = readChunks(enc.encode(text), cuts, { maxFieldBytes: 30 });
      expect(errors(r)).toEqual([
        'f.csv:26:: malformed CSV: Quoted field unterminated',
        'f.csv:3:: a field is longer than 30 bytes (is a quote never closed?)',
        'f.csv:24:: a field is longer than 30 bytes (is a quote never closed?)',
      ]);
      expect(r.table!.rows).toEqual([['1', '2'], ['5', '6'], ['7', 'never closed\n8,9\n']]);
      expect(r.table!.lines).toEqual([2, 25, 26]);
    }
  });

  it('applies the cap to every field read within one chunk: short ASCII and non-ASCII ones too', () => {
    const r = readChunks(enc.encode('a,b\nabcdefgh,1\n\u00e9\u00e9\u00e9,2\nabcd,3\n'), [], { maxFieldBytes: 4 });
    expect(errors(r)).toEqual([
      'f.csv:2:: a field is longer than 4 bytes (is a quote never closed?)',
      'f.csv:3:: a field is longer than 4 bytes (is a quote never closed?)',
    ]);
    expect(r.table!.rows).toEqual([['abcd', '3']]);
  });

  it('knows exactly the characters String#trim removes (whitespace after a closing quote)', () => {
    // Each code point between a closing quote and a comma is ignored if and only if trim removes it.
    // Tried: every whitespace code point, every one below U+0800, and the neighbours of each
    // whitespace one (same leading UTF-8 bytes).
    const spaces: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) if (!(cp >= 0xd800 && cp <= 0xdfff) && String.fromCodePoint(cp).trim() === '') spaces.push(cp);
    const tried = new Set<number>();
    for (let cp = 0; cp < 0x800; cp++) tried.add(cp);
    for (const w of spaces) for (let d = -0x41; d <= 0x41; d++) if (w + d >= 0) tried.add(w + d);
    for (const cp of tried) {
      if (cp === 0x0a || cp === 0x2c || cp === 0x22 || (cp >= 0xd800 && cp <= 0xdfff)) continue;
      const ch = String.fromCodePoint(cp);
      const r = parseCsv(`a,b\n"x"${ch},y\n`, 'x.csv');
      expect(r.problems.length === 0, `U+${cp.toString(16)}`).toBe(ch.trim() === '');
    }
  });
});

/** Texts that exercise every rule, for the chunk-boundary tests. */
const SAMPLES = [
  'a,b\r\n1,2\r\n',
  '\uFEFFid,note\r\n1,"say ""hi"", then\r\nleave"\r\n2,"x\n\ny"\r\n\r\n3,""\r\n4,é😀\r\n',
  'a,b\n"x" \t,"y"\u00a0\r\n"p"\u2003\u3000\r\nq,\n',
  'a,b\n1,2\n"x\n"y,3\n3,"x\n4,""5\r',
  '\uFEFF\uFEFF\n\n \n""\na\r\r\n',
  'a;b\n1;2\n"x"y;3\n',
  'a,b\n"x"\u00a0',
  'a,b\n"x" ',
  '   \r\n\u00a0\n',
];

describe('chunk boundaries anywhere give the same records, lines and problems', () => {
  const samples = [...SAMPLES.map((t) => enc.encode(t)), Uint8Array.from([...enc.encode('a,b\n"\u00e9'), 0xe2, 0x80, 0x22, 0x20, 0xe2, 0x80, 0x2c, 0x0a])];
  it('at every single position, at every pair of positions, and byte by byte', () => {
    for (const bytes of samples) {
      const whole = readChunks(bytes);
      expect(whole).toEqual(oracle(bytes));
      for (let i = 0; i <= bytes.length; i++) {
        expect(readChunks(bytes, [i])).toEqual(whole);
        for (let j = i; j <= bytes.length; j++) expect(readChunks(bytes, [i, j])).toEqual(whole);
      }
      expect(readChunks(bytes, Array.from({ length: bytes.length }, (_, k) => k))).toEqual(whole);
    }
  });

  it('at random positions of random texts', () => {
    fc.assert(
      fc.property(csvBytes, fc.array(fc.nat(), { maxLength: 8 }), (bytes, raw) => {
        const cuts = raw.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b);
        expect(readChunks(bytes, cuts)).toEqual(readChunks(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Random CSV-ish bytes: the characters that matter, unicode (4-byte too) and some invalid UTF-8. */
const csvToken = fc.constantFrom(
  'a', 'b', 'x y', 'é', '😀', '\u00a0', '\u2003', '\u3000', '\u2028', '\u0085', ' ', '\t', ',', ',', ',', '"', '"', '""',
  '\r', '\n', '\n', '\r\n', '\uFEFF', ';', '"q,\n"', '" ', '"\t,', '"\u00a0\n',
);
const badBytes = fc.constantFrom([0x80], [0xe2, 0x80], [0xe2], [0xc3], [0xef, 0xbb], [0xf0, 0x9f, 0x98], [0xff]);
const csvBytes = fc
  .array(fc.oneof({ weight: 8, arbitrary: csvToken.map((t) => Array.from(enc.encode(t))) }, { weight: 1, arbitrary: badBytes }), { maxLength: 60 })
  .map((parts) => Uint8Array.from(parts.flat()));

describe('the same as the papaparse-based reader it replaced', () => {
  it('on random texts, well-formed or not, cut into random chunks', () => {
    fc.assert(
      fc.property(csvBytes, fc.array(fc.nat(), { maxLength: 4 }), (bytes, raw) => {
        const cuts = raw.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b);
        expect(readChunks(bytes, cuts)).toEqual(oracle(bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('on random well-formed tables written by an RFC 4180 writer, which it reads back exactly', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '"', '\n', '\r\n', 'é', '😀', '\u00a0'), maxLength: 6 });
    const table = fc.integer({ min: 1, max: 4 }).chain((w) =>
      fc.tuple(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '_'), minLength: 1, maxLength: 3 }), { minLength: w, maxLength: w }), fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 6 }), fc.constantFrom('\n', '\r\n')),
    );
    fc.assert(
      fc.property(table, ([header, rows, eol]) => {
        const quote = (c: string) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c);
        const text = [header, ...rows].map((r) => r.map(quote).join(',')).join(eol) + eol;
        const r = parseCsv(text, 'x.csv');
        expect(r).toEqual(papaparseCsv(text, 'x.csv'));
        expect(r.problems).toEqual([]);
        // A one-column row of whitespace is a blank line (skipped); CRLF inside a quoted cell reads as LF.
        const kept = rows.filter((row) => !(row.length === 1 && row[0]!.trim() === ''));
        expect(r.table!.rows).toEqual(kept.map((row) => row.map((c) => c.replaceAll('\r\n', '\n'))));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readCsvFile', () => {
  it('with stopWithHandler, stops reading where the handler stops (header only), and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ehw-csv-'));
    const path = join(dir, 'big.csv');
    writeFileSync(path, 'a,b\n' + '1,2\n'.repeat(100_000));
    const problems: Problem[] = [];
    let rows = 0;
    const stop = readCsvFile(path, 'big.csv', { header: () => false, row: () => void rows++ }, problems, { chunkBytes: 1024, stopWithHandler: true });
    expect(stop.complete).toBe(false);
    expect(stop.bytes).toBe(1024);
    expect(rows).toBe(0);
    const on = readCsvFile(path, 'big.csv', { header: () => false, row: () => void rows++ }, problems, { chunkBytes: 1024 });
    expect(on).toMatchObject({ complete: true, bytes: 4 + 400_000 });
    expect(rows).toBe(0);
    expect(problems).toEqual([]);
  });

  it('reads a file in chunks, hashing every byte, with the same records as parseCsv', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ehw-csv-'));
    const text = '\uFEFFid,note\r\n' + Array.from({ length: 500 }, (_, i) => `${i},"n ""${i}""\n😀"`).join('\r\n') + '\r\n1,2,3\r\n';
    const path = join(dir, 'x.csv');
    writeFileSync(path, text);
    const rows: string[][] = [];
    const lines: number[] = [];
    const problems: Problem[] = [];
    let header: string[] = [];
    const info = readCsvFile(path, 'x.csv', { header: (h) => void (header = h), row: (c, l) => void (rows.push(c.slice()), lines.push(l)) }, problems, { chunkBytes: 7 });
    const bytes = enc.encode(text);
    expect(info).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, complete: true });
    expect({ table: { file: 'x.csv', header, rows, lines }, problems }).toEqual(parseCsv(text, 'x.csv'));
    expect(lines[499]).toBe(1000);
    expect(problems.map(formatProblem)).toEqual(['x.csv:1002:: row has 3 cells but the header has 2 (ragged row; check the delimiter and quoting)']);
  });
});
