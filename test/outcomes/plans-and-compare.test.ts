import { describe, expect, it } from 'vitest';
import { compareProportions } from '../../src/outcomes/compare-proportions.js';
import { compareSubgroup } from '../../src/outcomes/compare-subgroup.js';
import { outcomePlans } from '../../src/outcomes/outcome-plans.js';
import { makeCohort } from './make-cohort.js';

describe('outcomePlans', () => {
  const families = [
    { familyId: 'A', endDate: '2016-01-01' },
    { familyId: 'B' },
    { familyId: 'C' },
  ];
  const plans = [
    { familyId: 'A', outcome: 'attendance_90', identifiedDate: '2015-01-01', status: 'achieved' as const, achievedDate: '2015-09-01' },
    { familyId: 'A', outcome: 'registered_gp', identifiedDate: '2015-01-01', status: 'achieved' as const, achievedDate: '2015-09-01' },
    { familyId: 'B', outcome: 'attendance_90', identifiedDate: '2016-02-01', status: 'not_achieved' as const, achievedDate: null },
    { familyId: 'B', outcome: 'domestic_abuse_reduced', identifiedDate: '2016-02-01', status: 'in_progress' as const, achievedDate: null },
  ];

  it('reports the absence of plans.csv', () => {
    expect(outcomePlans(makeCohort(families))).toEqual({ available: false, reason: 'the cohort has no plans.csv (outcome plans)' });
  });

  it('counts families without plans, shares of families, achievement among decided outcomes', () => {
    const r = outcomePlans(makeCohort(families, [], { plans }));
    if (!r.available) throw new Error('expected plans');
    expect([r.familiesWithPlans, r.familiesWithoutPlans, r.outcomesIdentified]).toEqual([2, 1, 4]);
    const att = r.byMeasure.find((m) => m.id === 'attendance_90')!;
    expect([att.families.count, att.families.denominator, att.achieved, att.notAchieved, att.achievement.percent]).toEqual([2, 2, 1, 1, 50]);
    expect(r.byHeadlineProblem.find((h) => h.headlineProblem === 'education')!.percentOfOutcomes).toBe(50);
    expect(r.byYear.map((y) => [y.year, y.outcomes])).toEqual([
      [2015, 2],
      [2016, 2],
    ]);
    expect(r.byYear[1]!.byHeadlineProblem.find((h) => h.headlineProblem === 'domestic_abuse')!.percent).toBe(50);
    expect(r.significantAndSustainedProgress.allFamiliesWithPlans).toMatchObject({ count: 1, denominator: 2 });
    expect(r.significantAndSustainedProgress.closedFamiliesWithPlans).toMatchObject({ count: 1, denominator: 1 });
    expect(r.perCase.openCases).toMatchObject({ families: 1, outcomes: 2 });
  });

  it('rejects an outcome outside the catalogue in use', () => {
    const cohort = makeCohort(families, [], { plans });
    expect(() => outcomePlans(cohort, { catalogue: [{ id: 'attendance_90', headlineProblem: 'education', label: 'x' }] })).toThrow(
      /catalogue in use, got "registered_gp"/,
    );
  });
});

describe('compareProportions', () => {
  it('gives the odds ratio of the subgroup against the rest', () => {
    // 12/40 vs 20/160: (12 * 140) / (28 * 20) = 3
    const r = compareProportions(12, 40, 20, 160);
    expect(r.oddsRatio!.estimate).toBeCloseTo(3, 12);
    expect(r.table).toEqual([
      [12, 28],
      [20, 140],
    ]);
    expect(r.test!.method).toBe('chi-square');
  });

  it('says why there is no test for an empty group or column', () => {
    expect(compareProportions(0, 0, 3, 10).note).toMatch(/subgroup is empty/);
    expect(compareProportions(0, 5, 0, 10).note).toMatch(/no one has the characteristic/);
  });
});

describe('compareSubgroup', () => {
  const cohort = makeCohort(
    [
      { familyId: 'A', outcome: 'not_met', service: 'X' },
      { familyId: 'B', outcome: 'met', service: 'Y' },
    ],
    [
      { childId: 'a', familyId: 'A', ageAtStart: 12 },
      { childId: 'b', familyId: 'B', ageAtStart: 4 },
    ],
  );

  it('has no progress comparison without Family Star readings, and says so', () => {
    const r = compareSubgroup(cohort, 'age 10-15');
    expect(r.progress).toBeNull();
    expect(r.progressNote).toMatch(/no Family Star readings/);
    expect(r.outcomes.table).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('rejects bad filters with their position and unknown fields with the valid list', () => {
    expect(() => compareSubgroup(cohort, 'age >')).toThrow(/parseWhere: expected a value after ">" at position 6/);
    expect(() => compareSubgroup(cohort, 'cluster = D')).toThrow(/unknown field "cluster".*valid fields: age, gender/);
  });
});
