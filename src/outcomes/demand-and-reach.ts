import { DEFAULT_AGE_BANDS, type AgeBand } from '../cohort/config.js';
import type { Cohort } from '../cohort/types.js';
import { ageBandIndex, checkAgeBands } from './age-band-index.js';

export interface DemandAndReachOptions {
  /** Age bands for the age profile; default DEFAULT_AGE_BANDS. */
  ageBands?: AgeBand[];
}

export interface MonthlyNewCases {
  /** `YYYY-MM`. */
  month: string;
  newCases: number;
  /** Trailing 3-month mean: this month and the two before; null for the first two months. */
  rollingAverage3: number | null;
}

export interface ProfileEntry {
  value: string;
  count: number;
  /** Of every unit, not recorded included. */
  percent: number | null;
  /** Of the units with the value recorded. */
  percentOfRecorded: number | null;
}

export interface Profile {
  unit: 'family' | 'child';
  /** Every unit (the denominator of `percent`). */
  total: number;
  recorded: number;
  notRecorded: number;
  values: ProfileEntry[];
}

export interface DemandAndReachResult {
  newCasesByMonth: MonthlyNewCases[];
  rollingAverage: string;
  /** Families by imd_decile 1–10 (every decile listed, zero counts included). */
  imdDeciles: Profile;
  /** Children by gender (male, female, other, unknown; not recorded apart). */
  gender: Profile;
  /** Families by ethnicity as recorded, most frequent first. */
  ethnicity: Profile;
  /** Families by service, most frequent first. */
  services: Profile;
  /** Children by age band at start (no age counted as not recorded; ages in no band as "outside bands"). */
  ageProfile: Profile;
}

function profile(unit: 'family' | 'child', values: (string | null)[], order: string[] | null): Profile {
  const counts = new Map<string, number>();
  if (order) for (const v of order) counts.set(v, 0);
  let notRecorded = 0;
  for (const v of values) {
    if (v === null) notRecorded += 1;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const total = values.length;
  const recorded = total - notRecorded;
  let entries = [...counts.entries()];
  if (!order) entries = entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    unit,
    total,
    recorded,
    notRecorded,
    values: entries.map(([value, count]) => ({
      value,
      count,
      percent: total > 0 ? (100 * count) / total : null,
      percentOfRecorded: recorded > 0 ? (100 * count) / recorded : null,
    })),
  };
}

function nextMonth(ym: string): string {
  let y = Number(ym.slice(0, 4));
  let m = Number(ym.slice(5, 7)) + 1;
  if (m === 13) {
    m = 1;
    y += 1;
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/**
 * Demand and reach: new cases per calendar month of `start_date` (every month from the
 * first to the last, zeros included) with a trailing 3-month rolling average; families
 * by IMD decile, ethnicity and service; children by gender and age band.
 *
 * Cost: O(families + children + months).
 * @throws when the age bands are invalid.
 * @example demandAndReach(cohort).newCasesByMonth[2].rollingAverage3 // mean of months 1–3
 */
export function demandAndReach(cohort: Cohort, options: DemandAndReachOptions = {}): DemandAndReachResult {
  const bands = options.ageBands ?? DEFAULT_AGE_BANDS;
  checkAgeBands(bands);
  const perMonth = new Map<string, number>();
  for (const f of cohort.families) {
    const ym = f.startDate.slice(0, 7);
    perMonth.set(ym, (perMonth.get(ym) ?? 0) + 1);
  }
  const months = [...perMonth.keys()].sort();
  const newCasesByMonth: MonthlyNewCases[] = [];
  if (months.length > 0) {
    const last = months[months.length - 1]!;
    for (let ym = months[0]!; ; ym = nextMonth(ym)) {
      newCasesByMonth.push({ month: ym, newCases: perMonth.get(ym) ?? 0, rollingAverage3: null });
      if (ym === last) break;
    }
    for (let i = 2; i < newCasesByMonth.length; i++) {
      const s = newCasesByMonth[i]!.newCases + newCasesByMonth[i - 1]!.newCases + newCasesByMonth[i - 2]!.newCases;
      newCasesByMonth[i]!.rollingAverage3 = s / 3;
    }
  }
  const deciles = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
  const ages = cohort.children.map((c) => {
    if (c.ageAtStart === null) return null;
    const k = ageBandIndex(bands, c.ageAtStart);
    return k < 0 ? 'outside bands' : bands[k]!.label;
  });
  return {
    newCasesByMonth,
    rollingAverage:
      'trailing 3-month mean of new cases (the month and the two before it), by calendar month of start_date; ' +
      'null for the first two months',
    imdDeciles: profile('family', cohort.families.map((f) => (f.imdDecile === null ? null : String(f.imdDecile))), deciles),
    gender: profile('child', cohort.children.map((c) => c.gender), ['male', 'female', 'other', 'unknown']),
    ethnicity: profile('family', cohort.families.map((f) => f.ethnicity), null),
    services: profile('family', cohort.families.map((f) => f.service), null),
    ageProfile: profile('child', ages, [...bands.map((b) => b.label), ...(ages.includes('outside bands') ? ['outside bands'] : [])]),
  };
}
