import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './cohort-figures.js';

/** Golden values: sklearn.metrics.adjusted_rand_score, made by test/fixtures/synth/adjusted-rand-index.py. */
const golden = JSON.parse(readFileSync(new URL('../fixtures/synth/adjusted-rand-index.json', import.meta.url), 'utf8')) as {
  cases: { a: number[]; b: number[]; ari: number }[];
};

describe('adjustedRandIndex (test helper for cluster recovery)', () => {
  it('matches scikit-learn adjusted_rand_score on every golden case to 1e-12', () => {
    expect(golden.cases.length).toBe(7);
    for (const c of golden.cases) expect(adjustedRandIndex(c.a, c.b)).toBeCloseTo(c.ari, 12);
  });

  it('is invariant to renaming the labels', () => {
    const c = golden.cases[5]!;
    expect(adjustedRandIndex(c.a.map((x) => `L${x}`), c.b.map((x) => 8 - x))).toBeCloseTo(c.ari, 12);
  });
});
