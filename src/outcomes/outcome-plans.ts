import { OUTCOME_MEASURES } from '../cohort/catalogues.js';
import { PLAN_STATUSES, type Cohort } from '../cohort/types.js';
import { isoFromDayNumber } from '../cohort/star-readings.js';
import { mean, median, quantile } from '../stats/descriptive.js';
import { share, type Share } from './share.js';

/** One outcome-plan measure of a catalogue. */
export interface OutcomeMeasure {
  id: string;
  /** Headline family problem the measure belongs to; null when the catalogue gives none. */
  headlineProblem: string | null;
  label: string;
}

export interface OutcomePlansOptions {
  /** The catalogue in use; default the contract's 31 measures (Herefordshire's Family Outcomes Framework). */
  catalogue?: readonly OutcomeMeasure[];
}

/** Status counts of a set of plan outcomes and the achievement rate among the decided. */
export interface AchievementCounts {
  outcomes: number;
  achieved: number;
  notAchieved: number;
  inProgress: number;
  unknown: number;
  /** achieved / (achieved + not_achieved), Wilson 95% interval (percent). */
  achievement: Share;
}

export interface MeasureSummary extends AchievementCounts {
  id: string;
  label: string;
  headlineProblem: string | null;
  /** Families whose plan selected the measure, of the families with plans. */
  families: Share;
}

export interface HeadlineProblemSummary extends AchievementCounts {
  headlineProblem: string | null;
  /** Share of every identified outcome. */
  percentOfOutcomes: number | null;
  /** Families with at least one outcome under this headline problem, of the families with plans. */
  families: Share;
}

export interface PerCase {
  families: number;
  outcomes: number;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  max: number | null;
}

export interface PlansYear {
  year: number;
  outcomes: number;
  byHeadlineProblem: { headlineProblem: string | null; outcomes: number; percent: number | null }[];
}

export interface OutcomePlansAvailable {
  available: true;
  definition: string;
  catalogue: { measures: number; source: 'default' | 'options' };
  families: number;
  familiesWithPlans: number;
  /** Counted, not treated as achieving nothing. */
  familiesWithoutPlans: number;
  outcomesIdentified: number;
  /** Outcomes identified per family with a plan: all families, and open cases only (Herefordshire's view). */
  perCase: { all: PerCase; openCases: PerCase; closedCases: PerCase };
  byHeadlineProblem: HeadlineProblemSummary[];
  byMeasure: MeasureSummary[];
  /** Mix of identified outcomes by calendar year of identified_date. */
  byYear: PlansYear[];
  overall: AchievementCounts;
  /**
   * Families whose every identified outcome is achieved ("significant and sustained
   * progress"): of all families with plans, and of closed families with plans.
   */
  significantAndSustainedProgress: { definition: string; allFamiliesWithPlans: Share; closedFamiliesWithPlans: Share };
}

export type OutcomePlansResult = OutcomePlansAvailable | { available: false; reason: string };

/** Achievement counts from status counts in PLAN_STATUSES order (achieved, not achieved, in progress, unknown). */
function achievement(n: ArrayLike<number>, at = 0): AchievementCounts {
  const achieved = n[at]!;
  const notAchieved = n[at + 1]!;
  const inProgress = n[at + 2]!;
  const unknown = n[at + 3]!;
  return {
    outcomes: achieved + notAchieved + inProgress + unknown,
    achieved,
    notAchieved,
    inProgress,
    unknown,
    achievement: share(achieved, achieved + notAchieved),
  };
}

function perCase(counts: readonly number[]): PerCase {
  const k = counts.length;
  return {
    families: k,
    outcomes: counts.reduce((s, v) => s + v, 0),
    mean: k === 0 ? null : mean(counts as number[]),
    median: k === 0 ? null : median(counts as number[]),
    q1: k === 0 ? null : quantile(counts as number[], 0.25),
    q3: k === 0 ? null : quantile(counts as number[], 0.75),
    max: k === 0 ? null : counts.reduce((m, v) => (v > m ? v : m), -Infinity),
  };
}

