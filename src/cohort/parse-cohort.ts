import { createHash } from 'node:crypto';
import type { Problem, RawTable } from '../io/parse-csv.js';
import { csvTextSource, rawTableSource, type TableSource } from '../io/table-source.js';
import { COHORT_FILES, type CohortFile, type WorkbenchConfig } from './config.js';
import { CONTRACT_COLUMNS, NEED_PREFIX, isNeedColumn } from './columns.js';
import { resolveConfig } from './resolve-config.js';
import {
  NEED_MISSING,
  type Child,
  type Cohort,
  type CohortSource,
  type Family,
  type Gender,
  type Outcome,
  type PlanStatus,
  type StarDomain,
  NO_DAY,
  STAR_DOMAINS,
} from './types.js';
import { PlanOutcomesBuilder, StarReadingsBuilder, widened } from './star-readings.js';
import { applyCodes, columnPositions, columnReaders, readCell, readRow, type CellError } from './column-readers.js';
import { planFastRow, starFastRow, tableFastRow, type FastColumn, type FastRow } from './fast-rows.js';
import { isBlank, isoDayNumber, parseYesNo, wholeYearsBetween } from './values.js';
import { dataQualitySummary, type DataQualitySummary, type TableBlanks } from './data-quality.js';
import { OUTCOME_MEASURE_IDS } from './catalogues.js';
import { compactStar, FirstLines, starDuplicates } from './repeats.js';

export interface CohortFileInput {
  /** File name, e.g. `families.csv` (or the sheet name for a workbook). */
  name: string;
  text: string;
  /** The file's bytes, for the input hash; defaults to the UTF-8 encoding of `text`. */
  bytes?: Uint8Array;
}

export interface ParseCohortOptions {
  /** Where the files came from (recorded in `cohort.source`). */
  path?: string;
  kind?: CohortSource['kind'];
  /** Hash inputs when `tables` are given directly (workbooks). */
  files?: CohortSource['files'];
}

export interface CohortReadResult {
  /** The cohort, or null when there is any error. */
  cohort: Cohort | null;
  /** Every error and warning, in file then line order. */
  problems: Problem[];
  /** Data-quality summary (null when the cohort could not be built). */
  summary: DataQualitySummary | null;
  config: WorkbenchConfig;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Combined hash of a cohort's files: SHA-256 over `name sha256\n` lines sorted by name. */
export function cohortHash(files: CohortSource['files']): string {
  const lines = files
    .slice()
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => `${f.name} ${f.sha256}\n`)
    .join('');
  return sha256Hex(lines);
}

/**
 * Parses and validates a cohort given as CSV texts (`families.csv`, `children.csv`,
 * `star.csv`, optional `plans.csv`). Every problem is listed, not only the first; the
 * cohort is null when any is an error. Pure: no file access. Cost: linear in the input.
 * @example parseCohortFiles([{ name: 'families.csv', text }, ...]).problems
 */
export function parseCohortFiles(
  files: CohortFileInput[],
  config?: Partial<WorkbenchConfig>,
  options: ParseCohortOptions = {},
): CohortReadResult {
  const problems: Problem[] = [];
  const sources: Partial<Record<CohortFile, TableSource>> = {};
  const hashes: CohortSource['files'] = [];
  for (const f of files) {
    const base = f.name.replace(/\.csv$/i, '') as CohortFile;
    if (!(COHORT_FILES as readonly string[]).includes(base)) {
      problems.push({ severity: 'warning', file: f.name, line: 1, column: '', message: 'not a cohort file: ignored' });
      continue;
    }
    const bytes = f.bytes ?? new TextEncoder().encode(f.text);
    hashes.push({ name: f.name, sha256: sha256Hex(bytes), bytes: bytes.length });
    sources[base] = csvTextSource(f.text, f.name);
  }
  return parseCohortSources(sources, config, { ...options, files: options.files ?? hashes }, problems);
}

/**
 * Validates raw tables (from a workbook, or CSV parsed whole) against the contract and
 * builds the cohort. `earlier` are problems already found while reading (kept, first).
 */
