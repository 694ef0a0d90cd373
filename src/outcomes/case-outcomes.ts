import type { Cohort, Family } from '../cohort/types.js';
import { share, type Share } from './share.js';

/** Case outcome categories of a closed case; `not_recorded` is an empty outcome cell. */
export const CASE_OUTCOME_CATEGORIES = ['met', 'partially_met', 'not_met', 'unknown', 'not_recorded'] as const;
export type CaseOutcomeCategory = (typeof CASE_OUTCOME_CATEGORIES)[number];

/** Outcomes of a set of closed cases; every share's denominator is `closedCases`. */
export interface CaseOutcomeCounts {
  closedCases: number;
  /** One share per category (met, partially_met, not_met, unknown, not_recorded). */
  categories: Record<CaseOutcomeCategory, Share>;
  metOrPartiallyMet: Share;
  notMet: Share;
  /** unknown + not recorded: no usable outcome (Herefordshire's "no data"). */
  noOutcomeData: Share;
}

export interface ClosureReasonCount {
  /** The closure_reason as recorded; null when not recorded. */
  reason: string | null;
  /** Share of the closed cases not met. */
  cases: Share;
}

export interface CaseOutcomesResult {
  unit: 'family';
  definition: string;
  families: number;
  /** Families without an end_date: left out of every table here. */
  openCases: number;
  closedCases: number;
  overall: CaseOutcomeCounts;
  /** By calendar year of end_date, ascending. */
  byYear: (CaseOutcomeCounts & { year: number })[];
  notMet: {
    cases: number;
    /** Closure reasons of closed cases not met, most frequent first (ties by reason). */
    closureReasons: ClosureReasonCount[];
    /** Closure reasons starting with `step_up_` (a step-up to social care). */
    steppedUp: Share;
  };
}

function counts(families: readonly Family[]): CaseOutcomeCounts {
  const n: Record<CaseOutcomeCategory, number> = { met: 0, partially_met: 0, not_met: 0, unknown: 0, not_recorded: 0 };
  for (const f of families) n[f.outcome ?? 'not_recorded'] += 1;
  const total = families.length;
  const categories = {} as Record<CaseOutcomeCategory, Share>;
  for (const c of CASE_OUTCOME_CATEGORIES) categories[c] = share(n[c], total);
  return {
    closedCases: total,
    categories,
    metOrPartiallyMet: share(n.met + n.partially_met, total),
    notMet: share(n.not_met, total),
    noOutcomeData: share(n.unknown + n.not_recorded, total),
  };
}

/**
 * Case outcomes of closed cases (families with an end_date): met, partially met, not met,
 * unknown and not recorded, overall and by calendar year of closure, and the closure
 * reasons of the cases not met. Family-level: the case outcome is `families.outcome`.
 *
 * Cost: O(families).
 * @throws never for a valid cohort.
 * @example caseOutcomes(cohort).overall.notMet.percent // e.g. 31.0
 */
export function caseOutcomes(cohort: Cohort): CaseOutcomesResult {
  const closed = cohort.families.filter((f) => f.endDate !== null);
  const years = new Map<number, Family[]>();
  for (const f of closed) {
    const y = Number(f.endDate!.slice(0, 4));
    const list = years.get(y);
    if (list) list.push(f);
    else years.set(y, [f]);
  }
  const byYear = [...years.keys()].sort((a, b) => a - b).map((year) => ({ year, ...counts(years.get(year)!) }));

  const notMet = closed.filter((f) => f.outcome === 'not_met');
  const reasons = new Map<string | null, number>();
  let steppedUp = 0;
  for (const f of notMet) {
    reasons.set(f.closureReason, (reasons.get(f.closureReason) ?? 0) + 1);
    if (f.closureReason !== null && f.closureReason.startsWith('step_up_')) steppedUp += 1;
  }
  const closureReasons = [...reasons.entries()]
    .sort((a, b) => b[1] - a[1] || compareReason(a[0], b[0]))
    .map(([reason, count]) => ({ reason, cases: share(count, notMet.length) }));

  return {
    unit: 'family',
    definition:
      'case outcome of closed cases (families with an end_date), from families.outcome; ' +
      'percentages of closed cases; by year of end_date; "no outcome data" = unknown + not recorded',
    families: cohort.families.length,
    openCases: cohort.families.length - closed.length,
    closedCases: closed.length,
    overall: counts(closed),
    byYear,
    notMet: { cases: notMet.length, closureReasons, steppedUp: share(steppedUp, notMet.length) },
  };
}

function compareReason(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
