/**
 * What a notebook imports to show results on its page:
 *
 * ```ts
 * import { show } from '../src/notebook/display.js';
 * show.table('Need prevalence', rows, { columns: [...], chart: { type: 'bar', category: 'need', value: 'percent' } });
 * ```
 *
 * Each call is checked at once (an error names the notebook's mistake) and recorded, as a
 * copy, with the notebook line it came from, so the page puts it after the cell that made it. Every
 * count is recorded exact and published only through disclosure control when the page
 * is rendered (`publishNotebookOutputs`). Outside a display session (a notebook run as a
 * plain script) calls are checked and then dropped.
 */
import type { DisclosureProfile } from '../cohort/config.js';
import { callerLine } from './caller-line.js';
import { checkNotebookOutput } from './check-notebook-output.js';
import type {
  CrossTabInput,
  CrossTabOptions,
  NotebookOutput,
  TableOptions,
  TableRow,
} from './notebook-output.js';

/** A session collecting the outputs of one run of a notebook file. */
export interface DisplaySession {
  /** Absolute path of the notebook file (frames of this file place outputs). */
  readonly file: string;
}

interface ActiveSession {
  readonly handle: DisplaySession;
  readonly outputs: NotebookOutput[];
}

let active: ActiveSession | null = null;

/**
 * Starts collecting the outputs of a notebook's run. One session at a time.
 * Cost: O(1).
 * @throws Error when a session is already open.
 * @example const session = openDisplaySession('/work/notebooks/leicestershire-2018.ts')
 */
export function openDisplaySession(file: string): DisplaySession {
  if (active) throw new Error(`openDisplaySession requires no open session, got one open for ${active.handle.file}`);
  const handle: DisplaySession = Object.freeze({ file });
  active = { handle, outputs: [] };
  return handle;
}

/**
 * Ends a session and returns its outputs in the order they were made.
 * Cost: O(1).
 * @throws Error when the session is not the open one.
 * @example const outputs = closeDisplaySession(session)
 */
export function closeDisplaySession(session: DisplaySession): NotebookOutput[] {
  if (!active || active.handle !== session) throw new Error('closeDisplaySession requires the open session');
  const { outputs } = active;
  active = null;
  return outputs;
}

function record(output: NotebookOutput): void {
  checkNotebookOutput(output);
  active?.outputs.push(output);
}

function line(): number | null {
  if (!active) return null;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 64;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  return callerLine(stack, active.handle.file);
}

/** The display API of notebooks. */
export const show = {
  /**
   * A table of rows (one object per row, keyed by column name), optionally drawn as a
   * chart. Count columns are suppressed as the disclosure profile says; percent columns
   * are computed here from exact counts and suppressed with them.
   * @example show.table('Needs', [{ need: 'Debt', families: 812, recorded: 3000 }], { columns: [
   *   { name: 'need', title: 'Need', kind: 'text' }, { name: 'families', title: 'Families', kind: 'count' },
   *   { name: 'recorded', title: 'Recorded', kind: 'count', hidden: true },
   *   { name: 'percent', title: '%', kind: 'percent', of: ['families', 'recorded'] }] })
   */
  table(title: string, rows: readonly TableRow[], options: TableOptions): void {
    record({ kind: 'table', title, rows: structuredClone([...rows]), options: structuredClone(options), line: line() });
  },
  /**
   * A cross-tabulation of counts with its margins (e.g. the 3×3 progress matrix), drawn
   * as a heatmap; every cell, total and percentage goes through disclosure control.
   * @example show.crossTab('Matrix', { rowTitle: 'Start', columnTitle: 'End', rowLabels, columnLabels, counts })
   */
  crossTab(title: string, input: CrossTabInput, options: CrossTabOptions = {}): void {
    record({ kind: 'crossTab', title, input: structuredClone(input), options: structuredClone(options), line: line() });
  },
  /**
   * One count (suppressed when small). `key` makes it the same count as a table cell or
   * another output with that key.
   * @example show.count('Families', 5486)
   */
  count(label: string, count: number, options: { key?: string } = {}): void {
    record({ kind: 'count', label, count, base: null, key: options.key ?? null, baseKey: null, line: line() });
  },
  /**
   * A count out of a base, shown as "count of base (percent)"; both counts and the
   * complement are protected.
   * @example show.proportion('Families who made progress', 2795, 3000)
   */
  proportion(label: string, count: number, base: number, options: { key?: string; baseKey?: string } = {}): void {
    record({ kind: 'count', label, count, base, key: options.key ?? null, baseKey: options.baseKey ?? null, line: line() });
  },
  /**
   * A value that is not a count of families or children (k, a seed, a mean, a p-value,
   * a name), shown as given.
   * @example show.value('Clusters (k)', 9)
   */
  value(label: string, value: string | number, options: { decimals?: number } = {}): void {
    record({ kind: 'value', label, value, decimals: options.decimals ?? null, line: line() });
  },
  /**
   * Preformatted text, e.g. a configuration file or validation messages. Not for counts.
   * @example show.text('config.yml', text)
   */
  text(title: string, text: string): void {
    record({ kind: 'text', title, text, line: line() });
  },
  /**
   * The disclosure profile of the page (e.g. the one a configuration file sets); at most once.
   * @example show.disclosure(config.disclosure)
   */
  disclosure(profile: DisclosureProfile): void {
    record({ kind: 'disclosure', profile: { ...profile }, line: line() });
  },
} as const;
