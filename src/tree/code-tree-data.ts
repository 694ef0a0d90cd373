/**
 * Tree data coded once and read many times (internal). `codeTreeData` checks the data and
 * turns every column into integer codes into a small table (a text or number category,
 * or a distinct value of a continuous predictor); `viewTreeData` then gives, for any set of
 * cases, the categories a tree grown on those cases uses (target categories, predictor
 * categories, the bins of continuous predictors on those cases) as small code → category
 * tables. The full tree and every cross-validation fold share the same coded columns:
 * nothing is copied or re-validated per fold.
 *
 * A view of cases S gives exactly the categories `prepareTreeData` gives for the data
 * restricted to S (the same labels in the same order, the same bins, the same errors; the
 * values themselves are checked once, for every case, when coding).
 *
 * Large cohorts: categorical columns arrive compact (see compact-values.ts) and codes take
 * one byte where they can; the counting is in case-codes.ts.
 */
import { binLabels, binOf, cutsFromQuantiles } from './bin-continuous.js';
import { type7 } from '../stats/descriptive.js';
import { allCodeTargetCounts, codeTargetCounts, type CaseCodes } from './case-codes.js';
import { columnLength, isColumn, isCompact, presentReader, type CodeArray, type CompactTreeData, type CompactValues } from './compact-values.js';
import { compareLabels } from './tree-labels.js';
import {
  MISSING_CATEGORY,
  PREDICTOR_LEVELS,
  type PredictorLevel,
  type TreeExclusions,
  type TreePredictorInfo,
  type TreePredictorInput,
} from './tree-types.js';

/** One predictor coded (internal). */
export interface CodedPredictor {
  /** Position among the coded predictors. */
  index: number;
  /** The coding this one copies (with its own position), or itself. */
  source: CodedPredictor;
  name: string;
  level: PredictorLevel;
  order: readonly string[] | undefined;
  /** Code per case: an index into `labels` (nominal, ordinal) or `values` (continuous); `missing` for a missing value. */
  codes: CodeArray;
  /** Code of a missing value: the number of value codes. */
  missing: number;
  /** The code most cases have (the first of the most frequent). */
  frequent: number;
  /** Nominal and ordinal: the label of each code (two codes share a label when a number and a text read the same). */
  labels: string[];
  /** Nominal and ordinal: 1 where the code's value is text, 0 where it is a number. */
  text: Uint8Array;
  /** Nominal and ordinal: cases (of all) with a number value, and with a text value. */
  numbers: number;
  texts: number;
  /** Continuous: the distinct values, ascending (code = rank). */
  values: Float64Array | null;
}

/** Tree data checked and coded (internal). */
export interface CodedTreeData {
  fn: string;
  /** Cases in the data. */
  n: number;
  targetName: string;
  targetOrder: readonly string[] | undefined;
  /** Label of each target code. */
  targetLabels: string[];
  /** Target code per case, −1 = missing. */
  targetCodes: Int32Array;
  predictors: CodedPredictor[];
  /** Cases usable by a tree: target present and at least one predictor present, ascending. */
  usable: Int32Array;
  /** Per predictor, counts of code × target code over the usable cases (see `codeTargetCounts`). */
  usableCounts: Int32Array[];
  excluded: TreeExclusions;
  /** The one-byte codes again, case by case, for counting (built when first needed, see `caseCodes`). */
  cases: CaseCodes | null;
  /** Where codings are shared with other trees on the same columns, or null. */
  cache: CodingCache | null;
}

/**
 * Codings kept for other trees on the same columns (internal): a predictor's coding
 * depends on its values and level only, not on the target, so trees that share columns
 * (the same value arrays) share their codings and case codes.
 */
export interface CodingCache {
  predictors: WeakMap<object, Map<PredictorLevel, CodedPredictor>>;
  cases: Map<string, CaseCodes>;
  /** Identity of each cached coding, for the key of a list of them. */
  ids: WeakMap<CodedPredictor, number>;
  next: number;
}

/** An empty coding cache. */
export function codingCache(): CodingCache {
  return { predictors: new WeakMap(), cases: new Map(), ids: new WeakMap(), next: 0 };
}

/** A predictor as a tree grown on some cases sees it (internal). */
export interface ViewPredictor {
  coded: CodedPredictor;
  info: TreePredictorInfo;
  /**
   * Category of each code (length `coded.missing + 1`): 0 … k − 1 the categories, k the
   * missing category, k + 1 a value none of the cases has (k = `info.categories.length`).
   */
  map: Int32Array;
  /** Counts of code × target code over the view's rows (see `codeTargetCounts`): the root's counts. */
  rootCounts: Int32Array;
}

