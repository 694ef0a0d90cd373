import { describe, expect, it } from 'vitest';
import { progressDesign } from '../../src/synth/progress-design.js';
import { PLANTED_CLUSTERS } from '../../src/synth/planted-clusters.js';
import { PUBLISHED_TARGETS } from '../../src/synth/published-targets.js';

describe('progressDesign', () => {
  const d = progressDesign();
  const total = PLANTED_CLUSTERS.reduce((s, c) => s + c.families, 0);

  it('targets the published matrix normalised to 1 (its cells sum to 99%)', () => {
    const cells = PUBLISHED_TARGETS.progressMatrixPercent.flat();
    const sum = cells.reduce((s, v) => s + v, 0);
    expect(sum).toBe(99);
    d.target.forEach((t, i) => expect(t).toBeCloseTo(cells[i]! / sum, 12));
  });

  it('gives every family class a cumulative distribution over the 9 cells ending at 1', () => {
    expect(d.cumulative.length).toBe(PLANTED_CLUSTERS.length * 8 * 9);
    for (let q = 0; q < d.cumulative.length / 9; q++) {
      for (let k = 1; k < 9; k++) expect(d.cumulative[q * 9 + k]!).toBeGreaterThanOrEqual(d.cumulative[q * 9 + k - 1]!);
      expect(d.cumulative[q * 9 + 8]).toBe(1);
    }
  });

  it('reproduces the cohort-wide up and down shares from the cluster shares (weights of the 787 families)', () => {
    const up = d.clusterUp.reduce((s, u, c) => s + (PLANTED_CLUSTERS[c]!.families / total) * u, 0);
    const down = d.clusterDown.reduce((s, u, c) => s + (PLANTED_CLUSTERS[c]!.families / total) * u, 0);
    expect(up).toBeCloseTo(d.target[1]! + d.target[2]! + d.target[5]!, 6);
    expect(down).toBeCloseTo(d.target[3]! + d.target[6]! + d.target[7]!, 6);
  });

  it('makes I, B, C, A, G move up more than average and I, H, C, D move down more, as published', () => {
    const up = d.target[1]! + d.target[2]! + d.target[5]!;
    const down = d.target[3]! + d.target[6]! + d.target[7]!;
    const at = (id: string) => PLANTED_CLUSTERS.findIndex((c) => c.id === id);
    for (const c of Object.keys(PUBLISHED_TARGETS.higherProgressByClusterPercent)) expect(d.clusterUp[at(c)]!).toBeGreaterThan(up + 0.02);
    for (const c of Object.keys(PUBLISHED_TARGETS.lowerProgressByClusterPercent)) expect(d.clusterDown[at(c)]!).toBeGreaterThan(down + 0.02);
  });
});
