import type { Problem } from './parse-csv.js';

/** Receives the records of a CSV stream, in file order. */
export interface CsvRowHandler {
  /**
   * The header's cells (each trimmed) and its line (always 1). Called at most once, and
   * not at all when the file is empty or its header looks semicolon- or tab-delimited
   * (those are reported as problems). Return false to stop reading.
   */
  header(cells: string[], line: number): boolean | void;
  /**
   * One record with exactly as many cells as the header, and the line it starts on.
   * `cells` is a reused array, overwritten by the next record: copy what you keep.
   */
  row(cells: string[], line: number): void;
  /**
   * Optional fast path for a table's plain records, read straight from the bytes. Called
   * at the start of each record after the header, with the chunk's bytes, the record's
   * first byte, the chunk's end and the record's line. It may take the record, returning
   * the index of the line feed that ends it: then `row` is not called for it, so it must
   * take only records that lie wholly in `bytes[start, end)` and hold no quote, and do
   * with them what `row` would do with their cells. Otherwise it returns -1 and the reader
   * goes on as usual (the record may still be blank, ragged or malformed).
   */
  fastRow?(bytes: Buffer, start: number, end: number, line: number): number;
}

/** A push-based CSV reader: feed it the file's bytes in chunks of any size, then call end(). */
export interface CsvStream {
  /** Reads one chunk. The chunk may end anywhere (inside a field, a quoted line break, a UTF-8 character); the stream keeps no reference to it after returning. */
  push(chunk: Uint8Array): void;
  /** Finishes the last record and reports an empty file or an unterminated quote. */
  end(): void;
  /** True once the handler has stopped the reading (its `header` returned false) or `end` was called: later chunks are ignored. */
  readonly stopped: boolean;
}

export interface CsvStreamOptions {
  /**
   * Longest field accepted, in bytes (default 16 MiB). A longer field (usually a quote
   * that is never closed, swallowing the rest of the file) is an error problem naming its
   * line and its record is not delivered; reading goes on, so later lines keep their numbers.
   */
  maxFieldBytes?: number;
}

/** Default cap on one field's length, in bytes. */
export const DEFAULT_MAX_FIELD_BYTES = 16 * 1024 * 1024;

