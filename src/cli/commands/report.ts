import type { Command } from 'commander';
import { analysisOptionsFromConfig, evaluate, type EvaluationStage } from '../../evaluate.js';
import { renderReport } from '../../report/render-report.js';
import { createKMeansThreads } from '../kmeans-threads.js';
import { writeFolderAtomic } from '../../io/write-atomic.js';
import { readCohortForCli } from '../context-node.js';
import { formatProblem } from '../../io/parse-csv.js';
import { CliUsageError, type CliContext } from '../context.js';
import { toolInfo } from '../tool-info.js';
import { readBrowserLibraries } from '../../io/package-files.js';
import { parseSeed, parseWholeOption } from '../parse-options.js';
import { progressReporter } from '../progress-reporter.js';

interface ReportCliOptions {
  demo?: boolean;
  config?: string;
  out: string;
  seed?: string;
  k?: string;
  interactive?: boolean;
}

export function registerReportCommand(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description('the whole evaluation: report pages (DIR/index.html and the pages it links) and DIR/results.json')
    .argument('[cohort]', 'cohort folder or .xlsx workbook')
    .option('--demo', 'use the embedded demo cohort')
    .option('--config <file>', 'configuration file (YAML or JSON)')
    .requiredOption('--out <dir>', 'folder to write the report into (replaced atomically)')
    .option('--seed <n>', 'seed of every random draw', '1')
    .option('--k <n>', 'number of need clusters (default: chosen, and the choice explained)')
    .option('--interactive', 'interactive charts with tooltips: pages with charts inline vega, vega-embed and vega-interpreter (about 600 kB a page; no network)')
    .action(async (cohortArg: string | undefined, opts: ReportCliOptions) => {
      const started = performance.now();
      const seed = parseSeed(opts.seed);
      const k = opts.k === undefined ? undefined : parseWholeOption(opts.k, '--k', 1);
      const read = await readCohortForCli(cohortArg, opts);
      if (!read.cohort || !read.summary) {
        const errors = read.problems.filter((p) => p.severity === 'error');
        throw new CliUsageError(`the cohort is invalid: ${errors.length} problem(s); nothing written`, errors.map(formatProblem));
      }
      try {
        analysisOptionsFromConfig(read.config);
      } catch (e) {
        throw new CliUsageError(`the configuration is invalid: ${(e as Error).message}`);
      }
      const bar = progressReporter('evaluating');
      // A second thread for the k-means starts (same results; the machine's second core).
      const threads = createKMeansThreads();
      const results = evaluate(read.cohort, read.config, read.summary, {
        seed,
        tool: toolInfo(),
        cluster: { ...(k === undefined ? {} : { k }), threads },
        onStage: (stage: EvaluationStage, i: number, n: number) => bar(stage, i / n),
      });
      await threads.close();
      bar('rendering pages', 1);
      const interactive = opts.interactive === true ? { interactive: true, browserLibraries: await readBrowserLibraries() } : {};
      const files = await renderReport(results, {
        disclosure: read.config.disclosure,
        runTimeSeconds: Math.round((performance.now() - started) / 100) / 10,
        ...interactive,
      });
      await writeFolderAtomic(opts.out, files.map((f) => ({ path: f.path, content: f.content })));
      bar.done();
      ctx.info(`wrote ${files.length} files to ${opts.out} (open ${opts.out}/index.html); seed ${seed}; results.json is exact analyst output, not for publication`);
    });
}
