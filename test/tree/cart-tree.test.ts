/**
 * CART (ml-cart) against scikit-learn's DecisionTreeClassifier on the same coding of the
 * same cases: test/fixtures/tree/make-cart-fixtures.py → cart-social-care.json.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CART_ENCODING, cartTree } from '../../src/tree/cart-tree.js';
import { predictTree } from '../../src/tree/predict-tree.js';
import type { DecisionTree, TreeData } from '../../src/tree/tree-types.js';
import { fixtureData, fixtureRows, socialCareData } from './fixture-data.js';

interface RefNode {
  n: number;
  distribution: Record<string, number>;
  split: { column: string; threshold: number } | null;
}
const ref = JSON.parse(readFileSync(new URL('../fixtures/tree/cart-social-care.json', import.meta.url), 'utf8')) as { nodes: RefNode[] };

/** The reference's column name for a split of ours: "cluster=F", "band", "need_debt=1". */
function columnOf(tree: DecisionTree, id: number): string | null {
  const s = tree.nodes[id]!.split;
  if (!s) return null;
  if (s.level === 'ordinal') return s.variable;
  return `${s.variable}=${s.groups[1]![0]}`;
}

function head(data: TreeData, n: number): TreeData {
  return { ...data, target: data.target.slice(0, n), predictors: data.predictors.map((p) => ({ ...p, values: p.values.slice(0, n) })) };
}

function casesOf(data: TreeData): Record<string, string | number | null>[] {
  return data.target.map((_, i) => Object.fromEntries(data.predictors.map((p) => [p.name, p.values[i]!])));
}

describe('cartTree', () => {
  it('grows the tree scikit-learn grows on the same coding (make-cart-fixtures.py)', () => {
    const data = fixtureData(fixtureRows('chaid-social-care.csv'), 'social_care_after', [
      ['cluster', 'nominal'],
      ['band', 'ordinal'],
      ['need_debt', 'nominal'],
      ['service', 'nominal'],
    ]);
    const tree = cartTree(data, { maxDepth: 2, minParent: 100 });
    expect(tree.nodes.length).toBe(ref.nodes.length);
    ref.nodes.forEach((r, id) => {
      const node = tree.nodes[id]!;
      expect(node.n).toBe(r.n);
      expect(node.distribution).toEqual(r.distribution);
      expect(columnOf(tree, id)).toBe(r.split?.column ?? null);
    });
    // band <= 3 vs 4 (scikit-learn threshold 3.5 on the rank; ml-cart the same cut)
    const bandSplit = tree.nodes.find((n) => n.split?.variable === 'band')!.split!;
    expect(bandSplit.groups).toEqual([['0', '1', '2', '3'], ['4']]);
    expect(tree.settings.encoding).toBe(CART_ENCODING);
  });

  it('predictTree puts every fitting case in the node that counted it, with missing values in every kind of predictor', () => {
    const base = head(socialCareData(), 2000);
    const data: TreeData = {
      ...base,
      predictors: base.predictors.map((p, k) => ({ ...p, values: p.values.map((v, i) => ((i * 7 + k) % 11 === 0 ? null : v)) })),
    };
    const tree = cartTree(data, { maxDepth: 3, minParent: 50 });
    expect(tree.nodes.length).toBeGreaterThan(7);
    const predictions = predictTree(tree, casesOf(data));
    const counts = new Map<number, number>();
    for (const p of predictions) {
      expect(p.terminal).toBe(true);
      counts.set(p.node, (counts.get(p.node) ?? 0) + 1);
    }
    for (const node of tree.nodes.filter((n) => n.split === null)) expect(counts.get(node.id) ?? 0).toBe(node.n);
    expect(tree.nodes.some((n) => n.split?.threshold !== undefined)).toBe(true); // a continuous split
  });

  it('is deterministic and leaves its input alone', () => {
    const data = head(socialCareData(), 1500);
    const before = JSON.stringify(data);
    const a = cartTree(data, { maxDepth: 2 });
    const b = cartTree(data, { maxDepth: 2 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(data)).toBe(before);
  });

  it('rejects options out of range', () => {
    const data = socialCareData();
    expect(() => cartTree(data, { maxDepth: -1 })).toThrow(/maxDepth to be a whole number >= 0, got -1/);
    expect(() => cartTree(data, { gainThreshold: 2 })).toThrow(/gainThreshold in \[0, 1\), got 2/);
  });
});
