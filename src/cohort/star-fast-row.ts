import { STAR_DOMAINS } from './types.js';
import { isoDayAt } from './values.js';

/** Positions of star.csv's columns in its header, and how many columns it has. */
export interface StarColumnPositions {
  familyId: number;
  domain: number;
  readingDate: number;
  reading: number;
  width: number;
}

/** Takes one valid Family Star reading (family row index, domain index, day number, reading 1–10) and its line. */
export type TakeStarReading = (familyIndex: number, domain: number, day: number, reading: number, line: number) => void;

/** A fast path for the records of one table: see `CsvRowHandler.fastRow`. */
export type FastRow = (bytes: Buffer, start: number, end: number, line: number) => number;

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/** Node's Buffer with its direct latin1 decoder (stable, undocumented; also used by the CSV reader). */
interface LatinBuffer extends Buffer {
  latin1Slice(start: number, end: number): string;
}
/** Longest family id remembered as bytes (longer ones are looked up on every row). */
const LAST_ID_BYTES = 64;

/**
 * A byte-level reader of plain star.csv records, for `CsvRowHandler.fastRow`: a record of
 * exactly the four contract columns (in any order), in ASCII, without quotes or spaces,
 * whose family_id is a known family (as written), domain one of the ten, reading_date a
 * real ISO date and reading `1`…`10`, is handed to `take` with its line; anything else is
 * left (-1) to the general reader, which words the problem. Rows of one family usually
 * come together, so the last family id is remembered as bytes and not looked up again.
 * Returns undefined when the table has other columns (they go the general way).
 * Cost: one pass over the record's bytes; a string only for a new family id.
 * @example starFastRow({ familyId: 0, domain: 1, readingDate: 2, reading: 3, width: 4 }, ids, take)
 */
export function starFastRow(columns: StarColumnPositions, familyIndex: ReadonlyMap<string, number>, take: TakeStarReading): FastRow | undefined {
  if (columns.width !== 4) return undefined;
  // role[k]: what field k is (0 family_id, 1 domain, 2 reading_date, 3 reading).
  const role = new Int8Array(4).fill(-1);
  const at = [columns.familyId, columns.domain, columns.readingDate, columns.reading];
  for (let r = 0; r < 4; r++) role[at[r]!] = r;
  if (role.includes(-1)) return undefined;

  // Domains by first byte (each byte lists every domain starting with it).
  const domainBytes = STAR_DOMAINS.map((d) => Buffer.from(d, 'latin1'));
  const byFirst: number[][] = Array.from({ length: 256 }, () => []);
  domainBytes.forEach((d, i) => byFirst[d[0]!]!.push(i));
  const isEnd = (c: number | undefined) => c === COMMA || c === LF || c === CR;

  let family = -1;
  let domain = -1;
  let day = -1;
  let reading = 0;

  // Each field reader checks the field's bytes from `s` and returns where it ends (the
  // index of the comma or line end after it), or -1; it sets the field's value.
  const lastId = new Uint8Array(LAST_ID_BYTES);
  let lastLen = 0;
  let lastFamily = -1;
  const familyField = (b: Buffer, s: number, end: number): number => {
    const len = lastLen;
    if (len > 0 && s + len < end) {
      let k = 0;
      while (k < len && lastId[k] === b[s + k]) k++;
      if (k === len && isEnd(b[s + len])) {
        family = lastFamily;
        return s + len;
      }
    }
    let p = s;
    while (p < end) {
      const c = b[p]!;
      if (c === COMMA || c === LF || c === QUOTE || c === CR || c >= 128) break;
      p++;
    }
    if (p >= end || p === s) return -1;
    const f = familyIndex.get((b as LatinBuffer).latin1Slice(s, p));
    if (f === undefined) return -1;
    family = f;
    if (p - s <= LAST_ID_BYTES) {
      for (let k = s; k < p; k++) lastId[k - s] = b[k]!;
      lastLen = p - s;
      lastFamily = f;
    }
    return p;
  };
  const domainField = (b: Buffer, s: number, end: number): number => {
    if (s >= end) return -1;
    for (const i of byFirst[b[s]!]!) {
      const d = domainBytes[i]!;
      const len = d.length;
      if (s + len >= end) continue;
      let k = 1;
      while (k < len && d[k] === b[s + k]) k++;
      if (k === len && isEnd(b[s + len])) {
        domain = i;
        return s + len;
      }
    }
    return -1;
  };
  const dateField = (b: Buffer, s: number, end: number): number => {
    if (s + 10 >= end) return -1;
    day = isoDayAt(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!);
    return day < 0 ? -1 : s + 10;
  };
  const readingField = (b: Buffer, s: number, end: number): number => {
    if (s + 2 >= end) return -1;
    const d = b[s]! - 48;
    if (d < 1 || d > 9) return -1;
    if (d === 1 && b[s + 1] === 48) {
      reading = 10;
      return s + 2;
    }
    reading = d;
    return s + 1;
  };
  const fields = [familyField, domainField, dateField, readingField];
  const [f0, f1, f2, f3] = [0, 1, 2, 3].map((k) => fields[role[k]!]!) as [typeof familyField, typeof familyField, typeof familyField, typeof familyField];

  return function starRecord(b, start, end, line) {
    // Three fields each ended by a comma, the last by LF or CRLF.
    let e = f0(b, start, end);
    if (e < 0 || b[e] !== COMMA) return -1;
    e = f1(b, e + 1, end);
    if (e < 0 || b[e] !== COMMA) return -1;
    e = f2(b, e + 1, end);
    if (e < 0 || b[e] !== COMMA) return -1;
    e = f3(b, e + 1, end);
    if (e < 0) return -1;
    if (b[e] === CR) e++;
    if (e >= end || b[e] !== LF) return -1;
    take(family, domain, day, reading, line);
    return e;
  };
}
