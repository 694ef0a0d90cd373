import type { Command } from 'commander';
import type { WorkbenchConfig } from '../../cohort/config.js';
import type { Cohort, FamilyGrouping } from '../../cohort/types.js';
import { ageBandGrouping } from '../../progress/age-band-grouping.js';
import { computeFamilyProgress, DEFAULT_BANDS_RESTARTS, DEFAULT_BANDS_SEED } from '../../progress/compute-family-progress.js';
import { familyColumnGrouping } from '../../progress/family-column-grouping.js';
import { parseProgressBands } from '../../progress/parse-progress-bands.js';
import { progressByGroup } from '../../progress/progress-by-group.js';
import { progressSummary } from '../../progress/progress-summary.js';
import type { FamilyGroupSets, ProgressBands, ProgressByGroupResult, ProgressResult } from '../../progress/types.js';
import { P_ADJUST_METHODS, type PAdjustMethod } from '../../stats/p-adjust.js';
import { CliUsageError, type CliContext } from '../context.js';
import { parseWholeOption } from '../parse-options.js';
import { readAssignments } from '../read-assignments.js';

interface ProgressCliOptions {
  demo?: boolean;
  config?: string;
  json?: boolean;
  bands?: string;
  seed?: string;
  restarts?: string;
  by?: string;
  clusters?: string;
  pAdjust?: string;
}

/**
 * Registers `earlyhelp progress <cohort> [--bands kmeans|cuts:A,B] [--by COLUMN] [--json]`:
 * Family Star progress (domains, stages, the 3×3 matrix), optionally by group. `--json`
 * prints the `progress` section of results.json (plus `settings` and, with `--by`,
 * `byGroup`). Options also come from the configuration's `analysis.progress`
 * (`bands`, `seed`, `restarts`, `pAdjust`); the command line wins.
 */
export function registerProgressCommand(program: Command, ctx: CliContext): void {
  program
    .command('progress')
    .description('Family Star progress: domains, stages, start-versus-end 3x3 matrix, optionally by group')
    .argument('[cohort]', 'cohort folder or .xlsx workbook')
    .option('--demo', 'use the embedded demo cohort')
    .option('--config <file>', 'configuration file (YAML or JSON)')
    .option('--json', 'print the result as JSON on standard output')
    .option('--bands <bands>', 'segments of the matrix: kmeans (default) or cuts:A,B')
    .option('--seed <seed>', `seed of the k-means bands (default ${DEFAULT_BANDS_SEED})`)
    .option('--restarts <n>', `k-means starts (default ${DEFAULT_BANDS_RESTARTS})`)
    .option('--by <column>', 'also by group: a families column (service, need_<id>, ...), age_band, or cluster (with --clusters)')
    .option('--clusters <file>', 'cluster assignments CSV (family_id,cluster), for --by cluster')
    .option('--p-adjust <method>', `adjustment of the by-group tests: ${P_ADJUST_METHODS.join(', ')} (default holm)`)
    .action(async (cohortArg: string | undefined, opts: ProgressCliOptions) => {
      const { cohort, config } = await ctx.loadCohort(cohortArg, opts);
      const section = config.analysis?.progress ?? {};
      const bands = resolveBands(opts, section);
      const pAdjust = resolvePAdjust(opts.pAdjust ?? section.pAdjust);
      const grouping = opts.by === undefined ? null : await resolveGrouping(cohort, config, opts, ctx);

      const progress = computeFamilyProgress(cohort, { stages: config.stages, bands });
      const result: ProgressResult & { settings: Record<string, unknown>; byGroup?: ProgressByGroupResult } = {
        ...progressSummary(progress),
        settings: {
          bands: opts.bands ?? (typeof section.bands === 'string' ? section.bands : 'kmeans'),
          ...(bands.method === 'kmeans' ? { seed: bands.seed, restarts: bands.restarts } : {}),
          stages: config.stages,
          ...(grouping ? { by: grouping.name, pAdjust } : {}),
        },
      };
      if (grouping) result.byGroup = progressByGroup(progress, grouping, { pAdjust });

      if (opts.json) {
        ctx.printJson(result);
        return;
      }
      for (const line of summaryLines(result)) ctx.print(line);
    });
}

