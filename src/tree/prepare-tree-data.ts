import { binContinuous } from './bin-continuous.js';
import { compareLabels } from './tree-labels.js';
import {
  MISSING_CATEGORY,
  PREDICTOR_LEVELS,
  type TreeData,
  type TreeExclusions,
  type TreePredictorInfo,
} from './tree-types.js';

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

function isMissing(v: unknown): boolean {
  return v === null;
}

function checkLabel(fn: string, name: string, v: string | number): string {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw new Error(`${fn} requires finite numbers in predictor "${name}", got ${v}`);
  }
  if (typeof v !== 'number' && typeof v !== 'string') {
    throw new Error(`${fn} requires text, numbers or null in predictor "${name}", got ${typeof v}`);
  }
  const label = String(v);
  if (label.trim() === '') throw new Error(`${fn} requires null (not blank text) for a missing value in predictor "${name}"`);
  if (label === MISSING_CATEGORY) {
    throw new Error(`${fn} reserves the label ${MISSING_CATEGORY} for missing values, found it as a value of predictor "${name}"`);
  }
  return label;
}

/**
 * Checks tree data and codes it: target categories, predictor categories (continuous
 * predictors binned into `intervals` quantile bins on the cases used), missing values.
 * Cases with a missing target, or with every predictor missing, are left out and counted.
 *
 * Cost: O(n · p + n log n) for n cases and p predictors.
 * @throws on mismatched lengths, duplicate or empty predictor names, an unknown level,
 *   values of the wrong type, an ordinal text predictor without `order` (or with values
 *   outside it), a `targetOrder` that misses an observed category, or no usable case.
 */
export function prepareTreeData(fn: string, data: TreeData, intervals: number): PreparedTreeData {
  if (!data || !Array.isArray(data.target)) throw new Error(`${fn} requires data.target to be an array`);
  if (!Array.isArray(data.predictors) || data.predictors.length === 0) {
    throw new Error(`${fn} requires at least one predictor, got ${Array.isArray(data.predictors) ? 0 : 'none'}`);
  }
  const n = data.target.length;
  const names = new Set<string>();
  for (const p of data.predictors) {
    if (typeof p.name !== 'string' || p.name.trim() === '') throw new Error(`${fn} requires every predictor to have a name`);
    if (names.has(p.name)) throw new Error(`${fn} requires unique predictor names, got "${p.name}" twice`);
    names.add(p.name);
    if (!PREDICTOR_LEVELS.includes(p.level)) {
      throw new Error(`${fn} requires the level of predictor "${p.name}" to be one of ${PREDICTOR_LEVELS.join(', ')}, got ${String(p.level)}`);
    }
    if (!Array.isArray(p.values) || p.values.length !== n) {
      throw new Error(`${fn} requires predictor "${p.name}" to have one value per case: ${n}, got ${Array.isArray(p.values) ? p.values.length : 'none'}`);
    }
  }
  const targetName = data.targetName ?? 'target';

  // Target.
  const targetLabels: (string | null)[] = data.target.map((t) => {
    if (t === null) return null;
    if (typeof t !== 'string' || t.trim() === '') {
      throw new Error(`${fn} requires the target to be text or null, got ${t === '' ? 'blank text' : typeof t}`);
    }
    return t;
  });

  // Cases used.
  let missingTarget = 0;
  let allPredictorsMissing = 0;
  const used: number[] = [];
  for (let i = 0; i < n; i++) {
    if (targetLabels[i] === null) {
      missingTarget++;
      continue;
    }
    if (data.predictors.every((p) => isMissing(p.values[i]))) {
      allPredictorsMissing++;
      continue;
    }
    used.push(i);
  }
  if (used.length === 0) {
    throw new Error(
      `${fn} requires at least one case with a target and a predictor, got none of ${n} (target missing: ${missingTarget}, every predictor missing: ${allPredictorsMissing})`,
    );
  }
  const rows = Int32Array.from(used);

  const observedTargets = [...new Set(used.map((i) => targetLabels[i]!))];
  let targetCategories: string[];
  if (data.targetOrder) {
    targetCategories = [...data.targetOrder];
    if (new Set(targetCategories).size !== targetCategories.length) throw new Error(`${fn} requires targetOrder without repeats`);
    const absent = observedTargets.filter((t) => !targetCategories.includes(t));
    if (absent.length) throw new Error(`${fn} requires targetOrder to list every target value, missing "${absent[0]}"`);
  } else {
    targetCategories = observedTargets.sort(compareLabels);
  }
  const targetIndex = new Map(targetCategories.map((t, k) => [t, k]));
  const targetCodes = new Int32Array(n).fill(-1);
  for (const i of used) targetCodes[i] = targetIndex.get(targetLabels[i]!)!;

  const predictors = data.predictors.map((p) => preparePredictor(fn, p, rows, intervals));
  return { target: targetName, targetCategories, targetCodes, predictors, rows, excluded: { missingTarget, allPredictorsMissing } };
}

