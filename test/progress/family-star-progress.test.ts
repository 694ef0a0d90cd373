import { describe, expect, it } from 'vitest';
import { STAR_DOMAINS } from '../../src/cohort/types.js';
import { computeFamilyProgress } from '../../src/progress/compute-family-progress.js';
import { familyProgressCategories } from '../../src/progress/family-progress-categories.js';
import { familyStarProgress } from '../../src/progress/family-star-progress.js';
import { familyStartScores } from '../../src/progress/family-start-scores.js';
import { expected, fixtureCohort } from './fixture-cohort.js';

// Golden values: test/fixtures/progress/expected.json, written by expected.py beside it
// (pandas 1.5 for readings, stages and matrices; scipy.stats.wilcoxon; sklearn KMeans).
const golden = expected();
const cohort = fixtureCohort('hand-made');
const CUTS = { method: 'cuts', cuts: [4, 7] } as const;

/** Percentages are rounded to 2 decimals by the workbench; goldens are unrounded. */
function expectPercent(actual: number | null, expectedValue: number | null): void {
  if (expectedValue === null) expect(actual).toBeNull();
  else expect(Math.abs(actual! - expectedValue)).toBeLessThanOrEqual(0.005 + 1e-9);
}

describe('familyStarProgress on the hand-made cohort (default stages, cuts 4,7)', () => {
  const g = golden.handMade.defaultStages;
  const r = familyStarProgress(cohort, { bands: CUTS });

  it('counts families in and out of the analysis with the reason', () => {
    expect(r.families).toBe(g.families);
    expect(r.eligibleFamilies).toBe(g.eligibleFamilies);
    expect(r.excluded).toEqual(g.excluded);
    expect(r.excluded.noReadings).toBeGreaterThan(0);
    expect(r.excluded.noChange).toBeGreaterThan(0);
    expect(r.excludedFamilies).toBe(g.excluded.noReadings + g.excluded.noChange);
    expect(r.anyDomainProgressed).toBe(g.anyDomainProgressed);
  });

  it('domain progress matches pandas (stage moves, top-stage starts, left-out cells)', () => {
    expect(r.domains.map((d) => d.id)).toEqual([...STAR_DOMAINS]);
    r.domains.forEach((d, i) => {
      const e = g.domains[i];
      expect(d.id).toBe(e.id);
      expect(d.families).toBe(e.families);
      expect(d.progressed).toBe(e.progressed);
      expectPercent(d.percent, e.percent);
      expect(d.same).toBe(e.same);
      expect(d.down).toBe(e.down);
      expect(d.startedTop).toBe(e.startedTop);
      expectPercent(d.percentWithRoom, e.percentWithRoom);
      expect(d.excluded).toEqual(e.excluded);
      expect(d.change.mean).toBeCloseTo(e.mean, 12);
      expect(d.change.median).toBe(e.median);
    });
    expect(r.domains.some((d) => d.startedTop > 0)).toBe(true);
    expect(r.domains.some((d) => d.excluded.noReadings > 0 && d.excluded.oneDate > 0)).toBe(true);
  });

  it('Wilcoxon per domain matches scipy.stats.wilcoxon (call recorded in expected.json)', () => {
    r.domains.forEach((d, i) => {
      const e = g.domains[i].wilcoxon;
      const w = d.change.wilcoxon!;
      expect(w.method).toBe(e.method);
      expect(w.n).toBe(e.n);
      expect(w.zerosDropped).toBe(e.zerosDropped);
      expect(w.statistic).toBe(e.statistic);
      expect(w.p).toBeCloseTo(e.p, 10);
      expect(w.z!).toBeCloseTo(e.z, 10);
      expect(w.effectSizeR).toBeCloseTo(Math.abs(e.z) / Math.sqrt(e.n), 10);
    });
  });

  it('Journey of Change snapshots match pandas stage counts', () => {
    r.journeyOfChange.forEach((j, i) => {
      const e = g.journeyOfChange[i];
      expect(j.domain).toBe(e.domain);
      expect(j.start.map((s) => s.count)).toEqual(e.start);
      expect(j.end.map((s) => s.count)).toEqual(e.end);
      expect(j.start.map((s) => s.name)).toEqual(['Stuck', 'Accepting help', 'Trying', 'Finding what works', 'Effective parenting']);
      const total = e.start.reduce((a: number, b: number) => a + b, 0);
      expect(j.families).toBe(total);
      j.start.forEach((s, k) => expectPercent(s.percent, (100 * e.start[k]) / total));
    });
  });

  it('the cut-point matrix and categories match pandas', () => {
    expect(r.bands).toMatchObject({ method: 'cuts', cuts: [4, 7] });
    expect(r.matrix.counts).toEqual(g.cuts.counts);
    expect(r.categories).toMatchObject(g.cuts.categories);
    expect(r.matrix.total).toBe(g.eligibleFamilies);
    const flat = g.cuts.counts.flat() as number[];
    r.matrix.percent.flat().forEach((p, k) => expectPercent(p, (100 * flat[k]!) / g.eligibleFamilies));
    expect(r.matrix.rowTotals).toEqual(g.cuts.counts.map((row: number[]) => row.reduce((a, b) => a + b, 0)));
  });

  it('familyProgressCategories and familyStartScores agree with pandas per family', () => {
    const cats = familyProgressCategories(cohort, { bands: CUTS });
    const scores = familyStartScores(cohort);
    cohort.families.forEach((f, i) => {
      expect(cats.values[i]).toBe(g.cuts.category[f.familyId] ?? null);
      const s = g.startScores[f.familyId];
      if (s === undefined) expect(scores[i]).toBeNull();
      else expect(scores[i]).toBeCloseTo(s, 12);
    });
    // The boundary family H06 (start mean exactly 4, end exactly 7): Middle → Higher.
    const h06 = cohort.familyIndex.get('H06')!;
    expect(scores[h06]).toBe(4);
    expect(cats.values[h06]).toBe('up');
  });
});

