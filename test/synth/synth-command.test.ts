import { Command } from 'commander';
import { memoryWriter } from '../support/memory-context.js';
import { describe, expect, it } from 'vitest';
import { registerSynthCommand, runSynthCommand } from '../../src/cli/commands/synth.js';
import { CliUsageError, type CliContext } from '../../src/cli/context.js';
import { synthCohortFiles } from '../../src/synth/synth-cohort-files.js';

function fakeContext() {
  const written = new Map<string, string>();
  const printed: string[] = [];
  const info: string[] = [];
  const json: unknown[] = [];
  const ctx: CliContext = {
    loadCohort: () => Promise.reject(new Error('not used')),
    printJson: (v) => json.push(v),
    print: (t) => printed.push(t),
    info: (m) => info.push(m),
    writeFile: async (path, text) => {
      written.set(path, text);
    },
    openWriter: memoryWriter((path, text) => written.set(path, text)),
    readFile: () => Promise.reject(new Error('not used')),
  };
  return { ctx, written, printed, info, json };
}

describe('earlyhelp synth', () => {
  it('writes the four files of the cohort asked for and says what it wrote and the seed', async () => {
    const f = fakeContext();
    const program = new Command().exitOverride();
    registerSynthCommand(program, f.ctx);
    await program.parseAsync(['synth', '--out', 'out/demo', '--families', '150', '--seed', '42'], { from: 'user' });
    const expected = synthCohortFiles({ families: 150, seed: 42 });
    expect([...f.written.keys()].sort()).toEqual(['out/demo/children.csv', 'out/demo/families.csv', 'out/demo/plans.csv', 'out/demo/star.csv']);
    for (const [name, text] of Object.entries(expected)) expect(f.written.get(`out/demo/${name}`)).toBe(text);
    expect(f.printed).toContain('wrote out/demo/families.csv: 150 rows, ' + expected['families.csv'].length.toLocaleString('en-GB') + ' bytes');
    expect(f.printed[f.printed.length - 1]).toBe('synthetic cohort: 150 families, seed 42');
    expect(f.json).toEqual([]);
  });

  it('prints only the result object with --json, and uses the defaults (5,486 families, seed 1)', async () => {
    const f = fakeContext();
    const r = await runSynthCommand({ out: 'd', json: true }, f.ctx);
    expect(r.families).toBe(5486);
    expect(r.seed).toBe(1);
    expect(r.files.map((x) => x.path)).toEqual(['d/families.csv', 'd/children.csv', 'd/star.csv', 'd/plans.csv']);
    expect(r.files[0]!.rows).toBe(5486);
    expect(f.printed).toEqual([]);
    expect(f.info).toEqual(['generating 5,486 families with seed 1']);
  });

  it('when one file cannot be opened, gives up the others (no temporary file left) and says why', async () => {
    const f = fakeContext();
    const aborted: string[] = [];
    const open = f.ctx.openWriter;
    f.ctx.openWriter = async (path) => {
      if (path.endsWith('star.csv')) throw new Error('EACCES: permission denied');
      const w = await open(path);
      return { ...w, abort: async () => void aborted.push(path) };
    };
    await expect(runSynthCommand({ out: 'd', families: '10' }, f.ctx)).rejects.toThrow('EACCES');
    expect(aborted.sort()).toEqual(['d/children.csv', 'd/families.csv', 'd/plans.csv']);
    expect(f.written.size).toBe(0);
  });

  it('rejects bad options as usage errors (exit status 2) naming the value', async () => {
    const f = fakeContext();
    await expect(runSynthCommand({ out: 'd', families: 'ten' }, f.ctx)).rejects.toThrow(new CliUsageError('--families must be a whole number from 1 to 100000000, got "ten"'));
    await expect(runSynthCommand({ out: 'd', families: '0' }, f.ctx)).rejects.toThrow('--families must be a whole number from 1 to 100000000, got "0"');
    await expect(runSynthCommand({ out: 'd', seed: '1.5' }, f.ctx)).rejects.toThrow('--seed must be a whole number ≥ -9007199254740991, got "1.5"');
    await expect(runSynthCommand({ out: ' ' }, f.ctx)).rejects.toBeInstanceOf(CliUsageError);
    expect(f.written.size).toBe(0);
  });
});
