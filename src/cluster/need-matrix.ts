import { NEED_MISSING, type Cohort } from '../cohort/types.js';

/** How families with a blank need value are treated, stated in every result. */
export const MISSING_NEED_RULE =
  'A family with any need indicator blank (missing) is left out of the clustering and gets no cluster; ' +
  'missing is never read as "no need". Such families are counted.';

/** Result of {@link needMatrix}. */
export interface NeedMatrixResult {
  /** 0/1 matrix of the families kept (rows) by the indicators (cols), row-major. */
  data: { rows: number; cols: number; values: Uint8Array };
  /** Indicator ids (columns), without the `need_` prefix. */
  indicators: string[];
  /** For each row, the family's index in `cohort.families`. */
  familyIndex: Int32Array;
  /** Families left out because an indicator is blank. */
  excludedMissing: number;
}

/**
 * The families' need indicators as a 0/1 matrix for clustering: the chosen indicators
 * (default: every `need_` column of the cohort, in column order), one row per family that
 * has all of them recorded (see MISSING_NEED_RULE).
 *
 * Cost: O(families · indicators).
 *
 * @throws if an indicator asked for is not in the cohort, an indicator is named twice, or
 *   no family has every indicator recorded.
 * @example needMatrix(cohort).data.cols // cohort.needIds.length
 */
export function needMatrix(cohort: Cohort, indicators?: readonly string[]): NeedMatrixResult {
  const ids = indicators ? [...indicators] : [...cohort.needIds];
  if (ids.length === 0) throw new Error('needMatrix requires at least one need indicator, got none');
  const seen = new Set<string>();
  const columns = ids.map((id) => {
    if (seen.has(id)) throw new Error(`needMatrix requires each indicator once, got "${id}" twice`);
    seen.add(id);
    const j = cohort.needIds.indexOf(id);
    if (j < 0) throw new Error(`needMatrix requires indicators present in the cohort, got "${id}"`);
    return j;
  });
  const nf = cohort.families.length;
  const width = cohort.needIds.length;
  const d = ids.length;
  const keep: number[] = [];
  let excludedMissing = 0;
  for (let f = 0; f < nf; f++) {
    let complete = true;
    for (const j of columns) {
      if (cohort.needs[f * width + j] === NEED_MISSING) {
        complete = false;
        break;
      }
    }
    if (complete) keep.push(f);
    else excludedMissing++;
  }
  if (keep.length === 0) {
    throw new Error(`needMatrix requires at least one family with every indicator recorded, got 0 of ${nf}`);
  }
  const values = new Uint8Array(keep.length * d);
  keep.forEach((f, i) => {
    for (let t = 0; t < d; t++) values[i * d + t] = cohort.needs[f * width + columns[t]!]!;
  });
  return {
    data: { rows: keep.length, cols: d, values },
    indicators: ids,
    familyIndex: Int32Array.from(keep),
    excludedMissing,
  };
}
