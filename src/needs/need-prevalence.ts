import type { Cohort } from '../cohort/types.js';
import { NEED_MISSING } from '../cohort/types.js';
import type { IndicatorLabel } from '../cohort/config.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import { mean, median } from '../stats/descriptive.js';

export interface NeedPrevalenceOptions {
  /** Labels and headline problems by indicator id; ids without one are labelled by id. */
  indicators?: Record<string, IndicatorLabel>;
  /** Confidence level of the Wilson interval (default 0.95). */
  confidence?: number;
}

export interface NeedPrevalenceRow {
  id: string;
  label: string;
  headlineProblem: string | null;
  /** Families with the need recorded (value 1). */
  count: number;
  /** Families whose indicator is recorded (0 or 1); blanks are left out. */
  denominator: number;
  /** Families whose indicator is blank. */
  missing: number;
  /** 100 · count / denominator, two decimals. */
  percent: number;
  /** Wilson score interval, percent, two decimals. */
  ci95: [number, number];
}

export interface NeedPrevalenceResult {
  method: string;
  families: number;
  prevalence: NeedPrevalenceRow[];
  /** Mean and median number of needs per family (over families with no blank indicator). */
  needsPerFamily: { mean: number; median: number; families: number };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Prevalence of each need indicator at the start of the intervention: count, denominator
 * (families with the indicator recorded; blanks are missing, not "no"), percent and a Wilson
 * score interval (Wilson 1927). Rows in the cohort's column order, sorted by percent
 * descending (ties by id). Cost: O(families × indicators).
 * @example needPrevalence(cohort).prevalence[0] // { id: 'parenting_difficulties', percent: 78.1, ... }
 */
export function needPrevalence(cohort: Cohort, options: NeedPrevalenceOptions = {}): NeedPrevalenceResult {
  const confidence = options.confidence ?? 0.95;
  const m = cohort.needIds.length;
  const n = cohort.families.length;
  const counts = new Float64Array(m);
  const recorded = new Float64Array(m);
  const perFamily: number[] = [];
  for (let f = 0; f < n; f++) {
    let total = 0;
    let complete = true;
    for (let j = 0; j < m; j++) {
      const v = cohort.needs[f * m + j]!;
      if (v === NEED_MISSING) {
        complete = false;
        continue;
      }
      recorded[j]!++;
      if (v === 1) {
        counts[j]!++;
        total++;
      }
    }
    if (complete) perFamily.push(total);
  }
  const prevalence = cohort.needIds.map((id, j): NeedPrevalenceRow => {
    const count = counts[j]!;
    const denominator = recorded[j]!;
    const label = options.indicators?.[id];
    const ci = denominator > 0 ? wilsonInterval(count, denominator, confidence) : ([0, 0] as [number, number]);
    return {
      id,
      label: label?.label ?? id,
      headlineProblem: label?.headlineProblem ?? null,
      count,
      denominator,
      missing: n - denominator,
      percent: denominator > 0 ? round2((100 * count) / denominator) : 0,
      ci95: [round2(100 * ci[0]), round2(100 * ci[1])],
    };
  });
  prevalence.sort((a, b) => b.percent - a.percent || (a.id < b.id ? -1 : 1));
  const k = perFamily.length;
  return {
    method: `percent of families with the indicator recorded; ${Math.round(confidence * 100)}% Wilson score interval`,
    families: n,
    prevalence,
    needsPerFamily: { mean: k ? round2(mean(perFamily)) : 0, median: k ? median(perFamily) : 0, families: k },
  };
}
