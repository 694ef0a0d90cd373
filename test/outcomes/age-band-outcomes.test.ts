import { describe, expect, it } from 'vitest';
import { ageBandOutcomes } from '../../src/outcomes/age-band-outcomes.js';
import { checkAgeBands } from '../../src/outcomes/age-band-index.js';
import { makeCohort } from './make-cohort.js';

const cohort = makeCohort(
  [
    { familyId: 'F1', outcome: 'met' },
    { familyId: 'F2', outcome: 'not_met' },
    { familyId: 'F3', outcome: null },
    { familyId: 'F4', outcome: 'unknown' },
  ],
  [
    { childId: 'a', familyId: 'F1', ageAtStart: 0 },
    { childId: 'b', familyId: 'F1', ageAtStart: 12, outcome: 'not_met' }, // own outcome wins
    { childId: 'c', familyId: 'F2', ageAtStart: 12 },
    { childId: 'd', familyId: 'F2', ageAtStart: 3, outcome: 'partially_met' },
    { childId: 'e', familyId: 'F2', ageAtStart: null }, // not met, no age
    { childId: 'f', familyId: 'F3', ageAtStart: 7 }, // not recorded
    { childId: 'g', familyId: 'F4', ageAtStart: 14 }, // unknown
    { childId: 'h', familyId: 'F3', ageAtStart: 22, outcome: 'met' }, // 16+
  ],
);

describe('ageBandOutcomes', () => {
  it('counts each child once in its band with its own outcome, else the family’s', () => {
    const r = ageBandOutcomes(cohort);
    expect(r.table.map((x) => [x.band, x.metOrPartiallyMet, x.notMet, x.unknown, x.notRecorded])).toEqual([
      ['<1', 1, 0, 0, 0],
      ['1-4', 1, 0, 0, 0],
      ['5-9', 0, 0, 0, 1],
      ['10-15', 0, 2, 1, 0],
      ['16+', 1, 0, 0, 0],
    ]);
    expect(r.children).toEqual({ total: 8, inTest: 5, outcomeUnknown: 1, outcomeNotRecorded: 1, noAge: 1, ageOutsideBands: 0 });
  });

  it('drops bands with no child in the test from the test and from df', () => {
    const r = ageBandOutcomes(cohort);
    expect(r.chiSquare!.rowsLeftOut).toEqual(['5-9']);
    expect(r.chiSquare!.df).toBe(3);
    expect(r.table[2]!.adjustedResiduals).toBeNull();
    expect(r.table[3]!.notMetShare.percent).toBe(100);
  });

  it('uses configurable bands and counts ages in no band', () => {
    const r = ageBandOutcomes(cohort, {
      ageBands: [
        { label: 'under 10', min: 0, max: 9 },
        { label: '10-15', min: 10, max: 15 },
      ],
    });
    expect(r.table.map((x) => [x.band, x.metOrPartiallyMet, x.notMet])).toEqual([
      ['under 10', 2, 0],
      ['10-15', 0, 2],
    ]);
    expect(r.children.ageOutsideBands).toBe(1);
    expect(r.chiSquare!.df).toBe(1);
  });

  it('gives no test when every tested child has the same outcome', () => {
    const c = makeCohort([{ familyId: 'F', outcome: 'met' }], [
      { childId: 'a', familyId: 'F', ageAtStart: 1 },
      { childId: 'b', familyId: 'F', ageAtStart: 11 },
    ]);
    const r = ageBandOutcomes(c);
    expect(r.chiSquare).toBeNull();
    expect(r.chiSquareNote).toMatch(/same outcome/);
  });

  it('has a single-year table', () => {
    const r = ageBandOutcomes(cohort);
    expect(r.singleYear.table.map((x) => [x.band, x.metOrPartiallyMet, x.notMet])).toEqual([
      ['0', 1, 0],
      ['3', 1, 0],
      ['7', 0, 0],
      ['12', 0, 2],
      ['14', 0, 0],
      ['22', 1, 0],
    ]);
  });

  it('does not change the cohort', () => {
    const before = JSON.stringify(cohort.children);
    ageBandOutcomes(cohort);
    expect(JSON.stringify(cohort.children)).toBe(before);
  });

  it('rejects invalid bands', () => {
    expect(() => checkAgeBands([])).toThrow(/at least one band, got 0/);
    expect(() => checkAgeBands([{ label: 'a', min: 0, max: 5 }, { label: 'b', min: 5, max: 9 }])).toThrow(/not overlap, got "b" \(min 5\) after "a" \(max 5\)/);
    expect(() => checkAgeBands([{ label: 'a', min: 0, max: null }, { label: 'b', min: 5, max: 9 }])).toThrow(/open-ended .* must be the last/);
    expect(() => checkAgeBands([{ label: 'a', min: 3, max: 1 }])).toThrow(/max to be null or a whole number >= min=3, got 1/);
    expect(() => checkAgeBands([{ label: 'a', min: 0, max: 1 }, { label: 'a', min: 2, max: 3 }])).toThrow(/distinct labels, got "a" twice/);
  });
});