function resolveBands(opts: ProgressCliOptions, section: Record<string, unknown>): ProgressBands {
  const text = opts.bands ?? section.bands ?? 'kmeans';
  if (typeof text !== 'string') throw new CliUsageError(`--bands (or analysis.progress.bands) must be "kmeans" or "cuts:A,B", got ${JSON.stringify(text)}`);
  let bands: ProgressBands;
  try {
    bands = parseProgressBands(text);
  } catch (e) {
    throw new CliUsageError((e as Error).message);
  }
  if (bands.method === 'cuts') return bands;
  return {
    method: 'kmeans',
    // A bad value is named where it came from: the command line or the configuration.
    seed: parseWholeOption(opts.seed ?? section.seed ?? DEFAULT_BANDS_SEED, opts.seed !== undefined ? '--seed' : 'analysis.progress.seed', 0),
    restarts: parseWholeOption(opts.restarts ?? section.restarts ?? DEFAULT_BANDS_RESTARTS, opts.restarts !== undefined ? '--restarts' : 'analysis.progress.restarts', 1),
  };
}

function resolvePAdjust(value: unknown): PAdjustMethod {
  if (value === undefined) return 'holm';
  if (typeof value === 'string' && (P_ADJUST_METHODS as readonly string[]).includes(value)) return value as PAdjustMethod;
  throw new CliUsageError(`--p-adjust must be one of ${P_ADJUST_METHODS.join(', ')}, got ${JSON.stringify(value)}`);
}

async function resolveGrouping(
  cohort: Cohort,
  config: WorkbenchConfig,
  opts: ProgressCliOptions,
  ctx: CliContext,
): Promise<FamilyGrouping | FamilyGroupSets> {
  const by = opts.by!;
  if (opts.clusters !== undefined && by !== 'cluster') throw new CliUsageError(`--clusters goes with --by cluster, got --by ${by}`);
  if (by === 'age_band') return ageBandGrouping(cohort, config.ageBands);
  if (by === 'cluster') {
    if (opts.clusters === undefined) throw new CliUsageError('--by cluster needs --clusters FILE (family_id,cluster, as written by `earlyhelp cluster --assignments`)');
    return readAssignments(cohort, opts.clusters, ctx);
  }
  try {
    return familyColumnGrouping(cohort, by);
  } catch (e) {
    throw new CliUsageError((e as Error).message);
  }
}


function summaryLines(r: ProgressResult & { byGroup?: ProgressByGroupResult }): string[] {
  const pc = (x: number | null): string => (x === null ? '-' : `${x.toFixed(1)}%`);
  const out = [
    `families in the progress analysis: ${r.eligibleFamilies} of ${r.families} (left out: ${Object.entries(r.excluded)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
    `progressed in at least one domain: ${r.anyDomainProgressed} (${pc(r.anyDomainProgressedPercent)})`,
    'domain progress (moved up a stage / families with change; started top; Wilcoxon p):',
  ];
  for (const d of r.domains) {
    const w = d.change.wilcoxon;
    out.push(
      `  ${d.id}: ${d.progressed}/${d.families} ${pc(d.percent)}; top ${d.startedTop}; mean change ${d.change.mean === null ? '-' : d.change.mean.toFixed(2)}; p ${w ? w.p.toExponential(2) : '-'}`,
    );
  }
  out.push(
    r.bands.method === 'cuts'
      ? `matrix (cuts ${r.bands.cuts.join(', ')}; rows start, columns end: Lower, Middle, Higher):`
      : `matrix (k-means bands, seed ${r.bands.seed}; ${r.bands.vectors.incomplete} of ${r.bands.vectors.pooled} vectors with domains missing; rows start, columns end: Lower, Middle, Higher):`,
  );
  r.matrix.counts.forEach((row, i) => out.push(`  ${r.matrix.segments[i]!.padEnd(7)} ${row.map((x, j) => `${x} (${pc(r.matrix.percent[i]![j]!)})`.padEnd(16)).join(' ')}`));
  out.push(`up ${r.categories.up} (${pc(r.categories.upPercent)}), same ${r.categories.same} (${pc(r.categories.samePercent)}), down ${r.categories.down} (${pc(r.categories.downPercent)})`);
  if (r.byGroup) {
    const g = r.byGroup;
    out.push(`by ${g.grouping} (share up / down against the rest, p adjusted ${g.pAdjustMethod}; ${g.eligibleWithoutGroup} families in no group):`);
    for (const x of g.groups) {
      const flag = (t: typeof x.up): string => (t.significant ? ` [${t.significant}, p adj ${t.pAdjusted!.toExponential(2)}]` : '');
      out.push(`  ${x.label}: n ${x.up.n}; up ${pc(x.up.percent)}${flag(x.up)}; down ${pc(x.down.percent)}${flag(x.down)}`);
    }
  }
  return out;
}
