import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { memoryContext } from '../support/memory-context.js';
import { registerProgressCommand } from '../../src/cli/commands/progress.js';
import { CliUsageError } from '../../src/cli/context.js';
import type { WorkbenchConfig } from '../../src/cohort/config.js';
import { familyStarProgress } from '../../src/progress/family-star-progress.js';
import { fixtureCohort } from './fixture-cohort.js';

const cohort = fixtureCohort('hand-made');

async function run(args: string[], config: Partial<WorkbenchConfig> = {}, files: Record<string, string> = {}) {
  const { ctx, out } = memoryContext(() => cohort, config, files);
  const program = new Command('earlyhelp').exitOverride();
  registerProgressCommand(program, ctx);
  await program.parseAsync(['progress', 'cohort-dir', ...args], { from: 'user' });
  return out;
}

describe('earlyhelp progress', () => {
  it('--json prints the progress section (the contract fields) and only that', async () => {
    const out = await run(['--bands', 'cuts:4,7', '--json']);
    expect(out.print).toEqual([]);
    expect(out.json).toHaveLength(1);
    const r = out.json[0] as Record<string, any>;
    const lib = JSON.parse(JSON.stringify(familyStarProgress(cohort, { bands: { method: 'cuts', cuts: [4, 7] } })));
    for (const key of ['bands', 'eligibleFamilies', 'excluded', 'anyDomainProgressed', 'domains', 'matrix', 'categories']) {
      expect(r[key]).toEqual(lib[key]);
    }
    expect(r.bands).toMatchObject({ method: 'cuts', cuts: [4, 7] });
    expect(r.excluded).toHaveProperty('noChange');
    expect(r.domains[0]).toHaveProperty('id');
    expect(r.domains[0]).toHaveProperty('families');
    expect(r.domains[0]).toHaveProperty('progressed');
    expect(r.domains[0]).toHaveProperty('percent');
    expect(r.matrix.counts).toHaveLength(3);
    expect(Object.keys(r.categories)).toEqual(expect.arrayContaining(['up', 'same', 'down']));
  });

  it('k-means by default, seed recorded, centres in the bands', async () => {
    const out = await run(['--json', '--seed', '4', '--restarts', '3']);
    const r = out.json[0] as Record<string, any>;
    expect(r.bands).toMatchObject({ method: 'kmeans', seed: 4, restarts: 3 });
    expect(r.bands.centres).toHaveLength(3);
    expect(r.settings).toMatchObject({ bands: 'kmeans', seed: 4, restarts: 3 });
  });

  it('takes bands and stages from the configuration; the command line wins', async () => {
    const config = { analysis: { progress: { bands: 'cuts:3,6' } }, stages: { upperBounds: [3, 7, 10], names: ['L', 'M', 'H'] } };
    const a = (await run(['--json'], config)).json[0] as Record<string, any>;
    expect(a.bands).toMatchObject({ method: 'cuts', cuts: [3, 6] });
    expect(a.stages.names).toEqual(['L', 'M', 'H']);
    const b = (await run(['--json', '--bands', 'cuts:4,7'], config)).json[0] as Record<string, any>;
    expect(b.bands).toMatchObject({ method: 'cuts', cuts: [4, 7] });
  });

  it('--by service, --by age_band and --by cluster add byGroup', async () => {
    const s = (await run(['--json', '--bands', 'cuts:4,7', '--by', 'service'])).json[0] as Record<string, any>;
    expect(s.byGroup.grouping).toBe('service');
    expect(s.byGroup.groups).toHaveLength(3);
    const a = (await run(['--json', '--bands', 'cuts:4,7', '--by', 'age_band'])).json[0] as Record<string, any>;
    expect(a.byGroup.groups.map((g: { label: string }) => g.label)).toEqual(['<1', '1-4', '5-9', '10-15', '16+']);
    const csv = 'family_id,cluster\n' + cohort.families.map((f, i) => `${f.familyId},${'ABC'[i % 3]}`).join('\n') + '\n';
    const c = (await run(['--json', '--bands', 'cuts:4,7', '--by', 'cluster', '--clusters', 'a.csv'], {}, { 'a.csv': csv })).json[0] as Record<string, any>;
    expect(c.byGroup.groups.map((g: { label: string }) => g.label)).toEqual(['A', 'B', 'C']);
  });

  it('prints a readable summary without --json', async () => {
    const out = await run(['--bands', 'cuts:4,7', '--by', 'service']);
    expect(out.json).toEqual([]);
    expect(out.print.join('\n')).toMatch(/families in the progress analysis: \d+ of 68/);
    expect(out.print.join('\n')).toMatch(/by service/);
  });

  it('bad options are usage errors (exit 2)', async () => {
    await expect(run(['--bands', 'cuts:7,4'])).rejects.toThrow(CliUsageError);
    await expect(run(['--seed', 'x'])).rejects.toThrow(/--seed must be a whole number/);
    await expect(run([], { analysis: { progress: { restarts: 0 } } })).rejects.toThrow('analysis.progress.restarts must be a whole number ≥ 1, got 0');
    await expect(run(['--by', 'nope'])).rejects.toThrow(CliUsageError);
    await expect(run(['--by', 'cluster'])).rejects.toThrow(/--clusters FILE/);
    await expect(run(['--p-adjust', 'fdr', '--by', 'service'])).rejects.toThrow(/--p-adjust must be one of/);
    const csv = 'family_id,cluster\nNOPE,A\n';
    await expect(run(['--by', 'cluster', '--clusters', 'a.csv'], {}, { 'a.csv': csv })).rejects.toThrow(/invalid cluster assignments/);
  });
});
