/**
 * `earlyhelp tree` through commander with a context that serves a small synthetic cohort
 * (synthCohortWithTruth, 600 families, seed 2) and records what the command prints.
 */
import { Command } from 'commander';
import { memoryWriter } from '../support/memory-context.js';
import { describe, expect, it } from 'vitest';
import { registerTreeCommand } from '../../src/cli/commands/tree.js';
import { CliUsageError, type CliContext } from '../../src/cli/context.js';
import { resolveConfig } from '../../src/cohort/resolve-config.js';
import { synthCohortWithTruth } from '../../src/synth/synth-cohort.js';
import { loadTreeModel } from '../../src/tree/load-tree-model.js';
import { predictTree } from '../../src/tree/predict-tree.js';

const { cohort, truth } = synthCohortWithTruth({ families: 600, seed: 2 });
const clustersCsv = `family_id,cluster\n${cohort.families.map((f, i) => `${f.familyId},${truth.cluster[i]}`).join('\n')}\n`;

async function run(args: string[]): Promise<{ json: unknown[]; out: string[]; err: string[]; files: Map<string, string> }> {
  const json: unknown[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, string>([['clusters.csv', clustersCsv]]);
  const ctx: CliContext = {
    loadCohort: async () => ({ cohort, config: resolveConfig() }),
    printJson: (v) => json.push(JSON.parse(JSON.stringify(v))),
    print: (t) => out.push(t),
    info: (m) => err.push(m),
    writeFile: async (p, t) => void files.set(p, t),
    openWriter: memoryWriter((p, t) => files.set(p, t)),
    readFile: async (p) => {
      const t = files.get(p);
      if (t === undefined) throw new Error(`no file ${p}`);
      return t;
    },
  };
  const program = new Command('earlyhelp').exitOverride();
  registerTreeCommand(program, ctx);
  await program.parseAsync(['tree', '--demo', ...args], { from: 'user' });
  return { json, out, err, files };
}

describe('earlyhelp tree', () => {
  it('--json prints the result object with the contract node fields', async () => {
    const r = await run(['--target', 'social_care_after', '--predictors', 'cluster,months_of_involvement,adults:nominal', '--clusters', 'clusters.csv', '--min-parent', '60', '--min-child', '30', '--alpha-split', '0.99', '--no-bonferroni', '--json']);
    expect(r.out).toEqual([]);
    expect(r.json.length).toBe(1);
    const result = r.json[0] as { target: string; nodes: Record<string, unknown>[]; predictorLevels: { name: string; level: string }[]; settings: Record<string, unknown> };
    expect(result.target).toBe('social_care_after');
    expect(result.settings).toMatchObject({ minParent: 60, minChild: 30, alphaMerge: 0.05, alphaSplit: 0.99, maxDepth: 3, bonferroni: false });
    expect(result.predictorLevels.find((p) => p.name === 'adults')!.level).toBe('nominal');
    const root = result.nodes[0]!;
    expect(root).toMatchObject({ id: 0, parent: null });
    expect(Object.keys(root.distribution as object).sort()).toEqual(['0', '1']);
    const split = root.split as Record<string, unknown>;
    for (const k of ['variable', 'groups', 'chiSquare', 'df', 'p', 'pAdjusted']) expect(split).toHaveProperty(k);
    for (const n of result.nodes.slice(1)) expect(typeof n.parent).toBe('number');
  });

  it('prints the tree, rules, gains and cross-validation, and saves a model that predicts', async () => {
    const r = await run(['--target', 'social_care_after', '--predictors', 'cluster,months_of_involvement', '--clusters', 'clusters.csv', '--min-parent', '60', '--min-child', '30', '--cv', '3', '--seed', '5', '--model-out', 'tree.json']);
    const text = r.out.join('\n');
    expect(text).toContain('chaid tree of social_care_after');
    expect(text).toMatch(/IF .* THEN social care after \d+%, n = \d+/);
    expect(text).toMatch(/3-fold cross-validated accuracy \(seed 5, \d+ families\): CHAID [\d.]+%, CART [\d.]+%, majority class [\d.]+%/);
    const model = loadTreeModel(r.files.get('tree.json')!);
    const p = predictTree(model, [{ cluster: 'A', months_of_involvement: 12 }]);
    expect(model.targetCategories).toContain(p[0]!.predicted);
    expect(r.err).toContain('saved the tree to tree.json');
  });

  it('runs Exhaustive CHAID and CART', async () => {
    const e = await run(['--target', 'outcome_met', '--predictors', 'oldest_child_band,service', '--exhaustive', '--min-parent', '60', '--min-child', '30', '--json']);
    expect((e.json[0] as { method: string }).method).toBe('exhaustive-chaid');
    const c = await run(['--target', 'outcome_met', '--predictors', 'oldest_child_band,service', '--method', 'cart', '--max-depth', '2', '--json']);
    expect((c.json[0] as { method: string }).method).toBe('cart');
  });

  it('fails with exit-2 errors naming an unknown target, a bad option, or a bad method', async () => {
    await expect(run(['--target', 'nope'])).rejects.toThrow(CliUsageError);
    await expect(run(['--target', 'nope'])).rejects.toThrow(/unknown target "nope"; valid targets:/);
    await expect(run(['--target', 'social_care_after', '--alpha-merge', 'x'])).rejects.toThrow(/--alpha-merge requires a number, got "x"/);
    await expect(run(['--target', 'social_care_after', '--alpha-split', '2'])).rejects.toThrow(/alphaSplit in \(0, 1\), got 2/);
    // Whole-number options are refused, never converted: 0x10 is not 16, 1e1 not 10.
    await expect(run(['--target', 'social_care_after', '--seed', '0x10'])).rejects.toThrow('--seed must be a whole number ≥ 0, got "0x10"');
    await expect(run(['--target', 'social_care_after', '--cv', '1e1'])).rejects.toThrow('--cv must be a whole number ≥ 0, got "1e1"');
    await expect(run(['--target', 'social_care_after', '--max-depth', '3.0'])).rejects.toThrow('--max-depth must be a whole number ≥ 0, got "3.0"');
    await expect(run(['--target', 'social_care_after', '--method', 'quest'])).rejects.toThrow(/--method requires one of chaid, cart, got "quest"/);
  });
});
