import type { Command } from 'commander';
import { familyProgressCategories } from '../../progress/family-progress-categories.js';
import { familyStartScores } from '../../progress/family-start-scores.js';
import { parseProgressBands } from '../../progress/parse-progress-bands.js';
import type { ProgressBands } from '../../progress/types.js';
import { treeAnalysis, TREE_ANALYSIS_METHODS, type TreeAnalysisMethod, type TreeAnalysisOptions, type TreeAnalysisResult } from '../../tree/tree-analysis.js';
import { toTreeModel } from '../../tree/tree-model.js';
import { CliUsageError, type CliContext } from '../context.js';
import { parseWholeOption } from '../parse-options.js';
import { readAssignments } from '../read-assignments.js';

interface TreeCliOptions {
  demo?: boolean;
  config?: string;
  json?: boolean;
  target: string;
  predictors?: string;
  method?: string;
  alphaMerge?: string;
  alphaSplit?: string;
  maxDepth?: string;
  minParent?: string;
  minChild?: string;
  exhaustive?: boolean;
  likelihoodRatio?: boolean;
  splitMerged?: boolean;
  bonferroni?: boolean;
  intervals?: string;
  focus?: string;
  cv?: string | boolean;
  seed?: string;
  clusters?: string;
  bands?: string;
  modelOut?: string;
}

const DEFAULT_SEED = 1;
const DEFAULT_FOLDS = 10;

/** A number option (`--alpha-merge 0.05`): a finite number, else exit 2 naming it. */
function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const x = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(x)) throw new CliUsageError(`--${name} requires a number, got "${text}"`);
  return x;
}

/** A whole-number option (`--max-depth 3`): as parseWholeOption, undefined when not given. */
const wholeOption = (name: string, text: string | undefined, min = 0): number | undefined => (text === undefined ? undefined : parseWholeOption(text, `--${name}`, min));

function pFormat(p: number): string {
  return p < 0.001 ? p.toExponential(2) : p.toFixed(3);
}

function resultLines(r: TreeAnalysisResult): string[] {
  const out = [
    `${r.method} tree of ${r.target} on ${r.predictorLevels.length} predictors: ${r.n} families used; left out: target missing ${r.excluded.missingTarget}, every predictor missing ${r.excluded.allPredictorsMissing}`,
    '',
    r.text,
    '',
    `rules (share of ${r.target} = ${r.focus}):`,
    ...r.rules.map((x) => `  ${x.text}`),
    '',
    `gains for ${r.target} = ${r.focus} (terminal nodes by index):`,
    '  node      n   node%   count   gain%  response%   index',
    ...r.gains.rows.map(
      (g) =>
        `  ${String(g.node).padStart(4)} ${String(g.n).padStart(6)} ${g.nPercent.toFixed(1).padStart(7)} ${String(g.count).padStart(7)} ${g.gainPercent.toFixed(1).padStart(7)} ${g.responsePercent.toFixed(1).padStart(10)} ${g.index.toFixed(1).padStart(7)}`,
    ),
  ];
  const cv = r.crossValidation;
  if (cv) {
    const acc = (a: { accuracy: number }): string => `${(100 * a.accuracy).toFixed(1)}%`;
    out.push(
      '',
      `${cv.folds}-fold cross-validated accuracy (seed ${cv.seed}, ${cv.n} families): CHAID ${acc(cv.chaid)}${cv.cart ? `, CART ${acc(cv.cart)}` : ''}, majority class ${acc(cv.baseline)}`,
    );
  }
  const split = r.nodes[0]!.split;
  if (split) out.push('', `root split: ${split.variable}, chi-square ${split.chiSquare.toFixed(2)}, df ${split.df}, adjusted p ${pFormat(split.pAdjusted)}`);
  return out;
}

/**
 * Registers `earlyhelp tree <cohort> --target COLUMN [--predictors A,B,...] [--method chaid|cart]
 * [--alpha-merge] [--alpha-split] [--max-depth] [--min-parent] [--min-child] [--exhaustive] [--json]`
 * (the `trees` section of results.json): what predicts a family-level outcome, as a CHAID
 * (SPSS defaults) or CART tree, with rules, a gains table, optional cross-validation and a
 * saved model.
 */