export function parseCohortTables(
  tables: Partial<Record<CohortFile, RawTable>>,
  configIn?: Partial<WorkbenchConfig>,
  options: ParseCohortOptions = {},
  earlier: Problem[] = [],
): CohortReadResult {
  const sources: Partial<Record<CohortFile, TableSource>> = {};
  for (const f of COHORT_FILES) {
    const t = tables[f];
    if (t) sources[f] = rawTableSource(t);
  }
  return parseCohortSources(sources, configIn, options, earlier);
}

interface MappedTable {
  source: TableSource;
  file: string;
  header: string[];
  headerLine: number;
  /** Contract (or need_/unknown) name → index in the row. */
  index: Map<string, number>;
  /** Contract name → heading as in the file, for messages. */
  heading: Map<string, string>;
  unknown: string[];
}

/** Fewest bytes of a star.csv row in the contract's spelling (id, shortest domain, date, reading, commas, newline). */
const STAR_ROW_MIN_BYTES = 30;

/** A shared empty `extra` for rows of tables without unknown columns (no object per row). */
const NO_EXTRA: Record<string, string | null> = Object.freeze({}) as Record<string, string | null>;

/**
 * Validates cohort tables, streamed from their sources, against the contract and builds
 * the cohort. Headers are read first (every structural problem is found before any row
 * is read); then each table is streamed once, in the order families, children, star,
 * plans, so no table is ever held whole: a million families read in bounded memory.
 * `earlier` are problems already found (kept). Pure: the sources do any reading.
 * A CSV source offers each record first to its table's fast path (`fast-rows.ts`), which
 * decodes a plain record straight from the bytes and leaves anything else (anything to
 * report included) to the general reader here; the result is the same either way.
 * Cost: linear in the cells (Star duplicates: O(readings · readings per family)).
 */
