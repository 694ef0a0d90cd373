import type { Command } from 'commander';
import { assignToModel, type AssignResult } from '../../cluster/assign-to-model.js';
import { CLUSTER_METHODS, loadClusterModel, type ClusterMethod, type ClusterModel } from '../../cluster/cluster-model.js';
import { clusterNeeds, type ClusterAnalysisResult, type ClusterNeedsOptions } from '../../cluster/cluster-needs.js';
import { largeCohortClusterOptions } from '../../evaluate.js';
import { parseClusterOptions } from '../../cluster/parse-cluster-options.js';
import type { Cohort } from '../../cohort/types.js';
import { P_ADJUST_METHODS, type PAdjustMethod } from '../../stats/p-adjust.js';
import { CliUsageError, type CliContext } from '../context.js';
import { parseWholeOption } from '../parse-options.js';
import { csvField } from '../../synth/csv-field.js';

interface ClusterCliOptions {
  demo?: boolean;
  config?: string;
  json?: boolean;
  k?: string;
  kMin?: string;
  kMax?: string;
  seed?: string;
  restarts?: string;
  lcaRestarts?: string;
  method?: string;
  groups?: string;
  resamples?: string;
  stability?: boolean;
  pAdjust?: string;
  modelOut?: string;
  assignments?: string;
}

interface AssignCliOptions {
  demo?: boolean;
  config?: string;
  json?: boolean;
  model?: string;
  assignments?: string;
}

/**
 * Registers `earlyhelp cluster <cohort> [--k N] [--seed S] [--restarts R] [--method kmeans|lca]
 * [--model-out FILE] [--assignments FILE] [--json]` (the `clusters` section of results.json)
 * and `earlyhelp assign <cohort> --model FILE --assignments FILE [--json]` (families of
 * another cohort into a saved model's clusters). Options may also come from the
 * configuration's `analysis.cluster` (the names of ClusterNeedsOptions, read by
 * parseClusterOptions: k, kMin, kMax, seed, restarts, lcaRestarts, method, groups, adjust,
 * names, groupOverrides, stability, …); the command line wins. Indicator labels and headline
 * problems come from the configuration's `indicators`.
 */
