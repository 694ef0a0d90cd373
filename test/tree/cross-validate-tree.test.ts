/**
 * Cross-validated accuracy. The baseline is recomputed here from the documented fold
 * procedure (usable cases shuffled by createRng(seed) and dealt round-robin into k folds;
 * each fold predicted by the most frequent category of the others).
 */
import { describe, expect, it } from 'vitest';
import { createRng, shuffled } from '../../src/stats/rng.js';
import { crossValidateTree } from '../../src/tree/cross-validate-tree.js';
import type { TreeData } from '../../src/tree/tree-types.js';
import { socialCareData } from './fixture-data.js';

const full = socialCareData();
// 800 cases keep CART quick
const data: TreeData = { ...full, target: full.target.slice(0, 800), predictors: full.predictors.map((p) => ({ ...p, values: p.values.slice(0, 800) })) };

describe('crossValidateTree', () => {
  it('scores CHAID, CART and the majority class on the same seeded folds', () => {
    const r = crossValidateTree(data, { folds: 5, seed: 7, chaid: { minParent: 60, minChild: 30 }, cart: { maxDepth: 2 } });
    expect(r.n).toBe(800);
    expect(r.folds).toBe(5);
    // baseline recomputed from the procedure
    const order = shuffled(Array.from({ length: 800 }, (_, i) => i), createRng(7));
    const fold = new Map(order.map((i, pos) => [i, pos % 5]));
    let correct = 0;
    for (let f = 0; f < 5; f++) {
      const train = order.filter((i) => fold.get(i) !== f);
      const ones = train.filter((i) => data.target[i] === '1').length;
      const majority = ones > train.length - ones ? '1' : '0';
      correct += order.filter((i) => fold.get(i) === f && data.target[i] === majority).length;
    }
    expect(r.baseline.correct).toBe(correct);
    expect(r.baseline.accuracy).toBeCloseTo(correct / 800, 15);
    for (const m of [r.chaid, r.cart!]) {
      expect(m.perFold.length).toBe(5);
      expect(m.accuracy).toBeGreaterThan(0.5);
      expect(m.accuracy).toBeLessThanOrEqual(1);
    }
  });

  it('gives the same result for the same seed, and other folds for another seed', () => {
    const opts = { folds: 4, chaid: { minParent: 60, minChild: 30 }, cart: false as const };
    const a = crossValidateTree(data, { ...opts, seed: 3 });
    expect(crossValidateTree(data, { ...opts, seed: 3 })).toEqual(a);
    expect(crossValidateTree(data, { ...opts, seed: 4 }).baseline.perFold).not.toEqual(a.baseline.perFold);
    expect(a.cart).toBeNull();
  });

  it('rejects impossible fold counts', () => {
    expect(() => crossValidateTree(data, { folds: 1 })).toThrow(/2 <= folds <= n, got folds=1, n=800/);
    expect(() => crossValidateTree(data, { folds: 5000 })).toThrow(/got folds=5000, n=800/);
  });
});