export function registerTreeCommand(program: Command, ctx: CliContext): void {
  program
    .command('tree')
    .description('decision tree (CHAID as SPSS, Exhaustive CHAID, or CART) of what predicts a family-level outcome')
    .argument('[cohort]', 'cohort folder or .xlsx workbook')
    .option('--demo', 'use the embedded demo cohort')
    .option('--config <file>', 'configuration file (YAML or JSON)')
    .option('--json', 'print the result as JSON on standard output')
    .requiredOption('--target <column>', 'the outcome: social_care_after, outcome_met, re_referred, progress_category, or any 0/1 or text column')
    .option('--predictors <list>', 'predictor columns, comma-separated; name:ordinal or name:nominal overrides a measurement level (default: needs, cluster, ages, involvement, household, area, Star start score)')
    .option('--method <method>', `growing method: ${TREE_ANALYSIS_METHODS.join(' or ')} (default chaid)`)
    .option('--alpha-merge <p>', 'CHAID: merge categories while p > this (default 0.05)')
    .option('--alpha-split <p>', 'CHAID: split a node when the adjusted p <= this (default 0.05)')
    .option('--max-depth <n>', 'levels below the root (default 3)')
    .option('--min-parent <n>', 'nodes with fewer families are not split (default 100)')
    .option('--min-child <n>', 'no child node has fewer families (default 50)')
    .option('--exhaustive', 'Exhaustive CHAID (Biggs, de Ville and Suen 1991)')
    .option('--likelihood-ratio', 'CHAID: likelihood-ratio chi-square instead of Pearson')
    .option('--split-merged', 'CHAID: allow merged categories to be split again')
    .option('--no-bonferroni', 'CHAID: do not adjust p-values (default: Bonferroni, as SPSS)')
    .option('--intervals <n>', 'CHAID: quantile bins of a continuous predictor (default 10)')
    .option('--focus <category>', 'target category for rules and gains (default: 1, up, or met)')
    .option('--cv [folds]', `cross-validated accuracy of CHAID and CART against the majority class (default ${DEFAULT_FOLDS} folds)`)
    .option('--seed <seed>', `seed of the cross-validation folds and of the k-means progress bands (default ${DEFAULT_SEED})`)
    .option('--clusters <file>', 'cluster assignments CSV (family_id,cluster): makes the predictor "cluster" available')
    .option('--bands <bands>', 'segments of the progress matrix for progress_category: kmeans (default) or cuts:A,B')
    .option('--model-out <file>', 'write the tree as a saved model (JSON) for predicting new families')
    .action(async (cohortArg: string | undefined, opts: TreeCliOptions) => {
      const method = (opts.method ?? 'chaid') as TreeAnalysisMethod;
      if (!TREE_ANALYSIS_METHODS.includes(method)) throw new CliUsageError(`--method requires one of ${TREE_ANALYSIS_METHODS.join(', ')}, got "${opts.method}"`);
      const seed = wholeOption('seed', opts.seed) ?? DEFAULT_SEED;
      const folds = opts.cv === undefined || opts.cv === false ? null : opts.cv === true ? DEFAULT_FOLDS : wholeOption('cv', opts.cv)!;
      let bands: ProgressBands | undefined;
      if (opts.bands !== undefined) {
        try {
          bands = parseProgressBands(opts.bands);
        } catch (e) {
          throw new CliUsageError(`--bands: ${(e as Error).message}`);
        }
      }
      const predictors = opts.predictors?.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const { cohort, config } = await ctx.loadCohort(cohortArg, opts);
      const fromConfig = (config.analysis?.tree ?? {}) as Record<string, unknown>;
      const pick = <T>(cli: T | undefined, key: string): T | undefined => (cli !== undefined ? cli : (fromConfig[key] as T | undefined));

      const needsProgress = opts.target === 'progress_category' || (predictors ?? []).some((p) => p.split(':')[0] === 'progress_category');
      const progressOptions = { stages: config.stages, bands: bands ?? { method: 'kmeans' as const, seed } };
      const options: TreeAnalysisOptions = {
        target: opts.target,
        predictors,
        method,
        alphaMerge: pick(numberOption('alpha-merge', opts.alphaMerge), 'alphaMerge'),
        alphaSplit: pick(numberOption('alpha-split', opts.alphaSplit), 'alphaSplit'),
        maxDepth: pick(wholeOption('max-depth', opts.maxDepth), 'maxDepth'),
        minParent: pick(wholeOption('min-parent', opts.minParent), 'minParent'),
        minChild: pick(wholeOption('min-child', opts.minChild), 'minChild'),
        exhaustive: pick(opts.exhaustive, 'exhaustive'),
        statistic: pick(opts.likelihoodRatio ? 'likelihood-ratio' : undefined, 'statistic'),
        splitMerged: pick(opts.splitMerged, 'splitMerged'),
        bonferroni: pick(opts.bonferroni === false ? false : undefined, 'bonferroni'),
        intervals: pick(wholeOption('intervals', opts.intervals), 'intervals'),
        focus: opts.focus,
        ageBands: config.ageBands,
        clusters: opts.clusters === undefined ? undefined : await readAssignments(cohort, opts.clusters, ctx),
        startScore: familyStartScores(cohort),
        progressCategory: needsProgress ? familyProgressCategories(cohort, progressOptions) : undefined,
        crossValidation: folds === null ? undefined : { folds, seed },
      };
      let result: TreeAnalysisResult;
      try {
        result = treeAnalysis(cohort, options);
      } catch (e) {
        const message = (e as Error).message;
        // unknown names and invalid settings are the user's to fix (exit 2); anything else is a failure
        if (/^(treeAnalysis|chaid|cartTree|crossValidateTree)( requires|: unknown|: target| cannot)/.test(message)) throw new CliUsageError(message);
        throw e;
      }
      if (opts.modelOut) {
        await ctx.writeFile(opts.modelOut, `${JSON.stringify(toTreeModel(result), null, 1)}\n`);
        ctx.info(`saved the tree to ${opts.modelOut}`);
      }
      if (opts.json) {
        ctx.printJson(result);
        return;
      }
      for (const line of resultLines(result)) ctx.print(line);
    });
}
