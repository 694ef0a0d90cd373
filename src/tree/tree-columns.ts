import { DEFAULT_AGE_BANDS, type AgeBand } from '../cohort/config.js';
import { NEED_MISSING, type Cohort, type FamilyGrouping, type YesNo } from '../cohort/types.js';
import { monthsOfInvolvement } from '../outcomes/months-of-involvement.js';
import { compactColumn, expandValues, type ColumnValues, type CompactValues } from './compact-values.js';
import type { PredictorLevel } from './tree-types.js';

/** Family-level labellings a tree can use besides the cohort's own columns. */
export interface TreeColumnSources {
  /** Need cluster of each family (column `cluster`). */
  clusters?: FamilyGrouping;
  /** Group of each family's cluster (column `cluster_group`). */
  clusterGroups?: FamilyGrouping;
  /** Progress category up / same / down (column `progress_category`; `familyProgressCategories` in src/progress). */
  progressCategory?: FamilyGrouping;
  /** Family Star start score (column `star_start_score`; `familyStartScores` in src/progress). */
  startScore?: readonly (number | null)[];
  /** Age bands of the youngest and oldest child (default DEFAULT_AGE_BANDS). */
  ageBands?: readonly AgeBand[];
}

/** A family-level column a tree can use as its target or a predictor. */
export interface TreeColumn {
  name: string;
  /** One value per family (in `cohort.families` order), null when missing. */
  values: (string | number | null)[];
  /** Measurement level by the contract (cli.md): whole numbers ordinal, text and 0/1 nominal, other numbers continuous. */
  level: PredictorLevel;
  /** Category order of an ordinal text column (age bands, progress category). */
  order?: string[];
  /** Can be a target: nominal (text or 0/1). */
  target: boolean;
  /** In the default predictor set (the list: needs, clusters, ages, involvement, household, area, Star start score). */
  defaultPredictor: boolean;
  /** What the column is. */
  description: string;
}

/** A tree column whose values may be compact (internal: what `treeAnalysis` reads). */
export interface CompactTreeColumn extends Omit<TreeColumn, 'values'> {
  values: ColumnValues;
}

const yesNo = (v: YesNo): string | null => (v === null ? null : String(v));

function checkAligned(cohort: Cohort, name: string, values: readonly unknown[] | undefined, what: string): void {
  if (!Array.isArray(values) || values.length !== cohort.families.length) {
    throw new Error(
      `treeColumns requires ${what} "${name}" to have one value per family, got ${Array.isArray(values) ? values.length : 'no'} values for ${cohort.families.length} families`,
    );
  }
}

function bandOf(bands: readonly AgeBand[], age: number | null): string | null {
  if (age === null) return null;
  const b = bands.find((x) => age >= x.min && (x.max === null || age <= x.max));
  return b ? b.label : null;
}

/** Level of an unknown (extra) column by the contract's rule. */
function inferLevel(values: readonly (string | null)[]): { level: PredictorLevel; numeric: boolean } | null {
  const present = values.filter((v): v is string => v !== null);
  if (present.length === 0) return null;
  const nums = present.map((v) => (v.trim() === '' ? NaN : Number(v)));
  if (nums.every(Number.isFinite)) {
    if (nums.every((x) => x === 0 || x === 1)) return { level: 'nominal', numeric: false };
    if (nums.every(Number.isInteger)) return { level: 'ordinal', numeric: true };
    return { level: 'continuous', numeric: true };
  }
  return { level: 'nominal', numeric: false };
}

/**
 * The family-level columns of a cohort that trees can use, by name, with their
 * measurement levels (cli.md): `cluster`, `cluster_group`, `progress_category` (when the
 * groupings are given), every `need_<id>`, `youngest_child_age`, `oldest_child_age` and
 * their `_band`s, `re_referred`, `social_care_before` / `_during` / `_after`,
 * `cp_plan_after`, `months_of_involvement` (end − start date in months of 30.4375 days;
 * open cases missing), `adults`, `female_adults`, `service`, `ethnicity`, `imd_decile`,
 * `closure_reason`, `outcome`, `outcome_met` ("met" for met or partially met, "not_met";
 * unknown or blank missing), `star_start_score` (when given), and the cohort's extra
 * columns (level by the contract's rule). Single and teenage parents are the need
 * indicators `need_single_parent_family` and `need_teenage_parent` when the cohort has them.
 *
 * Cost: O(families · (needs + extra columns) + children).
 * @throws if a grouping or the start scores do not have one value per family, or a date is invalid.
 * @example treeColumns(cohort, { clusters }).map((c) => c.name) // ['cluster', 'need_debt', ..., 'months_of_involvement', ...]
 */
