import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../src/cluster/adjusted-rand-index.js';
import { bernoulliMixture, bernoulliMixtureLogLikelihood } from '../../src/cluster/bernoulli-mixture.js';
import { golden, readMatrix } from './fixtures.js';

const m = readMatrix('binary.csv');
const data = { rows: m.rows, cols: m.cols, values: Uint8Array.from(m.values) };
const g = golden.bernoulli;

describe('bernoulliMixtureLogLikelihood', () => {
  it('equals an independent computation (scipy logsumexp, make_golden.py)', () => {
    // golden: sum(logsumexp(log(w) + X @ log(P).T + (1 - X) @ log(1 - P).T, axis=1))
    expect(bernoulliMixtureLogLikelihood(data, { weights: g.weights, probabilities: g.probabilities })).toBeCloseTo(g.logLikelihood, 8);
  });

  it('is ln p for one row and one class, and −Infinity when a row is impossible', () => {
    const one = { rows: 1, cols: 2, values: new Uint8Array([1, 0]) };
    expect(bernoulliMixtureLogLikelihood(one, { weights: [1], probabilities: [[0.25, 0.5]] })).toBeCloseTo(Math.log(0.25 * 0.5), 14);
    expect(bernoulliMixtureLogLikelihood(one, { weights: [1], probabilities: [[0, 0.5]] })).toBe(-Infinity);
  });
});

describe('bernoulliMixture (EM)', () => {
  it('matches 50 EM steps written independently in numpy from the same start (make_golden.py em())', () => {
    const fit = bernoulliMixture(data, {
      k: 3,
      initial: { weights: g.weights, probabilities: g.probabilities },
      maxIterations: g.emIterations,
      tolerance: 0,
    });
    expect(fit.iterations).toBe(50);
    expect(fit.logLikelihood).toBeCloseTo(g.emLogLikelihood, 6);
    fit.weights.forEach((w, c) => expect(w).toBeCloseTo(g.emWeights[c]!, 8));
    fit.probabilities.forEach((row, c) => row.forEach((p, j) => expect(p).toBeCloseTo(g.emProbabilities[c]![j]!, 8)));
    // The reported log-likelihood is that of the reported parameters.
    expect(bernoulliMixtureLogLikelihood(data, fit)).toBeCloseTo(fit.logLikelihood, 6);
  });

  it('never lowers the log-likelihood from one EM step to the next', () => {
    let previous = -Infinity;
    for (let steps = 1; steps <= 12; steps++) {
      const fit = bernoulliMixture(data, { k: 4, initial: { weights: g.weights.concat([0]).map((w) => w * 0.9 + 0.025), probabilities: [...g.probabilities, g.probabilities[0]!.map((p) => 1 - p)] }, maxIterations: steps, tolerance: 0 });
      expect(fit.logLikelihood).toBeGreaterThanOrEqual(previous - 1e-9);
      previous = fit.logLikelihood;
    }
  });

  it('recovers the four planted groups about as k-means does, with BIC, posteriors and entropy', () => {
    const fit = bernoulliMixture(data, { k: 4, restarts: 3, seed: 1 });
    const sk = golden.kmeansBinary[0]!; // scikit-learn's k-means partition, k = 4
    expect(adjustedRandIndex(fit.labels, sk.labels)).toBeGreaterThan(0.8);
    expect(fit.bic).toBeCloseTo(-2 * fit.logLikelihood + (4 * 24 + 3) * Math.log(500), 8);
    expect(fit.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    for (let i = 0; i < 5; i++) {
      const row = Array.from(fit.posteriors.subarray(i * 4, i * 4 + 4));
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      expect(row.indexOf(Math.max(...row))).toBe(fit.labels[i]);
    }
    expect(fit.entropyR2).toBeGreaterThan(0.5);
    expect(fit.entropyR2).toBeLessThanOrEqual(1);
    expect(fit.logLikelihood).toBe(Math.max(...fit.restarts.map((r) => r.logLikelihood)));
  });

  it('same seed, same result; input not mutated', () => {
    const copy = Uint8Array.from(data.values);
    const a = bernoulliMixture(data, { k: 3, restarts: 2, seed: 5 });
    const b = bernoulliMixture(data, { k: 3, restarts: 2, seed: 5 });
    expect(a.logLikelihood).toBe(b.logLikelihood);
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(data.values).toEqual(copy);
  });

  it('rejects bad input', () => {
    expect(() => bernoulliMixture({ rows: 2, cols: 1, values: new Float64Array([0, 0.5]) }, { k: 1 })).toThrow('requires 0/1 data');
    expect(() => bernoulliMixture(data, { k: 501 })).toThrow('k <= n, got k=501, n=500');
    expect(() => bernoulliMixture(data, { k: 2, initial: { weights: [1, 0], probabilities: [[0.5], [0.5]] } })).toThrow('24 probabilities per class, got 1 for class 0');
    expect(() => bernoulliMixtureLogLikelihood(data, { weights: [1.5], probabilities: [new Array(24).fill(0.5)] })).toThrow('weights in [0, 1], got 1.5');
  });
});
