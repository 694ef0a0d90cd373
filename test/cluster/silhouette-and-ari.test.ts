import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../src/cluster/adjusted-rand-index.js';
import { silhouette } from '../../src/cluster/silhouette.js';
import { golden, readMatrix } from './fixtures.js';

const b = readMatrix('binary.csv');
const binary = { rows: b.rows, cols: b.cols, values: Uint8Array.from(b.values) };
const dense = readMatrix('dense.csv');

describe('silhouette', () => {
  it('equals scikit-learn on 0/1 and dense data (make_golden.py)', () => {
    // golden.silhouette.call: silhouette_score(X_binary, labels, metric='euclidean')
    expect(silhouette(binary, golden.kmeansBinary[0]!.labels).mean).toBeCloseTo(golden.silhouette.value, 10);
    expect(silhouette(dense, golden.kmeansDense[0]!.labels).mean).toBeCloseTo(golden.silhouette.denseValue, 10);
  });

  it('samples with a seed: same seed same value, and says it sampled', () => {
    const labels = golden.kmeansBinary[0]!.labels;
    const a = silhouette(binary, labels, { sampleSize: 200, seed: 4 });
    const c = silhouette(binary, labels, { sampleSize: 200, seed: 4 });
    expect(a).toEqual(c);
    expect(a.sampled).toBe(true);
    expect(a.rows).toBe(200);
    expect(Math.abs(a.mean - golden.silhouette.value)).toBeLessThan(0.05);
  });

  it('is 0 for a row alone in its cluster and rejects a single cluster', () => {
    const data = { rows: 3, cols: 1, values: new Float64Array([0, 1, 5]) };
    const r = silhouette(data, [0, 0, 1]);
    expect(r.perCluster[1]).toBe(0);
    expect(() => silhouette(data, [0, 0, 0])).toThrow('at least 2 clusters');
  });
});

describe('adjustedRandIndex', () => {
  it('equals scikit-learn adjusted_rand_score (make_golden.py)', () => {
    for (const g of golden.ari) expect(adjustedRandIndex(g.a, g.b)).toBeCloseTo(g.value, 12);
  });

  it('is 1 for the same partition under other names, and symmetric', () => {
    expect(adjustedRandIndex([0, 0, 1, 2], ['x', 'x', 'y', 'z'])).toBe(1);
    const g = golden.ari[0]!;
    expect(adjustedRandIndex(g.b, g.a)).toBeCloseTo(adjustedRandIndex(g.a, g.b), 14);
    expect(() => adjustedRandIndex([1], [1, 2])).toThrow('equal length, got 1 and 2');
  });
});
