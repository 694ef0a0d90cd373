import type { Command } from 'commander';
import { join } from 'node:path';
import { DEFAULT_SYNTH_OPTIONS, MAX_SYNTH_FAMILIES } from '../../synth/synth-options.js';
import { synthCohortFiles } from '../../synth/synth-cohort-files.js';
import { CliUsageError, type CliContext } from '../context.js';

export interface SynthCommandOptions {
  out?: string;
  families?: string;
  seed?: string;
  json?: boolean;
}

export interface SynthCommandResult {
  out: string;
  families: number;
  seed: number;
  files: { path: string; rows: number; bytes: number }[];
}

function wholeNumber(text: string, option: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text.trim())) throw new CliUsageError(`${option} requires a whole number, got ${text}`);
  const v = Number(text.trim());
  if (!Number.isSafeInteger(v) || v < min || v > max) throw new CliUsageError(`${option} requires a whole number from ${min} to ${max}, got ${text}`);
  return v;
}

/**
 * `earlyhelp synth --out DIR [--families N] [--seed S] [--json]`: writes the four CSV files of
 * a synthetic cohort calibrated to the published figures (families.csv, children.csv,
 * star.csv, plans.csv) into DIR, and says what it wrote and with which seed.
 */
export function registerSynthCommand(program: Command, ctx: CliContext): void {
  program
    .command('synth')
    .description('write a seeded synthetic cohort calibrated to the published figures (the demo cohort by default)')
    .requiredOption('--out <dir>', 'folder to write families.csv, children.csv, star.csv and plans.csv into')
    .option('--families <n>', `number of families (default ${DEFAULT_SYNTH_OPTIONS.families}, as Leicestershire)`)
    .option('--seed <s>', `seed of the generator (default ${DEFAULT_SYNTH_OPTIONS.seed})`)
    .option('--json', 'print what was written as JSON on standard output')
    .action(async (opts: SynthCommandOptions) => {
      const result = await runSynthCommand(opts, ctx);
      if (opts.json) ctx.printJson(result);
    });
}

/** The work of `earlyhelp synth`, separate from commander for tests. @throws CliUsageError on bad options. */
export async function runSynthCommand(opts: SynthCommandOptions, ctx: CliContext): Promise<SynthCommandResult> {
  if (!opts.out || !opts.out.trim()) throw new CliUsageError('synth requires --out DIR');
  const families = opts.families === undefined ? DEFAULT_SYNTH_OPTIONS.families : wholeNumber(opts.families, '--families', 1, MAX_SYNTH_FAMILIES);
  const seed = opts.seed === undefined ? DEFAULT_SYNTH_OPTIONS.seed : wholeNumber(opts.seed, '--seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  ctx.info(`generating ${families.toLocaleString('en-GB')} families with seed ${seed}`);
  const files = synthCohortFiles({ families, seed });
  const written: SynthCommandResult['files'] = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(opts.out, name);
    await ctx.writeFile(path, text);
    let rows = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) rows++;
    written.push({ path, rows: rows - 1, bytes: text.length });
  }
  const result: SynthCommandResult = { out: opts.out, families, seed, files: written };
  if (!opts.json) {
    for (const f of written) ctx.print(`wrote ${f.path}: ${f.rows.toLocaleString('en-GB')} rows, ${f.bytes.toLocaleString('en-GB')} bytes`);
    ctx.print(`synthetic cohort: ${families.toLocaleString('en-GB')} families, seed ${seed}`);
  }
  return result;
}