/** The categories a tree grown on `rows` uses (internal). */
export interface TreeView {
  coded: CodedTreeData;
  /** The cases, ascending. */
  rows: Int32Array;
  targetCategories: string[];
  /** Target category of each target code (−1: not among the cases). */
  targetMap: Int32Array;
  predictors: ViewPredictor[];
}

function checkLabel(fn: string, name: string, v: unknown): string {
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

/** What a coding takes from its column besides the values. */
type PredictorHead = Pick<TreePredictorInput, 'name' | 'level' | 'order'>;

/** A coding as made, before it is placed among the predictors (`index` −1, its own `source`). */
function codedPredictor(
  p: PredictorHead,
  coding: Omit<CodedPredictor, 'index' | 'source' | 'name' | 'level' | 'order'>,
): CodedPredictor {
  const cp: CodedPredictor = { index: -1, source: null as unknown as CodedPredictor, name: p.name, level: p.level, order: p.order, ...coding };
  cp.source = cp;
  return cp;
}

/** The first code with the largest count. */
function firstMax(perCode: Int32Array): number {
  let best = 0;
  for (let g = 1; g < perCode.length; g++) if (perCode[g]! > perCode[best]!) best = g;
  return best;
}

/** The code most cases have, of codes 0 … max (the first of the most frequent). */
function mostFrequent(codes: CodeArray, max: number): number {
  const counts = new Int32Array(max + 1);
  for (let i = 0; i < codes.length; i++) counts[codes[i]!]!++;
  return firstMax(counts);
}

/** A zeroed array of n codes 0 … max in the narrowest type. */
function codeArray(n: number, max: number): CodeArray {
  return max < 256 ? new Uint8Array(n) : max < 65536 ? new Uint16Array(n) : new Int32Array(n);
}

/** The narrowest typed array for codes 0 … max (a copy, or `codes` itself when it must stay 32-bit). */
function narrow(codes: Int32Array, max: number): CodeArray {
  if (max < 256) return new Uint8Array(codes);
  if (max < 65536) return new Uint16Array(codes);
  return codes;
}

/** Codes a nominal or ordinal column: a code per distinct value (1 and '1' are two codes with one label). */
function codeCategorical(fn: string, p: CompactTreeData['predictors'][number]): CodedPredictor {
  const index = new Map<string | number, number>();
  const labels: string[] = [];
  const text: number[] = [];
  const MISSING = -1;
  /** The code of a value that is not null (checked the first time it is seen). */
  const codeOf = (v: unknown): number => {
    let c = index.get(v as string | number);
    if (c === undefined) {
      labels.push(checkLabel(fn, p.name, v)); // throws on the first case with an invalid value
      text.push(typeof v === 'string' ? 1 : 0);
      c = labels.length - 1;
      index.set(v as string | number, c);
    }
    return c;
  };
  const made = (codes: CodeArray, frequent: number, numbers: number, texts: number): CodedPredictor =>
    codedPredictor(p, { codes, frequent, missing: labels.length, labels, text: Uint8Array.from(text), numbers, texts, values: null });
  const finish = (raw: Int32Array, numbers: number, texts: number): CodedPredictor => {
    const missing = labels.length;
    for (let i = 0; i < raw.length; i++) if (raw[i] === MISSING) raw[i] = missing;
    const codes = narrow(raw, missing);
    return made(codes, mostFrequent(codes, missing), numbers, texts);
  };
  if (isCompact(p.values)) {
    // a table entry is checked and coded where it first occurs, as a value would be; then
    // every case's code is its entry's
    const { table, codes: entries } = p.values;
    const n = entries.length;
    const entry = new Int32Array(table.length).fill(-2); // -2: not seen yet
    const perEntry = new Int32Array(table.length);
    for (let i = 0; i < n; i++) {
      const e = entries[i]!;
      if (entry[e] === -2) {
        const v = table[e];
        entry[e] = v === null ? MISSING : codeOf(v);
      }
      perEntry[e]!++;
    }
    const missing = labels.length;
    const perCode = new Int32Array(missing + 1);
    let numbers = 0;
    let texts = 0;
    entry.forEach((c, e) => {
      if (c === -2) return;
      const code = c === MISSING ? missing : c;
      entry[e] = code;
      perCode[code]! += perEntry[e]!;
      if (c !== MISSING) {
        if (text[c] === 1) texts += perEntry[e]!;
        else numbers += perEntry[e]!;
      }
    });
    const codes = codeArray(n, missing);
    for (let i = 0; i < n; i++) codes[i] = entry[entries[i]!]!;
    return made(codes, firstMax(perCode), numbers, texts);
  }
  const values = p.values as readonly (string | number | null)[];
  const n = values.length;
  const raw = new Int32Array(n);
  let numbers = 0;
  let texts = 0;
  const NONE = {};
  let last: unknown = NONE; // the previous value and its code: runs of one value skip the look-up
  let lastCode = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null) {
      raw[i] = MISSING;
      continue;
    }
    if (typeof v === 'number') numbers++;
    else texts++;
    if (v === last) {
      raw[i] = lastCode;
      continue;
    }
    const c = codeOf(v);
    raw[i] = c;
    last = v;
    lastCode = c;
  }
  return finish(raw, numbers, texts);
}

