import { describe, expect, it } from 'vitest';
import { fitStarBands } from '../../src/progress/fit-star-bands.js';
import { createRng } from '../../src/stats/rng.js';

/** 3,000 ten-domain vectors around three levels (readings 1–10), a few with a blank domain. */
function vectors(): Float64Array {
  const rng = createRng(9);
  const n = 3000;
  const D = 10;
  const out = new Float64Array(n * D);
  for (let i = 0; i < n; i++) {
    const level = [3, 6, 8][i % 3]!;
    for (let d = 0; d < D; d++) out[i * D + d] = Math.min(10, Math.max(1, level + rng.int(-2, 2)));
    if (i % 50 === 0) out[i * D + (i % D)] = NaN;
  }
  return out;
}

describe('fitStarBands on a sample (large cohorts)', () => {
  const x = vectors();
  const full = fitStarBands(x, 10, { seed: 4, restarts: 5 });
  const sampled = fitStarBands(x, 10, { seed: 4, restarts: 5, sample: 500 });

  it('says so in the engine, and is the same for the same seed', () => {
    expect(full.engine).not.toMatch(/sample/);
    expect([full.sample, sampled.sample]).toEqual([null, 500]);
    expect(sampled.engine).toMatch(/restarts on a seeded random sample of 500 complete vectors, the best refined by Lloyd on all of them/);
    expect(fitStarBands(x, 10, { seed: 4, restarts: 5, sample: 500 })).toEqual(sampled);
  });

  it('ends at a fixed point of Lloyd on ALL complete vectors (each centre the mean of its members)', () => {
    const D = 10;
    const sums = Array.from({ length: 3 }, () => new Array<number>(D).fill(0));
    const counts = [0, 0, 0];
    for (let i = 0; i < x.length / D; i++) {
      const row = x.subarray(i * D, (i + 1) * D);
      if (row.some(Number.isNaN)) continue;
      const s = sampled.segment[i]!;
      counts[s]!++;
      row.forEach((v, d) => (sums[s]![d]! += v));
    }
    sampled.centres.forEach((c, s) => c.forEach((v, d) => expect(v).toBeCloseTo(sums[s]![d]! / counts[s]!, 9)));
  });

  it('reaches the full fit on well-separated bands (same inertia and segments)', () => {
    expect(sampled.inertia).toBeCloseTo(full.inertia, 6);
    expect(sampled.segment).toEqual(full.segment);
  });
});

describe('the bands method text', () => {
  it('gives no count of the cohort’s vectors (they stay in progress.bands.vectors, analyst output)', async () => {
    const { progressSummary } = await import('../../src/progress/progress-summary.js');
    const { computeFamilyProgress } = await import('../../src/progress/compute-family-progress.js');
    const { fixtureCohort } = await import('./fixture-cohort.js');
    const family = computeFamilyProgress(fixtureCohort('hand-made'), { bands: { method: 'kmeans', seed: 5, restarts: 5 } });
    const text = progressSummary(family).methods.bands;
    expect(text).toMatch(/how many of each: progress\.bands\.vectors in results\.json/);
    expect(text).not.toMatch(/\d+ complete|\d+ with domains missing/);
  });
});
