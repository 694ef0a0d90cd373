import { DecisionTreeClassifier, type CartNodeJson } from 'ml-cart';
import { chiSquareTest } from '../stats/chi-square-test.js';
import { median } from '../stats/descriptive.js';
import { binContinuous, binOf } from './bin-continuous.js';
import { formatCut } from './tree-labels.js';
import { prepareTreeData, type PreparedPredictor, type PreparedTreeData } from './prepare-tree-data.js';
import { MISSING_CATEGORY, type DecisionTree, type StopReason, type TreeData, type TreeNode, type TreeSplit } from './tree-types.js';

/** Settings of {@link cartTree}. */
export interface CartOptions {
  /** Levels below the root (default 3, as CHAID). */
  maxDepth?: number;
  /** A node with fewer cases is not split (default 100, as CHAID); ml-cart's minNumSamples is this − 1. */
  minParent?: number;
  /** Smallest Gini gain worth a split (ml-cart's gainThreshold; default 0: any gain, as scikit-learn's min_impurity_decrease — ml-cart's own 0.01 stops most trees on binary outcomes at the root). */
  gainThreshold?: number;
  /** Most candidate cut points of a continuous predictor (default 64; see the encoding). */
  cutPoints?: number;
}

/** How CART sees the predictors (stated in its settings). */
export const CART_ENCODING =
  'nominal: one 0/1 column per category (a missing value is a category of its own; a two-category predictor without missing values is one 0/1 column); ' +
  'ordinal: the category rank 0, 1, 2, … as one numeric column, a missing value replaced by the median rank plus a 0/1 missing column; ' +
  'continuous: the value, rounded up to the largest value of its quantile bin (at most cutPoints bins, so at most cutPoints − 1 candidate thresholds), ' +
  'a missing value replaced by the median plus a 0/1 missing column. Gini impurity (ml-cart DecisionTreeClassifier).';

interface Feature {
  predictor: PreparedPredictor;
  kind: 'indicator' | 'rank' | 'value' | 'missing';
  /** indicator: the category label (or <missing>) the column flags. */
  label?: string;
  /** rank and value: the (encoded) value given to a missing case. */
  imputed?: number;
  /** value: largest and smallest fitting value of each quantile bin (a value is encoded as the largest of its bin). */
  tops?: number[];
  mins?: number[];
  values: Float64Array;
}

function checkWhole(name: string, v: number, min: number): void {
  if (!Number.isSafeInteger(v) || v < min) throw new Error(`cartTree requires ${name} to be a whole number >= ${min}, got ${String(v)}`);
}

/** Encodes the predictors of the used cases as numeric columns (see CART_ENCODING). */
function encode(prep: PreparedTreeData, cutPoints: number): Feature[] {
  const rows = prep.rows;
  const m = rows.length;
  const features: Feature[] = [];
  for (const pred of prep.predictors) {
    const k = pred.info.categories.length;
    const missingCol = (): Feature => {
      const values = new Float64Array(m);
      rows.forEach((i, r) => (values[r] = pred.codes[i] === k ? 1 : 0));
      return { predictor: pred, kind: 'missing', values };
    };
    if (pred.info.level === 'nominal') {
      const present = new Set<number>();
      for (const i of rows) present.add(pred.codes[i]!);
      const codes = [...present].sort((a, b) => a - b);
      const labelOf = (c: number): string => (c === k ? MISSING_CATEGORY : pred.info.categories[c]!);
      const flagged = codes.length === 2 && !present.has(k) ? [codes[1]!] : codes;
      for (const c of flagged) {
        const values = new Float64Array(m);
        rows.forEach((i, r) => (values[r] = pred.codes[i] === c ? 1 : 0));
        features.push({ predictor: pred, kind: 'indicator', label: labelOf(c), values });
      }
      continue;
    }
    if (pred.info.level === 'ordinal') {
      const ranks = Array.from(rows, (i) => pred.codes[i]!).filter((c) => c < k);
      if (ranks.length === 0) continue;
      const imputed = median(ranks);
      const values = new Float64Array(m);
      rows.forEach((i, r) => (values[r] = pred.codes[i]! < k ? pred.codes[i]! : imputed));
      features.push({ predictor: pred, kind: 'rank', imputed, values });
      if (pred.info.hasMissing) features.push(missingCol());
      continue;
    }
    const raw = Array.from(rows, (i) => pred.numeric![i]!);
    const present = raw.filter((x) => !Number.isNaN(x));
    if (present.length === 0) continue;
    const bins = binContinuous(present, cutPoints);
    const tops = new Array<number>(bins.cuts.length + 1).fill(-Infinity);
    const mins = new Array<number>(bins.cuts.length + 1).fill(Infinity);
    present.forEach((x, r) => {
      const b = bins.codes[r]!;
      if (x > tops[b]!) tops[b] = x;
      if (x < mins[b]!) mins[b] = x;
    });
    const encoded = (x: number): number => tops[binOf(x, bins.cuts)]!;
    const imputed = encoded(median(present));
    const values = new Float64Array(m);
    raw.forEach((x, r) => (values[r] = Number.isNaN(x) ? imputed : encoded(x)));
    features.push({ predictor: pred, kind: 'value', imputed, values, tops, mins });
    if (pred.info.hasMissing) features.push(missingCol());
    continue;
  }
  return features;
}
/**
 * Training order for ml-cart. ml-cart tries as thresholds only the places where the label
 * changes along each (stably) sorted column, and counts classes by scanning for each
 * label's first occurrence, so the row order sets both its speed and, where values tie,
 * which thresholds it tries. Rows sorted by label keep the candidates few (a 0/1 column
 * gets a handful instead of thousands); up to 50 rows of each class placed first keep the
 * scans short. The order is fixed by the data, so the tree is deterministic.
 */
