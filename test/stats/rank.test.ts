import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/stats/rng.js';
import { averageRanks } from '../../src/stats/rank.js';
import { wilcoxonSignedRank, wilcoxonSignedRankOfCounts } from '../../src/stats/wilcoxon-signed-rank.js';
import { loadCases } from './golden.js';

type RankCase = { call: string; x: number[]; ranks: number[]; tieSizes: number[] };

describe('averageRanks: golden values (test/fixtures/stats/make-fixtures.py)', () => {
  // Average ranks are multiples of 0.5: compared exactly.
  it.each(loadCases<RankCase>('rank.json').map((c) => [JSON.stringify(c.x).slice(0, 60), c] as const))('matches SciPy rankdata on %s', (_x, c) => {
    expect(averageRanks(c.x)).toEqual({ ranks: c.ranks, tieSizes: c.tieSizes });
  });
});

describe('averageRanks: counting and sorting agree', () => {
  it('whole numbers in a narrow range (counted) rank as the sorted path does (fractions force sorting)', () => {
    const rng = createRng(3);
    for (let t = 0; t < 50; t++) {
      const n = rng.int(1, 200);
      const ints = Array.from({ length: n }, () => rng.int(-9, 9));
      // Adding 0.5 to every value keeps the order and ties but forces the sorting path.
      const viaSort = averageRanks(ints.map((v) => v + 0.5));
      expect(averageRanks(ints)).toEqual(viaSort);
    }
    // A range too wide to count is sorted: same answer as by hand.
    expect(averageRanks([0, 1e9, 1e9, -5])).toEqual({ ranks: [2, 3.5, 3.5, 1], tieSizes: [1, 1, 2] });
  });
});

describe('wilcoxonSignedRankOfCounts', () => {
  it('equals wilcoxonSignedRank on the same differences (300 random integer samples, exact and normal paths)', () => {
    const rng = createRng(17);
    for (let t = 0; t < 300; t++) {
      const n = rng.int(1, t % 3 === 0 ? 40 : 400);
      const d = Array.from({ length: n }, () => rng.int(-9, 9));
      if (d.every((x) => x === 0)) continue;
      const values = [...new Set(d)];
      const counts = values.map((v) => d.filter((x) => x === v).length);
      expect(wilcoxonSignedRankOfCounts(values, counts)).toEqual(wilcoxonSignedRank(d));
    }
    // Distinct values (no ties): the exact path.
    expect(wilcoxonSignedRankOfCounts([1.5, -0.5, 2, 3, 4.5, -1, 2.5, 0], [1, 1, 1, 1, 1, 1, 1, 1])).toEqual(
      wilcoxonSignedRank([1.5, -0.5, 2, 3, 4.5, -1, 2.5, 0]),
    );
  });

  it('rejects tables that are not tables of differences', () => {
    expect(() => wilcoxonSignedRankOfCounts([1, 2], [1])).toThrow(/one count per value, got 1 counts for 2 values/);
    expect(() => wilcoxonSignedRankOfCounts([1, 1], [1, 1])).toThrow(/distinct values/);
    expect(() => wilcoxonSignedRankOfCounts([1, 2], [1, -1])).toThrow(/whole-number counts >= 0, got -1/);
    expect(() => wilcoxonSignedRankOfCounts([0, 3], [4, 0])).toThrow(/at least one non-zero difference, got 4 zeros/);
  });
});
