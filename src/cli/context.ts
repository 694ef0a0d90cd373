import type { Cohort } from '../cohort/types.js';
import type { TextWriter } from '../io/write-atomic.js';
import type { WorkbenchConfig } from '../cohort/config.js';

/** A cohort loaded for a command, with the configuration it was read under. */
export interface LoadedCohort {
  cohort: Cohort;
  config: WorkbenchConfig;
}

/** Options every command that reads a cohort accepts. */
export interface CohortArgOptions {
  demo?: boolean;
  config?: string;
}

/**
 * What command modules (`src/cli/commands/*.ts`) get from the CLI core. Commands never
 * call `process.exit`: they throw `CliUsageError` (exit 2) or let other errors become
 * exit 1 with a one-line reason.
 */
export interface CliContext {
  /** Reads and validates a cohort folder / .xlsx, or the demo cohort; exits 2 on invalid input. */
  loadCohort(cohortArg: string | undefined, options: CohortArgOptions): Promise<LoadedCohort>;
  /** Prints a value as JSON on standard output (the only thing a `--json` command prints there). */
  printJson(value: unknown): void;
  /** Prints a human-readable line on standard output (when not `--json`). */
  print(text: string): void;
  /** A message or progress line on standard error. Never case data. */
  info(message: string): void;
  /** Writes a text file atomically (temporary file, then rename). */
  writeFile(path: string, text: string): Promise<void>;
  /** Opens a text file to write in pieces, atomically (in place when closed). */
  openWriter(path: string): Promise<TextWriter>;
  /** Reads a text file (for --model and similar). */
  readFile(path: string): Promise<string>;
}

/** Invalid use or invalid input that the user must fix: exit status 2. */
export class CliUsageError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'CliUsageError';
  }
}
