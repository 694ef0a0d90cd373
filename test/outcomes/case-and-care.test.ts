import { describe, expect, it } from 'vitest';
import { caseOutcomes } from '../../src/outcomes/case-outcomes.js';
import { demandAndReach } from '../../src/outcomes/demand-and-reach.js';
import { monthsOfInvolvement } from '../../src/outcomes/months-of-involvement.js';
import { socialCareOutcomes } from '../../src/outcomes/social-care-outcomes.js';
import { makeCohort } from './make-cohort.js';

describe('caseOutcomes', () => {
  const cohort = makeCohort([
    { familyId: 'A', endDate: '2015-03-01', outcome: 'met' },
    { familyId: 'B', endDate: '2015-06-01', outcome: null },
    { familyId: 'C', endDate: '2016-01-01', outcome: 'not_met', closureReason: 'step_up_cin' },
    { familyId: 'D', endDate: '2016-02-01', outcome: 'not_met', closureReason: 'disengaged' },
    { familyId: 'E', endDate: '2016-03-01', outcome: 'not_met', closureReason: 'step_up_cin' },
    { familyId: 'F', endDate: '2016-04-01', outcome: 'not_met', closureReason: null },
    { familyId: 'G', endDate: null, outcome: 'met' }, // open: left out
    { familyId: 'H', endDate: '2016-05-01', outcome: 'unknown' },
  ]);

  it('counts closed cases with the closed cases as denominator', () => {
    const r = caseOutcomes(cohort);
    expect([r.closedCases, r.openCases]).toEqual([7, 1]);
    expect(r.overall.categories.not_met.count).toBe(4);
    expect(r.overall.notMet.percent).toBeCloseTo((100 * 4) / 7, 12);
    expect(r.overall.noOutcomeData.count).toBe(2); // unknown + not recorded
    expect(r.byYear.map((y) => [y.year, y.closedCases, y.metOrPartiallyMet.count, y.notMet.count])).toEqual([
      [2015, 2, 1, 0],
      [2016, 5, 0, 4],
    ]);
  });

  it('lists the closure reasons of cases not met, most frequent first, not recorded last among ties', () => {
    const r = caseOutcomes(cohort);
    expect(r.notMet.closureReasons.map((x) => [x.reason, x.cases.count])).toEqual([
      ['step_up_cin', 2],
      ['disengaged', 1],
      [null, 1],
    ]);
    expect(r.notMet.steppedUp.count).toBe(2);
    expect(r.notMet.steppedUp.percent).toBe(50);
  });
});

describe('monthsOfInvolvement', () => {
  it('is days / 30.4375', () => {
    expect(monthsOfInvolvement('2023-01-01', '2023-07-02')).toBe(182 / 30.4375);
    expect(monthsOfInvolvement('2020-02-28', '2020-03-01')).toBe(2 / 30.4375); // leap day counted
    expect(monthsOfInvolvement('2020-01-01', '2021-01-01')).toBe(366 / 30.4375);
  });
  it('rejects impossible and reversed dates', () => {
    expect(() => monthsOfInvolvement('2023-02-30', '2023-03-01')).toThrow(/real calendar date for startDate, got "2023-02-30"/);
    expect(() => monthsOfInvolvement('2023-03-02', '2023-03-01')).toThrow(/endDate >= startDate/);
  });
});