function checkCatalogue(catalogue: readonly OutcomeMeasure[]): void {
  if (catalogue.length === 0) throw new Error('outcomePlans requires a catalogue with at least one measure, got 0');
  const ids = new Set<string>();
  for (const m of catalogue) {
    if (typeof m.id !== 'string' || m.id === '') throw new Error(`outcomePlans requires measure ids to be non-empty text, got "${String(m.id)}"`);
    if (ids.has(m.id)) throw new Error(`outcomePlans requires distinct measure ids, got "${m.id}" twice`);
    ids.add(m.id);
  }
}

/**
 * Outcome plans (plans.csv): outcomes identified per case (all families with plans, and
 * open and closed cases apart), by headline problem and by measure (share of families
 * with plans selecting it), achievement rates (achieved of achieved + not achieved, with
 * Wilson 95% intervals), the mix by year of identification, and the families whose every
 * identified outcome is achieved ("significant and sustained progress"). Families without
 * plan rows are counted, not treated as achieving nothing.
 *
 * Cost: O(plan rows + families + measures).
 * @throws when the catalogue is empty or has repeated ids, or a plan row's outcome is not
 *   in the catalogue in use.
 * @example outcomePlans(cohort).byHeadlineProblem[0] // { headlineProblem: 'children_need_help', percentOfOutcomes: 46, ... }
 */
