import type { DisclosureProfile } from '../cohort/config.js';
import type { CountSystem, PublishedCounts } from '../disclosure/count-system.js';
import { barChartSpec } from './bar-chart-spec.js';
import { clusterKeys } from './clusters-section.js';
import { chartRows, type FigureData } from './figure-data.js';
import { formatNumber, formatPercent } from './format-number.js';
import { needKeys } from './needs-section.js';
import { outcomeKeys } from './outcomes-section.js';
import { factList, figureBlock, heading, paragraph, type PageBlock, type PageContent } from './page-content.js';
import { progressKeys } from './progress-section.js';
import type { ReportResults } from './report-results.js';

/** Keys of the data-quality counts in the report's count system. */
export const qualityKeys = {
  children: 'input:children',
  readings: 'input:star-readings',
  plans: 'input:plan-outcomes',
  rows: (file: string) => `quality:rows:${file}`,
  missing: (file: string, column: string) => `quality:missing:${file}:${column}`,
  present: (file: string, column: string) => `quality:present:${file}:${column}`,
  leftOut: (i: number) => `quality:left-out:${i}`,
  leftOutRest: (i: number) => `quality:left-out:${i}:rest`,
  warning: (kind: string) => `quality:warning:${kind}`,
};

/** The key a left-out row shares with another section's count, when it is the same count. */
function sharedLeftOutKey(results: ReportResults, row: ReportResults['dataQuality']['leftOut'][number]): string | null {
  const p = results.progress.excluded as Record<string, number>;
  if (row.analysis === 'clusters' && row.reason.includes('blank') && results.clusters.families.excludedMissing === row.count) return clusterKeys.unclustered;
  if (row.analysis === 'progress' && row.reason.startsWith('no Family Star') && p['noReadings'] === row.count) return progressKeys.excluded('noReadings');
  if (row.analysis === 'progress' && row.reason.includes('one date') && p['noChange'] === row.count) return progressKeys.excluded('noChange');
  if (row.analysis === 'outcomes' && row.reason.includes('still open') && results.outcomes.caseOutcomes.openCases === row.count) return outcomeKeys.open;
  return null;
}

/**
 * Whether a left-out row counts blank values (a need indicator, an age): not disclosive,
 * published as recorded. Rows that count families by what happened to them are not.
 */
function blankReason(row: ReportResults['dataQuality']['leftOut'][number]): boolean {
  return (row.analysis === 'clusters' && row.reason.includes('blank')) || (row.analysis === 'ageBands' && row.reason.startsWith('no age'));
}

/** The key of a left-out row's denominator, when another section publishes it. */
function denominatorKey(results: ReportResults, row: ReportResults['dataQuality']['leftOut'][number]): string | null {
  if (row.unit === 'families' && row.denominator === results.input.families) return 'input:families';
  if (row.unit === 'children' && row.denominator === results.input.children) return qualityKeys.children;
  if (row.analysis === 'outcomes' && row.denominator === results.outcomes.caseOutcomes.closedCases) return outcomeKeys.closed;
  return null;
}

/**
 * Adds the data-quality counts to the report's count system: blank cells of every column
 * (a need column's blanks are the same cells as the needs page's), what each analysis
 * leaves out (shared with the progress and outcomes counts where they are the same), and
 * warnings by kind. Cost: O(columns).
 * @example registerDataQuality(system, results)
 */
export function registerDataQuality(system: CountSystem, results: ReportResults): void {
  const q = results.dataQuality;
  system.cell('input:families', results.input.families, { total: true });
  system.cell(qualityKeys.children, results.input.children, { total: true });
  system.cell(qualityKeys.readings, results.input.starReadings, { total: true });
  if (q.planOutcomes !== null) system.cell(qualityKeys.plans, q.planOutcomes, { total: true });
  const needIds = new Set(results.needs.prevalence.map((r) => r.id));
  for (const col of q.missingness) {
    const rows = col.file.startsWith('families') && col.total === results.input.families ? 'input:families' : qualityKeys.rows(col.file);
    system.cell(rows, col.total, { total: true });
    const need = col.column.startsWith('need_') ? col.column.slice(5) : null;
    const shared = need !== null && needIds.has(need) && col.file.startsWith('families') && rows === 'input:families';
    const missing = shared ? needKeys.blank(need!) : qualityKeys.missing(col.file, col.column);
    system.cell(missing, col.missing, { notDisclosive: true });
    if (!shared) {
      system.cell(qualityKeys.present(col.file, col.column), col.total - col.missing, { show: false });
      system.sum(rows, [missing, qualityKeys.present(col.file, col.column)]);
    }
  }
  q.leftOut.forEach((row, i) => {
    const key = sharedLeftOutKey(results, row) ?? qualityKeys.leftOut(i);
    system.cell(key, row.count, { notDisclosive: blankReason(row) });
    const denominator = denominatorKey(results, row) ?? `quality:left-out:${i}:denominator`;
    system.cell(denominator, row.denominator, { total: true });
    system.cell(qualityKeys.leftOutRest(i), row.denominator - row.count, { show: false });
    system.sum(denominator, [key, qualityKeys.leftOutRest(i)]);
  });
  for (const w of q.warnings) system.cell(qualityKeys.warning(w.kind), w.count);
}

/**
 * The data quality page: sizes, dates, blanks by column, what each analysis leaves out.
 * @example dataQualityPage(results, counts, profile).file // 'data-quality.html'
 */
