import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/stats/rng.js';
import { sampleIndices } from '../../src/stats/sample-indices.js';
import { averageRanks } from '../../src/stats/rank.js';

describe('sampleIndices', () => {
  it('draws m distinct indices in ascending order, the same for the same seed', () => {
    const a = sampleIndices(1000, 37, createRng(5));
    expect(a.length).toBe(37);
    expect(new Set(a).size).toBe(37);
    for (let i = 1; i < a.length; i++) expect(a[i]!).toBeGreaterThan(a[i - 1]!);
    expect(a[0]!).toBeGreaterThanOrEqual(0);
    expect(a[36]!).toBeLessThan(1000);
    expect(sampleIndices(1000, 37, createRng(5))).toEqual(a);
    expect(sampleIndices(1000, 37, createRng(6))).not.toEqual(a);
  });

  it('returns every index when m >= n, and rejects bad sizes', () => {
    expect(Array.from(sampleIndices(4, 9, createRng(1)))).toEqual([0, 1, 2, 3]);
    expect(() => sampleIndices(-1, 2, createRng(1))).toThrow(/n to be a whole number >= 0, got -1/);
    expect(() => sampleIndices(5, 1.5, createRng(1))).toThrow(/m to be a whole number >= 0, got 1.5/);
  });

  it('is uniform: each of 10 indices drawn about 3/10 of the time over 20,000 draws of 3', () => {
    const rng = createRng(11);
    const hits = new Array<number>(10).fill(0);
    for (let t = 0; t < 20000; t++) for (const i of sampleIndices(10, 3, rng)) hits[i]!++;
    // Expected 6,000 each; sd = sqrt(20000 · 0.3 · 0.7) ≈ 65: within 4 sd.
    for (const h of hits) expect(Math.abs(h - 6000)).toBeLessThan(260);
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