function trainingOrder(y: Int32Array, classes: number): number[] {
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  y.forEach((c, r) => byClass[c]!.push(r));
  const seeds = byClass.flatMap((rs) => rs.slice(0, 50));
  const rest = byClass.flatMap((rs) => rs.slice(50));
  return [...seeds, ...rest];
}

function splitStats(childRows: number[][], y: Int32Array, classes: number): { chiSquare: number; df: number; p: number } {
  const table = childRows.map((rs) => {
    const row = new Array<number>(classes).fill(0);
    for (const r of rs) row[y[r]!]!++;
    return row;
  });
  const cols = table[0]!.map((_, j) => table.reduce((s, row) => s + row[j]!, 0)).filter((s) => s > 0).length;
  if (cols < 2 || table.filter((row) => row.some((v) => v > 0)).length < 2) return { chiSquare: 0, df: 0, p: 1 };
  const t = chiSquareTest(table);
  return { chiSquare: t.statistic, df: t.df, p: t.p };
}

/**
 * A CART classification tree (Breiman et al. 1984) grown by ml-cart's
 * DecisionTreeClassifier (Gini impurity, binary splits), for comparison with CHAID on the
 * same data. Categorical predictors are coded as `CART_ENCODING` states: nominal as 0/1
 * columns (one per category), ordinal as ranks, continuous as values at up to `cutPoints`
 * quantile cut points; missing values as a category (nominal) or the median plus a 0/1
 * missing column. The fitted tree is returned in the workbench's node form (binary
 * splits with their groups of categories or threshold, the chi-square of each split for
 * information, p unadjusted), so `predictTree`, `treeRules` and `gainsTable` work on it.
 * Cases with a missing target, or with every predictor missing, are left out and counted.
 *
 * Cost: ml-cart examines every candidate threshold of every column at every node:
 * O(nodes · columns · thresholds · n).
 * @throws on invalid data (as `chaid`) or an option out of range.
 * @example cartTree(data, { maxDepth: 3 }).nodes[0].split // { variable: 'cluster', groups: [[...], ['B']], threshold: undefined, ... }
 */
