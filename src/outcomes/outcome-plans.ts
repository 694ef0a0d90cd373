import { OUTCOME_MEASURES } from '../cohort/catalogues.js';
import type { Cohort, PlanOutcome, PlanStatus } from '../cohort/types.js';
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

function achievement(rows: readonly PlanOutcome[]): AchievementCounts {
  const n: Record<PlanStatus, number> = { achieved: 0, not_achieved: 0, in_progress: 0, unknown: 0 };
  for (const r of rows) n[r.status] += 1;
  return {
    outcomes: rows.length,
    achieved: n.achieved,
    notAchieved: n.not_achieved,
    inProgress: n.in_progress,
    unknown: n.unknown,
    achievement: share(n.achieved, n.achieved + n.not_achieved),
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
    max: k === 0 ? null : Math.max(...counts),
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
  const measure = new Map(catalogue.map((m) => [m.id, m]));
  const plans = cohort.plans;
  for (const p of plans) {
    if (!measure.has(p.outcome)) {
      throw new Error(`outcomePlans requires every plan outcome to be in the catalogue in use, got "${p.outcome}"`);
    }
  }
  const F = cohort.families.length;
  const perFamily: PlanOutcome[][] = Array.from({ length: F }, () => []);
  for (const p of plans) perFamily[p.familyIndex]!.push(p);
  const withPlans: number[] = [];
  for (let f = 0; f < F; f++) if (perFamily[f]!.length > 0) withPlans.push(f);
  const nWith = withPlans.length;

  // Headline problems in catalogue order (null last).
  const problems: (string | null)[] = [];
  for (const m of catalogue) if (!problems.includes(m.headlineProblem)) problems.push(m.headlineProblem);
  problems.sort((a, b) => (a === null ? 1 : 0) - (b === null ? 1 : 0));

  const byMeasure: MeasureSummary[] = catalogue.map((m) => {
    const rows = plans.filter((p) => p.outcome === m.id);
    const families = new Set(rows.map((r) => r.familyIndex)).size;
    return { id: m.id, label: m.label, headlineProblem: m.headlineProblem, families: share(families, nWith), ...achievement(rows) };
  });

  const byHeadlineProblem: HeadlineProblemSummary[] = problems.map((hp) => {
    const rows = plans.filter((p) => measure.get(p.outcome)!.headlineProblem === hp);
    const families = new Set(rows.map((r) => r.familyIndex)).size;
    return {
      headlineProblem: hp,
      percentOfOutcomes: plans.length > 0 ? (100 * rows.length) / plans.length : null,
      families: share(families, nWith),
      ...achievement(rows),
    };
  });

  const years = [...new Set(plans.map((p) => Number(p.identifiedDate.slice(0, 4))))].sort((a, b) => a - b);
  const byYear: PlansYear[] = years.map((year) => {
    const rows = plans.filter((p) => Number(p.identifiedDate.slice(0, 4)) === year);
    return {
      year,
      outcomes: rows.length,
      byHeadlineProblem: problems.map((hp) => {
        const k = rows.filter((p) => measure.get(p.outcome)!.headlineProblem === hp).length;
        return { headlineProblem: hp, outcomes: k, percent: rows.length > 0 ? (100 * k) / rows.length : null };
      }),
    };
  });

  const open = withPlans.filter((f) => cohort.families[f]!.endDate === null);
  const closed = withPlans.filter((f) => cohort.families[f]!.endDate !== null);
  const allAchieved = (f: number): boolean => perFamily[f]!.every((p) => p.status === 'achieved');
  const count = (fs: number[]): number[] => fs.map((f) => perFamily[f]!.length);

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
    outcomesIdentified: plans.length,
    perCase: { all: perCase(count(withPlans)), openCases: perCase(count(open)), closedCases: perCase(count(closed)) },
    byHeadlineProblem,
    byMeasure,
    byYear,
    overall: achievement(plans),
    significantAndSustainedProgress: {
      definition: 'families with plans whose every identified outcome has status achieved',
      allFamiliesWithPlans: share(withPlans.filter(allAchieved).length, nWith),
      closedFamiliesWithPlans: share(closed.filter(allAchieved).length, closed.length),
    },
  };
}