/** Codes a continuous column by the rank of its distinct values. */
function codeContinuous(fn: string, p: CompactTreeData['predictors'][number]): CodedPredictor {
  if (isCompact(p.values)) return codeContinuousCompact(fn, p, p.values);
  const values = p.values as readonly (string | number | null)[];
  const n = values.length;
  let present = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw invalidContinuous(fn, p.name, v);
    present++;
  }
  const sorted = new Float64Array(present);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== null) sorted[at++] = v as number;
  }
  sorted.sort();
  let distinct = 0;
  for (let j = 0; j < sorted.length; j++) {
    if (j === 0 || sorted[j] !== sorted[distinct - 1]) sorted[distinct++] = sorted[j]!;
  }
  const table = sorted.slice(0, distinct);
  const raw = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null) {
      raw[i] = distinct;
      continue;
    }
    raw[i] = lowerBound(table, distinct, v as number);
  }
  const codes = narrow(raw, distinct);
  return continuousCoding(p, codes, mostFrequent(codes, distinct), distinct, present, table);
}

/** A continuous coding: codes are ranks into `values`, `distinct` the missing code. */
function continuousCoding(
  p: PredictorHead,
  codes: CodeArray,
  frequent: number,
  distinct: number,
  present: number,
  values: Float64Array,
): CodedPredictor {
  return codedPredictor(p, { codes, frequent, missing: distinct, labels: [], text: new Uint8Array(0), numbers: present, texts: 0, values });
}

/** Index of `v` among the first `distinct` ascending values of `sorted` (where it is, or would go). */
function lowerBound(sorted: Float64Array, distinct: number, v: number): number {
  let lo = 0;
  let hi = distinct - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function invalidContinuous(fn: string, name: string, v: unknown): Error {
  return new Error(`${fn} requires finite numbers or null in continuous predictor "${name}", got ${typeof v === 'string' ? `"${v}"` : String(v)}`);
}

/** `codeContinuous` of a compact column: its table entries ranked, each checked where it first occurs. */
function codeContinuousCompact(fn: string, p: PredictorHead, column: CompactValues): CodedPredictor {
  const { table, codes: entries } = column;
  const n = entries.length;
  const seen = new Uint8Array(table.length);
  const perEntry = new Int32Array(table.length);
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    if (seen[e] === 0) {
      const v = table[e];
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) throw invalidContinuous(fn, p.name, v);
      seen[e] = 1;
    }
    perEntry[e]!++;
  }
  let present = 0;
  const occurring: number[] = [];
  table.forEach((v, e) => {
    if (seen[e] === 1 && v !== null) {
      occurring.push(v as number);
      present += perEntry[e]!;
    }
  });
  const sorted = Float64Array.from(occurring).sort();
  let distinct = 0;
  for (let j = 0; j < sorted.length; j++) {
    if (j === 0 || sorted[j] !== sorted[distinct - 1]) sorted[distinct++] = sorted[j]!;
  }
  const values = sorted.slice(0, distinct);
  const rank = new Int32Array(table.length).fill(distinct); // null (and entries that never occur): missing
  table.forEach((v, e) => {
    if (seen[e] === 0 || v === null) return;
    rank[e] = lowerBound(values, distinct, v as number);
  });
  const codes = codeArray(n, distinct);
  const perCode = new Int32Array(distinct + 1);
  for (let i = 0; i < n; i++) {
    const c = rank[entries[i]!]!;
    codes[i] = c;
    perCode[c]!++;
  }
  return continuousCoding(p, codes, firstMax(perCode), distinct, present, values);
}

