/** The evaluation's rule for validating its trees on large cohorts (src/evaluate.ts treeValidation). */
import { describe, expect, it } from 'vitest';
import { TREE_HOLDOUT_COHORT, treeValidation } from '../../src/evaluate.js';

describe('treeValidation (evaluate)', () => {
  it('cross-validates every fold up to TREE_HOLDOUT_COHORT families, and holds out one fold above it, saying so', () => {
    expect(TREE_HOLDOUT_COHORT).toBe(200_000);
    expect(treeValidation(TREE_HOLDOUT_COHORT, 5)).toEqual({ rounds: undefined, note: null });
    const above = treeValidation(TREE_HOLDOUT_COHORT + 1, 5);
    expect(above.rounds).toBe(1);
    expect(above.note).toMatch(/one hold-out split \(the first of 5 folds.*not 5-fold cross-validation: the cohort has more than 200,000 families/);
    expect(treeValidation(1_000_000, 1)).toEqual({ rounds: undefined, note: null }); // no validation asked for
  });
});
