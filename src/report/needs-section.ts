import type { DisclosureProfile } from '../cohort/config.js';
import type { CountSystem, PublishedCounts } from '../disclosure/count-system.js';
import { isSuppressed } from '../disclosure/suppressed.js';
import { barChartSpec } from './bar-chart-spec.js';
import { chartRows, type FigureData } from './figure-data.js';
import { formatNumber, formatPercent } from './format-number.js';
import { bulletList, figureBlock, heading, paragraph, type PageContent } from './page-content.js';
import type { ReportResults } from './report-results.js';

/** Keys of the needs counts in the report's count system. */
export const needKeys = {
  families: 'input:families',
  count: (id: string) => `need:${id}:count`,
  recorded: (id: string) => `need:${id}:recorded`,
  without: (id: string) => `need:${id}:without`,
  blank: (id: string) => `need:${id}:blank`,
};

/**
 * Adds the needs counts to the report's count system: per indicator, families with the
 * need of families with it recorded (the complement hidden but protected), and the
 * recorded of all families (the blanks hidden but protected).
 * Cost: O(indicators).
 * @example registerNeeds(system, results)
 */
export function registerNeeds(system: CountSystem, results: ReportResults): void {
  system.cell(needKeys.families, results.needs.families, { total: true });
  for (const row of results.needs.prevalence) {
    system.cell(needKeys.count(row.id), row.count);
    system.cell(needKeys.recorded(row.id), row.denominator, { total: true });
    system.cell(needKeys.without(row.id), row.denominator - row.count, { show: false });
    system.cell(needKeys.blank(row.id), results.needs.families - row.denominator, { show: false, notDisclosive: true });
    system.sum(needKeys.recorded(row.id), [needKeys.count(row.id), needKeys.without(row.id)]);
    system.sum(needKeys.families, [needKeys.recorded(row.id), needKeys.blank(row.id)]);
  }
}

/**
 * Published prevalence of each need, in the results' order (highest first).
 * @example publishedPrevalence(results, counts)[0].percent // 77.5, or SUPPRESSED
 */
export function publishedPrevalence(results: ReportResults, counts: PublishedCounts) {
  return results.needs.prevalence.map((row) => ({
    id: row.id,
    label: row.label,
    count: counts.get(needKeys.count(row.id)),
    recorded: counts.get(needKeys.recorded(row.id)),
    percent: counts.percent(needKeys.count(row.id), needKeys.recorded(row.id)),
    ci: counts.derived(needKeys.count(row.id), needKeys.recorded(row.id), row.ci95),
  }));
}

/**
 * Key sentences about needs for the summary: how many indicators, and the needs present
 * in over half of families (or the three most common), with their published percentages.
 * @example needsFindings(results, counts, profile)[0] // 'Of the 57 need indicators recorded, …'
 */
export function needsFindings(results: ReportResults, counts: PublishedCounts, profile: DisclosureProfile): string[] {
  const rows = publishedPrevalence(results, counts).filter((r) => !isSuppressed(r.percent));
  const over = rows.filter((r) => (r.percent as number) > 50);
  const pick = over.length > 0 ? over : rows.slice(0, 3);
  if (pick.length === 0) return [];
  const list = pick.map((r) => `${r.label} (${formatPercent(r.percent, profile.symbol, 0)})`).join('; ');
  const lead =
    over.length > 0
      ? `Of the ${formatNumber(results.needs.prevalence.length, profile.symbol)} need indicators recorded, ${formatNumber(over.length, profile.symbol)} were present at the start in over half of families: ${list}.`
      : `Of the ${formatNumber(results.needs.prevalence.length, profile.symbol)} need indicators recorded, the most common at the start were ${list}.`;
  return [lead];
}

/**
 * The needs page: prevalence of every indicator with its 95% Wilson interval, as a chart
 * and a table, after disclosure control.
 * Cost: O(indicators).
 * @example needsPage(results, counts, profile).file // 'needs.html'
 */
export function needsPage(results: ReportResults, counts: PublishedCounts, profile: DisclosureProfile): PageContent {
  const symbol = profile.symbol;
  const rows = publishedPrevalence(results, counts);
  const data: FigureData = {
    fields: [
      { name: 'need', title: 'Need indicator', kind: 'text' },
      { name: 'families', title: 'Families with the need', kind: 'count' },
      { name: 'recorded', title: 'Families with it recorded', kind: 'count' },
      { name: 'percent', title: 'Families with the need (%)', kind: 'percent' },
      { name: 'ci_low', title: '95% interval, lower (%)', kind: 'percent' },
      { name: 'ci_high', title: '95% interval, upper (%)', kind: 'percent' },
    ],
    rows: rows.map((r) => ({
      need: r.label,
      families: r.count,
      recorded: r.recorded,
      percent: r.percent,
      ci_low: isSuppressed(r.ci) ? r.ci : r.ci[0],
      ci_high: isSuppressed(r.ci) ? r.ci : r.ci[1],
    })),
  };
  const top = rows.find((r) => !isSuppressed(r.percent));
  const description = top
    ? `The most common need at the start was ${top.label}, recorded for ${formatPercent(top.percent, symbol)} of families (${formatNumber(top.count, symbol)} of ${formatNumber(top.recorded, symbol)}); bars show each indicator's percentage and lines its 95% interval.`
    : 'Each bar shows the percentage of families with the need at the start, with its 95% interval.';
  const npf = results.needs.needsPerFamily;
  const blocks = [
    paragraph(
      `Workers recorded ${formatNumber(results.needs.prevalence.length, symbol)} indicators of need for ${formatNumber(counts.get(needKeys.families), symbol)} families at the start of the intervention. A blank indicator is treated as not recorded, not as "no": each percentage is of the families with that indicator recorded.`,
      'lead',
    ),
    ...(npf.families > 0
      ? [
          paragraph(
            `Families with every indicator recorded had a median of ${formatNumber(npf.median, symbol, Number.isInteger(npf.median) ? 0 : 1)} needs (mean ${formatNumber(npf.mean, symbol, 1)}).`,
          ),
        ]
      : []),
    ...needsFindings(results, counts, profile).map((s) => paragraph(s)),
    heading('Prevalence of each need'),
    figureBlock({
      id: 'needs-prevalence',
      title: 'Families with each need at the start (%)',
      description,
      data,
      spec: barChartSpec({
        values: chartRows(data, symbol),
        description,
        category: { field: 'need', title: 'Need indicator' },
        value: { field: 'percent', title: 'Families with the need (%)', percent: true },
        interval: { low: 'ci_low', high: 'ci_high' },
      }),
      notes: [`Intervals are 95% Wilson score intervals. ${results.needs.method}.`],
    }),
    bulletList([
      'A need counts when the worker recorded it at the start of the intervention.',
      'Needs are not exclusive: most families have several, so the percentages add up to more than 100.',
    ]),
  ];
  return { file: 'needs.html', title: 'Needs at the start', blocks };
}