export function outcomePlans(cohort: Cohort, options: OutcomePlansOptions = {}): OutcomePlansResult {
  if (cohort.plans === null) return { available: false, reason: 'the cohort has no plans.csv (outcome plans)' };
  const catalogue = options.catalogue ?? OUTCOME_MEASURES;
  checkCatalogue(catalogue);
  const plans = cohort.plans;
  const M = catalogue.length;
  const measureIndex = new Map(catalogue.map((m, i) => [m.id, i]));
  // Headline problems in catalogue order (null last).
  const problems: (string | null)[] = [];
  for (const m of catalogue) if (!problems.includes(m.headlineProblem)) problems.push(m.headlineProblem);
  problems.sort((a, b) => (a === null ? 1 : 0) - (b === null ? 1 : 0));
  const P = problems.length;
  const problemOfMeasure = Int32Array.from(catalogue, (m) => problems.indexOf(m.headlineProblem));
  // Plan outcome code → catalogue index.
  const measureOfCode = Int32Array.from(plans.outcomeIds, (id) => {
    const i = measureIndex.get(id);
    if (i === undefined) throw new Error(`outcomePlans requires every plan outcome to be in the catalogue in use, got "${id}"`);
    return i;
  });

  const S = PLAN_STATUSES.length;
  const F = cohort.families.length;
  const n = plans.length;
  const byMeasureStatus = new Float64Array(M * S);
  const byProblemStatus = new Float64Array(P * S);
  const overallStatus = new Float64Array(S);
  const perFamilyCount = new Int32Array(F);
  const notAllAchieved = new Uint8Array(F);
  const achievedCode = PLAN_STATUSES.indexOf('achieved');
  const yearOfDay = new Map<number, number>();
  const byYearProblem = new Map<number, Float64Array>();
  for (let i = 0; i < n; i++) {
    const m = measureOfCode[plans.outcome[i]!]!;
    const st = plans.status[i]!;
    const f = plans.familyIndex[i]!;
    byMeasureStatus[m * S + st]! += 1;
    byProblemStatus[problemOfMeasure[m]! * S + st]! += 1;
    overallStatus[st]! += 1;
    perFamilyCount[f]! += 1;
    if (st !== achievedCode) notAllAchieved[f] = 1;
    const day = plans.identifiedDay[i]!;
    let year = yearOfDay.get(day);
    if (year === undefined) {
      year = Number(isoFromDayNumber(day).slice(0, 4));
      yearOfDay.set(day, year);
    }
    let row = byYearProblem.get(year);
    if (!row) byYearProblem.set(year, (row = new Float64Array(P)));
    row[problemOfMeasure[m]!]! += 1;
  }
  // Families per measure and per headline problem: rows grouped by family (counting sort),
  // each family counted once per measure / problem.
  const offset = new Int32Array(F + 1);
  for (let f = 0; f < F; f++) offset[f + 1] = offset[f]! + perFamilyCount[f]!;
  const order = new Int32Array(n);
  const fill = offset.slice(0, F);
  for (let i = 0; i < n; i++) order[fill[plans.familyIndex[i]!]!++] = i;
  const familiesByMeasure = new Int32Array(M);
  const familiesByProblem = new Int32Array(P);
  const measureStamp = new Int32Array(M).fill(-1);
  const problemStamp = new Int32Array(P).fill(-1);
  const withPlans: number[] = [];
  for (let f = 0; f < F; f++) {
    if (perFamilyCount[f] === 0) continue;
    withPlans.push(f);
    for (let k = offset[f]!; k < offset[f + 1]!; k++) {
      const m = measureOfCode[plans.outcome[order[k]!]!]!;
      if (measureStamp[m] !== f) {
        measureStamp[m] = f;
        familiesByMeasure[m]! += 1;
      }
      const hp = problemOfMeasure[m]!;
      if (problemStamp[hp] !== f) {
        problemStamp[hp] = f;
        familiesByProblem[hp]! += 1;
      }
    }
  }
  const nWith = withPlans.length;

  const byMeasure: MeasureSummary[] = catalogue.map((m, i) => ({
    id: m.id,
    label: m.label,
    headlineProblem: m.headlineProblem,
    families: share(familiesByMeasure[i]!, nWith),
    ...achievement(byMeasureStatus, i * S),
  }));

  const byHeadlineProblem: HeadlineProblemSummary[] = problems.map((hp, i) => {
    const counts = achievement(byProblemStatus, i * S);
    return {
      headlineProblem: hp,
      percentOfOutcomes: n > 0 ? (100 * counts.outcomes) / n : null,
      families: share(familiesByProblem[i]!, nWith),
      ...counts,
    };
  });

  const years = [...byYearProblem.keys()].sort((a, b) => a - b);
  const byYear: PlansYear[] = years.map((year) => {
    const row = byYearProblem.get(year)!;
    const outcomes = row.reduce((t, v) => t + v, 0);
    return {
      year,
      outcomes,
      byHeadlineProblem: problems.map((hp, i) => ({ headlineProblem: hp, outcomes: row[i]!, percent: outcomes > 0 ? (100 * row[i]!) / outcomes : null })),
    };
  });

  const open = withPlans.filter((f) => cohort.families[f]!.endDate === null);
  const closed = withPlans.filter((f) => cohort.families[f]!.endDate !== null);
  const allAchieved = (f: number): boolean => notAllAchieved[f] === 0;
  const count = (fs: number[]): number[] => fs.map((f) => perFamilyCount[f]!);

  return {
    available: true,
    definition:
      'plan rows of plans.csv; achievement = achieved / (achieved + not_achieved) with Wilson 95% intervals ' +
      '(in progress and unknown are counted apart); family shares are of the families with plans; ' +
      'significant and sustained progress = every identified outcome of the family achieved',
    catalogue: { measures: catalogue.length, source: options.catalogue ? 'options' : 'default' },
    families: F,
    familiesWithPlans: nWith,
    familiesWithoutPlans: F - nWith,
    outcomesIdentified: n,
    perCase: { all: perCase(count(withPlans)), openCases: perCase(count(open)), closedCases: perCase(count(closed)) },
    byHeadlineProblem,
    byMeasure,
    byYear,
    overall: achievement(overallStatus),
    significantAndSustainedProgress: {
      definition: 'families with plans whose every identified outcome has status achieved',
      allFamiliesWithPlans: share(withPlans.filter(allAchieved).length, nWith),
      closedFamiliesWithPlans: share(closed.filter(allAchieved).length, closed.length),
    },
  };
}
