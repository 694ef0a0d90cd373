import { STAR_DOMAINS } from '../cohort/types.js';
import { percentOf } from './percent-of.js';
import type { FamilyProgress, JourneySnapshot, StageShare } from './types.js';

const D = STAR_DOMAINS.length;

/**
 * Journey of Change snapshots: per domain, how many of the given families (those whose
 * domain has change) were in each stage at the start and at the end, with percentages of
 * that denominator. Cost: O(families · domains).
 * @param families indices of families in the analysis (from `eligibleFamilies`).
 * @example journeyOfChange(progress, eligibleFamilies(progress))[0].start[0] // { stage: 1, name: 'Stuck', count, percent }
 */
export function journeyOfChange(progress: FamilyProgress, families: readonly number[]): JourneySnapshot[] {
  const { stageOfReading, names } = progress.stages;
  return STAR_DOMAINS.map((domain, d) => {
    const start = new Array<number>(names.length).fill(0);
    const end = new Array<number>(names.length).fill(0);
    let n = 0;
    for (let fi = 0; fi < families.length; fi++) {
      const f = families[fi]!;
      const c = f * D + d;
      if (!progress.hasChange[c]) continue;
      n++;
      start[stageOfReading[progress.startReading[c]!]!]!++;
      end[stageOfReading[progress.endReading[c]!]!]!++;
    }
    const shares = (counts: number[]): StageShare[] =>
      counts.map((count, s) => ({ stage: s + 1, name: names[s]!, count, percent: percentOf(count, n) }));
    return { domain, families: n, start: shares(start), end: shares(end) };
  });
}