/** Node's Buffer with its (stable, undocumented) direct decoders, which skip toString's argument checks. */
export interface FastBuffer extends Buffer {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

// Reader states.
/** At the start of a field (or of a record). */
const FIELD = 0;
/** Inside an unquoted field that began in an earlier chunk (its bytes so far are in `pend`). */
const UNQUOTED = 1;
/** Inside a quoted field. */
const QUOTED = 2;
/** Just after a quote inside a quoted field: an escape, the closing quote, or a stray quote. */
const AFTER_QUOTE = 3;

// Header states.
const NO_HEADER = 0;
/** The first record was blank: the header is [''] unless the whole file is whitespace (then it is empty). */
const HEADER_DEFERRED = 1;
const HEADER_DELIVERED = 2;
/** No table (a semicolon/tab-delimited header): records are scanned for problems, not delivered. */
const HEADER_REJECTED = 3;

/** Longest cell (bytes) looked up in the cache of recent cells, and the cache's size - 1. */
const MAX_INTERNED = 32;
const INTERN_MASK = (1 << 14) - 1;

/** One-character strings for ASCII bytes, so a 0/1 cell allocates nothing. */
const ASCII_CHAR: string[] = Array.from({ length: 128 }, (_, b) => String.fromCharCode(b));

/**
 * UTF-8 encodings of the non-ASCII characters that JavaScript's String#trim removes
 * (U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF).
 * Between a closing quote and the next comma or line end only whitespace may stand.
 */
const WIDE_SPACES: number[][] = [
  [0xc2, 0xa0],
  [0xe1, 0x9a, 0x80],
  ...Array.from({ length: 11 }, (_, k) => [0xe2, 0x80, 0x80 + k]),
  [0xe2, 0x80, 0xa8],
  [0xe2, 0x80, 0xa9],
  [0xe2, 0x80, 0xaf],
  [0xe2, 0x81, 0x9f],
  [0xe3, 0x80, 0x80],
  [0xef, 0xbb, 0xbf],
];

/** 2 when `seq[from..]` is one whole wide space, 1 when it is the start of one, 0 otherwise. */
function wideSpaceMatch(seq: number[], from: number): 0 | 1 | 2 {
  const len = seq.length - from;
  let prefix = false;
  for (const w of WIDE_SPACES) {
    if (w.length < len) continue;
    let same = true;
    for (let k = 0; k < len; k++) {
      if (w[k] !== seq[from + k]) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    if (w.length === len) return 2;
    prefix = true;
  }
  return prefix ? 1 : 0;
}

const BOM2 = [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf];

/**
 * Bytes of byte-order marks to skip at the start of `b`: 0, 3 or 6 (up to two marks are
 * ignored, as the papaparse-based reader did: it stripped one and papaparse another);
 * -1 when `b` is too short to tell and more bytes may come (`atEnd` false).
 */
function leadingBoms(b: Uint8Array, atEnd: boolean): number {
  let k = 0;
  while (k < 6 && k < b.length && b[k] === BOM2[k]) k++;
  if (k === 6) return 6;
  if (k === b.length && !atEnd) return -1;
  return k >= 3 ? 3 : 0;
}

/** Index of the first `x` or `y` in `b` from `from`, or `b.length`. */
function indexOfEither(b: Uint8Array, from: number, x: number, y: number): number {
  let j = from;
  while (j < b.length && b[j] !== x && b[j] !== y) j++;
  return j;
}

const isBlank = (s: string): boolean => s.length === 0 || s.trim() === '';

const asBuffer = (chunk: Uint8Array): FastBuffer =>
  (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)) as FastBuffer;

/**
 * Creates a streaming, byte-level RFC 4180 CSV reader (comma-delimited, never guessed;
 * UTF-8; a leading byte-order mark, even doubled, is ignored) that calls `handler` once for the header and
 * once per record, with the exact line each record starts on, and pushes problems
 * (errors naming `file` and the line) onto `problems` as it meets them.
 *
 * Rules, the same as {@link parseCsv} (which is built on it):
 * - CRLF, LF and mixed line ends all end a record; CRLF becomes LF everywhere, also inside
 *   quoted fields; a lone CR is data.
 * - A field that starts with `"` is quoted: `""` is a quote, commas and line breaks are
 *   data; whitespace between the closing quote and the next comma or line end is ignored.
 *   Any other quote inside a quoted field is an error ("malformed CSV: Trailing quote on
 *   quoted field is malformed") and is kept as data; a quote never closed is an error
 *   ("malformed CSV: Quoted field unterminated") and the rest of the file is that field,
 *   as written. A quote inside an unquoted field is data. (These follow papaparse 5,
 *   which the reader replaced.)
 * - Line numbers count every line break, blank lines and breaks inside quoted fields
 *   included; the header is line 1 (even when blank).
 * - Blank records (one cell of whitespace) are skipped. A record whose cell count differs
 *   from the header's is an error and is not delivered.
 * - A one-cell header holding `;` or a tab is an error naming the delimiter; no records
 *   are delivered (the rest is still read for quoting errors). A file that is only
 *   whitespace is an error ("the file is empty").
 * - Invalid UTF-8 becomes U+FFFD, as TextDecoder does.
 *
 * Cost: linear in the bytes. Empty and one-character ASCII cells allocate nothing, and a
 * short ASCII cell equal to a recent one (ids on consecutive rows, dates, codes) reuses its
 * string; memory is one record, one field's bytes and a 16,384-entry cache of short cells.
 * Throws only what the handler throws.
 * @example const s = createCsvStream('x.csv', { header() {}, row: (c, l) => out.push([...c]) }, problems); s.push(bytes); s.end();
 */
export function createCsvStream(file: string, handler: CsvRowHandler, problems: Problem[], options: CsvStreamOptions = {}): CsvStream {
  return new CsvReader(file, handler, problems, options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES);
}

class CsvReader implements CsvStream {
  private state = FIELD;
  private headerState = NO_HEADER;
  private width = 0;
  private halted = false;
  /** Line the reader is on (1 + line breaks read). */
  private line = 1;
  /** Line the current record started on. */
  private recordLine = 1;
  private readonly cells: string[] = [];
  private cellCount = 0;
  /** The current record has a quoted field (so it is not whitespace, even when its cells are). */
  private recordQuoted = false;
  /** The current record has a field longer than the cap (reported; not delivered). */
  private recordTooLong = false;
  /** Bytes of the field being read when it is quoted or spans chunks. */
  private pend: FastBuffer = Buffer.allocUnsafe(1 << 16) as FastBuffer;
  private pendLen = 0;
  private fieldTooLong = false;
  /** Offsets in `pend` of quotes that were written `""` (to give back an unterminated field as written). */
  private readonly escapes: number[] = [];
  /** Bytes seen after a quote inside a quoted field: whitespace so far, then maybe the start of a wide space. */
  private readonly afterQuote: number[] = [];
  /** Where in `afterQuote` an unfinished multi-byte character starts (-1: none). */
  private wideFrom = -1;
  /** Recent short ASCII cells, by a hash of their bytes. */
  private readonly intern: string[] = new Array<string>(INTERN_MASK + 1).fill('');
  /** Each cached cell's bytes (MAX_INTERNED a slot) and hash: compared as bytes, cheaper than reading the string back. */
  private readonly internBytes = new Uint8Array((INTERN_MASK + 1) * MAX_INTERNED);
  private readonly internHash = new Int32Array(INTERN_MASK + 1);
  /** Each cached cell's length (0: the slot is empty). */
  private readonly internLength = new Uint8Array(INTERN_MASK + 1);
  private bomChecked = false;
  private head: Buffer | null = null;
  /** The header is delivered and the handler has a fast path for records. */
  private fastOn = false;

