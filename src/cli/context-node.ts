import { readFile } from 'node:fs/promises';
import { NotACohortPathError, readCohort } from '../io/read-cohort.js';
import { openAtomicWriter, writeFileAtomic } from '../io/write-atomic.js';
import { formatProblem } from '../io/parse-csv.js';
import { parseConfigText } from '../cohort/parse-config.js';
import { parseCohortFiles, type CohortReadResult } from '../cohort/parse-cohort.js';
import type { WorkbenchConfig } from '../cohort/config.js';
import { demoCohortFiles } from './demo.js';
import { CliUsageError, type CliContext, type CohortArgOptions } from './context.js';

/** Reads and validates `--config FILE`; exits 2 (CliUsageError) with every problem. */
export async function loadConfig(path: string | undefined): Promise<Partial<WorkbenchConfig>> {
  if (!path) return {};
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliUsageError(`cannot read the configuration file ${path}`);
  }
  const r = parseConfigText(text, path);
  if (!r.config) throw new CliUsageError(`the configuration ${path} is invalid`, r.problems.map(formatProblem));
  return r.config;
}

/** Reads a cohort (or the demo cohort) and its configuration, without judging it. */
export async function readCohortForCli(cohortArg: string | undefined, options: CohortArgOptions): Promise<CohortReadResult> {
  const config = await loadConfig(options.config);
  if (options.demo) {
    if (cohortArg) throw new CliUsageError('give either a cohort path or --demo, not both');
    return parseCohortFiles(await demoCohortFiles(), config, { path: 'demo', kind: 'demo' });
  }
  if (!cohortArg) throw new CliUsageError('a cohort folder or .xlsx workbook is required (or --demo)');
  try {
    return await readCohort(cohortArg, config);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliUsageError(`no such cohort folder or workbook: ${cohortArg}`);
    if (e instanceof NotACohortPathError) throw new CliUsageError(e.message);
    throw e;
  }
}

/** The CLI context backed by the real process streams and file system. */
export function createNodeContext(): CliContext {
  return {
    async loadCohort(cohortArg, options) {
      const r = await readCohortForCli(cohortArg, options);
      if (!r.cohort) {
        const errors = r.problems.filter((p) => p.severity === 'error');
        throw new CliUsageError(`the cohort is invalid: ${errors.length} problem${errors.length === 1 ? '' : 's'}`, errors.map(formatProblem));
      }
      return { cohort: r.cohort, config: r.config };
    },
    printJson(value) {
      process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    print(text) {
      process.stdout.write(`${text}\n`);
    },
    info(message) {
      process.stderr.write(`${message}\n`);
    },
    writeFile: writeFileAtomic,
    openWriter: openAtomicWriter,
    readFile: (path) => readFile(path, 'utf8'),
  };
}
