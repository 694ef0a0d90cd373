import { Command } from 'commander';
import { memoryWriter } from '../support/memory-context.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerClusterCommands } from '../../src/cli/commands/cluster.js';
import { CliUsageError, type CliContext } from '../../src/cli/context.js';
import type { AssignResult } from '../../src/cluster/assign-to-model.js';
import type { ClusterAnalysisResult } from '../../src/cluster/cluster-needs.js';
import { resolveConfig } from '../../src/cohort/resolve-config.js';
import type { Cohort } from '../../src/cohort/types.js';
import { synthCohort } from '../../src/synth/synth-cohort.js';

let cohort: Cohort;
beforeAll(() => {
  cohort = synthCohort({ families: 700, seed: 4 });
});

/** A CLI context in memory: the cohort, files written, JSON and lines printed. */
function fakeContext(files: Map<string, string>, analysis: Record<string, Record<string, unknown>> = {}) {
  const out = { json: [] as unknown[], lines: [] as string[], info: [] as string[] };
  const ctx: CliContext = {
    loadCohort: async () => ({ cohort, config: resolveConfig({ analysis }) }),
    printJson: (v) => out.json.push(JSON.parse(JSON.stringify(v))),
    print: (t) => out.lines.push(t),
    info: (m) => out.info.push(m),
    writeFile: async (p, t) => void files.set(p, t),
    openWriter: memoryWriter((p, t) => files.set(p, t)),
    readFile: async (p) => {
      const t = files.get(p);
      if (t === undefined) throw new Error('ENOENT');
      return t;
    },
  };
  return { ctx, out };
}

async function run(args: string[], files: Map<string, string>, analysis?: Record<string, Record<string, unknown>>) {
  const { ctx, out } = fakeContext(files, analysis);
  const program = new Command('earlyhelp').exitOverride();
  registerClusterCommands(program, ctx);
  await program.parseAsync(args, { from: 'user' });
  return out;
}

describe('earlyhelp cluster / assign', () => {
  it('cluster --json prints the clusters section and writes the model and family_id,cluster CSV', async () => {
    const files = new Map<string, string>();
    const out = await run(['cluster', '--demo', '--k', '4', '--seed', '2', '--restarts', '5', '--resamples', '5', '--model-out', 'm.json', '--assignments', 'a.csv', '--json'], files);
    expect(out.lines).toEqual([]);
    expect(out.json).toHaveLength(1);
    const r = out.json[0] as ClusterAnalysisResult;
    expect(r.k).toBe(4);
    expect(r.seed).toBe(2);
    expect(r.restarts).toBe(5);
    const csv = files.get('a.csv')!.trimEnd().split('\n');
    expect(csv[0]).toBe('family_id,cluster');
    expect(csv).toHaveLength(1 + r.families.clustered);
    const first = cohort.families.findIndex((_, f) => r.assignments[f] !== null);
    expect(csv[1]).toBe(`${cohort.families[first]!.familyId},${r.assignments[first]}`);
    expect(JSON.parse(files.get('m.json')!)).toEqual(r.model);

    const assigned = await run(['assign', '--demo', '--model', 'm.json', '--assignments', 'b.csv', '--json'], files);
    expect((assigned.json[0] as AssignResult).assignments).toEqual(r.assignments);
    expect(files.get('b.csv')).toBe(files.get('a.csv'));
  });

  it('takes options from the configuration (analysis.cluster), the command line winning; prints a readable summary', async () => {
    const files = new Map<string, string>();
    const out = await run(['cluster', '--demo', '--k', '3', '--no-stability'], files, {
      cluster: { k: 5, restarts: 3, names: { A: 'Our name for A' } },
    });
    await expect(run(['cluster', '--demo'], files, { cluster: { resamples: 5 } })).rejects.toThrow(
      'analysis.cluster.resamples must be one of the known keys',
    );
    expect(out.json).toEqual([]);
    expect(out.lines[0]).toBe('method kmeans, k = 3 (given), seed 1, restarts 3');
    expect(out.lines.join('\n')).toContain('Our name for A');
  });

  it('exits 2 (CliUsageError) on bad options or an invalid model', async () => {
    const files = new Map([['bad.json', '{"kind":"other"}']]);
    await expect(run(['cluster', '--demo', '--k', 'nine'], files)).rejects.toThrow(CliUsageError);
    await expect(run(['cluster', '--demo', '--method', 'ward'], files)).rejects.toThrow('--method must be kmeans or lca, got "ward"');
    await expect(run(['cluster', '--demo', '--k', '100000'], files)).rejects.toThrow(CliUsageError);
    await expect(run(['assign', '--demo', '--model', 'bad.json', '--assignments', 'x.csv'], files)).rejects.toThrow(
      'invalid model bad.json: loadClusterModel requires kind "earlyhelp-cluster-model", got "other"',
    );
  });
});
