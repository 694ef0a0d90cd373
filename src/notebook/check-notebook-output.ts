import { validateDisclosureProfile } from '../disclosure/validate-disclosure-profile.js';
import {
  TABLE_CHART_TYPES,
  TABLE_COLUMN_KINDS,
  type CrossTabOutput,
  type NotebookOutput,
  type TableColumn,
  type TableOutput,
} from './notebook-output.js';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Checks one notebook output before it is recorded, so a mistake is reported at the
 * notebook line that made it. Tables: a title; unique column names of letters, digits
 * and `_`; known kinds; at least one text column; every row has exactly the columns
 * (no extra keys), text as text, counts as whole numbers >= 0 or null, other numbers
 * finite or null; row keys unique; percent columns name two count columns with
 * count <= base; `with` names a shown count or percent column; declared sums and the
 * total row add up; the chart names columns of the right kinds. Cross-tabulations: unique
 * labels and a rows × columns grid of whole numbers >= 0. Counts: whole numbers with
 * count <= base. Disclosure: a valid profile.
 * Cost: O(rows × columns).
 * @throws Error naming the output, the rule and the value.
 * @example checkNotebookOutput({ kind: 'count', label: 'Families', count: 12, base: null, key: null, baseKey: null, line: 3 })
 */
export function checkNotebookOutput(output: NotebookOutput): NotebookOutput {
  switch (output.kind) {
    case 'table':
      checkTable(output);
      break;
    case 'crossTab':
      checkCrossTab(output);
      break;
    case 'count':
      nonEmpty('show.count', 'label', output.label);
      if (!isWhole(output.count)) throw new Error(`show.count requires a whole-number count >= 0, got ${String(output.count)} for "${output.label}"`);
      if (output.base !== null && (!isWhole(output.base) || output.base < output.count)) {
        throw new Error(`show.proportion requires a whole-number base >= count, got base=${String(output.base)}, count=${output.count} for "${output.label}"`);
      }
      break;
    case 'value':
      nonEmpty('show.value', 'label', output.label);
      if (typeof output.value === 'number' && !Number.isFinite(output.value)) {
        throw new Error(`show.value requires a finite number or text, got ${output.value} for "${output.label}"`);
      }
      if (typeof output.value !== 'number' && typeof output.value !== 'string') {
        throw new Error(`show.value requires a number or text, got ${typeof output.value} for "${output.label}"`);
      }
      checkDecimals('show.value', output.decimals ?? undefined);
      break;
    case 'text':
      nonEmpty('show.text', 'title', output.title);
      if (typeof output.text !== 'string') throw new Error(`show.text requires text, got ${typeof output.text} for "${output.title}"`);
      break;
    case 'disclosure':
      validateDisclosureProfile(output.profile);
      break;
    default: {
      const never: never = output;
      throw new Error(`unknown notebook output ${JSON.stringify(never)}`);
    }
  }
  return output;
}

