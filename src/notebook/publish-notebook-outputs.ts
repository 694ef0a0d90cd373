import type { TopLevelSpec } from 'vega-lite';
import { DEFAULT_DISCLOSURE, type DisclosureProfile } from '../cohort/config.js';
import { createCountSystem, type CountSystem, type PublishedCounts } from '../disclosure/count-system.js';
import { isSuppressed, SUPPRESSED } from '../disclosure/suppressed.js';
import { validateDisclosureProfile } from '../disclosure/validate-disclosure-profile.js';
import { barChartSpec } from '../report/bar-chart-spec.js';
import { facetBarSpec } from '../report/facet-bar-spec.js';
import { chartRows, type ChartRow, type FigureData, type FigureField, type FigureValue } from '../report/figure-data.js';
import { formatNumber, formatPercent } from '../report/format-number.js';
import { heatmapSpec } from '../report/heatmap-spec.js';
import type { PivotLayout } from '../report/html-pivot-table.js';
import { checkNotebookOutput, tableRowKeys } from './check-notebook-output.js';
import { comparisonChartSpec } from './comparison-chart-spec.js';
import type { CountColumn, CountOutput, CrossTabOutput, NotebookOutput, TableColumn, TableOutput, TableRow } from './notebook-output.js';

/** A published output, ready to render: built from published values only. */
export type PublishedBlock =
  | {
      readonly kind: 'figure';
      readonly line: number | null;
      readonly title: string;
      readonly description: string;
      readonly data: FigureData;
      readonly spec: TopLevelSpec;
      readonly pivot?: PivotLayout;
      readonly notes: readonly string[];
    }
  | {
      readonly kind: 'table';
      readonly line: number | null;
      readonly title: string;
      readonly description: string | null;
      readonly data: FigureData;
      readonly pivot?: PivotLayout;
      readonly notes: readonly string[];
    }
  | { readonly kind: 'fact'; readonly line: number | null; readonly label: string; readonly text: string }
  | { readonly kind: 'text'; readonly line: number | null; readonly title: string; readonly text: string };

export interface PublishedNotebook {
  readonly profile: DisclosureProfile;
  /** In the order the outputs were made (the disclosure output makes none). */
  readonly blocks: readonly PublishedBlock[];
  /** Shown counts suppressed for being small, and to protect them. */
  readonly primaryCount: number;
  readonly secondaryCount: number;
}

interface Registered {
  output: NotebookOutput;
  /** Per table row and count column: the cell key (null when the count is null). */
  keys?: Map<string, string | null>[];
}

/**
 * Applies disclosure control to everything a notebook showed, as one system of counts
 * (as the report does across its pages): every count of every table, cross-tabulation
 * and single count is a cell; declared sums, total rows, cross-tab margins and the
 * complement of every percentage's base (base − count, hidden) are its relations; a count
 * shared between outputs by `key` is one cell. Counts behind a percentage are protected as
 * published even when their column is hidden (the percentage gives them away); other
 * hidden counts are protected as unpublished. Then `suppressCounts` (primary: 1 to the
 * threshold; secondary: until no suppressed count can be worked out), and each output is
 * rebuilt from the published values: percentages from exact counts but suppressed with
 * their count or base, `with` statistics suppressed with their count, charts drawn
 * from the published rows with the report's chart builders. The profile is the
 * notebook's `show.disclosure`, else `defaultProfile`.
 * Cost: as `suppressCounts` on the notebook's counts, plus O(cells).
 * @throws Error when an output fails its check, there is more than one disclosure
 *   output, a shared key is given two different counts, or the profile is invalid.
 * @example publishNotebookOutputs(outputs, DEFAULT_DISCLOSURE).blocks[0]
 */
