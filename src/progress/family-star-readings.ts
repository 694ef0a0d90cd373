import { NO_DAY, STAR_DOMAINS, type Cohort } from '../cohort/types.js';
import { STAR_MAX_READING, STAR_MIN_READING } from './journey-stages.js';
import type { FamilyStarReadings, FamilyExclusion } from './types.js';

const D = STAR_DOMAINS.length;

/**
 * Start and end Family Star reading of every family × domain (the readings with the
 * earliest and the latest reading date, so the order of `cohort.star` does not matter),
 * which cells have change (readings on two or more dates), which families are left out
 * and why (no readings at all; readings but no domain with change), and each family's
 * start and end score (mean of its start / end readings over the domains with change).
 * Does not change the cohort. Cost: O(readings + families · domains).
 * @throws on a reading that is not a whole number 1–10, an unknown domain index, a family
 *   index out of range, a missing date, or two different readings of one family and domain on
 *   the same date.
 * @example familyStarReadings(cohort).startScore[0] // e.g. 4.5
 */
export function familyStarReadings(cohort: Cohort): FamilyStarReadings {
  const F = cohort.families.length;
  const cells = F * D;
  const startReading = new Uint8Array(cells);
  const endReading = new Uint8Array(cells);
  // Day numbers of the start and end readings; NO_DAY where the cell has none.
  const startDay = new Int32Array(cells).fill(NO_DAY);
  const endDay = new Int32Array(cells).fill(NO_DAY);
  const hasReadings = new Uint8Array(F);
  const star = cohort.star;
  const { familyIndex, domain, day, reading } = star;

  for (let i = 0; i < star.length; i++) {
    const f = familyIndex[i]!;
    if (f < 0 || f >= F) {
      throw new Error(`Family Star progress requires a star familyIndex within 0-${F - 1}, got ${f} (star reading ${i})`);
    }
    const d = domain[i]!;
    if (d >= D) throw new Error(`Family Star progress requires a Family Star domain index 0-${D - 1}, got ${d} (star reading ${i})`);
    const r = reading[i]!;
    if (r < STAR_MIN_READING || r > STAR_MAX_READING) {
      throw new Error(`Family Star progress requires readings that are whole numbers ${STAR_MIN_READING}-${STAR_MAX_READING}, got ${r} (star reading ${i})`);
    }
    const t = day[i]!;
    if (t === NO_DAY) throw new Error(`Family Star progress requires a reading date (star reading ${i})`);
    const c = f * D + d;
    hasReadings[f] = 1;
    const sd = startDay[c]!;
    if (sd === NO_DAY || t < sd) {
      startDay[c] = t;
      startReading[c] = r;
    } else if (t === sd && startReading[c] !== r) {
      throw conflict(startReading[c]!, r, i);
    }
    const ed = endDay[c]!;
    if (ed === NO_DAY || t > ed) {
      endDay[c] = t;
      endReading[c] = r;
    } else if (t === ed && endReading[c] !== r) {
      throw conflict(endReading[c]!, r, i);
    }
  }

  const hasChange = new Uint8Array(cells);
  const exclusion: (FamilyExclusion | null)[] = new Array(F);
  const startScore = new Float64Array(F).fill(NaN);
  const endScore = new Float64Array(F).fill(NaN);
  for (let f = 0; f < F; f++) {
    let n = 0;
    let sumStart = 0;
    let sumEnd = 0;
    for (let d = 0; d < D; d++) {
      const c = f * D + d;
      if (startDay[c] !== NO_DAY && startDay[c]! < endDay[c]!) {
        hasChange[c] = 1;
        n++;
        sumStart += startReading[c]!;
        sumEnd += endReading[c]!;
      }
    }
    exclusion[f] = n > 0 ? null : hasReadings[f] ? 'noChange' : 'noReadings';
    if (n > 0) {
      startScore[f] = sumStart / n;
      endScore[f] = sumEnd / n;
    }
  }
  return { familyCount: F, startReading, endReading, hasChange, exclusion, startScore, endScore };
}

function conflict(a: number, b: number, i: number): Error {
  return new Error(`Family Star progress requires one reading per family, domain and date, got ${a} and ${b} on the same date (star reading ${i})`);
}