export function cartTree(data: TreeData, options: CartOptions = {}): DecisionTree {
  const maxDepth = options.maxDepth ?? 3;
  const minParent = options.minParent ?? 100;
  const gainThreshold = options.gainThreshold ?? 0;
  const cutPoints = options.cutPoints ?? 64;
  checkWhole('maxDepth', maxDepth, 0);
  checkWhole('minParent', minParent, 1);
  checkWhole('cutPoints', cutPoints, 2);
  if (typeof gainThreshold !== 'number' || !(gainThreshold >= 0 && gainThreshold < 1)) {
    throw new Error(`cartTree requires gainThreshold in [0, 1), got ${String(gainThreshold)}`);
  }
  const prep = prepareTreeData('cartTree', data, 10);
  const classes = prep.targetCategories.length;
  const m = prep.rows.length;
  const y = Int32Array.from(prep.rows, (i) => prep.targetCodes[i]!);
  const features = encode(prep, cutPoints);

  let root: CartNodeJson = {};
  if (features.length > 0 && classes > 1) {
    const order = trainingOrder(y, classes);
    const X = order.map((r) => features.map((f) => f.values[r]!));
    const labels = order.map((r) => y[r]!);
    const clf = new DecisionTreeClassifier({ gainFunction: 'gini', maxDepth, minNumSamples: minParent - 1, gainThreshold });
    clf.train(X, labels);
    root = clf.root;
  }

  const nodes: TreeNode[] = [];
  const queue: { cart: CartNodeJson; rows: number[]; parent: number | null; depth: number; branch: TreeNode['branch'] }[] = [
    { cart: root, rows: Array.from({ length: m }, (_, r) => r), parent: null, depth: 0, branch: null },
  ];
  for (let q = 0; q < queue.length; q++) {
    const { cart, rows, parent, depth, branch } = queue[q]!;
    const counts = new Array<number>(classes).fill(0);
    for (const r of rows) counts[y[r]!]!++;
    const node: TreeNode = {
      id: nodes.length,
      parent,
      depth,
      n: rows.length,
      distribution: Object.fromEntries(prep.targetCategories.map((t, k) => [t, counts[k]!])),
      branch,
      split: null,
      children: [],
      stop: null,
    };
    nodes.push(node);
    if (parent !== null) nodes[parent]!.children.push(node.id);
    if (!cart.left || !cart.right || cart.splitColumn === undefined || cart.splitValue === undefined) {
      node.stop = counts.filter((c) => c > 0).length < 2 ? 'pure' : depth >= maxDepth ? 'max-depth' : rows.length < minParent ? 'min-parent' : ('not-significant' as StopReason);
      continue;
    }
    const f = features[cart.splitColumn]!;
    const t = cart.splitValue;
    const left: number[] = [];
    const right: number[] = [];
    for (const r of rows) (f.values[r]! < t ? left : right).push(r);
    const split = toSplit(f, t);
    node.split = { ...split, ...splitStats([left, right], y, classes) } as TreeSplit;
    node.split.pAdjusted = node.split.p;
    node.split.categoriesInNode = categoriesIn(f.predictor, rows, prep);
    queue.push({ cart: cart.left, rows: left, parent: node.id, depth: depth + 1, branch: { variable: split.variable, categories: split.groups[0]! } });
    queue.push({ cart: cart.right, rows: right, parent: node.id, depth: depth + 1, branch: { variable: split.variable, categories: split.groups[1]! } });
  }

  return {
    method: 'cart',
    target: prep.target,
    targetCategories: prep.targetCategories,
    predictors: prep.predictors.map((p) => p.info),
    nodes,
    n: m,
    excluded: prep.excluded,
    settings: { maxDepth, minParent, gainThreshold, cutPoints, minNumSamples: minParent - 1, encoding: CART_ENCODING },
  };
}

function categoriesIn(pred: PreparedPredictor, rows: number[], prep: PreparedTreeData): number {
  const seen = new Set<number>();
  for (const r of rows) seen.add(pred.codes[prep.rows[r]!]!);
  return seen.size;
}

type SplitShape = Omit<TreeSplit, 'chiSquare' | 'df' | 'p' | 'pAdjusted' | 'categoriesInNode'>;

/** The groups of a CART split on one encoded column: child 0 takes column values < t. */
function toSplit(f: Feature, t: number): SplitShape {
  const info = f.predictor.info;
  const base = { variable: info.name, level: info.level, bonferroni: 1 };
  if (f.kind === 'missing') {
    // every category (or bin) on one side, missing values on the other
    const split: SplitShape = { ...base, groups: [info.categories.slice(), [MISSING_CATEGORY]] };
    if (info.level !== 'continuous') split.unseenGroup = 0;
    return split;
  }
  if (f.kind === 'indicator') {
    if (!(t > 0 && t <= 1)) throw new Error(`cartTree: unexpected threshold ${t} on a 0/1 column of "${info.name}"`);
    const all = [...info.categories, ...(info.hasMissing ? [MISSING_CATEGORY] : [])];
    const split: SplitShape = { ...base, groups: [all.filter((l) => l !== f.label), [f.label!]], unseenGroup: 0 };
    if (!info.hasMissing) split.missingGroup = 0;
    return split;
  }
  if (f.kind === 'rank') {
    const groups = [info.categories.filter((_, k) => k < t), info.categories.filter((_, k) => k >= t)];
    const missingSide = f.imputed! < t ? 0 : 1;
    const split: SplitShape = { ...base, groups };
    if (info.hasMissing) groups[missingSide]!.push(MISSING_CATEGORY);
    else split.missingGroup = missingSide;
    if (!info.categoryValues) split.unseenGroup = missingSide;
    return split;
  }
  // the same cases on the original scale: halfway between the top of the last bin below t and the bottom of the next
  let below = -1;
  f.tops!.forEach((top, b) => {
    if (top < t) below = b;
  });
  const raw = below >= 0 && below + 1 < f.mins!.length ? (f.tops![below]! + f.mins![below + 1]!) / 2 : t;
  return {
    ...base,
    groups: [[`< ${formatCut(raw)}`], [`>= ${formatCut(raw)}`]],
    threshold: raw,
    missingGroup: f.imputed! < t ? 0 : 1,
  };
}
