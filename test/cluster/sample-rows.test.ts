import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/stats/rng.js';
import { sampleRows } from '../../src/cluster/sample-rows.js';

describe('sampleRows', () => {
  it('draws m distinct rows in ascending order, the same for the same seed', () => {
    const a = sampleRows(1000, 37, createRng(5));
    expect(a.length).toBe(37);
    expect(new Set(a).size).toBe(37);
    for (let i = 1; i < a.length; i++) expect(a[i]!).toBeGreaterThan(a[i - 1]!);
    expect(a[36]!).toBeLessThan(1000);
    expect(sampleRows(1000, 37, createRng(5))).toEqual(a);
    expect(sampleRows(1000, 37, createRng(6))).not.toEqual(a);
  });

  it('is uniform: each of 10 rows drawn about 3/10 of the time over 20,000 draws of 3', () => {
    const rng = createRng(11);
    const hits = new Array<number>(10).fill(0);
    for (let t = 0; t < 20000; t++) for (const i of sampleRows(10, 3, rng)) hits[i]!++;
    // Expected 6,000 each; sd = sqrt(20000 · 0.3 · 0.7) ≈ 65: within 4 sd.
    for (const h of hits) expect(Math.abs(h - 6000)).toBeLessThan(260);
  });
});
