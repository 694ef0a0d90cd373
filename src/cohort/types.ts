/**
 * The cohort model: what every analysis reads. Built by `readCohort` / `parseCohort`
 * from the contract's files (../shared/contract/cohort-format.md), after validation.
 * Dates are ISO strings `YYYY-MM-DD` (sortable, exact); missing values are `null`,
 * never 0 or "no".
 */

export const OUTCOMES = ['met', 'partially_met', 'not_met', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const GENDERS = ['male', 'female', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

export const STAR_DOMAINS = [
  'home_and_money',
  'keeping_children_safe',
  'boundaries_and_behaviour',
  'family_routine',
  'physical_health',
  'adult_wellbeing',
  'social_networks',
  'emotional_needs',
  'education_and_learning',
  'progress_to_work',
] as const;
export type StarDomain = (typeof STAR_DOMAINS)[number];

export const PLAN_STATUSES = ['achieved', 'not_achieved', 'in_progress', 'unknown'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A yes/no value: 1, 0, or missing. */
export type YesNo = 0 | 1 | null;

/** One family (an Early Help case): a row of families.csv without its need columns. */
export interface Family {
  familyId: string;
  service: string | null;
  referralDate: string | null;
  startDate: string;
  endDate: string | null;
  outcome: Outcome | null;
  closureReason: string | null;
  reReferred: YesNo;
  socialCareBefore: YesNo;
  socialCareDuring: YesNo;
  socialCareAfter: YesNo;
  cpPlanAfter: YesNo;
  adults: number | null;
  femaleAdults: number | null;
  ethnicity: string | null;
  imdDecile: number | null;
  lsoa: string | null;
  /** Unknown columns, kept as text (null when blank). */
  extra: Record<string, string | null>;
}

export interface Child {
  childId: string;
  familyId: string;
  /** Index of the family in `Cohort.families`. */
  familyIndex: number;
  /** Whole years at the family's start date: given, or derived from `dateOfBirth`. */
  ageAtStart: number | null;
  dateOfBirth: string | null;
  gender: Gender | null;
  /** The child's own outcome; null means "the family's" (see `childOutcome`). */
  outcome: Outcome | null;
  extra: Record<string, string | null>;
}

/** One Family Star Plus reading, as a plain object (see `StarReadings` for the cohort's columns). */
export interface StarReading {
  familyIndex: number;
  domain: StarDomain;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  reading: number;
}

/**
 * The cohort's Family Star Plus readings as columns (duplicates that agree are kept once):
 * reading `i` is of family `familyIndex[i]`, domain `STAR_DOMAINS[domain[i]]`, on day
 * `day[i]` (days since 1900-01-01, as `dayNumber`), with value `reading[i]` (1–10).
 * Columns, not one object per reading: a million families have ~20 million readings.
 */
export interface StarReadings {
  length: number;
  familyIndex: Int32Array;
  domain: Uint8Array;
  day: Int32Array;
  reading: Uint8Array;
}

/** One outcome-plan row, as a plain object (see `PlanOutcomes` for the cohort's columns). */
export interface PlanOutcome {
  familyIndex: number;
  outcome: string;
  identifiedDate: string;
  status: PlanStatus;
  achievedDate: string | null;
}

/** Sentinel day number of a missing date in day columns. */
export const NO_DAY = -2147483648;

/**
 * The cohort's outcome-plan rows (plans.csv) as columns: row `i` is of family
 * `familyIndex[i]`, outcome measure `outcomeIds[outcome[i]]`, identified on day
 * `identifiedDay[i]`, with status `PLAN_STATUSES[status[i]]` and achieved on
 * `achievedDay[i]` (`NO_DAY` when blank). Days as `dayNumber` (since 1900-01-01).
 */
export interface PlanOutcomes {
  length: number;
  familyIndex: Int32Array;
  outcome: Uint16Array;
  outcomeIds: string[];
  identifiedDay: Int32Array;
  status: Uint8Array;
  achievedDay: Int32Array;
}

/** Sentinel in `Cohort.needs` for a blank need cell. */
export const NEED_MISSING = 255;

export interface Cohort {
  families: Family[];
  /** Need indicator ids, without the `need_` prefix, in column order. */
  needIds: string[];
  /**
   * Need indicators, row-major: `needs[f * needIds.length + j]` is 0, 1 or
   * `NEED_MISSING` for family `f` and indicator `needIds[j]`.
   */
  needs: Uint8Array;
  children: Child[];
  star: StarReadings;
  /** Outcome plans (plans.csv), or null when the cohort has none. */
  plans: PlanOutcomes | null;
  /** Map from family_id to its index in `families`. */
  familyIndex: Map<string, number>;
  /** Where the cohort came from. */
  source: CohortSource;
}

export interface CohortSource {
  /** Folder or workbook path as given, or "demo". */
  path: string;
  kind: 'folder' | 'xlsx' | 'demo' | 'memory';
  /** SHA-256 over the input files' bytes (sorted by file name), hex. */
  sha256: string;
  files: { name: string; sha256: string; bytes: number }[];
}

/** The effective outcome of a child: its own, else its family's. */
export function childOutcome(cohort: Cohort, child: Child): Outcome | null {
  return child.outcome ?? cohort.families[child.familyIndex]!.outcome;
}

/** Value of need `j` for family `f`: 0, 1 or null when missing. */
export function needValue(cohort: Cohort, f: number, j: number): 0 | 1 | null {
  const v = cohort.needs[f * cohort.needIds.length + j]!;
  return v === NEED_MISSING ? null : (v as 0 | 1);
}

/**
 * A labelling of families, aligned with `Cohort.families` (one value per family, null
 * when the family has none): need clusters, groups, or any column used to split results.
 */
export interface FamilyGrouping {
  name: string;
  values: (string | null)[];
}
