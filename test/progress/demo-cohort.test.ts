import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFamilyProgress } from '../../src/progress/compute-family-progress.js';
import { progressByGroup } from '../../src/progress/progress-by-group.js';
import { progressSummary } from '../../src/progress/progress-summary.js';
import { synthCohortWithTruth } from '../../src/synth/synth-cohort.js';

// Published figures: ../shared/reference/published-figures.json (Leicestershire 2018,
// Dashboard 1b "Overall Progress Matrix" and section 8).
const published = JSON.parse(readFileSync(new URL('../../../shared/reference/published-figures.json', import.meta.url), 'utf8')).leicestershire2018;

describe('demo cohort (synthCohort, 5,486 families, seed 1) against the published progress figures', () => {
  const { cohort, truth } = synthCohortWithTruth();
  const core = computeFamilyProgress(cohort); // default: k-means bands, seed 1
  const r = progressSummary(core);

  it('the k-means matrix is within 3 percentage points of the published one, cell by cell', () => {
    const cells: number[][] = published.progressMatrixPercent.cells;
    r.matrix.percent.forEach((row, i) => row.forEach((p, j) => expect(Math.abs(p! - cells[i]![j]!)).toBeLessThanOrEqual(3)));
  });

  it('higher and lower than average progress within 3 points of 34% and 9%; 72% progressing in a domain', () => {
    expect(Math.abs(r.categories.upPercent! - published.progressCategoriesPercent.higherThanAverage)).toBeLessThanOrEqual(3);
    expect(Math.abs(r.categories.downPercent! - published.progressCategoriesPercent.lowerThanAverage)).toBeLessThanOrEqual(3);
    expect(Math.abs(r.anyDomainProgressedPercent! - published.madeProgressInAtLeastOneDomainPercent)).toBeLessThanOrEqual(3);
  });

  it('cut points 4 and 7 and the k-means give nearly the same segments on the demo cohort (its bands are well apart)', () => {
    const cuts = progressSummary(computeFamilyProgress(cohort, { bands: { method: 'cuts', cuts: [4, 7] } }));
    r.matrix.percent.forEach((row, i) => row.forEach((p, j) => expect(Math.abs(p! - cuts.matrix.percent[i]![j]!)).toBeLessThanOrEqual(1)));
  });

  it('by planted cluster: every cluster is summarised and tested, groups add up to the whole', () => {
    const byCluster = progressByGroup(core, { name: 'cluster', values: truth.cluster });
    expect(byCluster.groups.map((g) => g.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    expect(byCluster.groups.reduce((s, g) => s + g.summary.eligibleFamilies, 0)).toBe(r.eligibleFamilies);
    for (const g of byCluster.groups) expect(g.up.p).not.toBeNull();
  });
});