  constructor(
    private readonly file: string,
    private readonly handler: CsvRowHandler,
    private readonly problems: Problem[],
    private readonly maxFieldBytes: number,
  ) {}

  get stopped(): boolean {
    return this.halted;
  }

  push(chunk: Uint8Array): void {
    if (this.halted || chunk.length === 0) return;
    let b = asBuffer(chunk);
    if (!this.bomChecked) {
      if (this.head) b = Buffer.concat([this.head, b]) as FastBuffer;
      const skip = leadingBoms(b, false);
      if (skip < 0) {
        this.head = Buffer.from(b);
        return;
      }
      this.head = null;
      this.bomChecked = true;
      b = b.subarray(skip) as FastBuffer;
    }
    this.scan(b);
  }

  end(): void {
    if (this.halted) return;
    if (!this.bomChecked) {
      this.bomChecked = true;
      const head = this.head;
      this.head = null;
      if (head) this.scan(head.subarray(leadingBoms(head, true)) as FastBuffer);
      if (this.halted) return;
    }
    const state = this.state;
    if (state === FIELD) {
      // After a trailing comma the record has one more (empty) cell; after a line break nothing is left.
      if (this.cellCount > 0) {
        this.cells[this.cellCount++] = '';
        this.endRecord();
      }
    } else if (state === UNQUOTED || (state === AFTER_QUOTE && this.afterQuote.length === 0)) {
      // (AFTER_QUOTE: the closing quote was the file's last byte.)
      this.cells[this.cellCount++] = this.takeField();
      this.endRecord();
    } else {
      if (state === AFTER_QUOTE) this.strayQuote();
      this.malformed('Quoted field unterminated');
      this.redoubleQuotes();
      this.cells[this.cellCount++] = this.takeField();
      this.endRecord();
    }
    this.state = FIELD;
    if (!this.halted && (this.headerState === NO_HEADER || this.headerState === HEADER_DEFERRED)) {
      this.problems.push({ severity: 'error', file: this.file, line: 1, column: '', message: 'the file is empty: a header row is required' });
    }
    this.halted = true;
  }

  /** Reads a chunk: unquoted fields inline, everything else through `resume`. */
  private scan(b: FastBuffer): void {
    const n = b.length;
    let i = 0;
    if (this.state !== FIELD) {
      i = this.resume(b, 0);
      if (this.halted) return;
    }
    const cells = this.cells;
    const intern = this.intern;
    const internBytes = this.internBytes;
    const internHash = this.internHash;
    const internLength = this.internLength;
    let count = this.cellCount;
    let fastOn = this.fastOn;
    while (i < n) {
      if (fastOn && count === 0) {
        const lf = this.handler.fastRow!(b, i, n, this.recordLine);
        if (lf >= 0) {
          i = lf + 1;
          this.recordLine = ++this.line;
          continue;
        }
      }
      let c = b[i]!;
      if (c === QUOTE) {
        this.cellCount = count;
        this.state = QUOTED;
        this.recordQuoted = true;
        this.pendLen = 0;
        i = this.resume(b, i + 1);
        if (this.halted) return;
        count = this.cellCount;
        fastOn = this.fastOn;
        continue;
      }
      let j = i;
      let high = 0;
      let hash = 0;
      for (; j < n; j++) {
        c = b[j]!;
        if (c === COMMA || c === LF) break;
        high |= c;
        hash = (hash * 31 + c) | 0;
      }
      if (j === n) {
        // The field goes on in the next chunk.
        this.cellCount = count;
        this.state = UNQUOTED;
        this.pendLen = 0;
        this.append(b, i, n);
        return;
      }
      let e = j;
      if (c === LF && e > i && b[e - 1] === CR) e--;
      const len = e - i;
      if (len > this.maxFieldBytes) this.tooLong();
      let cell: string;
      if (len === 0) cell = '';
      else if (high >= 0x80) cell = b.utf8Slice(i, e);
      else if (len === 1) cell = ASCII_CHAR[b[i]!]!;
      else if (len <= MAX_INTERNED) {
        // Short ASCII cells repeat (ids on consecutive rows, dates, codes): reuse the string.
        const slot = (hash ^ (hash >>> 13)) & INTERN_MASK;
        const at = slot * MAX_INTERNED;
        let same = internHash[slot] === hash && internLength[slot] === len;
        for (let k = 0; same && k < len; k++) same = internBytes[at + k] === b[i + k];
        if (same) cell = intern[slot]!;
        else {
          intern[slot] = cell = b.latin1Slice(i, e);
          internHash[slot] = hash;
          internLength[slot] = len;
          for (let k = 0; k < len; k++) internBytes[at + k] = b[i + k]!;
        }
      } else cell = b.latin1Slice(i, e);
      cells[count++] = cell;
      i = j + 1;
      if (c === LF) {
        this.cellCount = count;
        this.line++;
        this.endRecord();
        if (this.halted) return;
        count = 0;
        fastOn = this.fastOn;
      }
    }
    this.cellCount = count;
  }

