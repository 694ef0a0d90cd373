import { createHash } from 'node:crypto';
import { parseCsv, type Problem, type RawTable } from '../io/parse-csv.js';
import { COHORT_FILES, type CohortFile, type WorkbenchConfig } from './config.js';
import { CONTRACT_COLUMNS, NEED_PREFIX, type ColumnSpec } from './columns.js';
import { resolveConfig } from './resolve-config.js';
import {
  NEED_MISSING,
  type Child,
  type Cohort,
  type CohortSource,
  type Family,
  type Gender,
  type Outcome,
  type PlanOutcome,
  type PlanStatus,
  type StarDomain,
  type StarReading,
  STAR_DOMAINS,
} from './types.js';
import { dayNumber, fastReading, isBlank, isoDayNumber, parseDate, parseEnum, parseWhole, parseYesNo, wholeYearsBetween, type Parsed } from './values.js';
import { dataQualitySummary, type DataQualitySummary } from './data-quality.js';
import { OUTCOME_MEASURE_IDS } from './catalogues.js';

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
  const tables: Partial<Record<CohortFile, RawTable>> = {};
  const hashes: CohortSource['files'] = [];
  for (const f of files) {
    const base = f.name.replace(/\.csv$/i, '') as CohortFile;
    if (!(COHORT_FILES as readonly string[]).includes(base)) {
      problems.push({ severity: 'warning', file: f.name, line: 1, column: '', message: 'not a cohort file: ignored' });
      continue;
    }
    const bytes = f.bytes ?? new TextEncoder().encode(f.text);
    hashes.push({ name: f.name, sha256: sha256Hex(bytes), bytes: bytes.length });
    const parsed = parseCsv(f.text, f.name);
    problems.push(...parsed.problems);
    if (parsed.table) tables[base] = parsed.table;
  }
  return parseCohortTables(tables, config, { ...options, files: options.files ?? hashes }, problems);
}

interface MappedTable {
  table: RawTable;
  /** Contract (or need_/unknown) name → index in the row. */
  index: Map<string, number>;
  /** Contract name → heading as in the file, for messages. */
  heading: Map<string, string>;
  unknown: string[];
}

/**
 * Validates raw tables (from CSV or a workbook) against the contract and builds the
 * cohort. `earlier` are problems already found while reading (kept, first).
 */
