import { codeTreeData, type TreeView } from './code-tree-data.js';
import type { TreeData, TreeExclusions, TreePredictorInfo } from './tree-types.js';

/** A predictor coded for growing a tree (internal). */
export interface PreparedPredictor {
  info: TreePredictorInfo;
  /** Category index per case of the full data; `info.categories.length` = missing. */
  codes: Int32Array;
  /** Continuous predictors: the raw value per case (NaN = missing), for CART. */
  numeric: Float64Array | null;
}

/** Validated, coded tree data (internal). */
export interface PreparedTreeData {
  target: string;
  targetCategories: string[];
  /** Target category per case (−1 = missing). */
  targetCodes: Int32Array;
  predictors: PreparedPredictor[];
  /** Cases used: target present and at least one predictor present. */
  rows: Int32Array;
  excluded: TreeExclusions;
}

/**
 * Checks tree data and codes it: target categories, predictor categories (continuous
 * predictors binned into `intervals` quantile bins on the cases used), missing values.
 * Cases with a missing target, or with every predictor missing, are left out and counted.
 * (CHAID grows on the compact coding of `codeTreeData` directly; this per-case form is CART's.)
 *
 * Cost: O(n · p + n log n) for n cases and p predictors.
 * @throws on mismatched lengths, duplicate or empty predictor names, an unknown level,
 *   values of the wrong type, an ordinal text predictor without `order` (or with values
 *   outside it), a `targetOrder` that misses an observed category, or no usable case.
 */
export function prepareTreeData(fn: string, data: TreeData, intervals: number): PreparedTreeData {
  const { view } = codeTreeData(fn, data, intervals);
  return materialize(view, data);
}

/** The per-case form of a view: category codes of every case (as the view maps them), raw values of continuous predictors. */
function materialize(view: TreeView, data: TreeData): PreparedTreeData {
  const coded = view.coded;
  const n = coded.n;
  const targetCodes = new Int32Array(n).fill(-1);
  for (const i of view.rows) targetCodes[i] = view.targetMap[coded.targetCodes[i]!]!;
  const predictors = view.predictors.map((vp, j): PreparedPredictor => {
    const codes = new Int32Array(n);
    const src = vp.coded.codes;
    for (let i = 0; i < n; i++) codes[i] = vp.map[src[i]!]!;
    let numeric: Float64Array | null = null;
    if (vp.info.level === 'continuous') {
      numeric = new Float64Array(n).fill(NaN);
      const values = data.predictors[j]!.values;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v !== null) numeric[i] = v as number;
      }
    }
    return { info: vp.info, codes, numeric };
  });
  return {
    target: coded.targetName,
    targetCategories: view.targetCategories,
    targetCodes,
    predictors,
    rows: view.rows,
    excluded: coded.excluded,
  };
}
