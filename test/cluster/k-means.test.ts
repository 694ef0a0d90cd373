import { kmeans as mlKMeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { kMeans } from '../../src/cluster/k-means.js';
import { createRng } from '../../src/stats/rng.js';
import { golden, readMatrix, samePartition } from './fixtures.js';

const binary = readMatrix('binary.csv');
const binaryU8 = { rows: binary.rows, cols: binary.cols, values: Uint8Array.from(binary.values) };
const dense = readMatrix('dense.csv');

function rowsOf(table: number[][], idx: number[]): number[][] {
  return idx.map((i) => [...table[i]!]);
}

/** Random 0/1 data with a few planted groups (seeded). */
function randomBinary(n: number, d: number, groups: number, seed: number) {
  const rng = createRng(seed);
  const probs = Array.from({ length: groups }, () => Array.from({ length: d }, () => (rng.float() < 0.3 ? 0.7 : 0.15)));
  const values = new Uint8Array(n * d);
  for (let i = 0; i < n; i++) {
    const g = rng.int(0, groups - 1);
    for (let j = 0; j < d; j++) values[i * d + j] = rng.float() < probs[g]![j]! ? 1 : 0;
  }
  const table = Array.from({ length: n }, (_, i) => Array.from(values.subarray(i * d, (i + 1) * d)));
  return { data: { rows: n, cols: d, values }, table };
}

describe('kMeans against scikit-learn (same starting centres)', () => {
  // Golden values: test/fixtures/cluster/make_golden.py, KMeans(init=centres, n_init=1, algorithm='lloyd', tol=0).
  for (const g of golden.kmeansBinary) {
    it(`0/1 data: ${g.call}`, () => {
      const r = kMeans(binaryU8, { k: g.k, initialCentroids: g.initCentroids, tolerance: 0 });
      expect(r.binary).toBe(true);
      expect(r.inertia).toBeCloseTo(g.inertia, 8);
      expect(samePartition(r.labels, g.labels)).toBe(true);
      expect(r.converged).toBe(true);
    });
  }
  for (const g of golden.kmeansDense) {
    it(`dense data: ${g.call}`, () => {
      const r = kMeans(dense, { k: g.k, initialCentroids: g.initCentroids, tolerance: 0 });
      expect(r.binary).toBe(false);
      expect(r.inertia).toBeCloseTo(g.inertia, 7);
      expect(samePartition(r.labels, g.labels)).toBe(true);
    });
  }
});

describe('kMeans against ml-kmeans (the reference implementation)', () => {
  it('gives the same partition, centroids and steps from the same start, on 0/1 and dense data', () => {
    for (let t = 0; t < 12; t++) {
      const n = 200 + 40 * t;
      const d = 10 + 6 * t; // up to 76 columns: more than one 64-bit group
      const k = 2 + (t % 7);
      const { data, table } = randomBinary(n, d, 4, 100 + t);
      const rng = createRng(t);
      const start = Array.from({ length: k }, () => rng.int(0, n - 1));
      const tolerance = t % 2 === 0 ? 1e-6 : 0;
      const ref = mlKMeans(table, k, { initialization: rowsOf(table, start), maxIterations: 300, tolerance });
      const mine = kMeans(data, { k, initialCentroids: rowsOf(table, start), tolerance });
      expect(Array.from(mine.labels)).toEqual(ref.clusters);
      expect(mine.iterations).toBe(ref.iterations);
      expect(mine.centroids).toEqual(ref.centroids);
    }
    // Dense (non-0/1) data: the readings fixture.
    const start = [0, 50, 100, 150];
    const ref = mlKMeans(dense.table, 4, { initialization: rowsOf(dense.table, start), maxIterations: 300, tolerance: 0 });
    const mine = kMeans(dense, { k: 4, initialCentroids: rowsOf(dense.table, start), tolerance: 0 });
    expect(Array.from(mine.labels)).toEqual(ref.clusters);
    expect(mine.centroids).toEqual(ref.centroids);
  });

  it('the k-means++ run equals a run from its starting rows (the first assignment is not skipped wrongly)', () => {
    for (let t = 0; t < 6; t++) {
      const { data, table } = randomBinary(600, 40, 5, 7 + t);
      const a = kMeans(data, { k: 3 + t, restarts: 1, seed: t });
      const b = kMeans(data, { k: 3 + t, initialCentroids: rowsOf(table, a.startRows!) });
      expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
      expect(a.inertia).toBe(b.inertia);
      const ref = mlKMeans(table, 3 + t, { initialization: rowsOf(table, a.startRows!), maxIterations: 300, tolerance: 1e-6 });
      expect(Array.from(a.labels)).toEqual(ref.clusters);
    }
  });
});

describe('kMeans invariants', () => {
  it('same seed, same bytes; another seed may differ but is reproducible too', () => {
    const a = kMeans(binaryU8, { k: 4, restarts: 5, seed: 3 });
    const b = kMeans(binaryU8, { k: 4, restarts: 5, seed: 3 });
    expect(JSON.stringify({ ...a, labels: Array.from(a.labels) })).toBe(JSON.stringify({ ...b, labels: Array.from(b.labels) }));
  });

  it('keeps the restart with the lowest inertia', () => {
    const r = kMeans(binaryU8, { k: 6, restarts: 8, seed: 2 });
    expect(r.restarts).toHaveLength(8);
    expect(r.inertia).toBe(Math.min(...r.restarts.map((x) => x.inertia)));
    expect(r.restarts[r.bestRestart]!.inertia).toBe(r.inertia);
    expect(r.sizes.reduce((s, v) => s + v, 0)).toBe(binary.rows);
  });

  it('does not mutate its inputs', () => {
    const values = Uint8Array.from(binaryU8.values);
    const init = rowsOf(binary.table, [1, 2, 3]);
    const initCopy = JSON.stringify(init);
    kMeans({ rows: binary.rows, cols: binary.cols, values }, { k: 3, initialCentroids: init });
    expect(values).toEqual(binaryU8.values);
    expect(JSON.stringify(init)).toBe(initCopy);
  });

  it('is invariant to the order of the starting centroids and of the rows (labels permute, partition stays)', () => {
    const start = [3, 100, 250, 400];
    const a = kMeans(binaryU8, { k: 4, initialCentroids: rowsOf(binary.table, start), tolerance: 0 });
    const b = kMeans(binaryU8, { k: 4, initialCentroids: rowsOf(binary.table, [...start].reverse()), tolerance: 0 });
    expect(samePartition(a.labels, b.labels)).toBe(true);
    expect(b.inertia).toBeCloseTo(a.inertia, 9);
    const order = Array.from({ length: binary.rows }, (_, i) => binary.rows - 1 - i);
    const reversed = Uint8Array.from(order.flatMap((i) => binary.table[i]!));
    const c = kMeans({ rows: binary.rows, cols: binary.cols, values: reversed }, { k: 4, initialCentroids: rowsOf(binary.table, start), tolerance: 0 });
    expect(samePartition(order.map((i) => a.labels[i]!), c.labels)).toBe(true);
  });

  it('finds well-separated clusters exactly and reports an exact inertia', () => {
    const values = new Float64Array([0, 0, 0, 1, 10, 10, 10, 11]);
    const r = kMeans({ rows: 4, cols: 2, values }, { k: 2, seed: 1 });
    expect(samePartition(r.labels, [0, 0, 1, 1])).toBe(true);
    expect(r.inertia).toBeCloseTo(1, 12); // (0.5² + 0.5²) per cluster
  });

  it('rejects bad input with messages naming the rule and the value', () => {
    const data = { rows: 3, cols: 1, values: new Float64Array([1, 2, 3]) };
    expect(() => kMeans(data, { k: 5 })).toThrow('kMeans requires k <= n, got k=5, n=3');
    expect(() => kMeans(data, { k: 0 })).toThrow('k to be a whole number >= 1, got k=0');
    expect(() => kMeans(data, { k: 2, restarts: 0 })).toThrow('restarts=0');
    expect(() => kMeans(data, { k: 2, tolerance: -1 })).toThrow('tolerance=-1');
    expect(() => kMeans({ rows: 2, cols: 1, values: new Float64Array([1, NaN]) }, { k: 1 })).toThrow('finite values, got NaN at row 1');
    expect(() => kMeans({ rows: 2, cols: 1, values: new Uint8Array([1, 2]) }, { k: 1 })).toThrow('0/1 values, got 2 at row 1');
    expect(() => kMeans({ rows: 2, cols: 2, values: new Uint8Array([1, 0]) }, { k: 1 })).toThrow('values.length = rows*cols');
    expect(() => kMeans(data, { k: 2, initialCentroids: [[1]] })).toThrow('initialCentroids to have k=2 rows, got 1');
    expect(() => kMeans(data, { k: 1, initialCentroids: [[1]], restarts: 3 })).toThrow('restarts=1 with initialCentroids, got restarts=3');
  });
});