/**
 * Checks tree data and codes it, and gives the view of the cases a tree on all of it uses
 * (target present, not every predictor missing). The checks, their order and their
 * messages are those of `prepareTreeData`.
 *
 * Cost: O(n · p + n log n) for n cases and p predictors; codes take one to four bytes a case and predictor.
 * @throws as `prepareTreeData`.
 */
export function codeTreeData(fn: string, data: CompactTreeData, intervals: number, cache: CodingCache | null = null): { coded: CodedTreeData; view: TreeView } {
  if (!data || !isColumn(data.target)) throw new Error(`${fn} requires data.target to be an array`);
  if (!Array.isArray(data.predictors) || data.predictors.length === 0) {
    throw new Error(`${fn} requires at least one predictor, got ${Array.isArray(data.predictors) ? 0 : 'none'}`);
  }
  const n = columnLength(data.target);
  const names = new Set<string>();
  for (const p of data.predictors) {
    if (typeof p.name !== 'string' || p.name.trim() === '') throw new Error(`${fn} requires every predictor to have a name`);
    if (names.has(p.name)) throw new Error(`${fn} requires unique predictor names, got "${p.name}" twice`);
    names.add(p.name);
    if (!PREDICTOR_LEVELS.includes(p.level)) {
      throw new Error(`${fn} requires the level of predictor "${p.name}" to be one of ${PREDICTOR_LEVELS.join(', ')}, got ${String(p.level)}`);
    }
    if (!isColumn(p.values) || columnLength(p.values) !== n) {
      throw new Error(`${fn} requires predictor "${p.name}" to have one value per case: ${n}, got ${isColumn(p.values) ? columnLength(p.values) : 'none'}`);
    }
  }
  const targetName = data.targetName ?? 'target';

  // Target.
  const targetCodes = new Int32Array(n);
  const targetIndex = new Map<string, number>();
  const targetLabels: string[] = [];
  const targetCode = (t: unknown): number => {
    if (t === null) return -1;
    if (typeof t !== 'string' || t.trim() === '') {
      throw new Error(`${fn} requires the target to be text or null, got ${t === '' ? 'blank text' : typeof t}`);
    }
    let c = targetIndex.get(t);
    if (c === undefined) {
      c = targetLabels.length;
      targetLabels.push(t);
      targetIndex.set(t, c);
    }
    return c;
  };
  if (isCompact(data.target)) {
    const { table, codes } = data.target;
    const entry = new Int32Array(table.length).fill(-2); // -2: not seen yet
    for (let i = 0; i < n; i++) {
      const e = codes[i]!;
      if (entry[e] === -2) entry[e] = targetCode(table[e]);
      targetCodes[i] = entry[e]!;
    }
  } else {
    const target = data.target;
    for (let i = 0; i < n; i++) targetCodes[i] = targetCode(target[i]);
  }

  // Cases used.
  let missingTarget = 0;
  let allPredictorsMissing = 0;
  const used = new Int32Array(n);
  let m = 0;
  const preds = data.predictors;
  const readers = preds.map((p) => presentReader(p.values));
  for (let i = 0; i < n; i++) {
    if (targetCodes[i] === -1) {
      missingTarget++;
      continue;
    }
    let any = false;
    for (let j = 0; j < readers.length; j++) {
      if (readers[j]!(i)) {
        any = true;
        break;
      }
    }
    if (!any) {
      allPredictorsMissing++;
      continue;
    }
    used[m++] = i;
  }
  if (m === 0) {
    throw new Error(
      `${fn} requires at least one case with a target and a predictor, got none of ${n} (target missing: ${missingTarget}, every predictor missing: ${allPredictorsMissing})`,
    );
  }
  const rows = used.slice(0, m);
  const coded: CodedTreeData = {
    fn,
    n,
    targetName,
    targetOrder: data.targetOrder,
    targetLabels,
    targetCodes,
    predictors: [],
    usable: rows,
    usableCounts: [],
    excluded: { missingTarget, allPredictorsMissing },
    cases: null,
    cache,
  };
  const view: TreeView = { coded, rows, ...viewTarget(coded, rows), predictors: [] };
  // Every predictor coded (a predictor that cannot be coded is named at once), the
  // counts taken case by case over the usable cases, then each predictor viewed.
  for (const p of preds) {
    const cp = codePredictor(fn, p, cache);
    cp.index = coded.predictors.length;
    coded.predictors.push(cp);
  }
  const counts = allCodeTargetCounts(coded, rows);
  coded.predictors.forEach((cp, j) => {
    const vp = viewPredictor(coded, cp, rows, 'all', intervals, counts[j]!);
    coded.usableCounts.push(vp.rootCounts);
    view.predictors.push(vp);
  });
  return { coded, view };
}