export function parseCohortTables(
  tables: Partial<Record<CohortFile, RawTable>>,
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

  const isWorkbook = options.kind === 'xlsx';
  const fileName = (f: CohortFile) => tables[f]?.file ?? (isWorkbook ? (options.files?.[0]?.name ?? 'workbook') : `${f}.csv`);
  for (const f of ['families', 'children', 'star'] as const) {
    if (!tables[f] && !problems.some((p) => p.file === fileName(f) && p.severity === 'error' && p.line <= 1)) {
      err(fileName(f), 0, '', isWorkbook ? `the workbook has no sheet named "${f}" (required)` : `${f}.csv is missing (required)`);
    }
  }

  // Map headings onto contract names; check duplicates, required and unknown columns.
  const mapped: Partial<Record<CohortFile, MappedTable>> = {};
  for (const f of COHORT_FILES) {
    const table = tables[f];
    if (!table) continue;
    const rename = config.columns[f] ?? {};
    const index = new Map<string, number>();
    const heading = new Map<string, string>();
    const unknown: string[] = [];
    const known = new Set(CONTRACT_COLUMNS[f].map((c) => c.name));
    table.header.forEach((h, i) => {
      const name = rename[h] ?? h;
      if (index.has(name)) {
        err(table.file, 1, h, `column named twice${name !== h ? ` (maps to ${name})` : ''}`);
        return;
      }
      index.set(name, i);
      heading.set(name, h);
      if (!known.has(name) && !(f === 'families' && name.startsWith(NEED_PREFIX))) unknown.push(name);
    });
    for (const spec of CONTRACT_COLUMNS[f]) {
      if (spec.required && !index.has(spec.name)) err(table.file, 1, spec.name, 'required column is missing');
    }
    if (f === 'children' && !index.has('age_at_start') && !index.has('date_of_birth')) {
      err(table.file, 1, 'age_at_start', 'one of age_at_start or date_of_birth is required');
    }
    if (f === 'families' && ![...index.keys()].some((k) => k.startsWith(NEED_PREFIX) && k.length > NEED_PREFIX.length)) {
      err(table.file, 1, 'need_*', 'at least one need indicator column (need_<id>) is required');
    }
    for (const u of unknown) warn(table.file, 1, heading.get(u) ?? u, 'unknown column: kept as text, not analysed');
    mapped[f] = { table, index, heading, unknown };
  }
  const structural = problems.some((p) => p.severity === 'error');
  if (structural || !mapped.families || !mapped.children || !mapped.star) {
    return { cohort: null, problems: sortProblems(problems), summary: null, config };
  }

  // A cell reader for one table: applies configured codes, parses, and records errors.
  const reader = (m: MappedTable) => {
    const get = (row: string[], name: string): string => {
      const i = m.index.get(name);
      if (i === undefined) return '';
      const raw = row[i]!;
      const codes = config.codes[name];
      if (codes) {
        const t = raw.trim();
        if (t in codes) return codes[t]!;
        const lower = t.toLowerCase();
        for (const k of Object.keys(codes)) if (k.toLowerCase() === lower) return codes[k]!;
      }
      return raw;
    };
    const parse = <T>(row: string[], line: number, spec: ColumnSpec, p: (cell: string) => Parsed<T>): T | null => {
      const cell = get(row, spec.name);
      if (spec.required && isBlank(cell)) {
        if (m.index.has(spec.name)) err(m.table.file, line, m.heading.get(spec.name)!, 'required value is missing');
        return null;
      }
      const r = p(cell);
      if (!r.ok) {
        err(m.table.file, line, m.heading.get(spec.name)!, r.message, rawCell(row, m, spec.name));
        return null;
      }
      return r.value;
    };
    return { get, parse };
  };
  const rawCell = (row: string[], m: MappedTable, name: string) => row[m.index.get(name)!]!;
  const spec = (f: CohortFile, name: string) => CONTRACT_COLUMNS[f].find((c) => c.name === name)!;
  const typed = (f: CohortFile, name: string) => {
    const s = spec(f, name);
    const t = s.type;
    return (cell: string): Parsed<unknown> => {
      switch (t.kind) {
        case 'id':
        case 'text':
          return { ok: true, value: isBlank(cell) ? null : cell.trim() };
        case 'date':
          return parseDate(cell, config.dateFormat);
        case 'yesno':
          return parseYesNo(cell, config.yesValues, config.noValues);
        case 'whole':
          return parseWhole(cell, t.min, t.max);
        case 'enum':
          return parseEnum(cell, t.values);
      }
    };
  };

  const parsersOf = (f: CohortFile) => CONTRACT_COLUMNS[f].map((c) => ({ spec: c, parse: typed(f, c.name) }));

  // ---- families
  const fm = mapped.families;
  const fr = reader(fm);
  const needCols = [...fm.index.keys()].filter((k) => k.startsWith(NEED_PREFIX) && k.length > NEED_PREFIX.length);
  const needIds = needCols.map((c) => c.slice(NEED_PREFIX.length));
  const needIdx = needCols.map((c) => fm.index.get(c)!);
  const nFam = fm.table.rows.length;
  const needs = new Uint8Array(nFam * needIds.length);
  const families: Family[] = [];
  const familyIndex = new Map<string, number>();
  const familyLine: number[] = [];
  const fParsers = parsersOf('families');
  const extraNames = fm.unknown;
  for (let r = 0; r < nFam; r++) {
    const row = fm.table.rows[r]!;
    const line = fm.table.lines[r]!;
    const v: Record<string, unknown> = {};
    for (const c of fParsers) v[c.spec.name] = fr.parse(row, line, c.spec, c.parse);
    const fid = v.family_id as string | null;
    if (fid !== null) {
      if (familyIndex.has(fid)) {
        err(fm.table.file, line, fm.heading.get('family_id')!, `duplicate family_id (first on line ${familyLine[familyIndex.get(fid)!]})`, fid);
      }
    }
    const start = v.start_date as string | null;
    const end = v.end_date as string | null;
    if (start && end && end < start) err(fm.table.file, line, fm.heading.get('end_date')!, `end_date is before start_date (${start})`, rawCell(row, fm, 'end_date'));
    const referral = v.referral_date as string | null;
    if (referral && start && referral > start) {
      warn(fm.table.file, line, fm.heading.get('referral_date')!, `referral_date is after start_date (${start})`, rawCell(row, fm, 'referral_date'));
    }
    const adults = v.adults as number | null;
    const female = v.female_adults as number | null;
    if (adults !== null && female !== null && female > adults) {
      err(fm.table.file, line, fm.heading.get('female_adults')!, `female_adults is above adults (${adults})`, rawCell(row, fm, 'female_adults'));
    }
    for (let j = 0; j < needIdx.length; j++) {
      const col = needCols[j]!;
      const cell = fr.get(row, col);
      let val: number;
      // Need indicators are yes/no columns (contract): 1/0 and the yes/no spellings; blank is missing.
      if (cell === '1') val = 1;
      else if (cell === '0') val = 0;
      else {
        const r = parseYesNo(cell, config.yesValues, config.noValues);
        if (r.ok) val = r.value === null ? NEED_MISSING : r.value;
        else {
          err(fm.table.file, line, fm.heading.get(col)!, 'a need indicator must be 0/1 (or a yes/no spelling) or blank', row[needIdx[j]!]!);
          val = NEED_MISSING;
        }
      }
      needs[r * needIds.length + j] = val;
    }
    const extra: Record<string, string | null> = {};
    for (const u of extraNames) {
      const c = row[fm.index.get(u)!]!;
      extra[u] = isBlank(c) ? null : c;
    }
    if (fid !== null && !familyIndex.has(fid)) familyIndex.set(fid, families.length);
    familyLine.push(line);
    families.push({
      familyId: fid ?? '',
      service: v.service as string | null,
      referralDate: referral,
      startDate: start ?? '',
      endDate: end,
      outcome: v.outcome as Outcome | null,
      closureReason: v.closure_reason as string | null,
      reReferred: v.re_referred as 0 | 1 | null,
      socialCareBefore: v.social_care_before as 0 | 1 | null,
      socialCareDuring: v.social_care_during as 0 | 1 | null,
      socialCareAfter: v.social_care_after as 0 | 1 | null,
      cpPlanAfter: v.cp_plan_after as 0 | 1 | null,
      adults,
      femaleAdults: female,
      ethnicity: v.ethnicity as string | null,
      imdDecile: v.imd_decile as number | null,
      lsoa: v.lsoa as string | null,
      extra,
    });
  }
  // familyIndex must point at row positions; duplicates keep the first.
  const lookupFamily = (m: MappedTable, row: string[], line: number): number | null => {
    const cell = row[m.index.get('family_id')!]!.trim();
    if (cell === '') return null; // reported as a missing required value
    const f = familyIndex.get(cell);
    if (f === undefined) {
      err(m.table.file, line, m.heading.get('family_id')!, 'family_id not found in families', cell);
      return null;
    }
    return f;
  };

  // ---- children
  const cm = mapped.children;
  const cr = reader(cm);
  const children: Child[] = [];
  const cParsers = parsersOf('children');
  const childLine = new Map<string, number>();
  const childExtra = cm.unknown;
  for (let r = 0; r < cm.table.rows.length; r++) {
    const row = cm.table.rows[r]!;
    const line = cm.table.lines[r]!;
    const v: Record<string, unknown> = {};
    for (const c of cParsers) v[c.spec.name] = cr.parse(row, line, c.spec, c.parse);
    const cid = v.child_id as string | null;
    if (cid !== null) {
      const first = childLine.get(cid);
      if (first !== undefined) err(cm.table.file, line, cm.heading.get('child_id')!, `duplicate child_id (first on line ${first})`, cid);
      else childLine.set(cid, line);
    }
    const fi = lookupFamily(cm, row, line);
    let age = v.age_at_start as number | null;
    const dob = v.date_of_birth as string | null;
    if (dob !== null && fi !== null && families[fi]!.startDate !== '') {
      const derived = wholeYearsBetween(dob, families[fi]!.startDate);
      if (derived < 0 || derived > 25) {
        err(cm.table.file, line, cm.heading.get('date_of_birth')!, `age at the family's start_date would be ${derived}: outside 0–25`, rawCell(row, cm, 'date_of_birth'));
      } else if (age !== null && age !== derived) {
        err(cm.table.file, line, cm.heading.get('age_at_start')!, `age_at_start disagrees with date_of_birth (which gives ${derived})`, rawCell(row, cm, 'age_at_start'));
      } else age = derived;
    }
    const extra: Record<string, string | null> = {};
    for (const u of childExtra) {
      const c = row[cm.index.get(u)!]!;
      extra[u] = isBlank(c) ? null : c;
    }
    if (fi !== null && cid !== null) {
      children.push({
        childId: cid,
        familyId: families[fi]!.familyId,
        familyIndex: fi,
        ageAtStart: age,
        dateOfBirth: dob,
        gender: v.gender as Gender | null,
        outcome: v.outcome as Outcome | null,
        extra,
      });
    }
  }

  // ---- star
  const sm = mapped.star;
  const sr = reader(sm);
  const star: StarReading[] = [];
  const starParsers = parsersOf('star');
  const domainParser = starParsers.find((c) => c.spec.name === 'domain')!;
  const dateParser = starParsers.find((c) => c.spec.name === 'reading_date')!;
  const domainIndex = new Map<string, number>(STAR_DOMAINS.map((d, i) => [d, i]));
  // key: (family · 16 + domain) · 2^17 + day number; value: line · 16 + reading
  const seen = new Map<number, number>();
  const hasReading = new Uint8Array(nFam);
  // Fast path for the common, clean row (no configured codes, exact contract values);
  // anything else goes through the general parsers, which word the error.
  const iFamily = sm.index.get('family_id')!;
  const iDomain = sm.index.get('domain')!;
  const iDate = sm.index.get('reading_date')!;
  const iReading = sm.index.get('reading')!;
  const plainCodes = !config.codes.domain && !config.codes.reading_date && !config.codes.reading && !config.codes.family_id;
  for (let r = 0; r < sm.table.rows.length; r++) {
    const row = sm.table.rows[r]!;
    const line = sm.table.lines[r]!;
    let domainIdx = plainCodes ? domainIndex.get(row[iDomain]!) : undefined;
    let day = plainCodes ? isoDayNumber(row[iDate]!) : -1;
    let reading = plainCodes ? fastReading(row[iReading]!) : 0;
    let fi = plainCodes ? familyIndex.get(row[iFamily]!) : undefined;
    let date = row[iDate]!;
    if (domainIdx === undefined || day < 0 || reading === 0 || fi === undefined) {
      const domain = sr.parse(row, line, domainParser.spec, domainParser.parse) as StarDomain | null;
      const parsedDate = sr.parse(row, line, dateParser.spec, dateParser.parse) as string | null;
      const cell = sr.get(row, 'reading').trim();
      let parsedReading: number | null = null;
      if (cell === '') err(sm.table.file, line, sm.heading.get('reading')!, 'required value is missing');
      else if (!/^[+-]?\d+$/.test(cell)) err(sm.table.file, line, sm.heading.get('reading')!, 'a reading must be a whole number from 1 to 10', rawCell(row, sm, 'reading'));
      else {
        const n = Number(cell);
        if (n < 1 || n > 10) err(sm.table.file, line, sm.heading.get('reading')!, 'a reading must be a whole number from 1 to 10', rawCell(row, sm, 'reading'));
        else parsedReading = n;
      }
      const found = lookupFamily(sm, row, line);
      if (found === null || domain === null || parsedDate === null || parsedReading === null) continue;
      fi = found;
      domainIdx = domainIndex.get(domain)!;
      date = parsedDate;
      day = dayNumber(parsedDate);
      reading = parsedReading;
    }
    const domain = STAR_DOMAINS[domainIdx]!;
    const key = (fi * 16 + domainIdx) * 131072 + day;
    const prev = seen.get(key);
    if (prev !== undefined) {
      const prevLine = Math.floor(prev / 16);
      const prevReading = prev % 16;
      if (prevReading !== reading) {
        err(sm.table.file, line, sm.heading.get('reading')!, `a different reading of the same family, domain and date is on line ${prevLine} (${prevReading})`, String(reading));
      } else {
        warn(sm.table.file, line, sm.heading.get('reading')!, `duplicate of line ${prevLine} (same family, domain, date and reading): counted once`);
      }
      continue;
    }
    seen.set(key, line * 16 + reading);
    hasReading[fi] = 1;
    star.push({ familyId: families[fi]!.familyId, familyIndex: fi, domain, date, reading });
  }
  for (let f = 0; f < nFam; f++) {
    if (!hasReading[f] && families[f]!.familyId !== '') {
      warn(fm.table.file, familyLine[f]!, fm.heading.get('family_id')!, 'family has no Family Star readings: left out of the progress analysis');
    }
  }

  // ---- plans (optional)
  let plans: PlanOutcome[] | null = null;
  const pm = mapped.plans;
  if (pm) {
    plans = [];
    const pr = reader(pm);
    const catalogue = new Set(config.outcomeMeasureIds ?? OUTCOME_MEASURE_IDS);
    const pParsers = parsersOf('plans');
    for (let r = 0; r < pm.table.rows.length; r++) {
      const row = pm.table.rows[r]!;
      const line = pm.table.lines[r]!;
      const v: Record<string, unknown> = {};
      for (const c of pParsers) v[c.spec.name] = pr.parse(row, line, c.spec, c.parse);
      const outcome = v.outcome as string | null;
      if (outcome !== null && !catalogue.has(outcome)) err(pm.table.file, line, pm.heading.get('outcome')!, 'outcome is not in the outcome-measure catalogue in use', outcome);
      const status = v.status as PlanStatus | null;
      const identified = v.identified_date as string | null;
      const achieved = v.achieved_date as string | null;
      const achievedCell = pr.get(row, 'achieved_date');
      if (status === 'achieved' && achieved === null && isBlank(achievedCell)) {
        err(pm.table.file, line, pm.heading.get('achieved_date') ?? 'achieved_date', 'achieved_date is required when status is achieved');
      }
      if (achieved && identified && achieved < identified) err(pm.table.file, line, pm.heading.get('achieved_date')!, `achieved_date is before identified_date (${identified})`, rawCell(row, pm, 'achieved_date'));
      const fi = lookupFamily(pm, row, line);
      if (fi === null || outcome === null || status === null || identified === null) continue;
      plans.push({ familyId: families[fi]!.familyId, familyIndex: fi, outcome, identifiedDate: identified, status, achievedDate: achieved });
    }
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
  const cohort: Cohort = { families, needIds, needs, children, star, plans, familyIndex, source };
  const columns: Partial<Record<CohortFile, { table: RawTable; index: Map<string, number>; heading: Map<string, string> }>> = mapped;
  return { cohort, problems: sorted, summary: dataQualitySummary(cohort, columns, sorted), config };
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