export function parseCohortSources(
  sources: Partial<Record<CohortFile, TableSource>>,
  configIn?: Partial<WorkbenchConfig>,
  options: ParseCohortOptions = {},
  earlier: Problem[] = [],
): CohortReadResult {
  const config = resolveConfig(configIn);
  const problems: Problem[] = [...earlier];
  const err = (file: string, line: number, column: string, message: string, value?: string) =>
    problems.push({ severity: 'error', file, line, column, message, ...(value === undefined ? {} : { value }) });
  const warn = (file: string, line: number, column: string, message: string, value?: string) =>
    problems.push({ severity: 'warning', file, line, column, message, ...(value === undefined ? {} : { value }) });

  // Headers first: read each source up to its header only.
  const headers: Partial<Record<CohortFile, { cells: string[]; line: number; problems: Problem[] }>> = {};
  for (const f of COHORT_FILES) {
    const source = sources[f];
    if (!source) continue;
    const found: Problem[] = [];
    let header: { cells: string[]; line: number } | null = null;
    source.read(
      {
        header: (cells, line) => {
          header = { cells: cells.slice(), line };
          return false;
        },
        row: () => {},
      },
      found,
    );
    for (const p of found) problems.push(p);
    if (header) headers[f] = { ...(header as { cells: string[]; line: number }), problems: found };
  }

  const isWorkbook = options.kind === 'xlsx';
  const fileName = (f: CohortFile) => sources[f]?.file ?? (isWorkbook ? (options.files?.[0]?.name ?? 'workbook') : `${f}.csv`);
  for (const f of ['families', 'children', 'star'] as const) {
    if (!headers[f] && !problems.some((p) => p.file === fileName(f) && p.severity === 'error' && p.line <= 1)) {
      err(fileName(f), 0, '', isWorkbook ? `the workbook has no sheet named "${f}" (required)` : `${f}.csv is missing (required)`);
    }
  }

  // Map headings onto contract names; check duplicates, required and unknown columns.
  const mapped: Partial<Record<CohortFile, MappedTable>> = {};
  for (const f of COHORT_FILES) {
    const source = sources[f];
    const h0 = headers[f];
    if (!source || !h0) continue;
    const file = source.file;
    const rename = config.columns[f] ?? {};
    const index = new Map<string, number>();
    const heading = new Map<string, string>();
    const unknown: string[] = [];
    const known = new Set(CONTRACT_COLUMNS[f].map((c) => c.name));
    h0.cells.forEach((h, i) => {
      const name = rename[h] ?? h;
      if (index.has(name)) {
        err(file, 1, h, `column named twice${name !== h ? ` (maps to ${name})` : ''}`);
        return;
      }
      index.set(name, i);
      heading.set(name, h);
      if (!known.has(name) && !(f === 'families' && isNeedColumn(name))) unknown.push(name);
    });
    for (const spec of CONTRACT_COLUMNS[f]) {
      if (spec.required && !index.has(spec.name)) err(file, 1, spec.name, 'required column is missing');
    }
    if (f === 'children' && !index.has('age_at_start') && !index.has('date_of_birth')) {
      err(file, 1, 'age_at_start', 'one of age_at_start or date_of_birth is required');
    }
    if (f === 'families' && ![...index.keys()].some(isNeedColumn)) {
      err(file, 1, 'need_*', 'at least one need indicator column (need_<id>) is required');
    }
    for (const u of unknown) warn(file, 1, heading.get(u) ?? u, 'unknown column: kept as text, not analysed');
    mapped[f] = { source, file, header: h0.cells, headerLine: h0.line, index, heading, unknown };
  }
  const structural = problems.some((p) => p.severity === 'error');
  if (structural || !mapped.families || !mapped.children || !mapped.star) {
    return { cohort: null, problems: sortProblems(problems), summary: null, config };
  }

  // Streams a table's rows, counting blank cells of every column on the way; reading
  // problems already reported with the header are not repeated.
  const blanks: TableBlanks[] = [];
  // `fastFor(count)` may give a fast path that takes plain records straight from the
  // bytes; it counts their blank cells in `count` itself.
  const stream = (m: MappedTable, visit: (row: string[], line: number) => void, fastFor?: (count: number[]) => FastRow | undefined): void => {
    const width = m.header.length;
    const count = new Array<number>(width).fill(0);
    const fast = fastFor?.(count);
    let rows = 0;
    const found: Problem[] = [];
    m.source.read(
      {
        header: () => {},
        row: function countBlanks(row, line) {
          rows++;
          for (let i = 0; i < width; i++) {
            const c = row[i]!;
            if (c.length === 0 || (c.charCodeAt(0) <= 32 && c.trim() === '')) count[i]!++;
          }
          visit(row, line);
        },
        ...(fast
          ? {
              fastRow: (bytes: Buffer, start: number, end: number, line: number) => {
                const lf = fast(bytes, start, end, line);
                if (lf >= 0) rows++;
                return lf;
              },
            }
          : {}),
      },
      found,
    );
    for (const p of found) if (p.line > m.headerLine) problems.push(p);
    blanks.push({ file: m.file, header: m.header, blanks: count, rows });
  };

  // Repeated text (dates, services, areas) is kept once: a million families share a few
  // thousand distinct dates.
  const interned = new Map<string, string>();
  const intern = <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const had = interned.get(s);
    if (had !== undefined) return had as T;
    interned.set(s, s);
    return s;
  };

  // Cell readers for one table: configured codes applied, parsed, errors recorded.
  const errorIn = (m: MappedTable): CellError => (line, column, message, value) => err(m.file, line, column, message, value);
  const readersOf = (f: CohortFile, m: MappedTable) => columnReaders(CONTRACT_COLUMNS[f], m.index, m.heading, config, intern);
  /** A cell with the column's configured codes applied ('' when the table lacks the column). */
  const codedCell = (m: MappedTable, row: string[], name: string): string => {
    const i = m.index.get(name);
    if (i === undefined) return '';
    const codes = config.codes[name];
    return codes ? applyCodes(codes, row[i]!) : row[i]!;
  };
  const rawCell = (row: string[], m: MappedTable, name: string) => row[m.index.get(name)!]!;
  const extraOf = (m: MappedTable, row: string[]): Record<string, string | null> => {
    if (m.unknown.length === 0) return NO_EXTRA;
    const extra: Record<string, string | null> = {};
    for (const u of m.unknown) {
      const c = row[m.index.get(u)!]!;
      extra[u] = isBlank(c) ? null : intern(c);
    }
    return extra;
  };

  // ---- families
  const fm = mapped.families;
  const fError = errorIn(fm);
  const needCols = [...fm.index.keys()].filter(isNeedColumn);
  const needIds = needCols.map((c) => c.slice(NEED_PREFIX.length));
  const needIdx = needCols.map((c) => fm.index.get(c)!);
  const J = needIds.length;
  // Need columns without configured codes are read directly.
  const needPlain = needCols.map((c) => !config.codes[c]);
  let needs = new Uint8Array(J * 1024);
  const families: Family[] = [];
  const familyIndex = new Map<string, number>();
  const familyLine: number[] = [];
  const rowIds: (string | null)[] = [];
  const fCols = readersOf('families', fm);
  const F = columnPositions(fCols, [
    'family_id', 'service', 'referral_date', 'start_date', 'end_date', 'outcome', 'closure_reason', 're_referred', 'social_care_before',
    'social_care_during', 'social_care_after', 'cp_plan_after', 'adults', 'female_adults', 'ethnicity', 'imd_decile', 'lsoa',
  ] as const);
  const fv: unknown[] = new Array<unknown>(fCols.length).fill(null);
  const rowNeeds = new Uint8Array(J);
  // Checks a family row read into fv and rowNeeds and adds it. Given no row (the fast
  // path), it adds only a row with nothing to report, and says whether it did.
  const addFamily = (line: number, row: string[] | null): boolean => {
    const r = families.length;
    const fid = fv[F.family_id] as string | null;
    const earlier = fid === null ? undefined : familyIndex.get(fid);
    if (earlier !== undefined) {
      if (!row) return false;
      err(fm.file, line, fm.heading.get('family_id')!, `duplicate family_id (first on line ${familyLine[earlier]})`, fid!);
    }
    const start = fv[F.start_date] as string | null;
    const end = fv[F.end_date] as string | null;
    if (start && end && end < start) {
      if (!row) return false;
      err(fm.file, line, fm.heading.get('end_date')!, `end_date is before start_date (${start})`, rawCell(row, fm, 'end_date'));
    }
    const referral = fv[F.referral_date] as string | null;
    if (referral && start && referral > start) {
      if (!row) return false;
      warn(fm.file, line, fm.heading.get('referral_date')!, `referral_date is after start_date (${start})`, rawCell(row, fm, 'referral_date'));
    }
    const adults = fv[F.adults] as number | null;
    const female = fv[F.female_adults] as number | null;
    if (adults !== null && female !== null && female > adults) {
      if (!row) return false;
      err(fm.file, line, fm.heading.get('female_adults')!, `female_adults is above adults (${adults})`, rawCell(row, fm, 'female_adults'));
    }
    if ((r + 1) * J > needs.length) needs = widened(needs, needs.length * 2);
    needs.set(rowNeeds, r * J);
    if (fid !== null && earlier === undefined) familyIndex.set(fid, r);
    rowIds.push(fid !== null && earlier === undefined ? fid : null);
    familyLine.push(line);
    families.push({
      familyId: fid ?? '',
      service: fv[F.service] as string | null,
      referralDate: referral,
      startDate: start ?? '',
      endDate: end,
      outcome: fv[F.outcome] as Outcome | null,
      closureReason: fv[F.closure_reason] as string | null,
      reReferred: fv[F.re_referred] as 0 | 1 | null,
      socialCareBefore: fv[F.social_care_before] as 0 | 1 | null,
      socialCareDuring: fv[F.social_care_during] as 0 | 1 | null,
      socialCareAfter: fv[F.social_care_after] as 0 | 1 | null,
      cpPlanAfter: fv[F.cp_plan_after] as 0 | 1 | null,
      adults,
      femaleAdults: female,
      ethnicity: fv[F.ethnicity] as string | null,
      imdDecile: fv[F.imd_decile] as number | null,
      lsoa: fv[F.lsoa] as string | null,
      extra: row ? extraOf(fm, row) : NO_EXTRA,
    });
    return true;
  };
  // Plain records (no unknown columns, no codes) are read from the bytes.
  const fastFamilies = (count: number[]): FastRow | undefined => {
    if (fm.unknown.length > 0 || fCols.some((c) => c.codes !== undefined) || !needPlain.every(Boolean)) return undefined;
    const layout: (FastColumn | undefined)[] = new Array<FastColumn | undefined>(fm.header.length);
    fCols.forEach((c, k) => {
      if (c.at >= 0) layout[c.at] = { spec: c.spec, slot: k };
    });
    needIdx.forEach((at, j) => (layout[at] = { need: j }));
    if (layout.includes(undefined) || layout.length !== fm.header.length) return undefined;
    return tableFastRow(layout as FastColumn[], fv, rowNeeds, count, intern, (line) => addFamily(line, null));
  };
  stream(fm, function familyRow(row, line) {
    readRow(fCols, row, line, fv, fError);
    for (let j = 0; j < J; j++) {
      const col = needCols[j]!;
      const cell = needPlain[j] ? row[needIdx[j]!]! : codedCell(fm, row, col);
      let val: number;
      // Need indicators are yes/no columns (contract): 1/0 and the yes/no spellings; blank is missing.
      if (cell === '1') val = 1;
      else if (cell === '0') val = 0;
      else {
        const p = parseYesNo(cell, config.yesValues, config.noValues);
        if (p.ok) val = p.value === null ? NEED_MISSING : p.value;
        else {
          err(fm.file, line, fm.heading.get(col)!, 'a need indicator must be 0/1 (or a yes/no spelling) or blank', row[needIdx[j]!]!);
          val = NEED_MISSING;
        }
      }
      rowNeeds[j] = val;
    }
    addFamily(line, row);
  }, fastFamilies);
  const nFam = families.length;
  needs = needs.slice(0, nFam * J);
  // familyIndex must point at row positions; duplicates keep the first.
  // A table's family_id lookup; rows of one family usually come together, so the last
  // id found is remembered.
  const familyLookup = (m: MappedTable) => {
    const at = m.index.get('family_id')!;
    const heading = m.heading.get('family_id')!;
    let lastRaw: string | null = null;
    let lastFound = -1;
    return (row: string[], line: number): number | null => {
      const raw = row[at]!;
      if (raw === lastRaw) return lastFound;
      const cell = raw.trim();
      if (cell === '') return null; // reported as a missing required value
      const f = familyIndex.get(cell);
      if (f === undefined) {
        err(m.file, line, heading, 'family_id not found in families', cell);
        return null;
      }
      lastRaw = raw;
      lastFound = f;
      return f;
    };
  };

  // ---- children
  const cm = mapped.children;
  const cError = errorIn(cm);
  const children: Child[] = [];
  const cCols = readersOf('children', cm);
  const C = columnPositions(cCols, ['child_id', 'family_id', 'age_at_start', 'date_of_birth', 'gender', 'outcome'] as const);
  const cv: unknown[] = new Array<unknown>(cCols.length).fill(null);
  const childFamily = familyLookup(cm);
  const childIds = new FirstLines();
  const pushChild = (cid: string, fi: number, age: number | null, dob: string | null, extra: Record<string, string | null>) =>
    children.push({
      childId: cid,
      familyId: families[fi]!.familyId,
      familyIndex: fi,
      ageAtStart: age,
      dateOfBirth: dob,
      gender: cv[C.gender] as Gender | null,
      outcome: cv[C.outcome] as Outcome | null,
      extra,
    });
  // Plain records (no unknown columns, no codes) are read from the bytes; a record with
  // anything to report goes the general way.
  const fastChildren = (count: number[]): FastRow | undefined => {
    if (cm.unknown.length > 0 || cCols.some((c) => c.codes !== undefined)) return undefined;
    const layout: (FastColumn | undefined)[] = new Array<FastColumn | undefined>(cm.header.length);
    cCols.forEach((c, k) => {
      if (c.at >= 0) layout[c.at] = k === C.family_id ? { family: { index: familyIndex, rowIds }, slot: k } : { spec: c.spec, slot: k };
    });
    if (layout.includes(undefined) || layout.length !== cm.header.length) return undefined;
    return tableFastRow(layout as FastColumn[], cv, new Uint8Array(0), count, intern, (line) => {
      const fi = cv[C.family_id] as number;
      const dob = cv[C.date_of_birth] as string | null;
      let age = cv[C.age_at_start] as number | null;
      if (dob !== null && families[fi]!.startDate !== '') {
        const derived = wholeYearsBetween(dob, families[fi]!.startDate);
        if (derived < 0 || derived > 25 || (age !== null && age !== derived)) return false;
        age = derived;
      }
      const cid = cv[C.child_id] as string;
      // Only a new id is recorded, so a repeat declined here is found again the general way.
      if (childIds.add(cid, line) !== line) return false;
      pushChild(cid, fi, age, dob, NO_EXTRA);
      return true;
    });
  };
  stream(cm, function childRow(row, line) {
    readRow(cCols, row, line, cv, cError);
    const cid = cv[C.child_id] as string | null;
    if (cid !== null) {
      const first = childIds.add(cid, line);
      if (first !== line) err(cm.file, line, cm.heading.get('child_id')!, `duplicate child_id (first on line ${first})`, cid);
    }
    const fi = childFamily(row, line);
    let age = cv[C.age_at_start] as number | null;
    const dob = cv[C.date_of_birth] as string | null;
    if (dob !== null && fi !== null && families[fi]!.startDate !== '') {
      const derived = wholeYearsBetween(dob, families[fi]!.startDate);
      if (derived < 0 || derived > 25) {
        err(cm.file, line, cm.heading.get('date_of_birth')!, `age at the family's start_date would be ${derived}: outside 0–25`, rawCell(row, cm, 'date_of_birth'));
      } else if (age !== null && age !== derived) {
        err(cm.file, line, cm.heading.get('age_at_start')!, `age_at_start disagrees with date_of_birth (which gives ${derived})`, rawCell(row, cm, 'age_at_start'));
      } else age = derived;
    }
    const extra = extraOf(cm, row);
    if (fi !== null && cid !== null) pushChild(cid, fi, age, dob, extra);
  }, fastChildren);

  // ---- star
  const sm = mapped.star;
  const sError = errorIn(sm);
  // Columns sized from the file when its size is known: a contract star row takes at least
  // STAR_ROW_MIN_BYTES, so no growing (and copying) of 20 million readings' columns.
  const starCapacity = sm.source.bytes ? Math.ceil(sm.source.bytes / STAR_ROW_MIN_BYTES) : nFam * 8;
  const starBuilder = new StarReadingsBuilder(starCapacity);
  let starLines = new Int32Array(Math.max(1024, starCapacity));
  const sCols = readersOf('star', sm);
  const S = columnPositions(sCols, ['family_id', 'domain', 'reading_date'] as const);
  const [familyCol, domainCol, dateCol] = [sCols[S.family_id]!, sCols[S.domain]!, sCols[S.reading_date]!];
  const starFamily = familyLookup(sm);
  const domainIndex = new Map<string, number>(STAR_DOMAINS.map((d, i) => [d, i]));
  const plainCodes = !config.codes.domain && !config.codes.reading_date && !config.codes.reading && !config.codes.family_id;
  const keepReading = (fi: number, domainIdx: number, day: number, reading: number, line: number) => {
    const k = starBuilder.length;
    if (k === starLines.length) starLines = widened(starLines, k * 2);
    starLines[k] = line;
    starBuilder.push(fi, domainIdx, day, reading);
  };
  // Plain records are read from the bytes (CSV files only); the rest as cells, below.
  const fastStar = () => (plainCodes ? starFastRow({ index: sm.index, width: sm.header.length }, { index: familyIndex, rowIds }, keepReading) : undefined);
  stream(sm, function starRow(row, line) {
    // A blank family_id is reported by readCell (the lookup leaves it to the required-value check).
    readCell(familyCol, row, line, sError);
    const domain = readCell(domainCol, row, line, sError) as StarDomain | null;
    const date = readCell(dateCol, row, line, sError) as string | null;
    const cell = codedCell(sm, row, 'reading').trim();
    let reading: number | null = null;
    if (cell === '') err(sm.file, line, sm.heading.get('reading')!, 'required value is missing');
    else if (!/^[+-]?\d+$/.test(cell)) err(sm.file, line, sm.heading.get('reading')!, 'a reading must be a whole number from 1 to 10', rawCell(row, sm, 'reading'));
    else {
      const n = Number(cell);
      if (n < 1 || n > 10) err(sm.file, line, sm.heading.get('reading')!, 'a reading must be a whole number from 1 to 10', rawCell(row, sm, 'reading'));
      else reading = n;
    }
    const fi = starFamily(row, line);
    if (fi === null || domain === null || date === null || reading === null) return;
    keepReading(fi, domainIndex.get(domain)!, isoDay(date), reading, line);
  }, fastStar);
  const allStar = starBuilder.finish();
  const keep = starDuplicates(allStar, starLines, nFam, (line, first, firstReading, reading) => {
    if (firstReading !== reading) {
      err(sm.file, line, sm.heading.get('reading')!, `a different reading of the same family, domain and date is on line ${first} (${firstReading})`, String(reading));
    } else {
      warn(sm.file, line, sm.heading.get('reading')!, `duplicate of line ${first} (same family, domain, date and reading): counted once`);
    }
  });
  starLines = new Int32Array(0);
  const star = keep === null ? allStar : compactStar(allStar, keep);
  const hasReading = new Uint8Array(nFam);
  for (let i = 0; i < star.length; i++) hasReading[star.familyIndex[i]!] = 1;
  for (let f = 0; f < nFam; f++) {
    if (!hasReading[f] && families[f]!.familyId !== '') {
      warn(fm.file, familyLine[f]!, fm.heading.get('family_id')!, 'family has no Family Star readings: left out of the progress analysis');
    }
  }

  // ---- plans (optional)
  let plans: PlanOutcomesBuilder | null = null;
  const pm = mapped.plans;
  if (pm) {
    const planRows = new PlanOutcomesBuilder();
    plans = planRows;
    const pError = errorIn(pm);
    const catalogue = new Set(config.outcomeMeasureIds ?? OUTCOME_MEASURE_IDS);
    const pCols = readersOf('plans', pm);
    const P = columnPositions(pCols, ['outcome', 'status', 'identified_date', 'achieved_date'] as const);
    const pv: unknown[] = new Array<unknown>(pCols.length);
    const planFamily = familyLookup(pm);
    const plainPlanCodes = ['family_id', 'outcome', 'identified_date', 'status', 'achieved_date'].every((c) => !config.codes[c]);
    const fastPlans = (count: number[]) =>
      plainPlanCodes
        ? planFastRow({ index: pm.index, width: pm.header.length }, { index: familyIndex, rowIds }, [...catalogue], count, (fi, outcome, identifiedDay, status, achievedDay) =>
            planRows.push(fi, outcome, identifiedDay, status, achievedDay),
          )
        : undefined;
    stream(pm, function planRow(row, line) {
      readRow(pCols, row, line, pv, pError);
      const outcome = pv[P.outcome] as string | null;
      if (outcome !== null && !catalogue.has(outcome)) err(pm.file, line, pm.heading.get('outcome')!, 'outcome is not in the outcome-measure catalogue in use', outcome);
      const status = pv[P.status] as PlanStatus | null;
      const identified = pv[P.identified_date] as string | null;
      const achieved = pv[P.achieved_date] as string | null;
      const achievedCell = codedCell(pm, row, 'achieved_date');
      if (status === 'achieved' && achieved === null && isBlank(achievedCell)) {
        err(pm.file, line, pm.heading.get('achieved_date') ?? 'achieved_date', 'achieved_date is required when status is achieved');
      }
      if (achieved && identified && achieved < identified) err(pm.file, line, pm.heading.get('achieved_date')!, `achieved_date is before identified_date (${identified})`, rawCell(row, pm, 'achieved_date'));
      const fi = planFamily(row, line);
      if (fi === null || outcome === null || status === null || identified === null || !catalogue.has(outcome)) return;
      planRows.push(fi, outcome, isoDay(identified), status, achieved === null ? NO_DAY : isoDay(achieved));
    }, fastPlans);
  }

  const sorted = sortProblems(problems);
  const files = options.files ?? [];
  const source: CohortSource = {
    path: options.path ?? '(memory)',
    kind: options.kind ?? 'memory',
    sha256: cohortHash(files),
    files,
  };
  if (sorted.some((p) => p.severity === 'error')) return { cohort: null, problems: sorted, summary: null, config };
  const cohort: Cohort = { families, needIds, needs, children, star, plans: plans ? plans.finish() : null, familyIndex, source };
  return { cohort, problems: sorted, summary: dataQualitySummary(cohort, blanks, sorted), config };
}

/** Day number of a date parseDate accepted (so a real ISO date in 1900–2100). */
function isoDay(iso: string): number {
  const d = isoDayNumber(iso);
  if (d < 0) throw new Error('isoDay requires a date that parseDate accepted');
  return d;
}

const FILE_ORDER = (file: string) => {
  const i = COHORT_FILES.findIndex((f) => file.startsWith(f));
  return i === -1 ? 99 : i;
};

function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => FILE_ORDER(a.p.file) - FILE_ORDER(b.p.file) || a.p.line - b.p.line || a.i - b.i)
    .map((x) => x.p);
}