export function publishNotebookOutputs(outputs: readonly NotebookOutput[], defaultProfile: DisclosureProfile = DEFAULT_DISCLOSURE): PublishedNotebook {
  const profiles = outputs.filter((o) => o.kind === 'disclosure');
  if (profiles.length > 1) throw new Error(`a notebook may set its disclosure profile once, got ${profiles.length} calls of show.disclosure`);
  const profile = validateDisclosureProfile(profiles[0]?.kind === 'disclosure' ? profiles[0].profile : defaultProfile);
  const system = createCountSystem();
  const registered: Registered[] = outputs.map((output, i) => {
    checkNotebookOutput(output);
    if (output.kind === 'table') return { output, keys: registerTable(system, output, i) };
    if (output.kind === 'crossTab') registerCrossTab(system, output, i);
    if (output.kind === 'count') registerCount(system, output, i);
    return { output };
  });
  const counts = system.publish(profile);
  const blocks: PublishedBlock[] = [];
  registered.forEach(({ output, keys }, i) => {
    switch (output.kind) {
      case 'table':
        blocks.push(publishTable(output, keys!, counts, profile));
        break;
      case 'crossTab':
        blocks.push(publishCrossTab(output, i, counts, profile));
        break;
      case 'count':
        blocks.push(publishCount(output, i, counts, profile));
        break;
      case 'value':
        blocks.push({
          kind: 'fact',
          line: output.line,
          label: output.label,
          text: typeof output.value === 'string' ? output.value : formatNumber(output.value, profile.symbol, output.decimals ?? (Number.isInteger(output.value) ? 0 : 2)),
        });
        break;
      case 'text':
        blocks.push({ kind: 'text', line: output.line, title: output.title, text: output.text });
        break;
      case 'disclosure':
        break;
    }
  });
  return { profile, blocks, primaryCount: counts.primaryCount, secondaryCount: counts.secondaryCount };
}

/** The key of a count column's cell in a row. */
function countKey(table: number, column: CountColumn, rowKey: string, row: TableRow): string {
  if (column.key === undefined) return `table${table}|${column.name}|${rowKey}`;
  if (column.keyBy === null) return column.key;
  return `${column.key}|${column.keyBy !== undefined ? String(row[column.keyBy]) : rowKey}`;
}

function complementKey(countKeyText: string, baseKeyText: string): string {
  return `complement(${countKeyText},${baseKeyText})`;
}

function registerTable(system: CountSystem, output: TableOutput, index: number): Map<string, string | null>[] {
  const { columns, sums = [], totalRow } = output.options;
  const rowKeys = tableRowKeys(output);
  const countColumns = columns.filter((c): c is CountColumn => c.kind === 'count');
  const sumTotals = new Set(sums.map((s) => s.total));
  // A percentage reveals its count and, with the count, its base: counts behind a
  // percentage are protected as published even when their column is not displayed.
  const inPercent = new Set(columns.flatMap((c) => (c.kind === 'percent' ? [...c.of] : [])));
  const keys = output.rows.map((row, r) => {
    const map = new Map<string, string | null>();
    for (const c of countColumns) {
      const v = row[c.name];
      if (v === null || v === undefined) {
        map.set(c.name, null);
        continue;
      }
      const key = countKey(index, c, rowKeys[r]!, row);
      const isTotal = c.total === true || sumTotals.has(c.name) || rowKeys[r] === totalRow;
      system.cell(key, v as number, { show: c.hidden !== true || inPercent.has(c.name), total: isTotal });
      map.set(c.name, key);
    }
    return map;
  });
  output.rows.forEach((row, r) => {
    const k = keys[r]!;
    for (const rule of sums) system.sum(k.get(rule.total)!, rule.parts.map((p) => k.get(p)!));
    for (const c of columns) {
      if (c.kind !== 'percent') continue;
      const countK = k.get(c.of[0]);
      const baseK = k.get(c.of[1]);
      if (!countK || !baseK) continue;
      const comp = complementKey(countK, baseK);
      system.cell(comp, (row[c.of[1]] as number) - (row[c.of[0]] as number), { show: false });
      system.sum(baseK, [countK, comp]);
    }
  });
  if (totalRow !== undefined) {
    const at = rowKeys.indexOf(totalRow);
    for (const c of countColumns) {
      if (c.keyBy !== undefined) continue;
      const total = keys[at]!.get(c.name);
      if (!total) continue;
      const parts = keys.filter((_, r) => r !== at).map((k) => k.get(c.name)!);
      if (parts.length > 0) system.sum(total, parts);
    }
  }
  return keys;
}

