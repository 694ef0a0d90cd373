import { createRng, shuffled } from '../stats/rng.js';
import { cartTree, type CartOptions } from './cart-tree.js';
import { growChaid, resolveChaidOptions } from './chaid.js';
import { codeTreeData, viewTreeData, type CodedTreeData, type TreeView } from './code-tree-data.js';
import { columnLength, expandTreeData, isColumn, type CompactTreeData } from './compact-values.js';
import { majorityCategory, predictTree, type TreeCase } from './predict-tree.js';
import { childGroupFor } from './tree-conditions.js';
import { compareLabels } from './tree-labels.js';
import type { ChaidOptions, DecisionTree, TreeData } from './tree-types.js';

/** Settings of {@link crossValidateTree}. */
export interface CrossValidateTreeOptions {
  /** Number of folds (default 10). */
  folds?: number;
  /** Seed of the fold assignment (default 1). */
  seed?: number;
  /** Options of the CHAID trees (exhaustive or not, alphas, sizes). */
  chaid?: ChaidOptions;
  /** Options of the CART trees; `false` leaves CART out (default: grown). */
  cart?: CartOptions | false;
  /**
   * How many of the folds are held out in turn (default: all k). Fewer is a reduction for
   * large cohorts: 1 is a single hold-out split, the first fold (1/k of the cases)
   * predicted by trees grown on the other k − 1 folds.
   */
  rounds?: number;
}

/** Accuracy of one method over the folds. */
export interface FoldAccuracy {
  /** Correct predictions / held-out cases (every case, unless fewer rounds than folds were asked for). */
  accuracy: number;
  correct: number;
  /** Accuracy in each fold. */
  perFold: number[];
}

/** Result of {@link crossValidateTree}. */
export interface CrossValidateTreeResult {
  folds: number;
  seed: number;
  /** Cases used (target present, not every predictor missing). */
  n: number;
  /** With fewer rounds than folds: the rounds, and the cases held out (predicted) in them. */
  rounds?: number;
  heldOut?: number;
  /** Predicting the most frequent target category of the training folds for everyone. */
  baseline: FoldAccuracy;
  chaid: FoldAccuracy;
  cart: FoldAccuracy | null;
  /** How the folds were made and scored. */
  method: string;
}

function subset(data: TreeData, rows: Int32Array): TreeData {
  return {
    ...data,
    target: Array.from(rows, (i) => data.target[i]!),
    predictors: data.predictors.map((p) => ({ ...p, values: Array.from(rows, (i) => p.values[i]!) })),
  };
}

function casesOf(data: TreeData, rows: Int32Array): TreeCase[] {
  return Array.from(rows, (i) => Object.fromEntries(data.predictors.map((p) => [p.name, p.values[i]!])));
}

/**
 * How many of `rows` a tree grown on `view` predicts right, as `predictTree` would predict
 * them from their values: each split becomes a table from the shared codes to the child
 * (`childGroupFor` of the code's value; −1 = the case stops there), so no case object is made.
 */
function correctPredictions(tree: DecisionTree, view: TreeView, rows: Int32Array): number {
  const coded = view.coded;
  const byName = new Map(view.predictors.map((vp) => [vp.info.name, vp]));
  const targetCode = new Map(coded.targetLabels.map((l, c) => [l, c]));
  // per node: its predicted target code, and for a split its predictor's codes and code → child table
  const predicted = tree.nodes.map((node) => targetCode.get(majorityCategory(tree.targetCategories, node)) ?? -1);
  const tables = tree.nodes.map((node) => {
    if (!node.split) return null;
    const vp = byName.get(node.split.variable)!;
    const cp = vp.coded;
    const table = new Int32Array(cp.missing + 1);
    const child = (v: string | number | null): number => childGroupFor(vp.info, node.split!, v) ?? -1;
    if (cp.level === 'continuous') {
      // the child depends on the bin only: one value of each bin stands for it
      const byBin = new Map<number, number>();
      for (let g = 0; g < cp.missing; g++) {
        const bin = vp.map[g]!;
        let c = byBin.get(bin);
        if (c === undefined) {
          c = child(cp.values![g]!);
          byBin.set(bin, c);
        }
        table[g] = c;
      }
    } else {
      for (let g = 0; g < cp.missing; g++) table[g] = child(cp.labels[g]!);
    }
    table[cp.missing] = child(null);
    return { codes: cp.codes, table };
  });
  const tcodes = coded.targetCodes;
  let correct = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    let id = 0;
    for (;;) {
      const t = tables[id];
      if (!t) break;
      const g = t.table[t.codes[i]!]!;
      if (g < 0) break;
      id = tree.nodes[id]!.children[g]!;
    }
    if (predicted[id] === tcodes[i]) correct++;
  }
  return correct;
}

/**
 * k-fold cross-validated accuracy of CHAID and CART on the same folds, against the
 * majority-class baseline. The cases used (target present, not every predictor missing)
 * are shuffled with `createRng(seed)` and dealt into k folds of sizes differing by at most
 * one; each fold is predicted by trees grown on the other k − 1 (continuous predictors
 * re-binned on those), with `predictTree` (a case a split cannot place takes its node's
 * most frequent category). Same data, options and seed, same result. The data is checked
 * and coded once; each fold's CHAID tree grows on its training cases of the shared coding.
 * With `rounds` r < k only the first r folds are held out (r = 1: a hold-out split), and
 * the accuracies are over those folds' cases (`heldOut`).
 *
 * Cost: r × (one CHAID + one CART fit on (k − 1)/k of the cases), r = k by default.
 * @throws if folds is not a whole number in [2, n], rounds not one in [1, folds], the seed
 *   is not a whole number, or the data or tree options are invalid.
 * @example crossValidateTree(data, { folds: 10, seed: 1 }) // { chaid: { accuracy: 0.74, ... }, cart: {...}, baseline: { accuracy: 0.72, ... } }
 */
