import { describe, expect, it } from 'vitest';
import { chooseK } from '../../src/cluster/choose-k.js';
import { clusterStability } from '../../src/cluster/cluster-stability.js';
import type { DataMatrix } from '../../src/cluster/data-matrix.js';
import { kMeans } from '../../src/cluster/k-means.js';
import { createRng } from '../../src/stats/rng.js';
import { golden, readMatrix } from './fixtures.js';

const b = readMatrix('binary.csv');
const binary = { rows: b.rows, cols: b.cols, values: Uint8Array.from(b.values) };

describe('chooseK', () => {
  const r = chooseK(binary, { kMax: 7, restarts: 4 });

  it('finds the four planted groups by the lowest Bernoulli-mixture BIC and says why', () => {
    expect(r.rule).toBe('lowest-bic');
    expect(r.chosen).toBe(4);
    expect(r.reason).toMatch(/^k=4: the Bernoulli mixture/);
    expect(r.table.map((row) => row.k)).toEqual([2, 3, 4, 5, 6, 7]);
    const best = Math.min(...r.table.map((row) => row.bic!));
    expect(r.table.find((row) => row.k === 4)!.bic).toBe(best);
    // The k = 4 fit reaches scikit-learn's partition of the planted groups (make_golden.py kmeansBinary[0]).
    expect(r.table.find((row) => row.k === 4)!.inertia).toBeCloseTo(golden.kmeansBinary[0]!.inertia, 8);
    for (const row of r.table) expect(row.bic).toBeCloseTo(-2 * row.logLikelihood! + (row.k * 24 + row.k - 1) * Math.log(500), 6);
  });

  it('uses the silhouette for data that are not 0/1, and cuts the range to rows − 1', () => {
    const dense = readMatrix('dense.csv');
    const d = chooseK(dense, { kMax: 5, restarts: 3 });
    expect(d.rule).toBe('highest-silhouette');
    expect(d.table.every((row) => row.bic === null)).toBe(true);
    expect(d.chosen).toBe(d.table.reduce((x, y) => (y.silhouette > x.silhouette ? y : x)).k);
    const tiny = chooseK({ rows: 4, cols: 1, values: new Float64Array([0, 1, 10, 11]) }, { restarts: 1 });
    expect(tiny.kMax).toBe(3);
    expect(tiny.reason).toMatch(/cut to k <= 3/);
    expect(() => chooseK(binary, { kMin: 1 })).toThrow('kMin to be a whole number >= 2, got kMin=1');
  });
});

describe('clusterStability', () => {
  const fit = kMeans(binary, { k: 4, restarts: 4, seed: 1 });
  const refit = (sample: DataMatrix, seed: number) => kMeans(sample, { k: 4, restarts: 2, seed }).labels;

  it('reads the planted groups as stable, and is reproducible', () => {
    const s = clusterStability(binary, fit.labels, 4, refit, { resamples: 15, seed: 3 });
    expect(s.resamples).toBe(15);
    expect(s.reading).toEqual(['stable', 'stable', 'stable', 'stable']);
    for (const j of s.meanJaccard) expect(j).toBeGreaterThan(0.75);
    expect(clusterStability(binary, fit.labels, 4, refit, { resamples: 15, seed: 3 })).toEqual(s);
  });

  it('reads clusters cut out of structureless noise as not to be trusted', () => {
    const rng = createRng(9);
    const values = Uint8Array.from({ length: 400 * 12 }, () => (rng.float() < 0.3 ? 1 : 0));
    const noise = { rows: 400, cols: 12, values };
    const labels = kMeans(noise, { k: 6, restarts: 2, seed: 1 }).labels;
    const s = clusterStability(noise, labels, 6, (sample, seed) => kMeans(sample, { k: 6, restarts: 1, seed }).labels, {
      resamples: 15,
    });
    const mean = s.meanJaccard.reduce((x, y) => x + y, 0) / 6;
    expect(mean).toBeLessThan(0.75);
    expect(s.reading.some((r) => r !== 'stable')).toBe(true);
  });

  it('rejects labels that do not fit', () => {
    expect(() => clusterStability(binary, [0, 1], 2, refit)).toThrow('one label per row, got 2 for 500 rows');
  });
});