  /**
   * Continues a field that is quoted or began in an earlier chunk, from `b[i]`. Returns
   * the index after the field's end (the reader is then at the start of a field), or
   * `b.length` when the chunk ran out first.
   */
  private resume(b: FastBuffer, i: number): number {
    const n = b.length;
    while (i < n) {
      if (this.state === UNQUOTED) {
        const j = indexOfEither(b, i, COMMA, LF);
        this.append(b, i, j);
        if (j === n) return n;
        const c = b[j]!;
        if (c === LF && this.pendLen > 0 && this.pend[this.pendLen - 1] === CR) this.pendLen--;
        return this.endField(c, j);
      }
      if (this.state === QUOTED) {
        const j = indexOfEither(b, i, QUOTE, LF);
        this.append(b, i, j);
        if (j === n) return n;
        const c = b[j]!;
        i = j + 1;
        if (c === LF) {
          this.line++;
          if (this.pendLen > 0 && this.pend[this.pendLen - 1] === CR) this.pend[this.pendLen - 1] = LF;
          else this.appendByte(LF);
        } else {
          this.state = AFTER_QUOTE;
          this.afterQuote.length = 0;
          this.wideFrom = -1;
        }
        continue;
      }
      // AFTER_QUOTE
      const c = b[i]!;
      const seen = this.afterQuote;
      if (c === QUOTE && seen.length === 0) {
        // "" inside a quoted field: one quote.
        if (!this.fieldTooLong) this.escapes.push(this.pendLen);
        this.appendByte(QUOTE);
        this.state = QUOTED;
        i++;
        continue;
      }
      if (this.wideFrom === -1) {
        if (c === COMMA || c === LF) return this.endField(c, i);
        if (c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === CR) {
          seen.push(c);
          i++;
          continue;
        }
      }
      if (c >= 0x80) {
        if (this.wideFrom === -1) this.wideFrom = seen.length;
        seen.push(c);
        const m = wideSpaceMatch(seen, this.wideFrom);
        if (m !== 0) {
          if (m === 2) this.wideFrom = -1;
          i++;
          continue;
        }
        // Not whitespace: this byte is data like the ones before it.
        i++;
      }
      this.strayQuote();
    }
    return n;
  }

  /** A quote inside a quoted field followed by neither a quote nor (whitespace and) a comma or line end: reported, kept as data. */
  private strayQuote(): void {
    this.malformed('Trailing quote on quoted field is malformed');
    this.appendByte(QUOTE);
    for (const x of this.afterQuote) this.appendByte(x);
    this.afterQuote.length = 0;
    this.wideFrom = -1;
    this.state = QUOTED;
  }

  /** Ends the pending field at terminator `c` (comma or LF) found at `b[j]`; returns j + 1. */
  private endField(c: number, j: number): number {
    this.cells[this.cellCount++] = this.takeField();
    this.state = FIELD;
    if (c === LF) {
      this.line++;
      this.endRecord();
    }
    return j + 1;
  }

  private takeField(): string {
    const tooLong = this.fieldTooLong || this.pendLen > this.maxFieldBytes;
    if (tooLong) this.tooLong();
    const s = tooLong || this.pendLen === 0 ? '' : this.pend.utf8Slice(0, this.pendLen);
    this.pendLen = 0;
    this.fieldTooLong = false;
    this.escapes.length = 0;
    return s;
  }

