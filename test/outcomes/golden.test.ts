/**
 * End-to-end golden values for the outcomes tables: the cohort in
 * test/fixtures/outcomes/golden-cohort is read through the contract reader, analysed, and
 * compared with test/fixtures/outcomes/golden-expected.json, which
 * test/fixtures/outcomes/make-golden.R computes independently in R 4.2.2
 * (`Rscript test/fixtures/outcomes/make-golden.R`). The R call behind each value is named
 * beside its assertion.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cohort, FamilyGrouping } from '../../src/cohort/types.js';
import { readCohort } from '../../src/io/read-cohort.js';
import { compareSubgroup, type CompareSubgroupResult } from '../../src/outcomes/compare-subgroup.js';
import type { ProportionComparison } from '../../src/outcomes/compare-proportions.js';
import { outcomesAnalysis, type OutcomesResult } from '../../src/outcomes/outcomes-analysis.js';
import type { Share } from '../../src/outcomes/share.js';

const FIXTURE = new URL('../fixtures/outcomes/', import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const E: any = JSON.parse(readFileSync(new URL('golden-expected.json', FIXTURE), 'utf8'));

/** |a − e| <= 1e-9 · max(1, |e|): statistics, residuals, intervals in percent. */
function close(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}
/** Relative 1e-9: p-values. */
function closeP(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected) + 1e-300);
}
function closeShare(s: Share, count: number, denominator: number, ci: [number, number]): void {
  expect([s.count, s.denominator]).toEqual([count, denominator]);
  close(s.ci95![0], ci[0]);
  close(s.ci95![1], ci[1]);
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function closeTwoByTwo(c: ProportionComparison, e: any): void {
  expect(c.table).toEqual(e.table);
  close(c.test!.minExpected, e.minExpected);
  expect(c.test!.method).toBe(e.method);
  closeP(c.test!.p, e.p); // R: fisher.test(t)$p.value, or chisq.test(t, correct = FALSE)$p.value
  if (e.method === 'chi-square') close(c.test!.statistic, e.statistic);
  close(c.oddsRatio!.estimate, e.oddsRatio.estimate); // R: Woolf by formula, 0.5 added when a cell is 0
  close(c.oddsRatio!.ci95[0], e.oddsRatio.ci95[0]);
  close(c.oddsRatio!.ci95[1], e.oddsRatio.ci95[1]);
}

let cohort: Cohort;
let result: OutcomesResult;
let byService: FamilyGrouping;

beforeAll(async () => {
  const read = await readCohort(new URL('golden-cohort', FIXTURE).pathname);
  expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
  cohort = read.cohort!;
  byService = { name: 'service', values: cohort.families.map((f) => f.service) };
  result = outcomesAnalysis(cohort, { clusters: byService });
});

describe('case outcomes (golden, R table counts)', () => {
  it('counts closed cases overall and by year of closure', () => {
    const c = result.caseOutcomes;
    expect([c.closedCases, c.openCases]).toEqual([E.caseOutcomes.closedCases, E.caseOutcomes.openCases]);
    for (const k of ['met', 'partially_met', 'not_met', 'unknown', 'not_recorded'] as const) {
      expect(c.overall.categories[k].count).toBe(E.caseOutcomes.overall[k]);
    }
    expect(c.byYear.map((y) => [y.year, y.closedCases, y.categories.not_met.count, y.categories.not_recorded.count])).toEqual(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      E.caseOutcomes.byYear.map((y: any) => [y.year, y.closedCases, y.not_met, y.not_recorded]),
    );
    expect(c.notMet.cases).toBe(E.caseOutcomes.notMetCases);
    expect(c.notMet.steppedUp.count).toBe(E.caseOutcomes.steppedUp);
    expect(c.notMet.closureReasons.find((r) => r.reason === null)?.cases.count ?? 0).toBe(E.caseOutcomes.notMetReasonNotRecorded);
  });
});

describe('outcome by age band (golden, R chisq.test(correct = FALSE))', () => {
  it('has the R table, chi-square, df, p, expected counts and stdres', () => {
    const a = result.ageBands;
    const e = E.ageBands;
    expect(a.table.map((r) => r.band)).toEqual(e.labels);
    expect(a.table.map((r) => r.metOrPartiallyMet)).toEqual(e.metOrPartiallyMet);
    expect(a.table.map((r) => r.notMet)).toEqual(e.notMet);
    expect(a.table.map((r) => r.unknown)).toEqual(e.unknown);
    expect(a.table.map((r) => r.notRecorded)).toEqual(e.notRecorded);
    close(a.chiSquare!.statistic, e.statistic); // chisq.test(m, correct = FALSE)$statistic
    expect(a.chiSquare!.df).toBe(e.df); // $parameter
    closeP(a.chiSquare!.p, e.p); // $p.value
    a.table.forEach((row, k) => {
      close(row.adjustedResiduals!.metOrPartiallyMet, e.stdres[k][0]); // $stdres
      close(row.adjustedResiduals!.notMet, e.stdres[k][1]);
      close(row.expected!.notMet, e.expected[k][1]); // $expected
    });
  });

  it('gives the share not met per band with the Wilson interval of R prop.test(correct = FALSE)', () => {
    result.ageBands.table.forEach((row, k) => {
      const ci = E.ageBands.wilsonNotMet[k];
      close(row.notMetShare.ci95![0], ci[0]);
      close(row.notMetShare.ci95![1], ci[1]);
    });
  });

  it('counts the children left out', () => {
    const c = result.ageBands.children;
    const e = E.ageBands.children;
    expect([c.total, c.inTest, c.outcomeUnknown, c.outcomeNotRecorded, c.noAge]).toEqual([
      e.total,
      e.inTest,
      e.outcomeUnknown,
      e.outcomeNotRecorded,
      e.noAge,
    ]);
  });

  it('has the single-year table and test', () => {
    const s = result.ageBands.singleYear;
    const e = E.singleYear;
    expect(s.table.map((r) => Number(r.band))).toEqual(e.ages);
    expect(s.table.map((r) => r.notMet)).toEqual(e.notMet);
    close(s.chiSquare!.statistic, e.statistic);
    expect(s.chiSquare!.df).toBe(e.df);
    closeP(s.chiSquare!.p, e.p);
    const tested = s.table.filter((r) => r.adjustedResiduals !== null);
    expect(tested.map((r) => Number(r.band))).toEqual(e.testedAges);
    tested.forEach((r, k) => close(r.adjustedResiduals!.notMet, e.stdres[k][1]));
  });
});

describe('social care and involvement (golden)', () => {
  it('has shares of recorded values with Wilson intervals', () => {
    const s = result.socialCare.overall;
    const e = E.socialCare;
    for (const k of ['before', 'during', 'after', 'cpPlanAfter', 'reReferred'] as const) {
      closeShare(s[k], e[k].count, e[k].denominator, e[k].ci95); // prop.test(x, n, correct = FALSE)$conf.int
      expect(s[k].missing).toBe(cohort.families.length - e[k].denominator);
    }
  });

  it("has McNemar's test of before against after as R mcnemar.test(correct = FALSE)", () => {
    const b = result.socialCare.overall.beforeVsAfter;
    expect(b.pairs).toBe(E.socialCare.pairs);
    expect(b.table).toEqual(E.socialCare.table);
    close(b.mcnemar!.statistic, E.socialCare.mcnemarStatistic);
    closeP(b.mcnemar!.p, E.socialCare.mcnemarP);
  });

  it('has months of involvement as R quantile(days / 30.4375, type = 7)', () => {
    const m = result.socialCare.overall.involvement;
    const e = E.socialCare.months;
    expect(m.families).toBe(e.n);
    close(m.q1, e.quartiles[0]);
    close(m.median, e.quartiles[1]);
    close(m.q3, e.quartiles[2]);
    expect(m.overSixMonths.count).toBe(e.over6);
    closeShare(m.overTwelveMonths, e.over12, e.n, e.over12ci);
  });

  it('gives the same by a grouping of families', () => {
    const g = result.socialCare.byGroup!;
    expect(g.groups.map((x) => x.group)).toEqual(E.socialCareByService.map((x: { group: string }) => x.group));
    g.groups.forEach((x, i) => {
      const e = E.socialCareByService[i];
      expect(x.families).toBe(e.families);
      closeShare(x.after, e.after.count, e.after.denominator, e.after.ci95);
      expect([x.beforeVsAfter.beforeOnly, x.beforeVsAfter.afterOnly]).toEqual([e.beforeOnly, e.afterOnly]);
    });
  });
});

describe('demand and reach (golden)', () => {
  it('has new cases per month and the trailing 3-month mean of R stats::filter(sides = 1)', () => {
    const d = result.demand;
    expect(d.newCasesByMonth.map((m) => m.month)).toEqual(E.demand.months);
    expect(d.newCasesByMonth.map((m) => m.newCases)).toEqual(E.demand.newCases);
    d.newCasesByMonth.forEach((m, i) => {
      const e = E.demand.rolling[i];
      if (e === null) expect(m.rollingAverage3).toBeNull();
      else close(m.rollingAverage3, e);
    });
    expect(d.imdDeciles.values.map((v) => v.count)).toEqual(E.demand.imd);
    expect(d.imdDeciles.notRecorded).toBe(E.demand.imdNotRecorded);
  });
});

describe('outcome plans (golden)', () => {
  it('has measures, headline mix, achievement intervals and families achieving everything', () => {
    const p = result.plans;
    if (!p.available) throw new Error('plans expected');
    const e = E.plans;
    expect([p.familiesWithPlans, p.familiesWithoutPlans, p.outcomesIdentified]).toEqual([e.familiesWithPlans, e.familiesWithoutPlans, e.outcomes]);
    for (const em of e.byMeasure) {
      const m = p.byMeasure.find((x) => x.id === em.id)!;
      expect([m.families.count, m.outcomes, m.achieved, m.achieved + m.notAchieved]).toEqual([em.families, em.outcomes, em.achieved, em.decided]);
      if (em.ci95 !== null) closeShare(m.achievement, em.achieved, em.decided, em.ci95);
    }
    for (const eh of e.byHeadline) close(p.byHeadlineProblem.find((h) => h.headlineProblem === eh.headline)!.percentOfOutcomes, eh.percentOfOutcomes);
    expect(p.significantAndSustainedProgress.allFamiliesWithPlans.count).toBe(e.allAchieved);
    expect(p.significantAndSustainedProgress.closedFamiliesWithPlans.count).toBe(e.allAchievedClosed);
    expect(p.significantAndSustainedProgress.closedFamiliesWithPlans.denominator).toBe(e.closedWithPlans);
  });
});

describe('subgroup comparisons (golden)', () => {
  const progress = { bands: { method: 'cuts', cuts: [4, 7] } } as const;
  let a1015: CompareSubgroupResult;
  beforeAll(() => {
    a1015 = compareSubgroup(cohort, 'age 10-15', { progress });
  });

  it('age 10-15: child-level membership and outcomes (chi-square, Woolf odds ratio)', () => {
    const e = E.compare.age10to15;
    expect(a1015.membership.level).toBe('child');
    expect(a1015.membership.counts.children).toEqual({ subgroup: e.childrenIn, rest: e.childrenRest, unknown: e.childrenUnknown });
    expect(a1015.membership.counts.families).toEqual({ subgroup: e.familiesIn, rest: e.familiesRest, unknown: e.familiesUnknown });
    expect(a1015.outcomes.unit).toBe('child');
    closeTwoByTwo(a1015.outcomes, e.outcomes);
    closeTwoByTwo(a1015.socialCare.after, e.socialCareAfter);
  });

  it('age 10-15: Family Star progress (R wilcox.test(exact = FALSE, correct = TRUE), chisq.test)', () => {
    const e = E.compare.age10to15.progress;
    const p = a1015.progress!;
    expect([p.families.subgroup, p.families.rest]).toEqual([e.subgroup, e.rest]);
    close(p.scoreChange.mannWhitney!.u, e.u); // wilcox.test(x, y)$statistic (W)
    closeP(p.scoreChange.mannWhitney!.p, e.p);
    close(p.scoreChange.subgroup.median, e.medianSub);
    close(p.scoreChange.rest.median, e.medianRest);
    const c = p.categories;
    expect([c.subgroup.up, c.subgroup.same, c.subgroup.down]).toEqual(e.catSub);
    expect([c.rest.up, c.rest.same, c.rest.down]).toEqual(e.catRest);
    close(c.chiSquare!.statistic, e.catStatistic);
    expect(c.chiSquare!.df).toBe(e.catDf);
    closeP(c.chiSquare!.p, e.catP);
    closeTwoByTwo(c.up, e.up);
    p.domains.forEach((d, i) => {
      expect(d.id).toBe(e.domains[i].id);
      closeTwoByTwo(d, e.domains[i]);
    });
  });

  it("age <= 0: Fisher's exact test when an expected count is below 5, odds ratio with 0.5 added", () => {
    const r = compareSubgroup(cohort, 'age <= 0', { progress });
    const e = E.compare.ageUpTo0;
    expect(r.membership.counts.children).toEqual({ subgroup: e.childrenIn, rest: e.childrenRest, unknown: e.childrenUnknown });
    expect(r.outcomes.oddsRatio!.haldaneCorrection).toBe(true);
    closeTwoByTwo(r.outcomes, e.outcomes);
  });

  it('service = "Children\'s Centre": family-level outcomes, re-referral and progress', () => {
    const r = compareSubgroup(cohort, 'service = "Children\'s Centre"', { progress });
    const e = E.compare.childrensCentre;
    expect(r.membership.level).toBe('family');
    expect(r.membership.counts.families).toEqual({ subgroup: e.familiesIn, rest: e.familiesRest, unknown: 0 });
    expect(r.outcomes.unit).toBe('family');
    closeTwoByTwo(r.outcomes, e.outcomes);
    closeTwoByTwo(r.socialCare.reReferred, e.reReferred);
    close(r.progress!.scoreChange.mannWhitney!.u, e.progress.u);
    closeP(r.progress!.scoreChange.mannWhitney!.p, e.progress.p);
    close(r.progress!.categories.chiSquare!.statistic, e.progress.catStatistic);
  });
});
