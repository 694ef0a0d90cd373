/**
 * The workbench configuration (`--config FILE`, YAML or JSON). Every field is optional;
 * `resolveConfig` fills the defaults. Validated by `parseConfig` (src/cohort/parse-config.ts).
 */

export const COHORT_FILES = ['families', 'children', 'star', 'plans'] as const;
export type CohortFile = (typeof COHORT_FILES)[number];

export const DATE_FORMATS = ['yyyy-mm-dd', 'dd/mm/yyyy', 'mm/dd/yyyy', 'dd-mm-yyyy', 'dd.mm.yyyy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export interface AgeBand {
  label: string;
  /** Lowest age in the band, whole years, included. */
  min: number;
  /** Highest age in the band, included; null for open-ended. */
  max: number | null;
}

export interface StageDefinition {
  /** Highest reading of each stage, ascending; the last is the top of the scale. */
  upperBounds: number[];
  names: string[];
}

export interface DisclosureProfile {
  name: string;
  /** Counts from 1 up to this value are suppressed. */
  threshold: number;
  /** What a suppressed cell shows. */
  symbol: string;
  /** Round published totals to a multiple of this (1 = no rounding). */
  roundTotalsTo: number;
}

export interface IndicatorLabel {
  label: string;
  headlineProblem: string | null;
}

export interface WorkbenchConfig {
  /** Per file: the council's heading → the contract's column name. */
  columns: Partial<Record<CohortFile, Record<string, string>>>;
  /** Extra spellings accepted for yes and for no (compared case-insensitively). */
  yesValues: string[];
  noValues: string[];
  /** Per contract column: the council's code → the contract's value (e.g. outcome "Met" → "met"). */
  codes: Record<string, Record<string, string>>;
  dateFormat: DateFormat;
  /** Labels and headline problems of need indicators, by id (without `need_`). */
  indicators: Record<string, IndicatorLabel>;
  ageBands: AgeBand[];
  stages: StageDefinition;
  disclosure: DisclosureProfile;
  /** Ids of the outcome-plan measures in use (default: the contract's 31-measure catalogue). */
  outcomeMeasureIds: string[] | null;
  /** Free-form analysis options by section (cluster, progress, tree, outcomes, report). */
  analysis: Record<string, Record<string, unknown>>;
}

export const DEFAULT_AGE_BANDS: AgeBand[] = [
  { label: '<1', min: 0, max: 0 },
  { label: '1-4', min: 1, max: 4 },
  { label: '5-9', min: 5, max: 9 },
  { label: '10-15', min: 10, max: 15 },
  { label: '16+', min: 16, max: null },
];

export const DEFAULT_STAGES: StageDefinition = {
  upperBounds: [2, 4, 6, 8, 10],
  names: ['Stuck', 'Accepting help', 'Trying', 'Finding what works', 'Effective parenting'],
};

export const DEFAULT_DISCLOSURE: DisclosureProfile = {
  name: 'DfE children’s statistics (counts 1–5 suppressed as [c])',
  threshold: 5,
  symbol: '[c]',
  roundTotalsTo: 1,
};
