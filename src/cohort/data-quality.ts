import type { Problem } from '../io/parse-csv.js';
import { NEED_MISSING, NO_DAY, STAR_DOMAINS, type Cohort } from './types.js';

/** Blank cells counted while a table was read: `blanks[i]` of column `header[i]`, over `rows` rows. */
export interface TableBlanks {
  file: string;
  header: string[];
  blanks: number[];
  rows: number;
}

export interface ColumnMissingness {
  file: string;
  column: string;
  missing: number;
  total: number;
  percent: number;
}

export interface LeftOut {
  analysis: 'clusters' | 'progress' | 'outcomes' | 'ageBands' | 'trees';
  unit: 'families' | 'children';
  count: number;
  denominator: number;
  reason: string;
}

export interface DataQualitySummary {
  families: number;
  children: number;
  starReadings: number;
  planOutcomes: number | null;
  needIndicators: number;
  openCases: number;
  closedCases: number;
  startDates: { first: string; last: string } | null;
  endDates: { first: string; last: string } | null;
  closedWithoutOutcome: { count: number; denominator: number; percent: number };
  /** Blank cells of every column of every file. */
  missingness: ColumnMissingness[];
  warnings: { kind: string; count: number }[];
  leftOut: LeftOut[];
}

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((10000 * n) / d) / 100);

/**
 * The data-quality summary of a validated cohort: sizes, open and closed cases, date
 * ranges, missingness of every column, warnings by kind, and what each analysis will have
 * to leave out and why. Cost: linear in the cells.
 */
export function dataQualitySummary(cohort: Cohort, columns: readonly TableBlanks[], problems: Problem[]): DataQualitySummary {
  const fams = cohort.families;
  const closed = fams.filter((f) => f.endDate !== null);
  // First and last dates by one pass (ISO dates order as text), not by sorting a million.
  const range = (dates: Iterable<string>): { first: string; last: string } | null => {
    let first: string | null = null;
    let last: string | null = null;
    for (const d of dates) {
      if (first === null || d < first) first = d;
      if (last === null || d > last) last = d;
    }
    return first === null ? null : { first, last: last! };
  };
  const missingness: ColumnMissingness[] = [];
  for (const t of columns) {
    t.header.forEach((h, i) => {
      const missing = t.blanks[i]!;
      missingness.push({ file: t.file, column: h, missing, total: t.rows, percent: pct(missing, t.rows) });
    });
  }
  const withoutOutcome = closed.filter((f) => f.outcome === null || f.outcome === 'unknown').length;

  const warnings = new Map<string, number>();
  for (const p of problems) {
    if (p.severity !== 'warning') continue;
    const kind = p.message.replace(/\(.*\)/g, '').replace(/line \d+/g, 'line N').trim();
    warnings.set(kind, (warnings.get(kind) ?? 0) + 1);
  }

  const nNeeds = cohort.needIds.length;
  let missingNeeds = 0;
  for (let f = 0; f < fams.length; f++) {
    for (let j = 0; j < nNeeds; j++) {
      if (cohort.needs[f * nNeeds + j] === NEED_MISSING) {
        missingNeeds++;
        break;
      }
    }
  }
  // Families with readings, and with readings on two or more dates in some domain.
  const D = STAR_DOMAINS.length;
  const firstDay = new Int32Array(fams.length * D).fill(NO_DAY);
  const withReadings = new Uint8Array(fams.length);
  const withChange = new Uint8Array(fams.length);
  const star = cohort.star;
  for (let i = 0; i < star.length; i++) {
    const f = star.familyIndex[i]!;
    const k = f * D + star.domain[i]!;
    const t = star.day[i]!;
    const first = firstDay[k]!;
    withReadings[f] = 1;
    if (first === NO_DAY) firstDay[k] = t;
    else if (first !== t) withChange[f] = 1;
  }
  const nWithReadings = countOnes(withReadings);
  const nWithChange = countOnes(withChange);
  const noAge = cohort.children.filter((c) => c.ageAtStart === null).length;
  const childOutcomeMissing = cohort.children.filter((c) => {
    const o = c.outcome ?? fams[c.familyIndex]!.outcome;
    return o === null || o === 'unknown';
  }).length;
  const leftOut: LeftOut[] = [
    { analysis: 'clusters', unit: 'families', count: missingNeeds, denominator: fams.length, reason: 'a need indicator is blank' },
    { analysis: 'progress', unit: 'families', count: fams.length - nWithReadings, denominator: fams.length, reason: 'no Family Star readings' },
    {
      analysis: 'progress',
      unit: 'families',
      count: nWithReadings - nWithChange,
      denominator: fams.length,
      reason: 'Family Star readings on one date only (no change to measure)',
    },
    { analysis: 'outcomes', unit: 'families', count: fams.length - closed.length, denominator: fams.length, reason: 'case still open (no end_date)' },
    { analysis: 'outcomes', unit: 'families', count: withoutOutcome, denominator: closed.length, reason: 'closed case with outcome unknown or not recorded' },
    { analysis: 'ageBands', unit: 'children', count: noAge, denominator: cohort.children.length, reason: 'no age_at_start or date_of_birth' },
    { analysis: 'ageBands', unit: 'children', count: childOutcomeMissing, denominator: cohort.children.length, reason: 'no outcome of met, partially_met or not_met (own or family’s)' },
  ];
  return {
    families: fams.length,
    children: cohort.children.length,
    starReadings: cohort.star.length,
    planOutcomes: cohort.plans ? cohort.plans.length : null,
    needIndicators: nNeeds,
    openCases: fams.length - closed.length,
    closedCases: closed.length,
    startDates: range(fams.map((f) => f.startDate)),
    endDates: range(closed.map((f) => f.endDate as string)),
    closedWithoutOutcome: { count: withoutOutcome, denominator: closed.length, percent: pct(withoutOutcome, closed.length) },
    missingness,
    warnings: [...warnings].map(([kind, count]) => ({ kind, count })),
    leftOut,
  };
}

function countOnes(a: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += a[i]!;
  return n;
}