function crossKeys(index: number) {
  return {
    cell: (r: number, c: number) => `crossTab${index}|cell|${r}|${c}`,
    row: (r: number) => `crossTab${index}|row|${r}`,
    column: (c: number) => `crossTab${index}|column|${c}`,
    grand: `crossTab${index}|total`,
  };
}

function registerCrossTab(system: CountSystem, output: CrossTabOutput, index: number): void {
  const k = crossKeys(index);
  const { counts, rowLabels, columnLabels } = output.input;
  let grand = 0;
  rowLabels.forEach((_, r) => {
    let rowSum = 0;
    columnLabels.forEach((_, c) => {
      system.cell(k.cell(r, c), counts[r]![c]!);
      rowSum += counts[r]![c]!;
    });
    system.cell(k.row(r), rowSum, { total: true });
    system.sum(k.row(r), columnLabels.map((_, c) => k.cell(r, c)));
    grand += rowSum;
  });
  columnLabels.forEach((_, c) => {
    system.cell(k.column(c), rowLabels.reduce((s, _, r) => s + counts[r]![c]!, 0), { total: true });
    system.sum(k.column(c), rowLabels.map((_, r) => k.cell(r, c)));
  });
  system.cell(k.grand, grand, { total: true });
  system.sum(k.grand, rowLabels.map((_, r) => k.row(r)));
  system.sum(k.grand, columnLabels.map((_, c) => k.column(c)));
}

function countKeys(output: CountOutput, index: number) {
  const count = output.key ?? `count${index}|count`;
  const base = output.base === null ? null : (output.baseKey ?? `count${index}|base`);
  return { count, base };
}

function registerCount(system: CountSystem, output: CountOutput, index: number): void {
  const k = countKeys(output, index);
  system.cell(k.count, output.count);
  if (output.base === null || k.base === null) return;
  system.cell(k.base, output.base, { total: true });
  const comp = complementKey(k.count, k.base);
  system.cell(comp, output.base - output.count, { show: false });
  system.sum(k.base, [k.count, comp]);
}

function fieldOf(column: TableColumn): FigureField {
  switch (column.kind) {
    case 'text':
      return { name: column.name, title: column.title, kind: 'text' };
    case 'count':
      return { name: column.name, title: column.title, kind: 'count' };
    case 'percent':
      return { name: column.name, title: column.title, kind: 'percent', ...(column.decimals !== undefined ? { decimals: column.decimals } : {}) };
    case 'number':
    case 'published':
      return {
        name: column.name,
        title: column.title,
        kind: column.percent ? 'percent' : 'number',
        ...(column.decimals !== undefined ? { decimals: column.decimals } : {}),
      };
  }
}

