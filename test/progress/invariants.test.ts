import { describe, expect, it } from 'vitest';
import { starReadingList, starReadingsFrom } from '../../src/cohort/star-readings.js';
import { computeFamilyProgress } from '../../src/progress/compute-family-progress.js';
import { familyStarProgress } from '../../src/progress/family-star-progress.js';
import { journeyStages } from '../../src/progress/journey-stages.js';
import { parseProgressBands } from '../../src/progress/parse-progress-bands.js';
import { progressByGroup } from '../../src/progress/progress-by-group.js';
import { createRng, shuffled } from '../../src/stats/rng.js';
import { family, fixtureCohort, makeCohort } from './fixture-cohort.js';

const cohort = fixtureCohort('hand-made');
const KM = { method: 'kmeans', seed: 5, restarts: 5 } as const;

describe('invariants', () => {
  it('a family’s readings in any order give the same result (5 shuffles, both band methods)', () => {
    const base = JSON.stringify(familyStarProgress(cohort, { bands: KM }));
    const baseCuts = JSON.stringify(familyStarProgress(cohort, { bands: { method: 'cuts', cuts: [4, 7] } }));
    const rng = createRng(42);
    for (let i = 0; i < 5; i++) {
      const c = { ...cohort, star: starReadingsFrom(shuffled(starReadingList(cohort.star), rng)) };
      expect(c.star).not.toEqual(cohort.star);
      expect(JSON.stringify(familyStarProgress(c, { bands: KM }))).toBe(base);
      expect(JSON.stringify(familyStarProgress(c, { bands: { method: 'cuts', cuts: [4, 7] } }))).toBe(baseCuts);
    }
  });

  it('does not change its inputs', () => {
    const before = structuredClone(cohort);
    const options = { bands: { ...KM }, stages: { upperBounds: [2, 4, 6, 8, 10], names: ['a', 'b', 'c', 'd', 'e'] } };
    const optionsBefore = structuredClone(options);
    const grouping = { name: 'service', values: cohort.families.map((f) => f.service) };
    const groupingBefore = structuredClone(grouping);
    familyStarProgress(cohort, options);
    progressByGroup(cohort, grouping, options);
    expect(cohort).toEqual(before);
    expect(options).toEqual(optionsBefore);
    expect(grouping).toEqual(groupingBefore);
  });

  it('the k-means segments do not depend on which family comes first (segments by mean, not by label)', () => {
    const perm = shuffled(
      cohort.families.map((_, i) => i),
      createRng(7),
    );
    const families = perm.map((i) => cohort.families[i]!);
    const reordered = makeCohort(
      families,
      starReadingList(cohort.star).map(({ familyIndex, ...s }) => ({ ...s, familyId: cohort.families[familyIndex]!.familyId })),
    );
    const a = familyStarProgress(cohort, { bands: KM });
    const b = familyStarProgress(reordered, { bands: KM });
    expect(b.matrix.counts).toEqual(a.matrix.counts);
    expect(b.categories).toEqual(a.categories);
  });
});

describe('validation', () => {
  const tiny = (reading: number, date2 = '2023-06-01', reading2 = 5) =>
    makeCohort(
      [family('A')],
      [
        { familyId: 'A', domain: 'home_and_money', date: '2023-01-01', reading },
        { familyId: 'A', domain: 'home_and_money', date: date2, reading: reading2 },
      ],
    );

  it('rejects readings outside whole numbers 1–10, naming the value', () => {
    expect(() => familyStarProgress(tiny(11), { bands: { method: 'cuts', cuts: [4, 7] } })).toThrow(/whole numbers 1-10, got 11/);
    expect(() => familyStarProgress(tiny(5.5), { bands: { method: 'cuts', cuts: [4, 7] } })).toThrow(/got 5.5/);
    expect(() => familyStarProgress(tiny(0), { bands: { method: 'cuts', cuts: [4, 7] } })).toThrow(/got 0/);
  });

  it('rejects two different readings of one family and domain on the same date, accepts agreeing ones', () => {
    expect(() => familyStarProgress(tiny(3, '2023-01-01', 5), { bands: { method: 'cuts', cuts: [4, 7] } })).toThrow(/one reading per family, domain and date, got 3 and 5/);
    const r = familyStarProgress(tiny(5, '2023-01-01', 5), { bands: { method: 'cuts', cuts: [4, 7] } });
    expect(r.excluded).toEqual({ noReadings: 0, noChange: 1 });
  });

  it('rejects invalid stage definitions', () => {
    expect(() => journeyStages({ upperBounds: [2, 4, 6, 8, 9], names: ['a', 'b', 'c', 'd', 'e'] })).toThrow(/last stage bound to be the top reading 10, got 9/);
    expect(() => journeyStages({ upperBounds: [4, 3, 10], names: ['a', 'b', 'c'] })).toThrow(/strictly ascending/);
    expect(() => journeyStages({ upperBounds: [3, 10], names: ['a'] })).toThrow(/one name per stage, got 1 names for 2 stages/);
    expect(() => journeyStages({ upperBounds: [3, 10], names: ['a', 'a'] })).toThrow(/distinct stage names/);
    expect(() => journeyStages({ upperBounds: [2.5, 10], names: ['a', 'b'] })).toThrow(/whole-number stage bounds, got 2.5/);
    expect(journeyStages().stageOfReading.slice(1)).toEqual(Int8Array.from([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]));
  });

  it('parses --bands and rejects bad cut points', () => {
    expect(parseProgressBands('kmeans')).toEqual({ method: 'kmeans' });
    expect(parseProgressBands('cuts:4,7')).toEqual({ method: 'cuts', cuts: [4, 7] });
    expect(parseProgressBands('cuts:4.5, 6.5')).toEqual({ method: 'cuts', cuts: [4.5, 6.5] });
    expect(() => parseProgressBands('cuts:7,4')).toThrow(/A <= B, got A=7, B=4/);
    expect(() => parseProgressBands('cuts:0,4')).toThrow(/within 1-10/);
    expect(() => parseProgressBands('cuts:4')).toThrow(/"kmeans" or "cuts:A,B"/);
    expect(() => parseProgressBands('cuts:a,4')).toThrow(/require numbers/);
    expect(() => parseProgressBands('kmedoids')).toThrow(/got "kmedoids"/);
  });

  it('a cohort with no change anywhere gives an empty matrix and says why, in both band methods', () => {
    for (const bands of [{ method: 'kmeans' } as const, { method: 'cuts', cuts: [4, 7] } as const]) {
      const r = familyStarProgress(makeCohort([family('A'), family('B')], []), { bands });
      expect(r).toMatchObject({ families: 2, eligibleFamilies: 0, excluded: { noReadings: 2, noChange: 0 }, anyDomainProgressed: 0 });
      expect(r.matrix.counts).toEqual([[0, 0, 0], [0, 0, 0], [0, 0, 0]]);
      expect(r.categories).toMatchObject({ up: 0, same: 0, down: 0, upPercent: null });
    }
    const k = familyStarProgress(makeCohort([family('A')], []));
    expect(k.bands).toMatchObject({ method: 'kmeans', centres: [], inertia: null, note: expect.stringMatching(/no k-means was fitted/) });
  });

  it('k-means bands need 3 distinct complete vectors and say so', () => {
    expect(() => computeFamilyProgress(tiny(3))).toThrow(/at least 3 distinct start or end vectors with all 10 domains, got 0/);
  });
});
