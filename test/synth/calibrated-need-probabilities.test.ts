import { describe, expect, it } from 'vitest';
import { NEED_CATALOGUE } from '../../src/cohort/catalogues.js';
import { calibratedNeedProbabilities } from '../../src/synth/calibrated-need-probabilities.js';
import { PLANTED_CLUSTERS, RAW_NEED_PROFILES } from '../../src/synth/planted-clusters.js';
import { PUBLISHED_TARGETS } from '../../src/synth/published-targets.js';

describe('calibratedNeedProbabilities', () => {
  const cal = calibratedNeedProbabilities();
  const J = cal.needIds.length;
  const total = PLANTED_CLUSTERS.reduce((s, c) => s + c.families, 0);
  const expected = (j: number) => PLANTED_CLUSTERS.reduce((s, c, k) => s + (c.families / total) * cal.p[k * J + j]!, 0);

  it('covers the 57 indicators of the catalogue, in order, with a profile for every one', () => {
    expect(cal.needIds).toEqual(NEED_CATALOGUE.map((n) => n.id));
    expect(Object.keys(RAW_NEED_PROFILES).sort()).toEqual(cal.needIds.slice().sort());
    for (const v of cal.p) expect(v > 0 && v < 1).toBe(true);
  });

  it('makes the cluster-weighted expected prevalence equal each published prevalence (to 1e-9)', () => {
    for (const [id, target] of Object.entries(PUBLISHED_TARGETS.needPrevalencePercent)) {
      expect(100 * expected(cal.needIds.indexOf(id))).toBeCloseTo(target, 9);
    }
  });

  it('keeps cluster D at the published 95% teenage and 64% single parents, and leaves unpublished indicators as designed', () => {
    const d = PLANTED_CLUSTERS.findIndex((c) => c.id === 'D');
    expect(cal.p[d * J + cal.needIds.indexOf('teenage_parent')]).toBe(PUBLISHED_TARGETS.clusterD.teenageParentsPercent / 100);
    expect(cal.p[d * J + cal.needIds.indexOf('single_parent_family')]).toBe(PUBLISHED_TARGETS.clusterD.singleParentPercent / 100);
    const j = cal.needIds.indexOf('gang_involvement');
    expect(cal.shift[j]).toBe(0);
    PLANTED_CLUSTERS.forEach((_, k) => expect(cal.p[k * J + j]).toBe(RAW_NEED_PROFILES.gang_involvement![k]));
  });

  it('returns the same object on every call (computed once)', () => {
    expect(calibratedNeedProbabilities()).toBe(cal);
  });
});
