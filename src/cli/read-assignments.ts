import type { Cohort, FamilyGrouping } from '../cohort/types.js';
import { formatProblem, parseCsv } from '../io/parse-csv.js';
import { CliUsageError, type CliContext } from './context.js';

/** Reads a `family_id,cluster` CSV into a grouping named "cluster"; families not listed have none. */
export async function readAssignments(cohort: Cohort, file: string, ctx: CliContext): Promise<FamilyGrouping> {
  let text: string;
  try {
    text = await ctx.readFile(file);
  } catch {
    throw new CliUsageError(`cannot read cluster assignments ${file}`);
  }
  const { table, problems } = parseCsv(text, file);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!table || errors.length) throw new CliUsageError(`cannot read cluster assignments ${file}`, errors.map(formatProblem));
  const fi = table.header.indexOf('family_id');
  const ci = table.header.indexOf('cluster');
  if (fi < 0 || ci < 0) throw new CliUsageError(`cluster assignments ${file} need the columns family_id and cluster, got ${table.header.join(',')}`);
  const values: (string | null)[] = new Array(cohort.families.length).fill(null);
  const bad: string[] = [];
  table.rows.forEach((row, i) => {
    const f = cohort.familyIndex.get(row[fi] ?? '');
    const label = (row[ci] ?? '').trim();
    if (f === undefined) bad.push(`${file}:${table.lines[i]}:family_id: not a family of the cohort (${JSON.stringify(row[fi] ?? '')})`);
    else if (label === '') bad.push(`${file}:${table.lines[i]}:cluster: empty cluster label`);
    else if (values[f] !== null) bad.push(`${file}:${table.lines[i]}:family_id: family listed twice (${JSON.stringify(row[fi] ?? '')})`);
    else values[f] = label;
  });
  if (bad.length) throw new CliUsageError(`invalid cluster assignments ${file}`, bad);
  return { name: 'cluster', values };
}
