import type { Command } from 'commander';
import { join } from 'node:path';
import { DEFAULT_SYNTH_OPTIONS, MAX_SYNTH_FAMILIES } from '../../synth/synth-options.js';
import { synthCohortChunks } from '../../synth/synth-cohort-chunks.js';
import { CliUsageError, type CliContext } from '../context.js';
import { parseWholeOption } from '../parse-options.js';
import type { TextWriter } from '../../io/write-atomic.js';

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
  const families = opts.families === undefined ? DEFAULT_SYNTH_OPTIONS.families : parseWholeOption(opts.families, '--families', 1, MAX_SYNTH_FAMILIES);
  const seed = opts.seed === undefined ? DEFAULT_SYNTH_OPTIONS.seed : parseWholeOption(opts.seed, '--seed', Number.MIN_SAFE_INTEGER);
  ctx.info(`generating ${families.toLocaleString('en-GB')} families with seed ${seed}`);
  // Streamed chunk by chunk into the four files: a million families' star.csv is larger
  // than one JavaScript string can hold.
  const names = ['families', 'children', 'star', 'plans'] as const;
  const opened = await Promise.allSettled(names.map((n) => ctx.openWriter(join(opts.out!, `${n}.csv`))));
  const failed = opened.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) {
    // Those that did open leave no temporary file behind.
    for (const o of opened) if (o.status === 'fulfilled') await o.value.abort();
    throw failed.reason;
  }
  const writers = opened.map((o) => (o as PromiseFulfilledResult<TextWriter>).value);
  const rows = [0, 0, 0, 0];
  const bytes = [0, 0, 0, 0];
  try {
    for (const chunk of synthCohortChunks({ families, seed })) {
      for (let i = 0; i < names.length; i++) {
        const text = chunk[names[i]!];
        await writers[i]!.write(text);
        bytes[i]! += Buffer.byteLength(text);
        for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) rows[i]!++;
      }
    }
    for (const w of writers) await w.close();
  } catch (e) {
    for (const w of writers) await w.abort();
    throw e;
  }
  const written: SynthCommandResult['files'] = names.map((n, i) => ({ path: join(opts.out!, `${n}.csv`), rows: rows[i]! - 1, bytes: bytes[i]! }));
  const result: SynthCommandResult = { out: opts.out, families, seed, files: written };
  if (!opts.json) {
    for (const f of written) ctx.print(`wrote ${f.path}: ${f.rows.toLocaleString('en-GB')} rows, ${f.bytes.toLocaleString('en-GB')} bytes`);
    ctx.print(`synthetic cohort: ${families.toLocaleString('en-GB')} families, seed ${seed}`);
  }
  return result;
}
