/**
 * The demo cohort (src/synth, 5,486 families, seed 1) plants an excess of cases not met
 * among 10–15 year olds, above all 12 year olds (odds ratios 2.0 and 3.2 in
 * src/synth/synth-cohort-chunks.ts, after Herefordshire's review), and Leicestershire's
 * cluster D pattern (more re-referral, longer involvement). The outcomes analysis must find
 * them; these tests check direction and significance, not the synth's exact numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cohort, FamilyGrouping } from '../../src/cohort/types.js';
import { compareSubgroup } from '../../src/outcomes/compare-subgroup.js';
import { outcomesAnalysis, type OutcomesResult } from '../../src/outcomes/outcomes-analysis.js';
import { synthCohortWithTruth } from '../../src/synth/synth-cohort.js';

let cohort: Cohort;
let clusters: FamilyGrouping;
let result: OutcomesResult;

beforeAll(() => {
  const demo = synthCohortWithTruth();
  cohort = demo.cohort;
  clusters = { name: 'cluster', values: demo.truth.cluster };
  result = outcomesAnalysis(cohort, { clusters });
});

describe('outcomes on the demo cohort', () => {
  it('finds the planted excess of 10–15 year olds among outcomes not met', () => {
    const a = result.ageBands;
    expect(a.chiSquare!.df).toBe(4);
    expect(a.chiSquare!.p).toBeLessThan(1e-6);
    const rows = a.table;
    const teen = rows.find((r) => r.band === '10-15')!;
    // The largest over-representation among not met, and significantly so.
    const residuals = rows.map((r) => r.adjustedResiduals!.notMet);
    expect(Math.max(...residuals)).toBe(teen.adjustedResiduals!.notMet);
    expect(teen.adjustedResiduals!.notMet).toBeGreaterThan(3);
    // 10–15 year olds make up more of the not met than of the met or partially met.
    expect(teen.percentOfNotMet!).toBeGreaterThan(teen.percentOfMetOrPartiallyMet!);
    // Their share not met is above every other band's interval.
    for (const r of rows) if (r !== teen) expect(teen.notMetShare.ci95![0]).toBeGreaterThan(r.notMetShare.percent!);
  });

  it('singles out 12 year olds by single year of age', () => {
    const single = result.ageBands.singleYear.table.filter((r) => r.adjustedResiduals !== null);
    const top = single.reduce((best, r) => (r.adjustedResiduals!.notMet > best.adjustedResiduals!.notMet ? r : best));
    expect(top.band).toBe('12');
  });

  it('compare "age 10-15": odds ratio of not met above 1 with its interval, chi-square', () => {
    const c = compareSubgroup(cohort, 'age 10-15', { groupings: { cluster: clusters } });
    expect(c.outcomes.unit).toBe('child');
    expect(c.outcomes.test!.method).toBe('chi-square');
    expect(c.outcomes.test!.p).toBeLessThan(1e-6);
    expect(c.outcomes.oddsRatio!.ci95[0]).toBeGreaterThan(1);
    expect(c.progress!.scoreChange.subgroup.families + c.progress!.scoreChange.rest.families).toBeGreaterThan(0);
  });

  it('compare "cluster = D": more re-referral than the rest; longest involvement by cluster', () => {
    const d = compareSubgroup(cohort, 'cluster = D', { groupings: { cluster: clusters } });
    expect(d.membership.level).toBe('family');
    expect(d.socialCare.reReferred.subgroup.ci95![0]).toBeGreaterThan(d.socialCare.reReferred.rest.ci95![1]);
    const groups = result.socialCare.byGroup!.groups;
    const longest = groups.reduce((a, b) => (b.involvement.overTwelveMonths.percent! > a.involvement.overTwelveMonths.percent! ? b : a));
    expect(longest.group).toBe('D');
  });

  it('is pure: the same result twice, and the cohort unchanged', () => {
    const before = JSON.stringify(cohort.families.slice(0, 50));
    const again = outcomesAnalysis(cohort, { clusters });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
    expect(JSON.stringify(cohort.families.slice(0, 50))).toBe(before);
  });
});