export function registerClusterCommands(program: Command, ctx: CliContext): void {
  program
    .command('cluster')
    .description('cluster families by their need indicators (k-means or latent class); without --k, choose k and say how')
    .argument('[cohort]', 'cohort folder or .xlsx workbook')
    .option('--demo', 'use the embedded demo cohort')
    .option('--config <file>', 'configuration file (YAML or JSON)')
    .option('--json', 'print the result (the clusters section of results.json) as JSON on standard output')
    .option('--k <n>', 'number of clusters (default: chosen by the lowest Bernoulli-mixture BIC over --k-min..--k-max)')
    .option('--k-min <n>', 'smallest k tried when choosing (default 2)')
    .option('--k-max <n>', 'largest k tried when choosing (default 15)')
    .option('--seed <s>', 'seed of every random draw (default 1)')
    .option('--restarts <r>', 'k-means++ starts (default 25)')
    .option('--lca-restarts <r>', 'EM starts for --method lca (default 10)')
    .option('--method <method>', `${CLUSTER_METHODS.join(' or ')} (default kmeans)`)
    .option('--groups <n>', 'number of groups of clusters (default 4)')
    .option('--resamples <n>', 'bootstrap resamples for cluster stability (default 100)')
    .option('--no-stability', 'skip the bootstrap stability')
    .option('--p-adjust <method>', `adjustment of the profile and cross-tabulation tests: ${P_ADJUST_METHODS.join(', ')} (default holm)`)
    .option('--model-out <file>', 'write the fitted model (JSON) for earlyhelp assign')
    .option('--assignments <file>', 'write family_id,cluster CSV (one row per family clustered)')
    .action(async (cohortArg: string | undefined, opts: ClusterCliOptions) => {
      const { cohort, config } = await ctx.loadCohort(cohortArg, opts);
      const fromConfig = config.analysis['cluster'] ?? {};
      const given = clusterOptions(opts, fromConfig);
      given.indicators = config.indicators;
      // Large cohorts are clustered as the report clusters them (sampled starts, subset stability).
      const scaled = largeCohortClusterOptions(cohort.families.length, given);
      ctx.info(`clustering ${cohort.families.length} families on ${cohort.needIds.length} need indicators`);
      let result: ClusterAnalysisResult;
      try {
        result = clusterNeeds(cohort, scaled.options);
        for (const note of scaled.notes(result)) ctx.info(note);
      } catch (e) {
        // Invalid options or data the user must fix (k too large, unknown labels, no complete family).
        if (e instanceof Error && / requires /.test(e.message)) throw new CliUsageError(e.message);
        throw e;
      }
      if (opts.modelOut) {
        await ctx.writeFile(opts.modelOut, `${JSON.stringify(result.model, null, 1)}\n`);
        ctx.info(`model written to ${opts.modelOut}`);
      }
      if (opts.assignments) {
        await ctx.writeFile(opts.assignments, assignmentsCsv(cohort, result.assignments));
        ctx.info(`assignments written to ${opts.assignments}`);
      }
      if (opts.json) {
        ctx.printJson(result);
        return;
      }
      for (const line of clusterLines(result)) ctx.print(line);
    });

  program
    .command('assign')
    .description("put the families of a cohort into the clusters of a saved model (earlyhelp cluster --model-out)")
    .argument('[cohort]', 'cohort folder or .xlsx workbook')
    .option('--demo', 'use the embedded demo cohort')
    .option('--config <file>', 'configuration file (YAML or JSON)')
    .option('--json', 'print the result as JSON on standard output')
    .requiredOption('--model <file>', 'the saved model (JSON)')
    .requiredOption('--assignments <file>', 'write family_id,cluster CSV (one row per family assigned)')
    .action(async (cohortArg: string | undefined, opts: AssignCliOptions) => {
      let model: ClusterModel;
      let text: string;
      try {
        text = await ctx.readFile(opts.model!);
      } catch {
        throw new CliUsageError(`cannot read the model ${opts.model}`);
      }
      try {
        model = loadClusterModel(JSON.parse(text));
      } catch (e) {
        throw new CliUsageError(`invalid model ${opts.model}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const { cohort } = await ctx.loadCohort(cohortArg, opts);
      let result: AssignResult;
      try {
        result = assignToModel(cohort, model);
      } catch (e) {
        if (e instanceof Error && / requires /.test(e.message)) throw new CliUsageError(e.message);
        throw e;
      }
      await ctx.writeFile(opts.assignments!, assignmentsCsv(cohort, result.assignments));
      ctx.info(`assignments written to ${opts.assignments}`);
      if (opts.json) {
        ctx.printJson(result);
        return;
      }
      for (const line of assignLines(result)) ctx.print(line);
    });
}

/** The `family_id,cluster` CSV: one row per family with a cluster, in cohort order, RFC 4180 quoting. */
export function assignmentsCsv(cohort: Cohort, assignments: readonly (string | null)[]): string {
  const lines = ['family_id,cluster'];
  cohort.families.forEach((family, f) => {
    const label = assignments[f];
    if (label !== null && label !== undefined) lines.push(`${csvField(family.familyId)},${csvField(label)}`);
  });
  return `${lines.join('\n')}\n`;
}

function wholeNumber(value: string | undefined, option: string, min: number): number | undefined {
  return value === undefined ? undefined : parseWholeOption(value, option, min);
}

/** The configuration's analysis.cluster, with the command line's options over it, checked. */
function clusterOptions(opts: ClusterCliOptions, cfg: Record<string, unknown>): ClusterNeedsOptions {
  let base: ClusterNeedsOptions;
  try {
    base = parseClusterOptions(cfg);
  } catch (e) {
    throw new CliUsageError(e instanceof Error ? e.message : String(e));
  }
  const method = opts.method ?? base.method ?? 'kmeans';
  if (!CLUSTER_METHODS.includes(method as ClusterMethod)) {
    throw new CliUsageError(`--method must be ${CLUSTER_METHODS.join(' or ')}, got ${JSON.stringify(method)}`);
  }
  const adjust = opts.pAdjust ?? base.adjust ?? 'holm';
  if (!P_ADJUST_METHODS.includes(adjust as PAdjustMethod)) {
    throw new CliUsageError(`--p-adjust must be one of ${P_ADJUST_METHODS.join(', ')}, got ${JSON.stringify(adjust)}`);
  }
  const resamples = wholeNumber(opts.resamples, '--resamples', 1);
  let stability = base.stability;
  if (opts.stability === false) stability = false;
  else if (resamples !== undefined) stability = { ...(stability || {}), resamples };
  return {
    ...base,
    method: method as ClusterMethod,
    adjust: adjust as PAdjustMethod,
    k: wholeNumber(opts.k, '--k', 1) ?? base.k,
    kMin: wholeNumber(opts.kMin, '--k-min', 2) ?? base.kMin,
    kMax: wholeNumber(opts.kMax, '--k-max', 2) ?? base.kMax,
    seed: wholeNumber(opts.seed, '--seed', 0) ?? base.seed ?? 1,
    restarts: wholeNumber(opts.restarts, '--restarts', 1) ?? base.restarts,
    lcaRestarts: wholeNumber(opts.lcaRestarts, '--lca-restarts', 1) ?? base.lcaRestarts,
    groups: wholeNumber(opts.groups, '--groups', 1) ?? base.groups,
    stability,
  };
}

function clusterLines(r: ClusterAnalysisResult): string[] {
  const lines: string[] = [];
  lines.push(`method ${r.method}, k = ${r.k} (${r.kChosenBy === 'given' ? 'given' : 'chosen'}), seed ${r.seed}, restarts ${r.restarts}`);
  lines.push(
    `families: ${r.families.clustered} clustered of ${r.families.total}; ${r.families.excludedMissing} left out with a blank indicator`,
  );
  if (r.choiceOfK) {
    lines.push(r.choiceOfK.reason);
    lines.push('  k   within-cluster SS   silhouette   BIC');
    for (const row of r.choiceOfK.table) {
      lines.push(
        `  ${String(row.k).padStart(2)}  ${row.inertia.toFixed(1).padStart(18)}  ${row.silhouette.toFixed(3).padStart(11)}  ${row.bic === null ? '-' : row.bic.toFixed(1)}`,
      );
    }
  }
  lines.push(`inertia (within-cluster sum of squares) ${r.inertia.toFixed(2)}`);
  if (r.lca) {
    lines.push(
      `latent class model: log-likelihood ${r.lca.logLikelihood.toFixed(2)}, BIC ${r.lca.bic.toFixed(1)}, entropy R² ${r.lca.entropyR2.toFixed(3)}, ` +
        `agreement with k-means (adjusted Rand) ${r.lca.agreementWithKMeans.toFixed(3)}`,
    );
  }
  for (const c of r.clusters) {
    const stab = c.stability ? `, stability ${c.stability.meanJaccard.toFixed(2)} (${c.stability.reading})` : '';
    lines.push(`${c.label}  ${String(c.size).padStart(6)} (${c.percent.toFixed(1)}%)  ${c.group} – ${c.level}${stab}`);
    lines.push(`    ${c.name}`);
  }
  return lines;
}

function assignLines(r: AssignResult): string[] {
  const lines = [
    `${r.assigned} of ${r.families} families assigned (${r.rule}); ${r.excludedMissing} left out with a blank indicator`,
    `indicators: ${r.indicators.used.length} used, ${r.indicators.missing.length} of the model missing from the cohort, ${r.indicators.added.length} not in the model`,
  ];
  if (r.indicators.missing.length) lines.push(`  missing: ${r.indicators.missing.join(', ')}`);
  if (r.indicators.added.length) lines.push(`  not in the model: ${r.indicators.added.join(', ')}`);
  lines.push(`${r.farCount} families farther from every centroid than 99% of the training families (distance > ${r.distance99.toFixed(3)})`);
  for (const c of r.counts) lines.push(`${c.label}  ${c.count}`);
  return lines;
}
