import { describe, expect, it } from 'vitest';
import { sampleRows, takeRows } from '../../src/cluster/sample-rows.js';
import { createRng } from '../../src/stats/rng.js';

describe('sampleRows / takeRows', () => {
  it('draws distinct rows in ascending order, the same for the same seed', () => {
    const a = sampleRows(1000, 100, createRng(5));
    expect(a).toHaveLength(100);
    expect(new Set(a).size).toBe(100);
    for (let i = 1; i < a.length; i++) expect(a[i]!).toBeGreaterThan(a[i - 1]!);
    expect(a[0]!).toBeGreaterThanOrEqual(0);
    expect(a[99]!).toBeLessThan(1000);
    expect(sampleRows(1000, 100, createRng(5))).toEqual(a);
    expect(sampleRows(1000, 100, createRng(6))).not.toEqual(a);
    expect(sampleRows(5, 5, createRng(1))).toEqual(Int32Array.of(0, 1, 2, 3, 4));
  });

  it('gives every row the same chance m/n, also when one order array serves many draws', () => {
    const n = 10;
    const m = 3;
    const draws = 20000;
    const rng = createRng(11);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const hits = new Array<number>(n).fill(0);
    for (let b = 0; b < draws; b++) for (const r of sampleRows(n, m, rng, order)) hits[r]++;
    // Binomial(20000, 0.3): sd 65; allow 5 sd.
    for (const h of hits) expect(Math.abs(h - draws * 0.3)).toBeLessThan(5 * Math.sqrt(draws * 0.3 * 0.7));
    expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
    // Without an order array (a fresh permutation each draw): the same chance.
    const fresh = new Array<number>(n).fill(0);
    for (let b = 0; b < draws; b++) for (const r of sampleRows(n, m, rng)) fresh[r]++;
    for (const h of fresh) expect(Math.abs(h - draws * 0.3)).toBeLessThan(5 * Math.sqrt(draws * 0.3 * 0.7));
  });

  it('copies the rows asked for; rejects a bad m', () => {
    const data = { rows: 3, cols: 2, values: new Uint8Array([0, 1, 1, 0, 1, 1]) };
    expect(takeRows(data, Int32Array.of(0, 2))).toEqual({ rows: 2, cols: 2, values: new Uint8Array([0, 1, 1, 1]) });
    const dense = { rows: 2, cols: 1, values: new Float64Array([0.5, 2]) };
    expect(takeRows(dense, Int32Array.of(1)).values).toEqual(new Float64Array([2]));
    expect(() => sampleRows(10, 0, createRng(1))).toThrow('m to be a whole number in [1, 10], got m=0');
    expect(() => sampleRows(10, 11, createRng(1))).toThrow('got m=11');
  });
});