function nonEmpty(what: string, field: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${what} requires a non-empty ${field}, got ${JSON.stringify(value)}`);
}

function checkDecimals(what: string, decimals: number | undefined): void {
  if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 6)) {
    throw new Error(`${what} requires decimals to be a whole number 0..6, got ${decimals}`);
  }
}

/** The key of each row: the rowKey column, or the text columns joined. */
export function tableRowKeys(output: TableOutput): string[] {
  const text = output.options.columns.filter((c) => c.kind === 'text').map((c) => c.name);
  const keyColumns = output.options.rowKey ? [output.options.rowKey] : text;
  return output.rows.map((row) => keyColumns.map((c) => String(row[c])).join(' / '));
}

function checkTable(output: TableOutput): void {
  const what = `show.table "${output.title}"`;
  nonEmpty('show.table', 'title', output.title);
  const { columns } = output.options;
  if (!Array.isArray(columns) || columns.length === 0) throw new Error(`${what} requires at least one column`);
  if (output.options.description !== undefined && typeof output.options.description !== 'string') {
    throw new Error(`${what} requires description to be text, got ${typeof output.options.description}`);
  }
  if (output.options.notes !== undefined && !(Array.isArray(output.options.notes) && output.options.notes.every((n) => typeof n === 'string'))) {
    throw new Error(`${what} requires notes to be a list of text`);
  }
  const byName = new Map<string, TableColumn>();
  for (const c of columns) {
    if (!FIELD_NAME.test(c.name)) throw new Error(`${what} requires column names of letters, digits and _, got ${JSON.stringify(c.name)}`);
    if (byName.has(c.name)) throw new Error(`${what} requires unique column names, got ${c.name} twice`);
    if (!TABLE_COLUMN_KINDS.includes(c.kind)) throw new Error(`${what} requires column kinds among ${TABLE_COLUMN_KINDS.join(', ')}, got ${String((c as { kind: unknown }).kind)} for ${c.name}`);
    nonEmpty(what, `title of column ${c.name}`, c.title);
    if (c.kind === 'count' && c.key !== undefined) nonEmpty(what, `key of column ${c.name}`, c.key);
    if (c.kind === 'count' && c.keyBy !== undefined && c.key === undefined) throw new Error(`${what} requires keyBy only with key, column ${c.name}`);
    if (c.kind === 'percent' || c.kind === 'number' || c.kind === 'published') checkDecimals(`${what} column ${c.name}`, c.decimals);
    byName.set(c.name, c);
  }
  const kindOf = (name: string): TableColumn['kind'] | undefined => byName.get(name)?.kind;
  if (!columns.some((c) => c.kind === 'text')) throw new Error(`${what} requires at least one text column to name the rows`);
  for (const c of columns) {
    if (c.kind === 'percent') {
      const [count, base] = c.of ?? [];
      if (kindOf(count!) !== 'count' || kindOf(base!) !== 'count') {
        throw new Error(`${what} requires percent column ${c.name} to be "of" two count columns, got ${JSON.stringify(c.of)}`);
      }
    }
    if (c.kind === 'number' && c.with !== undefined) {
      const ref = byName.get(c.with);
      const ok = ref && ((ref.kind === 'count' && !ref.hidden) || ref.kind === 'percent');
      if (!ok) throw new Error(`${what} requires number column ${c.name} to be "with" a shown count or percent column, got ${JSON.stringify(c.with)}`);
    }
  }
  for (const c of columns) {
    if (c.kind === 'count' && c.keyBy !== undefined && c.keyBy !== null && kindOf(c.keyBy) !== 'text') {
      throw new Error(`${what} requires keyBy of column ${c.name} to name a text column, got ${JSON.stringify(c.keyBy)}`);
    }
  }
  if (output.options.rowKey !== undefined && kindOf(output.options.rowKey) !== 'text') {
    throw new Error(`${what} requires rowKey to name a text column, got ${JSON.stringify(output.options.rowKey)}`);
  }
  output.rows.forEach((row, r) => {
    if (typeof row !== 'object' || row === null) throw new Error(`${what} requires rows to be objects, row ${r} is ${String(row)}`);
    for (const key of Object.keys(row)) {
      if (!byName.has(key)) throw new Error(`${what} has no column ${key} (row ${r}); columns: ${[...byName.keys()].join(', ')}`);
    }
    for (const c of columns) {
      if (c.kind === 'percent') {
        if (c.name in row) throw new Error(`${what} computes percent column ${c.name} itself: leave it out of the rows (row ${r})`);
        continue;
      }
      if (!(c.name in row)) throw new Error(`${what} requires every row to have column ${c.name}, row ${r} has not`);
      const v = row[c.name];
      if (c.kind === 'text') {
        if (typeof v !== 'string') throw new Error(`${what} requires text in column ${c.name}, got ${JSON.stringify(v)} in row ${r}`);
      } else if (c.kind === 'count') {
        if (v !== null && !isWhole(v)) throw new Error(`${what} requires whole-number counts >= 0 (or null) in column ${c.name}, got ${JSON.stringify(v)} in row ${r}`);
      } else if (v !== null && !(typeof v === 'number' && Number.isFinite(v))) {
        throw new Error(`${what} requires finite numbers (or null) in column ${c.name}, got ${JSON.stringify(v)} in row ${r}`);
      }
    }
    for (const c of columns) {
      if (c.kind !== 'percent') continue;
      const count = row[c.of[0]];
      const base = row[c.of[1]];
      if (typeof count === 'number' && typeof base === 'number' && count > base) {
        throw new Error(`${what} requires count <= base for percent column ${c.name}, got ${count} of ${base} in row ${r}`);
      }
    }
  });
  const keys = tableRowKeys(output);
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) throw new Error(`${what} requires a unique key per row, got "${k}" twice (give rowKey, or another text column)`);
    seen.add(k);
  }
  for (const rule of output.options.sums ?? []) {
    const names = [rule.total, ...rule.parts];
    if (rule.parts.length === 0 || new Set(names).size !== names.length || names.some((n) => kindOf(n) !== 'count')) {
      throw new Error(`${what} requires each sum to be a count column total of distinct count column parts, got ${JSON.stringify(rule)}`);
    }
    output.rows.forEach((row, r) => {
      const values = names.map((n) => row[n]);
      if (values.some((v) => v === null)) {
        throw new Error(`${what} requires the counts of a sum in every row, row ${r} has a null in ${names.join(', ')}`);
      }
      const parts = rule.parts.reduce((s, n) => s + (row[n] as number), 0);
      if (parts !== row[rule.total]) {
        throw new Error(`${what} requires ${rule.total} = ${rule.parts.join(' + ')}, got ${String(row[rule.total])} and ${parts} in row ${r}`);
      }
    });
  }
  if (output.options.totalRow !== undefined) {
    const at = keys.indexOf(output.options.totalRow);
    if (at < 0) throw new Error(`${what} requires totalRow to be a row key, got ${JSON.stringify(output.options.totalRow)}`);
    for (const c of columns) {
      if (c.kind !== 'count' || c.keyBy !== undefined) continue;
      const values = output.rows.map((row) => row[c.name]);
      if (values.every((v) => v === null)) continue;
      if (values.some((v) => v === null)) {
        throw new Error(`${what} requires every row to have a count in column ${c.name} when it has a total row`);
      }
      const others = values.reduce<number>((s, v, r) => (r === at ? s : s + (v as number)), 0);
      if (others !== values[at]) {
        throw new Error(`${what} requires the total row to add up in column ${c.name}, got ${String(values[at])} and rows summing to ${others}`);
      }
    }
  }
  const chart = output.options.chart;
  if (chart) {
    if (!TABLE_CHART_TYPES.includes(chart.type)) throw new Error(`${what} requires a chart type among ${TABLE_CHART_TYPES.join(', ')}, got ${String(chart.type)}`);
    const shown = (name: string) => {
      const c = byName.get(name);
      return c !== undefined && !(c.kind === 'count' && c.hidden);
    };
    const need = (field: string, name: string | undefined, kinds: readonly TableColumn['kind'][]): void => {
      if (name === undefined || !shown(name) || !kinds.includes(kindOf(name)!)) {
        throw new Error(`${what} requires chart ${field} to name a shown ${kinds.join(' or ')} column, got ${JSON.stringify(name)}`);
      }
    };
    const numeric = ['count', 'percent', 'number', 'published'] as const;
    if (chart.type === 'bar') {
      need('category', chart.category, ['text']);
      need('value', chart.value, numeric);
      if (chart.interval) for (const f of chart.interval) need('interval', f, ['number', 'percent']);
    } else if (chart.type === 'comparison') {
      need('category', chart.category, ['text']);
      need('value', chart.value, numeric);
      need('published', chart.published, ['published']);
    } else if (chart.type === 'heatmap') {
      need('row', chart.row, ['text']);
      need('column', chart.column, ['text']);
      need('value', chart.value, numeric);
      if (chart.domain && !(chart.domain.length === 2 && chart.domain[0] < chart.domain[1])) {
        throw new Error(`${what} requires a heatmap domain [low, high] with low < high, got ${JSON.stringify(chart.domain)}`);
      }
    } else {
      need('facet', chart.facet, ['text']);
      need('category', chart.category, ['text']);
      need('value', chart.value, numeric);
    }
  }
}

function checkCrossTab(output: CrossTabOutput): void {
  const what = `show.crossTab "${output.title}"`;
  nonEmpty('show.crossTab', 'title', output.title);
  const { rowLabels, columnLabels, counts } = output.input;
  nonEmpty(what, 'rowTitle', output.input.rowTitle);
  nonEmpty(what, 'columnTitle', output.input.columnTitle);
  for (const [name, labels] of [['row', rowLabels], ['column', columnLabels]] as const) {
    if (labels.length === 0 || new Set(labels).size !== labels.length || labels.some((l) => typeof l !== 'string' || l === '' || l === 'Total')) {
      throw new Error(`${what} requires unique, non-empty ${name} labels other than "Total", got ${JSON.stringify(labels)}`);
    }
  }
  if (counts.length !== rowLabels.length || counts.some((row) => row.length !== columnLabels.length || row.some((v) => !isWhole(v)))) {
    throw new Error(`${what} requires counts as ${rowLabels.length} rows × ${columnLabels.length} columns of whole numbers >= 0`);
  }
  const published = output.options.published;
  if (published && (published.length !== rowLabels.length || published.some((row) => row.length !== columnLabels.length || row.some((v) => v !== null && !Number.isFinite(v))))) {
    throw new Error(`${what} requires published values in the same ${rowLabels.length} × ${columnLabels.length} shape (numbers or null)`);
  }
  if (output.options.notes !== undefined && !(Array.isArray(output.options.notes) && output.options.notes.every((n) => typeof n === 'string'))) {
    throw new Error(`${what} requires notes to be a list of text`);
  }
  const percents = output.options.percents ?? 'total';
  if (!['total', 'row', 'column', 'none'].includes(percents)) throw new Error(`${what} requires percents of total, row, column or none, got ${String(percents)}`);
}
