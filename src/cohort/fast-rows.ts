import type { ColumnSpec } from './columns.js';
import type { Intern } from './column-readers.js';
import type { FastBuffer } from '../io/csv-stream.js';
import { NEED_MISSING, NO_DAY, PLAN_STATUSES, STAR_DOMAINS } from './types.js';
import { isoDayAt } from './values.js';

/**
 * A fast path for the records of one table (see `CsvRowHandler.fastRow`): takes a plain
 * record straight from the bytes and returns the index of the line feed ending it, or -1.
 */
export type FastRow = (bytes: Buffer, start: number, end: number, line: number) => number;

/** Reads one field from `b[s]`: returns the index just after it (where a comma or line end must stand), or -1. */
type FieldReader = (b: Buffer, s: number, end: number) => number;

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/** Longest family id remembered as bytes (longer ones are looked up on every row). */
const LAST_ID_BYTES = 64;

const isEnd = (c: number | undefined) => c === COMMA || c === LF || c === CR;

/** True when `word` can stand unquoted as a whole field: printable ASCII without spaces, commas or quotes. */
const plainWord = (word: string) => /^[\x21\x23-\x2b\x2d-\x7e]+$/.test(word);

/**
 * Matches a field against a list of words (exactly, as bytes), for enums and catalogues.
 * Words that could not stand unquoted are left out (their cells go the general way).
 * `read` returns the field's end and `found()` the index of the word that matched.
 */
function wordMatcher(words: readonly string[]): { read: FieldReader; found: () => number } {
  const bytes = words.map((w) => (plainWord(w) ? Buffer.from(w, 'latin1') : null));
  const byFirst: number[][] = Array.from({ length: 128 }, () => []);
  bytes.forEach((w, i) => {
    if (w) byFirst[w[0]!]!.push(i);
  });
  let found = -1;
  const read: FieldReader = (b, s, end) => {
    if (s >= end) return -1;
    const first = b[s]!;
    if (first >= 128) return -1;
    for (const i of byFirst[first]!) {
      const w = bytes[i]!;
      const len = w.length;
      if (s + len >= end) continue;
      let k = 1;
      while (k < len && w[k] === b[s + k]) k++;
      if (k === len && isEnd(b[s + len])) {
        found = i;
        return s + len;
      }
    }
    return -1;
  };
  return { read, found: () => found };
}

/**
 * The families' ids for looking up family_id fields: `index` maps an id to its row, and
 * `rowIds[r]` is row r's id when r is that id's row (null for blank and repeated ids).
 */
export interface FamilyIds {
  index: ReadonlyMap<string, number>;
  rowIds: readonly (string | null)[];
}

/**
 * Reads a family_id field as written (ASCII, no quotes or spaces) and finds its row.
 * Rows of one family usually come together, and families in the order of families.csv,
 * so the last id is remembered as bytes, and a new one is first compared with the next
 * family's id before it is looked up. `found()` is the family's row.
 */
function familyMatcher(ids: FamilyIds): { read: FieldReader; found: () => number } {
  const { index: familyIndex, rowIds } = ids;
  const lastId = new Uint8Array(LAST_ID_BYTES);
  let lastLen = 0;
  let lastFamily = -1;
  let family = -1;
  const read: FieldReader = (b, s, end) => {
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
      if (c === COMMA || c === LF || c === QUOTE || c === CR || c <= 0x20 || c >= 128) break;
      p++;
    }
    if (p >= end || p === s) return -1;
    let f: number | undefined = lastFamily + 1;
    const next = rowIds[f];
    let same = next !== undefined && next !== null && next.length === p - s;
    for (let k = 0; same && k < p - s; k++) same = next!.charCodeAt(k) === b[s + k];
    if (!same) {
      f = familyIndex.get((b as FastBuffer).latin1Slice(s, p));
      if (f === undefined) return -1;
    }
    family = f;
    if (p - s <= LAST_ID_BYTES) {
      for (let k = s; k < p; k++) lastId[k - s] = b[k]!;
      lastLen = p - s;
      lastFamily = f;
    }
    return p;
  };
  return { read, found: () => family };
}