/** A predictor's coding: from the cache (a copy to place), or made (and cached). */
function codePredictor(fn: string, p: CompactTreeData['predictors'][number], cache: CodingCache | null): CodedPredictor {
  const values = p.values as object;
  const known = cache?.predictors.get(values)?.get(p.level);
  if (known) return { ...known, name: p.name, order: p.order };
  const cp = p.level === 'continuous' ? codeContinuous(fn, p) : codeCategorical(fn, p);
  if (cache) {
    let byLevel = cache.predictors.get(values);
    if (!byLevel) cache.predictors.set(values, (byLevel = new Map()));
    byLevel.set(p.level, cp);
    cache.ids.set(cp, cache.next++);
  }
  return cp;
}

function viewTarget(coded: CodedTreeData, rows: Int32Array): Pick<TreeView, 'targetCategories' | 'targetMap'> {
  const fn = coded.fn;
  const labels = coded.targetLabels;
  const present = new Uint8Array(labels.length);
  const tc = coded.targetCodes;
  for (let r = 0; r < rows.length; r++) present[tc[rows[r]!]!] = 1;
  let targetCategories: string[];
  if (coded.targetOrder) {
    targetCategories = [...coded.targetOrder];
    if (new Set(targetCategories).size !== targetCategories.length) throw new Error(`${fn} requires targetOrder without repeats`);
    const inOrder = new Set(targetCategories);
    if (labels.some((l, c) => present[c] === 1 && !inOrder.has(l))) {
      // the first such value among the cases, as prepareTreeData names it
      for (let r = 0; r < rows.length; r++) {
        const l = labels[tc[rows[r]!]!]!;
        if (!inOrder.has(l)) throw new Error(`${fn} requires targetOrder to list every target value, missing "${l}"`);
      }
    }
  } else {
    targetCategories = labels.filter((_, c) => present[c] === 1).sort(compareLabels);
  }
  const index = new Map(targetCategories.map((t, k) => [t, k]));
  const targetMap = Int32Array.from(labels, (l, c) => (present[c] === 1 ? index.get(l)! : -1));
  return { targetCategories, targetMap };
}

/** R's type-7 quantiles at `probs` (ascending) of values given as counts per distinct value (ascending). */
function quantilesOfCounts(values: Float64Array, counts: Int32Array, total: number, probs: readonly number[]): number[] {
  let code = 0;
  let below = 0; // values of codes before `code`
  // The j-th smallest value (1-based); j never decreases between calls, as probs ascend.
  const orderStat = (j: number): number => {
    while (below + counts[code]! < j) {
      below += counts[code]!;
      code++;
    }
    return values[code]!;
  };
  return probs.map((p) => type7(total, p, orderStat));
}

/**
 * The view of one predictor on `rows`. `scope` says which cases `prepareTreeData` would
 * have counted numbers and text over: 'all' (every case of the data) or 'rows' (the data
 * is the cases `rows`, as in a cross-validation fold).
 */
