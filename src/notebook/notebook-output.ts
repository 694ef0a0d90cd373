/**
 * What a notebook shows, as recorded while it runs: exact values, before disclosure
 * control. Nothing here is published as it is: `publishNotebookOutputs` puts every count
 * through one disclosure-control system first.
 */
import type { DisclosureProfile } from '../cohort/config.js';

/** Kinds of table column. */
export const TABLE_COLUMN_KINDS = ['text', 'count', 'percent', 'number', 'published'] as const;
export type TableColumnKind = (typeof TABLE_COLUMN_KINDS)[number];

interface ColumnBase {
  /** Field name: a letter, then letters, digits and `_` (names the CSV column). */
  readonly name: string;
  /** Column heading (plain text). */
  readonly title: string;
}

/** Text (labels). The text columns together name a row (unless `rowKey` says otherwise). */
export interface TextColumn extends ColumnBase {
  readonly kind: 'text';
}

/** Exact counts (whole numbers >= 0, or null for not applicable): suppressed as the profile says. */
export interface CountColumn extends ColumnBase {
  readonly kind: 'count';
  /**
   * Not shown in the table (e.g. a base used only for percentages, or a part used only in a
   * sum), but protected. A hidden count behind a percentage is suppressed exactly as a
   * shown one (the percentage would give it away, and with it the complement); other hidden
   * counts are protected as unpublished cells.
   */
  readonly hidden?: boolean;
  /** Totals: rounded as the profile says and chosen last for secondary suppression. */
  readonly total?: boolean;
  /**
   * A notebook-wide key: counts of columns with the same key and the same row key are one
   * count, suppressed in every table or in none (and must be equal).
   */
  readonly key?: string;
  /**
   * With `key`: the text column whose value names the count within the key (default: the
   * row key), or null for one count repeated on every row (e.g. the families clustered,
   * as the base of every row's percentage). E.g. cluster sizes repeated on every row of a
   * need × cluster table are one count per cluster: `{ key: 'cluster-size', keyBy: 'cluster' }`.
   * Such a column takes no part in the total row.
   */
  readonly keyBy?: string | null;
}

/** 100 · count / base, computed from the exact counts of two count columns of the row; suppressed with either. */
export interface PercentColumn extends ColumnBase {
  readonly kind: 'percent';
  /** [count column, base column]. The base's complement (base − count) is protected too. */
  readonly of: readonly [string, string];
  readonly decimals?: number;
}

/** Another statistic (a mean, an interval, a p-value), published as given. */
export interface NumberColumn extends ColumnBase {
  readonly kind: 'number';
  readonly decimals?: number;
  /** A shown count or percent column of the row: this value is suppressed whenever that one is. */
  readonly with?: string;
  /** Show with a % sign. */
  readonly percent?: boolean;
}

/** A figure already in the public domain (e.g. from ../shared/reference/published-figures.json). */
export interface PublishedColumn extends ColumnBase {
  readonly kind: 'published';
  readonly decimals?: number;
  /** Show with a % sign. */
  readonly percent?: boolean;
}

export type TableColumn = TextColumn | CountColumn | PercentColumn | NumberColumn | PublishedColumn;

/** A table cell as the notebook gives it. */
export type TableCell = string | number | null;
export type TableRow = Readonly<Record<string, TableCell>>;

/** Chart kinds a table can be drawn as (with the report's chart builders). */
export const TABLE_CHART_TYPES = ['bar', 'comparison', 'heatmap', 'facet-bar'] as const;
export type TableChartType = (typeof TABLE_CHART_TYPES)[number];

export type TableChart =
  /** Horizontal bars of `value` by `category`, with an optional interval (two number or percent columns). */
  | { readonly type: 'bar'; readonly category: string; readonly value: string; readonly interval?: readonly [string, string] }
  /** Bars of `value` with a mark at `published` on each: this cohort beside the published figure. */
  | { readonly type: 'comparison'; readonly category: string; readonly value: string; readonly published: string }
  /** Rows × columns of cells coloured by `value` (a long table: one row per cell). */
  | { readonly type: 'heatmap'; readonly row: string; readonly column: string; readonly value: string; readonly domain?: readonly [number, number] }
  /** One panel of bars per value of `facet`. */
  | { readonly type: 'facet-bar'; readonly facet: string; readonly category: string; readonly value: string };

export interface TableOptions {
  readonly columns: readonly TableColumn[];
  /** One sentence saying what the table (and chart) shows. */
  readonly description?: string;
  /** Relations within every row: `total` column = Σ `parts` columns (all count columns). */
  readonly sums?: readonly { readonly total: string; readonly parts: readonly string[] }[];
  /** Row key (value of this text column) of the row holding each count column's total over the other rows. */
  readonly totalRow?: string;
  /** The text column that names a row (default: all text columns together). */
  readonly rowKey?: string;
  readonly chart?: TableChart;
  /** Notes under the table (plain text). */
  readonly notes?: readonly string[];
}

export interface CrossTabInput {
  readonly rowTitle: string;
  readonly columnTitle: string;
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  /** Exact counts, `counts[row][column]`. */
  readonly counts: readonly (readonly number[])[];
}

export interface CrossTabOptions {
  /** Percentages of the grand total (default), of each row, of each column, or none. */
  readonly percents?: 'total' | 'row' | 'column' | 'none';
  /** Draw as a heatmap (default true). */
  readonly chart?: boolean;
  readonly description?: string;
  readonly notes?: readonly string[];
  /** Published percentages to show beside each cell (same shape), e.g. the published matrix. */
  readonly published?: readonly (readonly (number | null)[])[];
}

interface OutputBase {
  /** Line of the notebook file that made the output (null when unknown). */
  readonly line: number | null;
}

export interface TableOutput extends OutputBase {
  readonly kind: 'table';
  readonly title: string;
  readonly rows: readonly TableRow[];
  readonly options: TableOptions;
}

export interface CrossTabOutput extends OutputBase {
  readonly kind: 'crossTab';
  readonly title: string;
  readonly input: CrossTabInput;
  readonly options: CrossTabOptions;
}

/** A single count, or a count out of a base (shown with its percentage). */
export interface CountOutput extends OutputBase {
  readonly kind: 'count';
  readonly label: string;
  readonly count: number;
  readonly base: number | null;
  readonly key: string | null;
  readonly baseKey: string | null;
}

/** A value that is not a count: text, or a statistic published as given. */
export interface ValueOutput extends OutputBase {
  readonly kind: 'value';
  readonly label: string;
  readonly value: string | number;
  readonly decimals: number | null;
}

/** Preformatted text (a configuration file, messages). Never put counts of families here. */
export interface TextOutput extends OutputBase {
  readonly kind: 'text';
  readonly title: string;
  readonly text: string;
}

/** The disclosure profile of the page (at most one per notebook; default DEFAULT_DISCLOSURE). */
export interface DisclosureOutput extends OutputBase {
  readonly kind: 'disclosure';
  readonly profile: DisclosureProfile;
}

export type NotebookOutput = TableOutput | CrossTabOutput | CountOutput | ValueOutput | TextOutput | DisclosureOutput;
