import { describe, expect, it } from 'vitest';
import { ageBandGrouping } from '../../src/progress/age-band-grouping.js';
import { computeFamilyProgress } from '../../src/progress/compute-family-progress.js';
import { familyColumnGrouping } from '../../src/progress/family-column-grouping.js';
import { familyProgressCategories } from '../../src/progress/family-progress-categories.js';
import { familyStarProgress } from '../../src/progress/family-star-progress.js';
import { progressByGroup } from '../../src/progress/progress-by-group.js';
import { progressSummary } from '../../src/progress/progress-summary.js';
import { expected, family, fixtureCohort, makeCohort } from './fixture-cohort.js';

const cohort = fixtureCohort('hand-made');
const CUTS = { method: 'cuts', cuts: [4, 7] } as const;
// test/fixtures/progress/expected.json byService: scipy chi2_contingency(correction=False)
// (= R prop.test(correct = FALSE)) per group and direction, R p.adjust(p, "holm") over all.
const golden = expected().handMade.defaultStages.byService;

describe('progressByGroup by service (cuts 4,7)', () => {
  const r = progressByGroup(cohort, familyColumnGrouping(cohort, 'service'), { bands: CUTS });

  it('shares up and down against the rest match scipy, Holm-adjusted p matches R', () => {
    expect(r.groups.map((g) => g.label)).toEqual(golden.groups.map((g: { label: string }) => g.label));
    expect(r.pAdjustMethod).toBe('holm');
    r.groups.forEach((g, i) => {
      const e = golden.groups[i];
      expect(g.up.n).toBe(e.n);
      for (const k of ['up', 'down'] as const) {
        expect(g[k].count).toBe(e[k].count);
        expect(g[k].restCount).toBe(e[k].restCount);
        expect(g[k].restN).toBe(e[k].restN);
        expect(g[k].p!).toBeCloseTo(e[k].p, 12);
        expect(g[k].pAdjusted!).toBeCloseTo(e[k].pAdjusted, 12);
      }
    });
  });

  it('each group summary equals the summary of its families, and groups add up to the whole', () => {
    const core = computeFamilyProgress(cohort, { bands: CUTS });
    const whole = familyStarProgress(cohort, { bands: CUTS });
    const sum = [0, 1, 2].map(() => [0, 0, 0]);
    for (const g of r.groups) {
      const members = cohort.families.flatMap((f, i) => (f.service === g.label ? [i] : []));
      const { stages: _s, bands: _b, methods: _m, ...own } = progressSummary(core, members);
      expect(g.summary).toEqual(own);
      g.summary.matrix.counts.forEach((row, i) => row.forEach((x, j) => (sum[i]![j]! += x)));
    }
    expect(sum).toEqual(whole.matrix.counts);
    expect(r.eligibleWithoutGroup).toBe(0);
  });
});

describe('ageBandGrouping', () => {
  it('puts a family in every band of its children and counts children without an age', () => {
    const c = makeCohort(
      [family('A'), family('B'), family('C')],
      [],
      [
        { childId: 'a1', familyId: 'A', ageAtStart: 3, dateOfBirth: null, gender: null, outcome: null, extra: {} },
        { childId: 'a2', familyId: 'A', ageAtStart: 12, dateOfBirth: null, gender: null, outcome: null, extra: {} },
        { childId: 'a3', familyId: 'A', ageAtStart: 4, dateOfBirth: null, gender: null, outcome: null, extra: {} },
        { childId: 'b1', familyId: 'B', ageAtStart: 0, dateOfBirth: null, gender: null, outcome: null, extra: {} },
        { childId: 'c1', familyId: 'C', ageAtStart: null, dateOfBirth: null, gender: null, outcome: null, extra: {} },
      ],
    );
    const g = ageBandGrouping(c);
    expect(g.values).toEqual([['1-4', '10-15'], ['<1'], []]);
    expect(g).toMatchObject({ name: 'age_band', childrenWithoutAge: 1, childrenOutsideBands: 0, familiesWithoutBand: 1 });
    expect(g.order).toEqual(['<1', '1-4', '5-9', '10-15', '16+']);
  });

  it('overlapping groups: each group is tested against eligible families in other bands only', () => {
    const groups = ageBandGrouping(cohort);
    const r = progressByGroup(cohort, groups, { bands: CUTS });
    expect(r.membership).toMatch(/every group it is listed in/);
    expect(r.groups.map((g) => g.label)).toEqual(['<1', '1-4', '5-9', '10-15', '16+']);
    const core = computeFamilyProgress(cohort, { bands: CUTS });
    const cat = (f: number) => Math.sign(core.endSegment[f]! - core.startSegment[f]!);
    for (const g of r.groups) {
      let n = 0, up = 0, restN = 0, restUp = 0;
      groups.values.forEach((bands, f) => {
        if (core.exclusion[f] !== null || bands.length === 0) return;
        if (bands.includes(g.label)) {
          n++;
          if (cat(f) > 0) up++;
        } else {
          restN++;
          if (cat(f) > 0) restUp++;
        }
      });
      expect([g.up.n, g.up.count, g.up.restN, g.up.restCount]).toEqual([n, up, restN, restUp]);
    }
    const total = r.groups.reduce((s, g) => s + g.up.n, 0);
    expect(total).toBeGreaterThan(r.eligibleFamilies - r.eligibleWithoutGroup);
  });
});

describe('familyColumnGrouping and bad groupings', () => {
  it('groups by a need indicator or a kept column, and rejects an unknown column', () => {
    const c = makeCohort([family('A'), family('B')], []);
    c.families[0]!.extra = { team: 'North' };
    c.families[1]!.extra = { team: null };
    expect(familyColumnGrouping(c, 'team').values).toEqual(['North', null]);
    expect(() => familyColumnGrouping(c, 'nope')).toThrow(/got "nope"/);
  });

  it('rejects a grouping of the wrong length or with non-text values', () => {
    expect(() => progressByGroup(cohort, { name: 'x', values: ['a'] }, { bands: CUTS })).toThrow(/one value per family, got 1 values for 68 families/);
    const values = cohort.families.map(() => 1 as unknown as string);
    expect(() => progressByGroup(cohort, { name: 'x', values }, { bands: CUTS })).toThrow(/text, null or lists of text, got number at family 1/);
  });

  it('a group where nobody moves a way gets no test and a note, not a p-value', () => {
    // Only families that moved up or stayed are grouped: no family moves down at all.
    const cats = familyProgressCategories(cohort, { bands: CUTS }).values;
    const values = cats.map((c) => (c === 'up' ? 'a' : c === 'same' ? 'b' : null));
    const r = progressByGroup(cohort, { name: 'x', values }, { bands: CUTS });
    for (const g of r.groups) {
      expect(g.down).toMatchObject({ count: 0, restCount: 0, p: null, pAdjusted: null, significant: null });
      expect(g.down.note).toMatch(/no family moved this way/);
    }
    expect(r.groups[0]!.up).toMatchObject({ percent: 100, restPercent: 0, significant: 'higher' });
    expect(r.eligibleWithoutGroup).toBe(cats.filter((c) => c === 'down').length);
  });
});