describe('socialCareOutcomes', () => {
  const cohort = makeCohort([
    { familyId: 'A', socialCareBefore: 1, socialCareAfter: 0, startDate: '2020-01-01', endDate: '2020-07-02' }, // 183 days: over 6 months
    { familyId: 'B', socialCareBefore: 1, socialCareAfter: 0, startDate: '2020-01-01', endDate: '2020-07-01' }, // 182 days: not over 6
    { familyId: 'C', socialCareBefore: 0, socialCareAfter: 1, startDate: '2020-01-01', endDate: '2021-01-02' },
    { familyId: 'D', socialCareBefore: 1, socialCareAfter: 1 },
    { familyId: 'E', socialCareBefore: null, socialCareAfter: 1 },
  ]);

  it('uses families with the value recorded as denominator and counts the missing', () => {
    const r = socialCareOutcomes(cohort).overall;
    expect([r.before.count, r.before.denominator, r.before.missing]).toEqual([3, 4, 1]);
    expect([r.after.count, r.after.denominator]).toEqual([3, 5]);
    expect(r.cpPlanAfter.denominator).toBe(0);
    expect(r.cpPlanAfter.percent).toBeNull();
  });

  it('pairs before and after for McNemar (b = before only, c = after only)', () => {
    const r = socialCareOutcomes(cohort).overall.beforeVsAfter;
    expect(r.pairs).toBe(4);
    expect(r.table).toEqual([
      [1, 2],
      [1, 0],
    ]);
    // (b - c)^2 / (b + c) = 1/3 without correction
    expect(r.mcnemar!.statistic).toBeCloseTo(1 / 3, 14);
    expect(socialCareOutcomes(cohort, { mcnemarCorrection: true }).overall.beforeVsAfter.mcnemar!.statistic).toBe(0);
  });

  it('measures involvement of closed cases only; over 6 months is strict', () => {
    const r = socialCareOutcomes(cohort).overall.involvement;
    expect([r.families, r.open]).toEqual([3, 2]);
    expect(r.overSixMonths.count).toBe(2);
    expect(r.overTwelveMonths.count).toBe(1);
  });

  it('gives no McNemar test without discordant pairs', () => {
    const c = makeCohort([{ familyId: 'A', socialCareBefore: 1, socialCareAfter: 1 }]);
    const r = socialCareOutcomes(c).overall.beforeVsAfter;
    expect(r.mcnemar).toBeNull();
    expect(r.note).toMatch(/no discordant pairs/);
  });

  it('splits by a grouping, counting families in none', () => {
    const r = socialCareOutcomes(cohort, { clusters: { name: 'cluster', values: ['B', 'A', 'B', null, 'A'] } }).byGroup!;
    expect(r.groups.map((g) => [g.group, g.families])).toEqual([
      ['A', 2],
      ['B', 2],
    ]);
    expect(r.unassigned).toBe(1);
    expect(() => socialCareOutcomes(cohort, { clusters: { name: 'cluster', values: ['A'] } })).toThrow(/one value per family, got 1 values for 5 families/);
  });
});

describe('demandAndReach', () => {
  const cohort = makeCohort(
    [
      { familyId: 'A', startDate: '2019-11-03', imdDecile: 1, ethnicity: 'White British' },
      { familyId: 'B', startDate: '2019-11-20', imdDecile: 1, ethnicity: 'Mixed' },
      { familyId: 'C', startDate: '2020-01-05', imdDecile: 10, ethnicity: 'White British' },
      { familyId: 'D', startDate: '2020-02-05', imdDecile: null, ethnicity: null },
    ],
    [
      { childId: 'a', familyId: 'A', gender: 'male', ageAtStart: 0 },
      { childId: 'b', familyId: 'B', gender: null, ageAtStart: 30 },
    ],
  );

  it('counts new cases in every month from first to last with a trailing 3-month mean', () => {
    const r = demandAndReach(cohort);
    expect(r.newCasesByMonth).toEqual([
      { month: '2019-11', newCases: 2, rollingAverage3: null },
      { month: '2019-12', newCases: 0, rollingAverage3: null },
      { month: '2020-01', newCases: 1, rollingAverage3: 1 },
      { month: '2020-02', newCases: 1, rollingAverage3: 2 / 3 },
    ]);
  });

  it('profiles deciles, gender, ethnicity and age with not-recorded counts', () => {
    const r = demandAndReach(cohort);
    expect(r.imdDeciles.values.map((v) => v.count)).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(r.imdDeciles.notRecorded).toBe(1);
    expect(r.imdDeciles.values[0]!.percentOfRecorded).toBeCloseTo(200 / 3, 12);
    expect(r.gender.values.map((v) => [v.value, v.count])).toEqual([
      ['male', 1],
      ['female', 0],
      ['other', 0],
      ['unknown', 0],
    ]);
    expect(r.ethnicity.values.map((v) => [v.value, v.count])).toEqual([
      ['White British', 2],
      ['Mixed', 1],
    ]);
    expect(r.ageProfile.values.map((v) => [v.value, v.count])).toEqual([
      ['<1', 1],
      ['1-4', 0],
      ['5-9', 0],
      ['10-15', 0],
      ['16+', 1],
    ]);
  });
});