export function crossValidateTree(data: TreeData, options: CrossValidateTreeOptions = {}): CrossValidateTreeResult {
  return crossValidateCoded(data, null, options);
}

/**
 * {@link crossValidateTree} on data already coded by `codeTreeData('chaid', data, …)`
 * (internal: `treeAnalysis` codes once for its tree and the folds); null codes it here.
 */
export function crossValidateCoded(data: CompactTreeData, coded: CodedTreeData | null, options: CrossValidateTreeOptions = {}): CrossValidateTreeResult {
  const k = options.folds ?? 10;
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new Error(`crossValidateTree requires a whole-number seed, got ${String(seed)}`);
  if (!isColumn(data?.target) || !Array.isArray(data?.predictors)) {
    throw new Error('crossValidateTree requires data with a target and predictors');
  }
  const n = columnLength(data.target);
  const o = resolveChaidOptions('chaid', options.chaid);
  const shared = coded ?? codeTreeData('chaid', data, o.intervals).coded;
  const usable = Array.from(shared.usable); // target present and some predictor present (the cases a tree uses)
  if (!Number.isSafeInteger(k) || k < 2 || k > usable.length) {
    throw new Error(`crossValidateTree requires folds to be a whole number with 2 <= folds <= n, got folds=${String(k)}, n=${usable.length}`);
  }
  const rounds = options.rounds ?? k;
  if (!Number.isSafeInteger(rounds) || rounds < 1 || rounds > k) {
    throw new Error(`crossValidateTree requires rounds to be a whole number with 1 <= rounds <= folds, got rounds=${String(rounds)}, folds=${k}`);
  }
  const order = shuffled(usable, createRng(seed));
  const foldOf = new Int32Array(n).fill(-1);
  order.forEach((i, pos) => (foldOf[i] = pos % k));

  const scores = { baseline: [] as number[], chaid: [] as number[], cart: [] as number[] };
  const correct = { baseline: 0, chaid: 0, cart: 0 };
  const tcodes = shared.targetCodes;
  let cases: TreeData | null = null; // the data as cases, for CART
  let heldOut = 0;
  for (let f = 0; f < rounds; f++) {
    let testSize = 0;
    for (const i of usable) if (foldOf[i] === f) testSize++;
    const train = new Int32Array(usable.length - testSize);
    const test = new Int32Array(testSize);
    let a = 0;
    let b = 0;
    for (const i of usable) {
      if (foldOf[i] === f) test[b++] = i;
      else train[a++] = i;
    }
    heldOut += test.length;
    const score = (name: 'baseline' | 'chaid' | 'cart', c: number): void => {
      correct[name] += c;
      scores[name].push(c / test.length);
    };
    // baseline: the training folds' most frequent target (ties: the first label in order)
    const counts = new Array<number>(shared.targetLabels.length).fill(0);
    for (let r = 0; r < train.length; r++) counts[tcodes[train[r]!]!]!++;
    let majority = -1;
    counts.forEach((c, t) => {
      if (c === 0) return;
      if (majority < 0 || c > counts[majority]! || (c === counts[majority]! && compareLabels(shared.targetLabels[t]!, shared.targetLabels[majority]!) < 0)) majority = t;
    });
    let base = 0;
    for (let r = 0; r < test.length; r++) if (tcodes[test[r]!] === majority) base++;
    score('baseline', base);
    const view = viewTreeData(shared, train, o.intervals, test);
    score('chaid', correctPredictions(growChaid(view, o), view, test));
    if (options.cart !== false) {
      cases ??= expandTreeData(data);
      const all = cases;
      const truth = Array.from(test, (i) => all.target[i]!);
      const predicted = predictTree(cartTree(subset(all, train), options.cart ?? {}), casesOf(all, test));
      score('cart', predicted.filter((p, j) => p.predicted === truth[j]).length);
    }
  }
  const used = usable.length;
  const summary = (name: 'baseline' | 'chaid' | 'cart'): FoldAccuracy => ({ accuracy: correct[name] / heldOut, correct: correct[name], perFold: scores[name] });
  const dealt = `folds dealt from a shuffle with seed ${seed}; accuracy = correct predictions / held-out cases; baseline = the training folds' most frequent target category`;
  return {
    folds: k,
    seed,
    n: used,
    ...(rounds < k ? { rounds, heldOut } : {}),
    baseline: summary('baseline'),
    chaid: summary('chaid'),
    cart: options.cart === false ? null : summary('cart'),
    method:
      rounds === k
        ? `${k}-fold cross-validation, ${dealt}`
        : rounds === 1
          ? `hold-out validation: the first of ${k} folds (${heldOut} of ${used} cases) predicted by trees grown on the other ${k - 1}, ${dealt}`
          : `${k}-fold cross-validation, the first ${rounds} folds held out in turn (${heldOut} of ${used} cases), ${dealt}`,
  };
}