/** Reads a real ISO date `YYYY-MM-DD`; `found()` is its day number. */
function dateMatcher(): { read: FieldReader; found: () => number } {
  let day = -1;
  const read: FieldReader = (b, s, end) => {
    if (s + 10 >= end) return -1;
    day = isoDayAt(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!);
    return day < 0 ? -1 : s + 10;
  };
  return { read, found: () => day };
}

/**
 * A record reader over `fields` (one reader per column, in the file's order): every field
 * must be read by its reader and end with a comma (the last with LF or CRLF); a field
 * whose column is `optional` may instead be empty (`blank[k]` tells which were). Then
 * `take(line)` decides (false: the record goes the general way, which words the problem).
 */
function recordReader(fields: readonly FieldReader[], optional: readonly boolean[], blank: Uint8Array, take: (line: number) => boolean): FastRow {
  const width = fields.length;
  return function fastRecord(b, start, end, line) {
    let p = start;
    for (let k = 0; k < width; k++) {
      let e: number;
      if (optional[k] && p < end && isEnd(b[p])) {
        blank[k] = 1;
        e = p;
      } else {
        blank[k] = 0;
        e = fields[k]!(b, p, end);
        if (e < 0) return -1;
      }
      if (e >= end) return -1;
      if (k < width - 1) {
        if (b[e] !== COMMA) return -1;
        p = e + 1;
      } else {
        if (b[e] === CR) e++;
        if (e >= end || b[e] !== LF) return -1;
        p = e;
      }
    }
    return take(line) ? p : -1;
  };
}

/** Positions of columns in a header (contract name → index) and the header's width. */
export interface ColumnPositions {
  index: ReadonlyMap<string, number>;
  width: number;
}

/** The column readers in the file's order, or null when the header is not exactly `names` (in any order). */
function inFileOrder<T>(columns: ColumnPositions, byName: Record<string, T>): T[] | null {
  const names = Object.keys(byName);
  if (columns.width !== names.length) return null;
  const out: (T | undefined)[] = new Array<T | undefined>(names.length);
  for (const name of names) {
    const i = columns.index.get(name);
    if (i === undefined || i >= names.length || out[i] !== undefined) return null;
    out[i] = byName[name];
  }
  return out as T[];
}

/** Takes one valid Family Star reading (family row, domain index, day number, reading 1–10) and its line. */
export type TakeStarReading = (familyIndex: number, domain: number, day: number, reading: number, line: number) => void;

/**
 * The fast path for star.csv: a record of exactly the four contract columns (any order),
 * without quotes, spaces or codes, whose family_id is a known family as written, domain
 * one of the ten, reading_date a real ISO date and reading `1`…`10`, goes to `take`;
 * anything else is left to the general reader. Undefined when the table has other
 * columns. Cost: one pass over the record's bytes; a string only for a new family id.
 * @example starFastRow({ index, width: 4 }, { index: familyIndex, rowIds }, (f, d, day, r, line) => ...)
 */
