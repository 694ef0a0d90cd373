import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/stats/rng.js';
import { averageRanks } from '../../src/stats/rank.js';

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
