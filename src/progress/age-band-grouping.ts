import { DEFAULT_AGE_BANDS, type AgeBand } from '../cohort/config.js';
import type { Cohort } from '../cohort/types.js';
import { ageBandIndex, checkAgeBands } from '../outcomes/age-band-index.js';
import type { FamilyGroupSets } from './types.js';

export interface AgeBandGroupingResult extends FamilyGroupSets {
  /** Children whose age at start is unknown (they put their family in no band). */
  childrenWithoutAge: number;
  /** Children whose age falls in a gap between the bands. */
  childrenOutsideBands: number;
  /** Families with no child in any band (empty list in `values`). */
  familiesWithoutBand: number;
}

/**
 * Families by the age bands of their children: a family belongs to EVERY band in which it
 * has a child (age at the start of the intervention), so a family with a 3- and a
 * 12-year-old is in both 1-4 and 10-15, and groups overlap. Children without an age, or
 * with an age in a gap between bands, are counted and put their family in no band.
 * Cost: O(children · bands).
 * @throws when the bands are invalid (see `checkAgeBands`) or a child's family index is out of range.
 * @example ageBandGrouping(cohort).values[0] // ['1-4', '10-15']
 */
export function ageBandGrouping(cohort: Cohort, bands: readonly AgeBand[] = DEFAULT_AGE_BANDS): AgeBandGroupingResult {
  checkAgeBands(bands);
  const F = cohort.families.length;
  const member = new Uint8Array(F * bands.length);
  let childrenWithoutAge = 0;
  let childrenOutsideBands = 0;
  for (const child of cohort.children) {
    const f = child.familyIndex;
    if (!Number.isInteger(f) || f < 0 || f >= F) throw new Error(`ageBandGrouping requires child familyIndex within 0-${F - 1}, got ${f}`);
    if (child.ageAtStart === null) {
      childrenWithoutAge++;
      continue;
    }
    const b = ageBandIndex(bands, child.ageAtStart);
    if (b < 0) {
      childrenOutsideBands++;
      continue;
    }
    member[f * bands.length + b] = 1;
  }
  // Families with the same bands share one (frozen) list: a few dozen lists for a million families.
  let familiesWithoutBand = 0;
  const shared = new Map<string, string[]>();
  const values: string[][] = new Array(F);
  for (let f = 0; f < F; f++) {
    let key = '';
    for (let b = 0; b < bands.length; b++) key += member[f * bands.length + b] ? '1' : '0';
    let labels = shared.get(key);
    if (!labels) {
      labels = Object.freeze(bands.filter((_, b) => key[b] === '1').map((band) => band.label)) as string[];
      shared.set(key, labels);
    }
    if (labels.length === 0) familiesWithoutBand++;
    values[f] = labels;
  }
  return {
    name: 'age_band',
    values,
    order: bands.map((b) => b.label),
    childrenWithoutAge,
    childrenOutsideBands,
    familiesWithoutBand,
  };
}