function preparePredictor(
  fn: string,
  p: TreeData['predictors'][number],
  rows: Int32Array,
  intervals: number,
): PreparedPredictor {
  const n = p.values.length;
  const codes = new Int32Array(n);
  let hasMissing = false;
  for (const i of rows) if (isMissing(p.values[i])) hasMissing = true;

  if (p.level === 'continuous') {
    const numeric = new Float64Array(n).fill(NaN);
    const usedValues: (number | null)[] = [];
    for (let i = 0; i < n; i++) {
      const v = p.values[i];
      if (v === null) continue;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new Error(`${fn} requires finite numbers or null in continuous predictor "${p.name}", got ${typeof v === 'string' ? `"${v}"` : String(v)}`);
      }
      numeric[i] = v;
    }
    for (const i of rows) usedValues.push(p.values[i] as number | null);
    if (usedValues.every((v) => v === null)) {
      const info: TreePredictorInfo = { name: p.name, level: p.level, categories: [], categoryValues: null, cuts: [], hasMissing };
      codes.fill(0);
      return { info, codes, numeric };
    }
    const bins = binContinuous(usedValues, intervals);
    const k = bins.labels.length;
    for (let i = 0; i < n; i++) {
      const v = numeric[i]!;
      if (Number.isNaN(v)) codes[i] = k;
      else {
        let lo = 0;
        let hi = bins.cuts.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (bins.cuts[mid]! < v) lo = mid + 1;
          else hi = mid;
        }
        codes[i] = lo;
      }
    }
    const info: TreePredictorInfo = { name: p.name, level: p.level, categories: bins.labels, categoryValues: null, cuts: bins.cuts, hasMissing };
    return { info, codes, numeric };
  }

  // Nominal and ordinal: categories from the cases used.
  const labels: (string | null)[] = new Array(n);
  let numbers = 0;
  let texts = 0;
  for (let i = 0; i < n; i++) {
    const v = p.values[i];
    if (v === null) {
      labels[i] = null;
      continue;
    }
    labels[i] = checkLabel(fn, p.name, v as string | number);
    if (typeof v === 'number') numbers++;
    else texts++;
  }
  let categories: string[];
  let categoryValues: number[] | null = null;
  const observed = [...new Set(Array.from(rows, (i) => labels[i]).filter((l): l is string => l !== null))];
  if (p.level === 'ordinal') {
    if (p.order) {
      categories = p.order.map(String);
      if (new Set(categories).size !== categories.length) throw new Error(`${fn} requires the order of predictor "${p.name}" without repeats`);
      const outside = observed.find((l) => !categories.includes(l));
      if (outside !== undefined) {
        throw new Error(`${fn} requires every value of ordinal predictor "${p.name}" to be in its order, got "${outside}"`);
      }
    } else {
      if (texts > 0) {
        throw new Error(`${fn} requires the category order of ordinal predictor "${p.name}", whose values are text (give "order")`);
      }
      categoryValues = observed.map(Number).sort((a, b) => a - b);
      categories = categoryValues.map(String);
    }
    if (numbers > 0 && texts > 0) throw new Error(`${fn} requires ordinal predictor "${p.name}" to hold numbers or text, not both`);
    if (p.order && numbers > 0 && texts === 0) {
      const vals = categories.map(Number);
      if (vals.every(Number.isFinite)) categoryValues = vals;
    }
  } else {
    categories = observed.sort(compareLabels);
  }
  const index = new Map(categories.map((c, k) => [c, k]));
  const k = categories.length;
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    codes[i] = l === null ? k : (index.get(l) ?? k + 1); // k + 1: a value only in cases not used
  }
  const info: TreePredictorInfo = { name: p.name, level: p.level, categories, categoryValues, cuts: null, hasMissing };
  return { info, codes, numeric: null };
}