export function dataQualityPage(results: ReportResults, counts: PublishedCounts, profile: DisclosureProfile): PageContent {
  const q = results.dataQuality;
  const s = profile.symbol;
  const blocks: PageBlock[] = [
    paragraph(
      `The cohort holds ${formatNumber(counts.get('input:families'), s)} families, ${formatNumber(counts.get(qualityKeys.children), s)} children and ${formatNumber(counts.get(qualityKeys.readings), s)} Family Star Plus readings. Blank cells are treated as not recorded, never as "no" or zero.`,
      'lead',
    ),
    factList([
      ['Need indicators', formatNumber(q.needIndicators, s)],
      ['Case start dates', q.startDates ? `${q.startDates.first} to ${q.startDates.last}` : 'none'],
      ['Case end dates', q.endDates ? `${q.endDates.first} to ${q.endDates.last}` : 'none'],
      ['Outcome plan rows', q.planOutcomes === null ? 'no plans file' : formatNumber(counts.get(qualityKeys.plans), s)],
    ]),
  ];

  const leftData: FigureData = {
    fields: [
      { name: 'analysis', title: 'Analysis', kind: 'text' },
      { name: 'reason', title: 'Left out because', kind: 'text' },
      { name: 'left_out', title: 'Left out', kind: 'records' },
      { name: 'of', title: 'Of', kind: 'count' },
      { name: 'unit', title: 'Unit', kind: 'text' },
      { name: 'percent', title: 'Left out (%)', kind: 'percent' },
    ],
    rows: q.leftOut.map((row, i) => {
      const key = sharedLeftOutKey(results, row) ?? qualityKeys.leftOut(i);
      const denominator = denominatorKey(results, row) ?? `quality:left-out:${i}:denominator`;
      return {
        analysis: ANALYSIS_NAMES[row.analysis] ?? row.analysis,
        reason: row.reason,
        left_out: counts.get(key),
        of: counts.get(denominator),
        unit: row.unit,
        percent: counts.percent(key, denominator),
      };
    }),
  };
  const leftDescription = 'The share of families or children each analysis has to leave out, and why.';
  blocks.push(
    heading('What each analysis leaves out'),
    figureBlock({
      id: 'quality-left-out',
      title: 'Records left out of each analysis (%)',
      description: leftDescription,
      data: leftData,
      spec: barChartSpec({
        values: chartRows(leftData, s).map((r) => ({ ...r, label: `${r['analysis']}: ${r['reason']}` })),
        description: leftDescription,
        category: { field: 'label', title: 'Analysis and reason' },
        value: { field: 'percent', title: 'Left out (%)', percent: true },
        colour: 4,
      }),
    }),
  );

  const withBlanks = q.missingness.filter((c) => c.missing > 0);
  const blankData: FigureData = {
    fields: [
      { name: 'file', title: 'File', kind: 'text' },
      { name: 'column', title: 'Column', kind: 'text' },
      { name: 'blank', title: 'Blank cells', kind: 'records' },
      { name: 'rows', title: 'Rows', kind: 'count' },
      { name: 'percent', title: 'Blank (%)', kind: 'percent' },
    ],
    rows: withBlanks.map((col) => {
      const rows = col.file.startsWith('families') && col.total === results.input.families ? 'input:families' : qualityKeys.rows(col.file);
      const need = col.column.startsWith('need_') ? col.column.slice(5) : null;
      const missing = need !== null && counts.has(needKeys.blank(need)) && rows === 'input:families' ? needKeys.blank(need) : qualityKeys.missing(col.file, col.column);
      return { file: col.file, column: col.column, blank: counts.get(missing), rows: counts.get(rows), percent: counts.percent(missing, rows) };
    }),
  };
  blocks.push(heading('Blank cells by column'));
  if (withBlanks.length === 0) {
    blocks.push(paragraph(`Every one of the ${formatNumber(q.missingness.length, s)} columns is complete: no blank cells.`));
  } else {
    const d = `${formatNumber(withBlanks.length, s)} of ${formatNumber(q.missingness.length, s)} columns have blank cells; each bar is the share of a column's rows left blank.`;
    blocks.push(
      figureBlock({
        id: 'quality-blanks',
        title: 'Blank cells in each column with any (%)',
        description: d,
        data: blankData,
        spec: barChartSpec({
          values: chartRows(blankData, s).map((r) => ({ ...r, label: `${r['file']}: ${r['column']}` })),
          description: d,
          category: { field: 'label', title: 'File and column' },
          value: { field: 'percent', title: 'Blank (%)', percent: true },
          colour: 4,
        }),
      }),
    );
  }
  if (q.warnings.length > 0) {
    blocks.push(
      heading('Warnings'),
      paragraph('Values the workbench accepted with a warning, by kind (each kind counts the rows it concerns):'),
      factList(q.warnings.map((w) => [w.kind, formatNumber(counts.get(qualityKeys.warning(w.kind)), s)] as const)),
    );
  }
  blocks.push(
    paragraph(
      `Closed cases without a usable outcome (unknown or not recorded): ${formatPercent(counts.percent(outcomeKeys.noOutcome, outcomeKeys.closed), s)}.`,
    ),
  );
  return { file: 'data-quality.html', title: 'Data quality', blocks };
}

const ANALYSIS_NAMES: Record<string, string> = {
  clusters: 'Need clusters',
  progress: 'Progress',
  outcomes: 'Outcomes',
  ageBands: 'Age bands',
  trees: 'Decision trees',
};
