import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryContext } from '../support/memory-context.js';
import { registerOutcomesCommands } from '../../src/cli/commands/outcomes.js';
import { CliUsageError } from '../../src/cli/context.js';
import type { WorkbenchConfig } from '../../src/cohort/config.js';
import type { Cohort } from '../../src/cohort/types.js';
import { readCohort } from '../../src/io/read-cohort.js';
import { outcomesAnalysis } from '../../src/outcomes/outcomes-analysis.js';

let cohort: Cohort;
beforeAll(async () => {
  cohort = (await readCohort(new URL('../fixtures/outcomes/golden-cohort', import.meta.url).pathname)).cohort!;
});

async function run(args: string[], config: Partial<WorkbenchConfig> = {}, files: Record<string, string> = {}) {
  const { ctx, out } = memoryContext(() => cohort, config, files);
  const program = new Command('earlyhelp').exitOverride();
  registerOutcomesCommands(program, ctx);
  await program.parseAsync([args[0]!, 'cohort-dir', ...args.slice(1)], { from: 'user' });
  return out;
}

describe('earlyhelp outcomes', () => {
  it('--json prints the outcomes section with the contract fields, and only that', async () => {
    const out = await run(['outcomes', '--json']);
    expect(out.print).toEqual([]);
    expect(out.json).toHaveLength(1);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r = out.json[0] as any;
    expect(r).toEqual(JSON.parse(JSON.stringify(outcomesAnalysis(cohort))));
    for (const row of r.ageBands.table) expect(Object.keys(row)).toEqual(expect.arrayContaining(['band', 'metOrPartiallyMet', 'notMet']));
    expect(r.ageBands.table.map((x: { band: string }) => x.band)).toEqual(['<1', '1-4', '5-9', '10-15', '16+']);
    expect(Object.keys(r.ageBands.chiSquare)).toEqual(expect.arrayContaining(['statistic', 'df', 'p']));
  });

  it('uses the configuration’s age bands', async () => {
    const ageBands = [
      { label: '0-9', min: 0, max: 9 },
      { label: '10+', min: 10, max: null },
    ];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r = (await run(['outcomes', '--json'], { ageBands })).json[0] as any;
    expect(r.ageBands.table.map((x: { band: string }) => x.band)).toEqual(['0-9', '10+']);
    expect(r.ageBands.chiSquare.df).toBe(1);
  });

  it('prints a readable summary, and by cluster with --clusters', async () => {
    const csv = ['family_id,cluster', ...cohort.families.map((f, i) => `${f.familyId},${i % 2 ? 'A' : 'B'}`)].join('\n');
    const out = await run(['outcomes', '--clusters', 'c.csv'], {}, { 'c.csv': csv });
    expect(out.json).toEqual([]);
    expect(out.print.join('\n')).toMatch(/chi-square [\d.]+, df 4, p /);
    expect(out.print.join('\n')).toMatch(/by cluster \(0 families in none\)/);
  });

  it('rejects a bad assignments file with exit-2 problems', async () => {
    await expect(run(['outcomes', '--clusters', 'c.csv'], {}, { 'c.csv': 'family_id,cluster\nNOPE,A\n' })).rejects.toMatchObject({
      name: 'CliUsageError',
      problems: ['c.csv:2:family_id: not a family of the cohort ("NOPE")'],
    });
  });
});

describe('earlyhelp compare', () => {
  it('--json prints the comparison', async () => {
    const out = await run(['compare', '--where', 'age 10-15', '--bands', 'cuts:4,7', '--json']);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r = out.json[0] as any;
    expect(r.where).toBe('age 10-15');
    expect(r.outcomes.unit).toBe('child');
    expect(r.outcomes.oddsRatio.ci95).toHaveLength(2);
    expect(r.progress.bands).toMatchObject({ method: 'cuts', cuts: [4, 7] });
  });

  it('makes "cluster" a field with --clusters and prints a summary', async () => {
    const csv = ['family_id,cluster', ...cohort.families.map((f, i) => `${f.familyId},${i % 3 === 0 ? 'D' : 'A'}`)].join('\n');
    const out = await run(['compare', '--where', 'cluster = D', '--clusters', 'c.csv', '--bands', 'cuts:4,7'], {}, { 'c.csv': csv });
    expect(out.print[0]).toBe('subgroup: cluster = D (family-level)');
    expect(out.print.join('\n')).toContain(`families: ${Math.ceil(cohort.families.length / 3)} in`);
  });

  it('turns a bad filter into a usage error (exit 2) with the position', async () => {
    const err = await run(['compare', '--where', 'age >']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliUsageError);
    expect((err as Error).message).toMatch(/invalid --where: parseWhere: expected a value after ">" at position 6/);
    const err2 = await run(['compare', '--where', 'cluster = D']).catch((e: unknown) => e);
    expect((err2 as Error).message).toMatch(/unknown field "cluster"/);
  });
});
