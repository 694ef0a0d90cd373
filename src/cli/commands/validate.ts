import type { Command } from 'commander';
import { formatProblem } from '../../io/parse-csv.js';
import { readCohortForCli } from '../context-node.js';
import { CliUsageError, type CliContext } from '../context.js';
import type { DataQualitySummary } from '../../cohort/data-quality.js';

const MAX_WARNINGS_SHOWN = 20;

function summaryLines(s: DataQualitySummary): string[] {
  const out = [
    `families ${s.families.toLocaleString('en-GB')}, children ${s.children.toLocaleString('en-GB')}, Family Star readings ${s.starReadings.toLocaleString('en-GB')}${s.planOutcomes === null ? '' : `, plan outcomes ${s.planOutcomes.toLocaleString('en-GB')}`}; ${s.needIndicators} need indicators`,
    `cases: ${s.closedCases.toLocaleString('en-GB')} closed, ${s.openCases.toLocaleString('en-GB')} open; start dates ${s.startDates ? `${s.startDates.first} to ${s.startDates.last}` : 'none'}`,
    `closed cases with no outcome recorded (or unknown): ${s.closedWithoutOutcome.count} of ${s.closedWithoutOutcome.denominator} (${s.closedWithoutOutcome.percent}%)`,
    'left out of each analysis:',
    ...s.leftOut.map((l) => `  ${l.analysis}: ${l.count} of ${l.denominator} ${l.unit}: ${l.reason}`),
  ];
  const missing = s.missingness.filter((m) => m.missing > 0);
  if (missing.length) {
    out.push('blank cells by column:');
    for (const m of missing) out.push(`  ${m.file} ${m.column}: ${m.missing} of ${m.total} (${m.percent}%)`);
  }
  return out;
}

export function registerValidateCommand(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('check a cohort: every problem as FILE:LINE:COLUMN: message, and a data-quality summary')
    .argument('[cohort]', 'cohort folder or .xlsx workbook')
    .option('--demo', 'use the embedded demo cohort')
    .option('--config <file>', 'configuration file (YAML or JSON)')
    .option('--json', 'print the result as JSON on standard output')
    .option('--all-warnings', `print every warning (default: the first ${MAX_WARNINGS_SHOWN} of each kind)`)
    .action(async (cohortArg: string | undefined, opts: { demo?: boolean; config?: string; json?: boolean; allWarnings?: boolean }) => {
      const r = await readCohortForCli(cohortArg, opts);
      const errors = r.problems.filter((p) => p.severity === 'error');
      const warnings = r.problems.filter((p) => p.severity === 'warning');
      if (opts.json) {
        ctx.printJson({ valid: errors.length === 0, errors: errors.length, warnings: warnings.length, problems: r.problems, summary: r.summary });
      } else {
        for (const p of errors) ctx.info(formatProblem(p));
        const shown = new Map<string, number>();
        let hidden = 0;
        for (const p of warnings) {
          const n = shown.get(p.message) ?? 0;
          if (!opts.allWarnings && n >= MAX_WARNINGS_SHOWN) {
            hidden++;
            continue;
          }
          shown.set(p.message, n + 1);
          ctx.info(formatProblem(p));
        }
        if (hidden) ctx.info(`(${hidden} more warnings not shown: --all-warnings lists them)`);
        if (r.summary) for (const l of summaryLines(r.summary)) ctx.print(l);
        ctx.info(errors.length ? `invalid: ${errors.length} error(s), ${warnings.length} warning(s)` : `valid: ${warnings.length} warning(s)`);
      }
      if (errors.length) throw new CliUsageError('', []);
    });
}