function viewPredictor(
  coded: CodedTreeData,
  cp: CodedPredictor,
  rows: Int32Array,
  scope: 'all' | 'rows',
  intervals: number,
  counted: Int32Array | null,
): ViewPredictor {
  const fn = coded.fn;
  const G = cp.missing + 1;
  const codes = cp.codes;
  const map = new Int32Array(G);
  const Jc = coded.targetLabels.length;
  const rootCounts = counted ?? codeTargetCounts(codes, coded.targetCodes, rows, G, Jc);
  const counts = new Int32Array(G);
  for (let g = 0; g < G; g++) for (let t = 0; t < Jc; t++) counts[g]! += rootCounts[g * Jc + t]!;

  if (cp.level === 'continuous') {
    const hasMissing = counts[cp.missing]! > 0;
    const total = rows.length - counts[cp.missing]!;
    if (total === 0) {
      // every value missing: one (missing) category; map stays 0
      const info: TreePredictorInfo = { name: cp.name, level: cp.level, categories: [], categoryValues: null, cuts: [], hasMissing };
      return { coded: cp, info, map, rootCounts };
    }
    const values = cp.values!;
    let top = cp.missing - 1;
    while (counts[top] === 0) top--;
    const max = values[top]!;
    const probs = Array.from({ length: intervals - 1 }, (_, i) => (i + 1) / intervals);
    const cuts = cutsFromQuantiles(quantilesOfCounts(values, counts, total, probs), max);
    const labels = binLabels(cuts);
    for (let g = 0; g < cp.missing; g++) map[g] = binOf(values[g]!, cuts);
    map[cp.missing] = labels.length;
    const info: TreePredictorInfo = { name: cp.name, level: cp.level, categories: labels, categoryValues: null, cuts, hasMissing };
    return { coded: cp, info, map, rootCounts };
  }

  const present = Uint8Array.from(counts, (c) => (c > 0 ? 1 : 0));
  const hasMissing = present[cp.missing] === 1;
  let numbers = cp.numbers;
  let texts = cp.texts;
  if (scope === 'rows') {
    numbers = 0;
    texts = 0;
    for (let g = 0; g < cp.missing; g++) {
      if (present[g] === 1) {
        if (cp.text[g] === 1) texts++;
        else numbers++;
      }
    }
  }
  const observed = [...new Set(cp.labels.filter((_, g) => present[g] === 1))];
  let categories: string[];
  let categoryValues: number[] | null = null;
  if (cp.level === 'ordinal') {
    if (cp.order) {
      categories = cp.order.map(String);
      if (new Set(categories).size !== categories.length) throw new Error(`${fn} requires the order of predictor "${cp.name}" without repeats`);
      const inOrder = new Set(categories);
      if (observed.some((l) => !inOrder.has(l))) {
        // the first such value among the cases, as prepareTreeData names it
        for (let r = 0; r < rows.length; r++) {
          const g = codes[rows[r]!]!;
          if (g === cp.missing) continue;
          const l = cp.labels[g]!;
          if (!inOrder.has(l)) throw new Error(`${fn} requires every value of ordinal predictor "${cp.name}" to be in its order, got "${l}"`);
        }
      }
    } else {
      if (texts > 0) {
        throw new Error(`${fn} requires the category order of ordinal predictor "${cp.name}", whose values are text (give "order")`);
      }
      categoryValues = observed.map(Number).sort((a, b) => a - b);
      categories = categoryValues.map(String);
    }
    if (numbers > 0 && texts > 0) throw new Error(`${fn} requires ordinal predictor "${cp.name}" to hold numbers or text, not both`);
    if (cp.order && numbers > 0 && texts === 0) {
      const vals = categories.map(Number);
      if (vals.every(Number.isFinite)) categoryValues = vals;
    }
  } else {
    categories = observed.sort(compareLabels);
  }
  const index = new Map(categories.map((c, k) => [c, k]));
  const k = categories.length;
  for (let g = 0; g < cp.missing; g++) map[g] = index.get(cp.labels[g]!) ?? k + 1; // k + 1: a value only in other cases
  map[cp.missing] = k;
  const info: TreePredictorInfo = { name: cp.name, level: cp.level, categories, categoryValues, cuts: null, hasMissing };
  return { coded: cp, info, map, rootCounts };
}

/**
 * The view of coded data on a set of its usable cases (a cross-validation training set):
 * the categories `prepareTreeData` gives for the data made of those cases alone. When
 * `heldOut` is given it must be the other usable cases (ascending): the counts of `rows`
 * are then the usable cases' counts less those of `heldOut`.
 *
 * Cost: O(min(|rows|, |heldOut|) · p + codes).
 * @throws as `prepareTreeData` on the data made of those cases.
 */
export function viewTreeData(coded: CodedTreeData, rows: Int32Array, intervals: number, heldOut: Int32Array | null = null): TreeView {
  let counts: Int32Array[];
  if (heldOut !== null && heldOut.length < rows.length) {
    // counts over rows = counts over the usable cases − counts over the held-out ones
    counts = allCodeTargetCounts(coded, heldOut).map((h, p) => {
      const c = coded.usableCounts[p]!.slice();
      for (let x = 0; x < c.length; x++) c[x]! -= h![x]!;
      return c;
    });
  } else counts = allCodeTargetCounts(coded, rows) as Int32Array[];
  return {
    coded,
    rows,
    ...viewTarget(coded, rows),
    predictors: coded.predictors.map((cp, p) => viewPredictor(coded, cp, rows, 'rows', intervals, counts[p]!)),
  };
}
