import { STAR_DOMAINS, type Cohort } from '../cohort/types.js';
import { familyStarReadings } from './family-star-readings.js';
import { fitStarBands } from './fit-star-bands.js';
import { journeyStages } from './journey-stages.js';
import { validateCuts } from './parse-progress-bands.js';
import type { BandsReport, FamilyProgress, ProgressOptions } from './types.js';

const D = STAR_DOMAINS.length;

/** Defaults of the k-means bands. */
export const DEFAULT_BANDS_SEED = 1;
export const DEFAULT_BANDS_RESTARTS = 10;

/** How missing domains are handled by the k-means bands (stated in results.json). */
export const KMEANS_MISSING_DOMAINS =
  'A start or end vector holds the readings of the domains with change (readings on two or more dates); ' +
  'the k-means is fitted on the vectors with all ten domains only, and a vector with domains missing is put ' +
  'in the segment of the nearest centre by squared distance over the domains it has.';

/**
 * The per-family core of the Family Star progress analysis, computed once and reused by
 * every summary: start and end reading of each family × domain (earliest and latest
 * reading date; the order of `cohort.star` does not matter), which cells have change,
 * which families are left out and why, start and end scores, and start and end segments
 * by the chosen bands (see `ProgressOptions.bands`). Does not change the cohort.
 * Cost: O(readings + families · domains) plus the k-means for `kmeans` bands.
 * @throws on an invalid stage definition or bands (cut points, k-means seed or restarts),
 *   fewer than 3 distinct complete vectors for the k-means, a reading that is not a whole number
 *   1–10, an unknown domain, a family index out of range, or two different readings of one
 *   family and domain on the same date.
 * @example computeFamilyProgress(cohort, { bands: { method: 'cuts', cuts: [4, 7] } }).startSegment
 */
export function computeFamilyProgress(cohort: Cohort, options: ProgressOptions = {}): FamilyProgress {
  const stages = journeyStages(options.stages);
  const bands = options.bands ?? { method: 'kmeans' };
  if (bands.method === 'cuts') validateCuts(bands.cuts);
  else if (bands.method === 'kmeans') {
    if (bands.seed !== undefined && !Number.isSafeInteger(bands.seed)) throw new Error(`k-means bands require a whole-number seed, got ${bands.seed}`);
    if (bands.restarts !== undefined && !(Number.isSafeInteger(bands.restarts) && bands.restarts >= 1)) {
      throw new Error(`k-means bands require restarts to be a whole number >= 1, got ${bands.restarts}`);
    }
  } else {
    throw new Error(`progress bands require method "kmeans" or "cuts", got ${JSON.stringify((bands as { method: unknown }).method)}`);
  }

  const readings = familyStarReadings(cohort);
  const { familyCount: F, startReading, endReading, hasChange, exclusion, startScore, endScore } = readings;

  const startSegment = new Int8Array(F).fill(-1);
  const endSegment = new Int8Array(F).fill(-1);
  let report: BandsReport;
  if (bands.method === 'cuts') {
    const [a, b] = bands.cuts;
    const seg = (x: number): number => (x < a ? 0 : x >= b ? 2 : 1);
    for (let f = 0; f < F; f++) {
      if (exclusion[f] !== null) continue;
      startSegment[f] = seg(startScore[f]!);
      endSegment[f] = seg(endScore[f]!);
    }
    report = {
      method: 'cuts',
      cuts: [a, b],
      score: 'Lower below the first cut, Higher at or above the second, on the family score: the mean of its start (end) readings over the domains with change',
    };
  } else {
    const seed = bands.seed ?? DEFAULT_BANDS_SEED;
    const restarts = bands.restarts ?? DEFAULT_BANDS_RESTARTS;
    const eligible: number[] = [];
    for (let f = 0; f < F; f++) if (exclusion[f] === null) eligible.push(f);
    // Pooled vectors: rows 0..m-1 are start vectors, m..2m-1 end vectors of the same families.
    const m = eligible.length;
    const pooled = new Float64Array(2 * m * D).fill(NaN);
    for (let i = 0; i < m; i++) {
      const f = eligible[i]!;
      for (let d = 0; d < D; d++) {
        const c = f * D + d;
        if (!hasChange[c]) continue;
        pooled[i * D + d] = startReading[c]!;
        pooled[(m + i) * D + d] = endReading[c]!;
      }
    }
    // No family in the analysis: nothing to fit, an empty matrix (stated in `note`).
    const fit = m === 0 ? null : fitStarBands(pooled, D, { seed, restarts });
    for (let i = 0; i < m; i++) {
      startSegment[eligible[i]!] = fit!.segment[i]!;
      endSegment[eligible[i]!] = fit!.segment[m + i]!;
    }
    report = {
      method: 'kmeans',
      k: 3,
      seed,
      restarts,
      engine: fit?.engine ?? null,
      centres: fit?.centres ?? [],
      centreMeans: fit?.centreMeans ?? [],
      inertia: fit?.inertia ?? null,
      vectors: { pooled: 2 * m, complete: fit?.complete ?? 0, incomplete: fit?.incomplete ?? 0 },
      sample: fit?.sample ?? null,
      missingDomains: KMEANS_MISSING_DOMAINS,
      note: fit ? null : 'no family has a domain with change: no k-means was fitted',
    };
  }

  return {
    ...readings,
    kind: 'familyProgress',
    stages,
    startSegment,
    endSegment,
    bands: report,
  };
}
