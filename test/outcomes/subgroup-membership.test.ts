import { describe, expect, it } from 'vitest';
import { subgroupMembership, whereFields } from '../../src/outcomes/subgroup-membership.js';
import { parseWhere } from '../../src/outcomes/where.js';
import { makeCohort } from './make-cohort.js';

// F1: children 12 and 3; F2: child 8 and one of unknown age; F3: no children; F4: child 16 and unknown age.
const cohort = makeCohort(
  [
    { familyId: 'F1', service: 'Family Support', imdDecile: 2 },
    { familyId: 'F2', service: "Children's Centre", imdDecile: null },
    { familyId: 'F3', service: 'Family Support', imdDecile: 5 },
    { familyId: 'F4', service: null, imdDecile: 9 },
  ],
  [
    { childId: 'C1', familyId: 'F1', ageAtStart: 12, gender: 'male' },
    { childId: 'C2', familyId: 'F1', ageAtStart: 3, gender: 'female' },
    { childId: 'C3', familyId: 'F2', ageAtStart: 8 },
    { childId: 'C4', familyId: 'F2', ageAtStart: null },
    { childId: 'C5', familyId: 'F4', ageAtStart: 16 },
    { childId: 'C6', familyId: 'F4', ageAtStart: 11 },
  ],
);

describe('subgroupMembership', () => {
  it('evaluates an age filter per child; a family is in when any child matches', () => {
    const m = subgroupMembership(cohort, parseWhere('age 10-15'));
    expect(m.level).toBe('child');
    expect(m.children).toEqual([true, false, false, null, false, true]);
    // F1 has a 12 year old; F2: 8 and unknown -> unknown; F3 no children -> unknown; F4 has an 11 year old.
    expect(m.families).toEqual([true, null, null, true]);
    expect(m.counts).toEqual({ children: { subgroup: 2, rest: 3, unknown: 1 }, families: { subgroup: 2, rest: 0, unknown: 2 } });
  });

  it('combines child and family fields with and; a missing value is unknown unless another condition is false', () => {
    const m = subgroupMembership(cohort, parseWhere('age >= 10 and imd_decile <= 3'));
    // C1: 12, decile 2 -> true; C3: 8 -> false; C4: age unknown, decile unknown -> unknown; C5: 16, decile 9 -> false.
    expect(m.children).toEqual([true, false, false, null, false, false]);
  });

  it('evaluates family-only filters per family, text compared exactly', () => {
    const m = subgroupMembership(cohort, parseWhere(`service = "Children's Centre"`));
    expect(m.level).toBe('family');
    expect(m.children).toBeNull();
    expect(m.families).toEqual([false, true, false, null]);
    expect(subgroupMembership(cohort, parseWhere(`service != "Family Support"`)).families).toEqual([false, true, false, null]);
    expect(subgroupMembership(cohort, parseWhere(`service = "family support"`)).counts.families.subgroup).toBe(0);
  });

  it('uses a grouping passed in options as a field (cluster = D)', () => {
    const cluster = { name: 'cluster', values: ['D', 'A', null, 'D'] };
    const m = subgroupMembership(cohort, parseWhere('cluster = D'), { groupings: { cluster } });
    expect(m.families).toEqual([true, false, null, true]);
    expect(whereFields(cohort, { groupings: { cluster } }).map((f) => f.name)).toContain('cluster');
  });

  it('rejects an unknown field, listing the valid ones', () => {
    expect(() => subgroupMembership(cohort, parseWhere('cluster = D'))).toThrow(
      /unknown field "cluster" at position 1; valid fields: age, gender, service, .*imd_decile.*need_<id> for 1 need indicators \(e\.g\. need_debt\)/,
    );
  });

  it('rejects operators and values that do not suit the field', () => {
    expect(() => subgroupMembership(cohort, parseWhere('service > 3'))).toThrow(/field "service" is text and takes only = and !=/);
    expect(() => subgroupMembership(cohort, parseWhere('age = old'))).toThrow(/field "age" is a number and needs a number, got "old"/);
    expect(() => subgroupMembership(cohort, parseWhere('social_care_after = 2'))).toThrow(/yes\/no and needs 0 or 1, got 2/);
    expect(() =>
      subgroupMembership(cohort, parseWhere('cluster = D'), { groupings: { cluster: { name: 'cluster', values: ['D'] } } }),
    ).toThrow(/one value per family, got 1 values for 4 families/);
    expect(() =>
      subgroupMembership(cohort, parseWhere('age = 1'), { groupings: { age: { name: 'age', values: [null, null, null, null] } } }),
    ).toThrow(/clashes with the built-in field/);
  });

  it('reads yes/no fields as 0/1 or yes/no', () => {
    const c = makeCohort([
      { familyId: 'A', reReferred: 1 },
      { familyId: 'B', reReferred: 0 },
      { familyId: 'C', reReferred: null },
    ]);
    expect(subgroupMembership(c, parseWhere('re_referred = 1')).families).toEqual([true, false, null]);
    expect(subgroupMembership(c, parseWhere('re_referred = yes')).families).toEqual([true, false, null]);
    expect(subgroupMembership(c, parseWhere('need_debt = 0')).families).toEqual([true, true, true]);
  });
});

describe('subgroupMembership notes', () => {
  it('notes a text value that no family has', () => {
    const m = subgroupMembership(cohort, parseWhere('service = "family support"'));
    expect(m.notes).toEqual(['no family has service = "family support" (text is compared exactly: check spelling and case)']);
    expect(subgroupMembership(cohort, parseWhere('service = "Family Support"')).notes).toEqual([]);
  });
});
