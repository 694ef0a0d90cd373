import { STAR_DOMAINS } from '../cohort/types.js';
import { mean, median } from '../stats/descriptive.js';
import { wilcoxonSignedRank } from '../stats/wilcoxon-signed-rank.js';
import { percentOf } from './percent-of.js';
import type { DomainProgress, FamilyProgress, WilcoxonReport } from './types.js';

const D = STAR_DOMAINS.length;

/**
 * Progress per Family Star domain over the given families in the analysis: among
 * families whose domain has change, how many moved up a stage, stayed, moved down and
 * started in the top stage, with percentages of that denominator; domain cells left out
 * (no reading, or one date only); mean and median change in reading (end − start) with a
 * paired Wilcoxon signed-rank test of the differences (src/stats/wilcoxon-signed-rank.ts:
 * zero differences dropped, exact for small n, else normal approximation with tie and
 * continuity correction) and its effect size r = z/√n.
 * Cost: O(families · domains) plus the Wilcoxon ranks.
 * @param families indices of families in the analysis (from `eligibleFamilies`).
 * @example domainProgress(progress, eligibleFamilies(progress))[0].percent // e.g. 61.2
 */
export function domainProgress(progress: FamilyProgress, families: readonly number[]): DomainProgress[] {
  const { stageOfReading } = progress.stages;
  const top = progress.stages.names.length - 1;
  return STAR_DOMAINS.map((id, d) => {
    let progressed = 0;
    let same = 0;
    let down = 0;
    let startedTop = 0;
    let noReadings = 0;
    let oneDate = 0;
    const diffs: number[] = [];
    for (const f of families) {
      const c = f * D + d;
      const s = progress.startReading[c]!;
      if (s === 0) {
        noReadings++;
        continue;
      }
      if (!progress.hasChange[c]) {
        oneDate++;
        continue;
      }
      const e = progress.endReading[c]!;
      const ss = stageOfReading[s]!;
      const es = stageOfReading[e]!;
      if (es > ss) progressed++;
      else if (es < ss) down++;
      else same++;
      if (ss === top) startedTop++;
      diffs.push(e - s);
    }
    const n = diffs.length;
    return {
      id,
      families: n,
      progressed,
      percent: percentOf(progressed, n),
      same,
      samePercent: percentOf(same, n),
      down,
      downPercent: percentOf(down, n),
      startedTop,
      startedTopPercent: percentOf(startedTop, n),
      percentWithRoom: percentOf(progressed, n - startedTop),
      excluded: { noReadings, oneDate },
      change: {
        mean: n > 0 ? mean(diffs) : null,
        median: n > 0 ? median(diffs) : null,
        wilcoxon: wilcoxonOrNull(diffs),
      },
    };
  });
}

function wilcoxonOrNull(diffs: number[]): WilcoxonReport | null {
  if (!diffs.some((x) => x !== 0)) return null;
  const w = wilcoxonSignedRank(diffs);
  return { n: w.n, zerosDropped: w.zerosDropped, statistic: w.statistic, p: w.p, method: w.method, z: w.z, effectSizeR: w.effectSizeR };
}
