import { NEED_CATALOGUE } from '../cohort/catalogues.js';
import { PLANTED_CLUSTERS, PINNED_NEED_CELLS, RAW_NEED_PROFILES } from './planted-clusters.js';
import { PUBLISHED_TARGETS } from './published-targets.js';

export interface CalibratedNeedProbabilities {
  /** Indicator ids in catalogue order (the `need_` columns, without the prefix). */
  needIds: string[];
  /** Row-major clusters × indicators: `p[c * needIds.length + j]`. */
  p: Float64Array;
  /** The logit shift applied to each indicator (0 when it has no published prevalence). */
  shift: Float64Array;
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

let cached: CalibratedNeedProbabilities | null = null;

/**
 * Need probabilities of the planted clusters, calibrated: for every indicator with a
 * published prevalence (PUBLISHED_TARGETS.needPrevalencePercent), one shift on the logit
 * scale of its unpinned cluster cells, found by bisection, makes the cluster-weighted mean
 * equal the published prevalence exactly. Other indicators keep RAW_NEED_PROFILES.
 * Cost: O(indicators · clusters · 60), computed once and cached.
 * @throws when RAW_NEED_PROFILES does not cover the catalogue (a programming error).
 * @example calibratedNeedProbabilities().needIds.length // 57
 */
export function calibratedNeedProbabilities(): CalibratedNeedProbabilities {
  if (cached) return cached;
  const needIds = NEED_CATALOGUE.map((n) => n.id);
  const k = PLANTED_CLUSTERS.length;
  const total = PLANTED_CLUSTERS.reduce((s, c) => s + c.families, 0);
  const w = PLANTED_CLUSTERS.map((c) => c.families / total);
  const p = new Float64Array(k * needIds.length);
  const shift = new Float64Array(needIds.length);
  needIds.forEach((id, j) => {
    const raw = RAW_NEED_PROFILES[id];
    if (!raw || raw.length !== k) throw new Error(`calibratedNeedProbabilities requires a profile of ${k} clusters for need ${id}`);
    const pinned = PLANTED_CLUSTERS.map((c) => PINNED_NEED_CELLS.some(([n, cl]) => n === id && cl === c.id));
    const target = PUBLISHED_TARGETS.needPrevalencePercent[id];
    let delta = 0;
    if (target !== undefined) {
      const mean = (d: number) => raw.reduce((s, q, c) => s + w[c]! * (pinned[c] ? q : expit(logit(q) + d)), 0);
      let lo = -10;
      let hi = 10;
      for (let it = 0; it < 100; it++) {
        const mid = (lo + hi) / 2;
        if (mean(mid) < target / 100) lo = mid;
        else hi = mid;
      }
      delta = (lo + hi) / 2;
    }
    shift[j] = delta;
    raw.forEach((q, c) => {
      p[c * needIds.length + j] = pinned[c] || delta === 0 ? q : expit(logit(q) + delta);
    });
  });
  cached = { needIds, p, shift };
  return cached;
}