export function treeColumns(cohort: Cohort, sources: TreeColumnSources = {}): TreeColumn[] {
  return compactTreeColumns(cohort, sources).map((c) => ({ ...c, values: Array.isArray(c.values) ? [...c.values] : expandValues(c.values) }));
}

/**
 * The columns of {@link treeColumns}, the categorical ones compact (one to four bytes a
 * family and a small table of values) rather than one value per family (internal).
 *
 * Cost: O(families · (needs + extra columns) + children).
 * @throws as `treeColumns`.
 */
export function compactTreeColumns(cohort: Cohort, sources: TreeColumnSources = {}): CompactTreeColumn[] {
  const fams = cohort.families;
  const n = fams.length;
  const cols: CompactTreeColumn[] = [];
  const add = (c: Omit<CompactTreeColumn, 'target'> & { target?: boolean }): void => {
    cols.push({ target: c.level === 'nominal', ...c });
  };
  const compact = (get: (i: number) => string | number | null): CompactValues => compactColumn(n, get);
  const grouping = (g: FamilyGrouping | undefined, name: string, description: string, order?: readonly string[]): void => {
    if (!g) return;
    checkAligned(cohort, name, g.values, 'grouping');
    const values = compact((i) => g.values[i]!);
    if (order) {
      add({ name, values, level: 'nominal', order: [...order], defaultPredictor: false, description, target: true });
    } else add({ name, values, level: 'nominal', defaultPredictor: true, description });
  };
  grouping(sources.clusters, 'cluster', 'need cluster');
  grouping(sources.clusterGroups, 'cluster_group', 'group of the need cluster');
  if (sources.progressCategory) {
    grouping(sources.progressCategory, 'progress_category', 'Family Star progress: up (higher than average), same, down', ['up', 'same', 'down']);
  }

  // one pass over the family × need bytes; each need's values ('0', '1', null) enter its table where first met
  const needCount = cohort.needIds.length;
  const needs = cohort.needs;
  const entry = new Int16Array(needCount * 256).fill(-1);
  const needTables: (string | null)[][] = cohort.needIds.map(() => []);
  const needCodes = cohort.needIds.map(() => new Uint8Array(n)); // at most 256 distinct bytes
  for (let f = 0; f < n; f++) {
    const base = f * needCount;
    for (let j = 0; j < needCount; j++) {
      const v = needs[base + j]!;
      let c = entry[j * 256 + v]!;
      if (c < 0) {
        c = needTables[j]!.length;
        needTables[j]!.push(v === NEED_MISSING ? null : String(v));
        entry[j * 256 + v] = c;
      }
      needCodes[j]![f] = c;
    }
  }
  cohort.needIds.forEach((id, j) => {
    const values: CompactValues = { table: needTables[j]!, codes: needCodes[j]! };
    add({ name: `need_${id}`, values, level: 'nominal', defaultPredictor: true, description: `need indicator ${id} at the start (0/1)` });
  });

  const youngest: (number | null)[] = new Array(n).fill(null);
  const oldest: (number | null)[] = new Array(n).fill(null);
  for (const ch of cohort.children) {
    const a = ch.ageAtStart;
    if (a === null) continue;
    const f = ch.familyIndex;
    if (youngest[f] === null || a < youngest[f]!) youngest[f] = a;
    if (oldest[f] === null || a > oldest[f]!) oldest[f] = a;
  }
  const bands = sources.ageBands ?? DEFAULT_AGE_BANDS;
  const bandOrder = bands.map((b) => b.label);
  const youngestValues = compact((i) => youngest[i]!);
  const oldestValues = compact((i) => oldest[i]!);
  // the band of an age: the same codes, the ages' table read as bands
  const banded = (ages: CompactValues): CompactValues => ({ table: ages.table.map((a) => bandOf(bands, a as number | null)), codes: ages.codes });
  add({ name: 'youngest_child_age', values: youngestValues, level: 'ordinal', defaultPredictor: true, description: 'age of the youngest child at the start, whole years' });
  add({ name: 'oldest_child_age', values: oldestValues, level: 'ordinal', defaultPredictor: true, description: 'age of the oldest child at the start, whole years' });
  add({ name: 'youngest_child_band', values: banded(youngestValues), level: 'ordinal', order: bandOrder, defaultPredictor: true, description: 'age band of the youngest child', target: true });
  add({ name: 'oldest_child_band', values: banded(oldestValues), level: 'ordinal', order: bandOrder, defaultPredictor: true, description: 'age band of the oldest child', target: true });

  const flag = (name: string, get: (i: number) => YesNo, defaultPredictor: boolean, description: string): void =>
    add({ name, values: compact((i) => yesNo(get(i))), level: 'nominal', defaultPredictor, description });
  flag('re_referred', (i) => fams[i]!.reReferred, true, 're-referred to Early Help after closure (0/1)');
  flag('social_care_before', (i) => fams[i]!.socialCareBefore, true, "children's social care before the intervention (0/1)");
  flag('social_care_during', (i) => fams[i]!.socialCareDuring, false, "children's social care during the intervention (0/1)");
  flag('social_care_after', (i) => fams[i]!.socialCareAfter, false, "children's social care after the intervention (0/1)");
  flag('cp_plan_after', (i) => fams[i]!.cpPlanAfter, false, 'a child protection plan after closure (0/1)');

  // months of involvement, computed once per pair of dates
  const months = new Map<string, Map<string, number>>();
  const monthsOf = (start: string, end: string): number => {
    let byEnd = months.get(start);
    if (!byEnd) months.set(start, (byEnd = new Map()));
    let m = byEnd.get(end);
    if (m === undefined) byEnd.set(end, (m = monthsOfInvolvement(start, end)));
    return m;
  };
  add({
    name: 'months_of_involvement',
    values: compact((i) => {
      const f = fams[i]!;
      return f.endDate === null ? null : monthsOf(f.startDate, f.endDate);
    }),
    level: 'continuous',
    defaultPredictor: true,
    description: 'months of involvement: (end_date − start_date) / 30.4375 days; open cases missing',
  });
  add({ name: 'adults', values: compact((i) => fams[i]!.adults), level: 'ordinal', defaultPredictor: true, description: 'adults in the household' });
  add({ name: 'female_adults', values: compact((i) => fams[i]!.femaleAdults), level: 'ordinal', defaultPredictor: true, description: 'female adults in the household' });
  add({ name: 'service', values: compact((i) => fams[i]!.service), level: 'nominal', defaultPredictor: true, description: 'the team that worked with the family' });
  add({ name: 'ethnicity', values: compact((i) => fams[i]!.ethnicity), level: 'nominal', defaultPredictor: true, description: 'ethnicity' });
  add({ name: 'imd_decile', values: compact((i) => fams[i]!.imdDecile), level: 'ordinal', defaultPredictor: true, description: 'index of multiple deprivation decile (1 most deprived)' });
  add({ name: 'closure_reason', values: compact((i) => fams[i]!.closureReason), level: 'nominal', defaultPredictor: false, description: 'closure reason' });
  add({ name: 'outcome', values: compact((i) => fams[i]!.outcome), level: 'nominal', defaultPredictor: false, description: 'case outcome at closure' });
  add({
    name: 'outcome_met',
    values: compact((i) => {
      const o = fams[i]!.outcome;
      return o === 'met' || o === 'partially_met' ? 'met' : o === 'not_met' ? 'not_met' : null;
    }),
    level: 'nominal',
    order: ['met', 'not_met'],
    defaultPredictor: false,
    description: 'outcome met or partially met ("met") vs not met; unknown or blank missing',
  });
  if (sources.startScore) {
    checkAligned(cohort, 'star_start_score', sources.startScore as unknown[], 'start scores');
    add({ name: 'star_start_score', values: sources.startScore, level: 'continuous', defaultPredictor: true, description: 'Family Star start score (mean start reading)' });
  }

  const known = new Set(cols.map((c) => c.name));
  const extra = new Set<string>();
  for (const f of fams) for (const key of Object.keys(f.extra)) extra.add(key);
  const extraNames = [...extra].filter((n) => !known.has(n)).sort();
  for (const name of extraNames) {
    const raw = fams.map((f) => f.extra[name] ?? null);
    const inferred = inferLevel(raw);
    if (!inferred) continue;
    add({
      name,
      values: inferred.numeric ? raw.map((v) => (v === null ? null : Number(v))) : raw,
      level: inferred.level,
      defaultPredictor: false,
      description: `extra column ${name}`,
    });
  }
  return cols;
}