function publishTable(output: TableOutput, keys: Map<string, string | null>[], counts: PublishedCounts, profile: DisclosureProfile): PublishedBlock {
  const { columns, chart } = output.options;
  const shown = columns.filter((c) => !(c.kind === 'count' && c.hidden));
  const rows = output.rows.map((row, r) => {
    const k = keys[r]!;
    const out: Record<string, FigureValue> = {};
    for (const c of columns) {
      if (c.kind === 'text') out[c.name] = row[c.name] as string;
      else if (c.kind === 'count') {
        if (!c.hidden) out[c.name] = k.get(c.name) ? counts.get(k.get(c.name)!) : null;
      } else if (c.kind === 'percent') {
        const countK = k.get(c.of[0]);
        const baseK = k.get(c.of[1]);
        out[c.name] = !countK || !baseK || row[c.of[1]] === 0 ? null : counts.percent(countK, baseK);
      } else if (c.kind === 'published') out[c.name] = row[c.name] as number | null;
    }
    for (const c of columns) {
      if (c.kind !== 'number') continue;
      const v = row[c.name] as number | null;
      const guard = c.with === undefined ? undefined : out[c.with];
      out[c.name] = guard !== undefined && isSuppressed(guard) ? SUPPRESSED : v;
    }
    return out;
  });
  const data: FigureData = { fields: shown.map(fieldOf), rows };
  const notes = [...(output.options.notes ?? [])];
  const description = output.options.description ?? null;
  if (!chart) return { kind: 'table', line: output.line, title: output.title, description, data, notes };
  const values = chartRows(data, profile.symbol);
  const title = (name: string) => columns.find((c) => c.name === name)!.title;
  const isPercent = (name: string) => data.fields.find((f) => f.name === name)!.kind === 'percent';
  const text = description ?? output.title;
  let spec: TopLevelSpec;
  let pivot: PivotLayout | undefined;
  switch (chart.type) {
    case 'bar':
      spec = barChartSpec({
        values,
        description: text,
        category: { field: chart.category, title: title(chart.category) },
        value: { field: chart.value, title: title(chart.value), percent: isPercent(chart.value) },
        ...(chart.interval ? { interval: { low: chart.interval[0], high: chart.interval[1] } } : {}),
      });
      break;
    case 'comparison':
      spec = comparisonChartSpec({
        values,
        description: text,
        category: { field: chart.category, title: title(chart.category) },
        value: { field: chart.value, title: title(chart.value), percent: isPercent(chart.value) },
        published: { field: chart.published, title: title(chart.published) },
      });
      notes.push('Bars show this cohort; a black mark on a bar is the published figure (none where nothing was published).');
      break;
    case 'heatmap': {
      const distinct = (field: string) => [...new Set(values.map((v) => String(v[field])))];
      const numbers = values.map((v) => v[chart.value]).filter((v): v is number => typeof v === 'number');
      const domain = chart.domain ?? (isPercent(chart.value) ? ([0, 100] as const) : ([0, Math.max(1, ...numbers)] as const));
      spec = heatmapSpec({
        values,
        description: text,
        row: { field: chart.row, title: title(chart.row), order: distinct(chart.row) },
        column: { field: chart.column, title: title(chart.column), order: distinct(chart.column) },
        value: { field: chart.value, title: title(chart.value), domain: [domain[0], domain[1]] },
      });
      pivot = { row: chart.row, column: chart.column, value: chart.value };
      break;
    }
    case 'facet-bar': {
      const distinct = (field: string) => [...new Set(values.map((v) => String(v[field])))];
      spec = facetBarSpec({
        values,
        description: text,
        facet: { field: chart.facet, title: title(chart.facet), order: distinct(chart.facet) },
        category: { field: chart.category, title: title(chart.category), order: distinct(chart.category) },
        value: { field: chart.value, title: title(chart.value), percent: isPercent(chart.value) },
      });
      break;
    }
  }
  return { kind: 'figure', line: output.line, title: output.title, description: text, data, spec, ...(pivot ? { pivot } : {}), notes };
}