describe('configurable stages', () => {
  it('stages 1–3, 4–7, 8–10 give the domain progress and snapshots pandas gives', () => {
    const g = golden.handMade.stages_3_7_10;
    const r = familyStarProgress(cohort, { bands: CUTS, stages: { upperBounds: [3, 7, 10], names: ['Low', 'Mid', 'High'] } });
    expect(r.stages).toEqual({ names: ['Low', 'Mid', 'High'], lowerBounds: [1, 4, 8], upperBounds: [3, 7, 10] });
    r.domains.forEach((d, i) => {
      expect([d.progressed, d.same, d.down, d.startedTop]).toEqual([g.domains[i].progressed, g.domains[i].same, g.domains[i].down, g.domains[i].startedTop]);
    });
    r.journeyOfChange.forEach((j, i) => expect(j.end.map((s) => s.count)).toEqual(g.journeyOfChange[i].end));
    expect(r.anyDomainProgressed).toBe(g.anyDomainProgressed);
  });
});

describe('exact Wilcoxon (distinct differences)', () => {
  it('progress_to_work matches scipy.stats.wilcoxon(d[d != 0], method="exact")', () => {
    const e = golden.distinct.domains[9];
    const r = familyStarProgress(fixtureCohort('distinct'), { bands: CUTS });
    const d = r.domains[9]!;
    expect(d.id).toBe('progress_to_work');
    expect(d.families).toBe(e.families);
    expect(d.change.wilcoxon).toMatchObject({ method: 'exact', n: e.wilcoxon.n, zerosDropped: e.wilcoxon.zerosDropped, statistic: e.wilcoxon.statistic, z: null });
    expect(d.change.wilcoxon!.p).toBeCloseTo(e.wilcoxon.p, 12);
    // A domain nobody has: no denominator, no test.
    const none = r.domains[1]!;
    expect(none).toMatchObject({ families: 0, percent: null, change: { mean: null, median: null, wilcoxon: null } });
  });
});

describe('k-means bands', () => {
  const g = golden.handMade.defaultStages.kmeans;
  const r = familyStarProgress(cohort, { bands: { method: 'kmeans', seed: 3, restarts: 20 } });

  it('centres, matrix and vector counts match sklearn KMeans on the complete pooled vectors', () => {
    if (r.bands.method !== 'kmeans') throw new Error('expected k-means bands');
    expect(r.bands.vectors).toEqual({ pooled: g.complete + g.incomplete, complete: g.complete, incomplete: g.incomplete });
    expect(r.bands.vectors.incomplete).toBeGreaterThan(0);
    r.bands.centres.forEach((c, s) => c.forEach((x, j) => expect(x).toBeCloseTo(g.centres[s][j], 6)));
    expect(r.bands.inertia).toBeCloseTo(g.inertia, 6);
    expect(r.bands.centreMeans[0]!).toBeLessThan(r.bands.centreMeans[1]!);
    expect(r.bands.centreMeans[1]!).toBeLessThan(r.bands.centreMeans[2]!);
    expect(r.matrix.counts).toEqual(g.counts);
    expect(r.categories).toMatchObject(g.categories);
    expect(r.bands.missingDomains).toMatch(/all ten domains only/);
  });

  it('same seed gives the same bytes', () => {
    const again = familyStarProgress(cohort, { bands: { method: 'kmeans', seed: 3, restarts: 20 } });
    expect(JSON.stringify(again)).toBe(JSON.stringify(r));
  });

  it('computeFamilyProgress is reused: categories from the core equal those from the cohort', () => {
    const core = computeFamilyProgress(cohort, { bands: { method: 'kmeans', seed: 3, restarts: 20 } });
    expect(familyProgressCategories(core).values).toEqual(familyProgressCategories(cohort, { bands: { method: 'kmeans', seed: 3, restarts: 20 } }).values);
    expect(familyStartScores(core)).toEqual(familyStartScores(cohort));
  });
});