  /** Marks the current record as holding a field longer than the cap, and says so. */
  private tooLong(): void {
    this.recordTooLong = true;
    this.problems.push({
      severity: 'error',
      file: this.file,
      line: this.recordLine,
      column: '',
      message: `a field is longer than ${this.maxFieldBytes} bytes (is a quote never closed?)`,
    });
  }

  /** Makes room for `extra` more field bytes; false (and the field is too long) past the cap. */
  private reserve(extra: number): boolean {
    // One byte of slack: a CR before the LF that ends an unquoted field is dropped later.
    const need = this.pendLen + extra;
    if (need > this.maxFieldBytes + 1) {
      this.fieldTooLong = true;
      return false;
    }
    if (need > this.pend.length) {
      const grown = Buffer.allocUnsafe(Math.min(Math.max(need, this.pend.length * 2), this.maxFieldBytes + 1)) as FastBuffer;
      this.pend.copy(grown, 0, 0, this.pendLen);
      this.pend = grown;
    }
    return true;
  }

  private append(b: Buffer, start: number, end: number): void {
    if (end === start || this.fieldTooLong || !this.reserve(end - start)) return;
    b.copy(this.pend, this.pendLen, start, end);
    this.pendLen += end - start;
  }

  private appendByte(x: number): void {
    if (this.fieldTooLong || !this.reserve(1)) return;
    this.pend[this.pendLen++] = x;
  }

  /** An unterminated field is the rest of the file as written: its `""` are given back. Linear. */
  private redoubleQuotes(): void {
    const esc = this.escapes;
    if (esc.length === 0 || this.fieldTooLong) return;
    const len = this.pendLen + esc.length;
    if (len > this.maxFieldBytes) {
      this.fieldTooLong = true;
      return;
    }
    const out = Buffer.allocUnsafe(Math.max(len, this.pend.length)) as FastBuffer;
    let from = 0;
    let to = 0;
    for (const at of esc) {
      this.pend.copy(out, to, from, at);
      to += at - from;
      out[to++] = QUOTE;
      from = at;
    }
    this.pend.copy(out, to, from, this.pendLen);
    this.pend = out;
    this.pendLen = len;
  }

  private malformed(message: string): void {
    this.problems.push({ severity: 'error', file: this.file, line: this.recordLine, column: '', message: `malformed CSV: ${message}` });
  }

  /** Handles a finished record (cells[0..cellCount)); the next one starts on the current line. */
  private endRecord(): void {
    const count = this.cellCount;
    const line = this.recordLine;
    this.cellCount = 0;
    this.recordLine = this.line;
    const cells = this.cells;
    const blank = count === 1 && isBlank(cells[0]!);
    // Only whitespace so far: the file may yet be empty.
    const space = blank && !this.recordQuoted && !this.recordTooLong;
    this.recordQuoted = false;
    if (this.headerState === NO_HEADER) {
      if (this.recordTooLong) {
        this.recordTooLong = false;
        this.headerState = HEADER_REJECTED;
      } else if (space) this.headerState = HEADER_DEFERRED;
      else this.takeHeader(cells.slice(0, count).map((h) => h.trim()));
      return;
    }
    if (this.headerState === HEADER_DEFERRED) {
      if (space) return;
      // Not a whitespace-only file after all: the blank first line was the header.
      this.takeHeader(['']);
      if (this.halted) return;
    }
    if (this.recordTooLong) {
      this.recordTooLong = false;
      return;
    }
    if (blank || this.headerState === HEADER_REJECTED) return;
    if (count !== this.width) {
      this.problems.push({
        severity: 'error',
        file: this.file,
        line,
        column: '',
        message: `row has ${count} cells but the header has ${this.width} (ragged row; check the delimiter and quoting)`,
      });
      return;
    }
    if (cells.length !== count) cells.length = count;
    this.handler.row(cells, line);
  }

  private takeHeader(header: string[]): void {
    if (header.length === 1) {
      const h = header[0]!;
      const delim = h.includes(';') ? 'semicolon' : h.includes('\t') ? 'tab' : null;
      if (delim) {
        this.headerState = HEADER_REJECTED;
        this.problems.push({
          severity: 'error',
          file: this.file,
          line: 1,
          column: '',
          message: `the header is one column holding ${delim}s: the file looks ${delim}-delimited; save it as comma-separated CSV`,
        });
        return;
      }
    }
    this.headerState = HEADER_DELIVERED;
    this.width = header.length;
    this.fastOn = this.handler.fastRow !== undefined;
    if (this.handler.header(header, 1) === false) this.halted = true;
  }
}