function publishCrossTab(output: CrossTabOutput, index: number, counts: PublishedCounts, profile: DisclosureProfile): PublishedBlock {
  const k = crossKeys(index);
  const { rowLabels, columnLabels, rowTitle, columnTitle } = output.input;
  const percents = output.options.percents ?? 'total';
  const published = output.options.published;
  const s = profile.symbol;
  const base = (r: number | null, c: number | null): string =>
    percents === 'row' && r !== null ? k.row(r) : percents === 'column' && c !== null ? k.column(c) : k.grand;
  const key = (r: number | null, c: number | null): string =>
    r !== null && c !== null ? k.cell(r, c) : r !== null ? k.row(r) : c !== null ? k.column(c) : k.grand;
  const fields: FigureField[] = [
    { name: 'row', title: rowTitle, kind: 'text' },
    { name: 'column', title: columnTitle, kind: 'text' },
    { name: 'count', title: 'Count', kind: 'count' },
    ...(percents !== 'none' ? [{ name: 'percent', title: `Percent of ${percents === 'total' ? 'all' : percents}`, kind: 'percent' as const }] : []),
    ...(published ? [{ name: 'published', title: 'Published (%)', kind: 'percent' as const, decimals: 0 }] : []),
    { name: 'cell', title: 'Cell', kind: 'text' },
  ];
  const rows: Record<string, FigureValue>[] = [];
  const indices: (number | null)[][] = [];
  const rIndex = [...rowLabels.map((_, r) => r as number | null), null];
  const cIndex = [...columnLabels.map((_, c) => c as number | null), null];
  for (const r of rIndex) {
    for (const c of cIndex) {
      const count = counts.get(key(r, c));
      const pct = percents === 'none' || (percents === 'row' && r === null) || (percents === 'column' && c === null) ? null : counts.percent(key(r, c), base(r, c));
      const pub = published && r !== null && c !== null ? (published[r]![c] ?? null) : null;
      const parts = [formatNumber(count, s)];
      if (pct !== null) parts.push(`(${formatPercent(pct, s)})`);
      if (pub !== null) parts.push(`published ${formatPercent(pub, s, 0)}`);
      rows.push({
        row: r === null ? 'Total' : rowLabels[r]!,
        column: c === null ? 'Total' : columnLabels[c]!,
        count,
        ...(percents !== 'none' ? { percent: pct } : {}),
        ...(published ? { published: pub } : {}),
        cell: parts.join(' '),
      });
      indices.push([r, c]);
    }
  }
  const data: FigureData = { fields, rows };
  const description = output.options.description ?? output.title;
  const notes = [...(output.options.notes ?? [])];
  const pivot: PivotLayout = { row: 'row', column: 'column', value: 'cell' };
  if (output.options.chart === false) return { kind: 'table', line: output.line, title: output.title, description, data, pivot, notes };
  const value = percents === 'none' ? 'count' : 'percent';
  const inner = chartRows(data, s)
    .filter((_, i) => indices[i]![0] !== null && indices[i]![1] !== null)
    .map((row): ChartRow => ({
      ...row,
      cell_text: published && row['published'] !== null ? `${String(row[`${value}_label`])} (${String(row['published_label'])})` : String(row[`${value}_label`]),
    }));
  // Percentages of all cells are small: the scale runs to the next 10 above the largest (published or not).
  const largest = Math.max(
    1,
    ...inner.map((v) => (typeof v[value] === 'number' ? (v[value] as number) : 0)),
    ...(published && value === 'percent' ? published.flat().map((v) => v ?? 0) : []),
  );
  const top = value === 'percent' ? (percents === 'total' ? Math.min(100, Math.ceil(largest / 10) * 10) : 100) : largest;
  const spec = heatmapSpec({
    values: inner,
    description,
    row: { field: 'row', title: rowTitle, order: [...rowLabels] },
    column: { field: 'column', title: columnTitle, order: [...columnLabels] },
    value: { field: value, title: value === 'percent' ? fields[3]!.title : 'Count', domain: [0, top] },
    textField: 'cell_text',
    ...(published ? { cellWidth: 104 } : {}),
  });
  if (published) notes.push('Each cell shows this cohort’s percentage and, in brackets, the published one.');
  return { kind: 'figure', line: output.line, title: output.title, description, data, spec, pivot, notes };
}

function publishCount(output: CountOutput, index: number, counts: PublishedCounts, profile: DisclosureProfile): PublishedBlock {
  const k = countKeys(output, index);
  const s = profile.symbol;
  const count = counts.get(k.count);
  if (k.base === null || output.base === null) return { kind: 'fact', line: output.line, label: output.label, text: formatNumber(count, s) };
  const pct = output.base === 0 ? null : counts.percent(k.count, k.base);
  const text = `${formatNumber(count, s)} of ${formatNumber(counts.get(k.base), s)}${pct === null ? '' : ` (${formatPercent(pct, s)})`}`;
  return { kind: 'fact', line: output.line, label: output.label, text };
}
