import { describe, expect, it } from 'vitest';
import { STAR_DOMAINS } from '../../src/cohort/types.js';
import { familyStarProgress } from '../../src/progress/family-star-progress.js';
import { mean, median } from '../../src/stats/descriptive.js';
import { createRng } from '../../src/stats/rng.js';
import { wilcoxonSignedRank } from '../../src/stats/wilcoxon-signed-rank.js';
import { family, makeCohort, type StarRow } from './fixture-cohort.js';

// domainProgress keeps the changes in reading as a histogram (medianOfCounts,
// wilcoxonSignedRankOfCounts). Here the same changes, known by construction, go through
// the list-based `median`, `mean` and `wilcoxonSignedRank` of src/stats, whose own
// golden values come from R and scipy (test/fixtures/stats/make-fixtures.R / .py).
// The hand-made fixture's medians are all 0, so these cases cover even n with two
// different middle values (a half-stage median) and non-zero medians.

const CUTS = { bands: { method: 'cuts', cuts: [4, 7] } } as const;

/** A cohort whose family i has, in every domain, start[i] then end[i] on two dates. */
function cohortOf(pairs: readonly (readonly [number, number])[]) {
  const families = pairs.map((_, i) => family(`F${i}`));
  const star: StarRow[] = pairs.flatMap(([s, e], i) =>
    STAR_DOMAINS.flatMap((domain) => [
      { familyId: `F${i}`, domain, date: '2023-01-10', reading: s },
      { familyId: `F${i}`, domain, date: '2023-07-10', reading: e },
    ]),
  );
  return makeCohort(families, star);
}

function randomPairs(seed: number, n: number): [number, number][] {
  const rng = createRng(seed);
  const reading = () => rng.int(1, 10);
  return Array.from({ length: n }, () => [reading(), reading()] as [number, number]);
}

function expectAsListPath(pairs: readonly (readonly [number, number])[]) {
  const diffs = pairs.map(([s, e]) => e - s);
  const change = familyStarProgress(cohortOf(pairs), CUTS).domains[0]!.change;
  expect(change.median).toBe(median(diffs));
  expect(change.mean).toBeCloseTo(mean(diffs), 12);
  if (diffs.every((d) => d === 0)) {
    expect(change.wilcoxon).toBeNull();
    return change;
  }
  const { n, zerosDropped, statistic, p, method, z, effectSizeR } = wilcoxonSignedRank(diffs);
  expect(change.wilcoxon).toMatchObject({ n, zerosDropped, statistic, method, z });
  expect(change.wilcoxon!.p).toBeCloseTo(p, 12);
  expect(change.wilcoxon!.effectSizeR).toBeCloseTo(effectSizeR, 12);
  return change;
}

describe('domain change from the histogram equals the list-based path', () => {
  it('even n with a half-stage median: changes 1, 1, 2, 4 give median 1.5', () => {
    const change = expectAsListPath([
      [3, 4],
      [5, 6],
      [2, 4],
      [1, 5],
    ]);
    expect(change.median).toBe(1.5);
  });

  it('negative medians, and the exact Wilcoxon (distinct |changes|): −3, −1, 2, −5, −4', () => {
    const change = expectAsListPath([
      [7, 4],
      [6, 5],
      [3, 5],
      [9, 4],
      [8, 4],
    ]);
    expect(change.median).toBe(-3);
    expect(change.wilcoxon!.method).toBe('exact');
  });

  it('30 random cohorts of 1 to 80 families, odd and even n (normal approximation with ties)', () => {
    let halfMedians = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const change = expectAsListPath(randomPairs(seed, 1 + ((seed * 37) % 80)));
      if (change.median !== null && !Number.isInteger(change.median)) halfMedians++;
    }
    expect(halfMedians).toBeGreaterThan(0);
  });
});