export function starFastRow(columns: ColumnPositions, families: FamilyIds, take: TakeStarReading): FastRow | undefined {
  const family = familyMatcher(families);
  const domain = wordMatcher(STAR_DOMAINS);
  const date = dateMatcher();
  let reading = 0;
  const readingField: FieldReader = (b, s, end) => {
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
  const fields = inFileOrder(columns, { family_id: family.read, domain: domain.read, reading_date: date.read, reading: readingField });
  if (!fields) return undefined;
  return recordReader(fields, [false, false, false, false], new Uint8Array(4), (line) => {
    take(family.found(), domain.found(), date.found(), reading, line);
    return true;
  });
}

/** Takes one valid outcome-plan row (family row, outcome id, identified day, status, achieved day or NO_DAY) and its line. */
export type TakePlanRow = (familyIndex: number, outcome: string, identifiedDay: number, status: (typeof PLAN_STATUSES)[number], achievedDay: number, line: number) => void;

/**
 * The fast path for plans.csv: a record of exactly the five contract columns (any
 * order), without quotes, spaces or codes, whose family_id is a known family as written,
 * outcome an id of `catalogue`, identified_date a real ISO date, status one of the four,
 * and achieved_date blank or a real ISO date not before identified_date (and present when
 * the status is achieved), goes to `take`; `blanks` counts its blank cells by column
 * (only achieved_date may be blank). Anything else is left to the general reader.
 * Undefined when the table has other columns.
 * @example planFastRow({ index, width: 5 }, { index: familyIndex, rowIds }, catalogue, blanks, take)
 */
export function planFastRow(
  columns: ColumnPositions,
  families: FamilyIds,
  catalogue: readonly string[],
  blanks: number[],
  take: TakePlanRow,
): FastRow | undefined {
  const family = familyMatcher(families);
  const outcome = wordMatcher(catalogue);
  const identified = dateMatcher();
  const status = wordMatcher(PLAN_STATUSES);
  const achieved = dateMatcher();
  const fields = inFileOrder(columns, {
    family_id: family.read,
    outcome: outcome.read,
    identified_date: identified.read,
    status: status.read,
    achieved_date: achieved.read,
  });
  if (!fields) return undefined;
  const achievedAt = columns.index.get('achieved_date')!;
  const optional = fields.map((_, k) => k === achievedAt);
  const blank = new Uint8Array(fields.length);
  const achievedStatus = PLAN_STATUSES.indexOf('achieved');
  return recordReader(fields, optional, blank, (line) => {
    const s = status.found();
    const from = identified.found();
    let to = NO_DAY;
    if (blank[achievedAt]) {
      if (s === achievedStatus) return false;
    } else {
      to = achieved.found();
      if (to < from) return false;
    }
    if (blank[achievedAt]) blanks[achievedAt]!++;
    take(family.found(), catalogue[outcome.found()]!, from, PLAN_STATUSES[s]!, to, line);
    return true;
  });
}

/**
 * A column of a table read by {@link tableFastRow}: a contract column into `values[slot]`,
 * a need indicator into `needs[need]`, or a family_id whose family's row goes into `values[slot]`.
 */
export type FastColumn = { spec: ColumnSpec; slot: number } | { need: number } | { family: FamilyIds; slot: number };

/** Distinct short text cells kept per column (by a hash of their bytes). */
const TEXT_CACHE_SLOTS = 1024;
const TEXT_CACHE_BYTES = 32;

/**
 * Reads a text-like field: printable ASCII (spaces inside only), no comma or quote.
 * Returns its end, or -1 (also when it is empty or starts or ends with a space).
 */
function plainFieldEnd(b: Buffer, s: number, end: number, spaces: boolean): number {
  let p = s;
  while (p < end) {
    const c = b[p]!;
    if (c === COMMA || c === QUOTE || c >= 127 || (c <= 0x20 && !(spaces && c === 0x20))) break;
    p++;
  }
  if (p === s || p >= end || b[p - 1] === 0x20 || b[s] === 0x20) return -1;
  return p;
}

/**
 * Strings for short text cells, reused when the same bytes come again (a few services,
 * ethnicities and areas among a million families), interned through `intern`.
 */
function textCache(intern: Intern): (b: Buffer, s: number, e: number) => string {
  const strings: string[] = new Array<string>(TEXT_CACHE_SLOTS).fill('');
  const bytes = new Uint8Array(TEXT_CACHE_SLOTS * TEXT_CACHE_BYTES);
  const lengths = new Uint8Array(TEXT_CACHE_SLOTS);
  return (b, s, e) => {
    const len = e - s;
    if (len > TEXT_CACHE_BYTES) return intern((b as FastBuffer).latin1Slice(s, e));
    let hash = 0;
    for (let k = s; k < e; k++) hash = (hash * 31 + b[k]!) | 0;
    const slot = (hash ^ (hash >>> 10)) & (TEXT_CACHE_SLOTS - 1);
    const at = slot * TEXT_CACHE_BYTES;
    let same = lengths[slot] === len;
    for (let k = 0; same && k < len; k++) same = bytes[at + k] === b[s + k];
    if (same) return strings[slot]!;
    const str = intern((b as FastBuffer).latin1Slice(s, e));
    strings[slot] = str;
    lengths[slot] = len;
    for (let k = 0; k < len; k++) bytes[at + k] = b[s + k]!;
    return str;
  };
}

/** A reader of one typed field into `values[slot]` (the value the column readers give for a plain cell). */
function typedField(spec: ColumnSpec, values: unknown[], slot: number, intern: Intern): FieldReader {
  const t = spec.type;
  switch (t.kind) {
    case 'id':
      return (b, s, end) => {
        const e = plainFieldEnd(b, s, end, false);
        if (e >= 0) values[slot] = (b as FastBuffer).latin1Slice(s, e);
        return e;
      };
    case 'text': {
      const text = textCache(intern);
      return (b, s, end) => {
        const e = plainFieldEnd(b, s, end, true);
        if (e >= 0) values[slot] = text(b, s, e);
        return e;
      };
    }
    case 'date': {
      // One string a day: ISO text of each day number met.
      const byDay = new Map<number, string>();
      const date = dateMatcher();
      return (b, s, end) => {
        const e = date.read(b, s, end);
        if (e < 0) return -1;
        const day = date.found();
        let iso = byDay.get(day);
        if (iso === undefined) byDay.set(day, (iso = intern((b as FastBuffer).latin1Slice(s, e))));
        values[slot] = iso;
        return e;
      };
    }
    case 'yesno':
      return (b, s, end) => {
        const c = b[s]! - 48;
        if (s + 1 >= end || (c !== 0 && c !== 1)) return -1;
        values[slot] = c;
        return s + 1;
      };
    case 'whole': {
      const { min, max } = t;
      return (b, s, end) => {
        let v = 0;
        let p = s;
        while (p < end && p - s < 9) {
          const d = b[p]! - 48;
          if (d < 0 || d > 9) break;
          v = v * 10 + d;
          p++;
        }
        if (p === s || p >= end || v < min || v > max) return -1;
        values[slot] = v;
        return p;
      };
    }
    case 'enum': {
      const words = wordMatcher(t.values.map((v) => (v === v.trim().toLowerCase() ? v : '')));
      return (b, s, end) => {
        const e = words.read(b, s, end);
        if (e >= 0) values[slot] = t.values[words.found()];
        return e;
      };
    }
  }
}

/**
 * A fast path for a table read column by column from the bytes: `layout` says what each
 * column of the file is, in order. A record whose every cell is plain (as the contract
 * spells it: see `typedField`) or blank where the column is optional is decoded into
 * `values` (contract columns; blank is null) and `needs` (need indicators 0/1, blank
 * `NEED_MISSING`); then `take(line)` decides, and only when it takes the record are its
 * blank cells counted in `blanks`. Anything else goes the general way.
 * @example tableFastRow([{ spec, slot: 0 }, { need: 0 }], values, needs, blanks, intern, (line) => true)
 */
export function tableFastRow(layout: readonly FastColumn[], values: unknown[], needs: Uint8Array, blanks: number[], intern: Intern, take: (line: number) => boolean): FastRow {
  const fields = layout.map((c): FieldReader => {
    if ('spec' in c) return typedField(c.spec, values, c.slot, intern);
    if ('family' in c) {
      const family = familyMatcher(c.family);
      const slot = c.slot;
      return (b, s, end) => {
        const e = family.read(b, s, end);
        if (e >= 0) values[slot] = family.found();
        return e;
      };
    }
    const j = c.need;
    return (b, s, end) => {
      const v = b[s]! - 48;
      if (s + 1 >= end || (v !== 0 && v !== 1)) return -1;
      needs[j] = v;
      return s + 1;
    };
  });
  const optional = layout.map((c) => 'need' in c || ('spec' in c && !c.spec.required));
  const blank = new Uint8Array(layout.length);
  const whenBlank = layout.map((c) => ('need' in c ? () => (needs[c.need] = NEED_MISSING) : () => (values[c.slot] = null)));
  const width = layout.length;
  return recordReader(fields, optional, blank, (line) => {
    for (let k = 0; k < width; k++) if (blank[k]) whenBlank[k]!();
    if (!take(line)) return false;
    for (let k = 0; k < width; k++) if (blank[k]) blanks[k]!++;
    return true;
  });
}
