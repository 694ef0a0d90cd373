const decoder = new TextDecoder();

/**
 * Builds a long ASCII text in a growing byte buffer, without creating a string per piece:
 * the synthetic cohort writes millions of CSV cells, and small strings would cost more in
 * garbage collection than in writing. Only characters below 128 are accepted.
 */
export class AsciiWriter {
  private buf: Uint8Array;
  private n = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.n;
  }

  private ensure(extra: number): void {
    if (this.n + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  /** Appends a text of ASCII characters. @throws on a character at or above 128. */
  text(s: string): void {
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) throw new Error(`AsciiWriter requires ASCII text, got ${JSON.stringify(s)}`);
      this.buf[this.n++] = c;
    }
  }

  /** Appends bytes (already ASCII). */
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    for (let i = 0; i < b.length; i++) this.buf[this.n++] = b[i]!;
  }

  /** Appends one character code. */
  byte(code: number): void {
    this.ensure(1);
    this.buf[this.n++] = code;
  }

  /** Appends a whole number ≥ 0 in decimal, left-padded with zeros to `width` digits. */
  int(value: number, width = 1): void {
    let digits = 1;
    for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
    const w = Math.max(width, digits);
    this.ensure(w);
    let v = value;
    for (let i = this.n + w - 1; i >= this.n; i--) {
      this.buf[i] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
    this.n += w;
  }

  /** The text written, and the writer emptied. Cost: O(length). */
  take(): string {
    const s = decoder.decode(this.buf.subarray(0, this.n));
    this.n = 0;
    return s;
  }
}

/** The ASCII bytes of a text. @throws on a character at or above 128. */
export function asciiBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) throw new Error(`asciiBytes requires ASCII text, got ${JSON.stringify(s)}`);
    b[i] = c;
  }
  return b;
}
