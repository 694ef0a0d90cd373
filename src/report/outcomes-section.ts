import type { DisclosureProfile } from '../cohort/config.js';
import type { CountSystem, PublishedCounts } from '../disclosure/count-system.js';
import { isSuppressed } from '../disclosure/suppressed.js';
import { CASE_OUTCOME_CATEGORIES, type CaseOutcomeCategory } from '../outcomes/case-outcomes.js';
import type { SocialCareSummary, YesNoShare } from '../outcomes/social-care-outcomes.js';
import { barChartSpec } from './bar-chart-spec.js';
import { chartRows, type FigureData } from './figure-data.js';
import { formatNumber, formatPercent } from './format-number.js';
import { heatmapSpec } from './heatmap-spec.js';
import { figureBlock, heading, paragraph, type PageBlock, type PageContent } from './page-content.js';
import type { ReportResults } from './report-results.js';
import { testSentence } from './test-sentence.js';

const CATEGORY_LABELS: Record<CaseOutcomeCategory, string> = {
  met: 'Met',
  partially_met: 'Partially met',
  not_met: 'Not met',
  unknown: 'Unknown',
  not_recorded: 'Not recorded',
};

/** The social care measures, in page order. */
const MEASURES = [
  ['before', 'Social care involvement before Early Help', 'Social care before'],
  ['during', 'Social care involvement during Early Help', 'Social care during'],
  ['after', 'Social care involvement after Early Help', 'Social care after'],
  ['cpPlanAfter', 'Child protection plan after Early Help', 'CP plan after'],
  ['reReferred', 'Re-referred to Early Help', 'Re-referred'],
] as const;
type Measure = (typeof MEASURES)[number][0];

/** Keys of the outcomes counts in the report's count system. */
export const outcomeKeys = {
  open: 'outcomes:open',
  closed: 'outcomes:closed',
  category: (c: CaseOutcomeCategory) => `outcomes:case:${c}`,
  metOrPartly: 'outcomes:case:met-or-partly',
  noOutcome: 'outcomes:case:no-outcome',
  year: (y: number, c: CaseOutcomeCategory | 'closed' | 'met-or-partly') => `outcomes:year:${y}:${c}`,
  involved: 'outcomes:involvement:families',
  overTwelve: 'outcomes:involvement:over-12-months',
  notOverTwelve: 'outcomes:involvement:not-over-12-months',
  band: (band: string, c: 'met' | 'notMet' | 'total') => `outcomes:band:${band}:${c}`,
  bandColumn: (c: 'met' | 'notMet' | 'total') => `outcomes:band:all:${c}`,
  share: (group: string, m: Measure, w: 'count' | 'recorded' | 'no' | 'missing') => `outcomes:sc:${group}:${m}:${w}`,
  groupSize: (group: string) => `outcomes:sc:${group}:families`,
  pair: (r: number, c: number) => `outcomes:sc:pair:${r}:${c}`,
  pairRow: (r: number) => `outcomes:sc:pair:row:${r}`,
  pairColumn: (c: number) => `outcomes:sc:pair:column:${c}`,
  pairs: 'outcomes:sc:pairs',
};

/**
 * Adds the outcomes counts to the report's count system: closed cases by outcome (and
 * by year, adding up to the overall), children by age band and outcome with margins,
 * social care shares overall and by cluster (with the unassigned families as a hidden
 * remainder) and the paired before × after table. Cost: O(years + bands + groups).
 * @example registerOutcomes(system, results)
 */
export function registerOutcomes(system: CountSystem, results: ReportResults): void {
  const co = results.outcomes.caseOutcomes;
  const families = co.families === results.input.families ? 'input:families' : 'outcomes:families';
  system.cell(families, co.families, { total: true });
  system.cell(outcomeKeys.open, co.openCases);
  system.cell(outcomeKeys.closed, co.closedCases, { total: true });
  system.sum(families, [outcomeKeys.open, outcomeKeys.closed]);
  for (const c of CASE_OUTCOME_CATEGORIES) system.cell(outcomeKeys.category(c), co.overall.categories[c].count);
  system.sum(outcomeKeys.closed, CASE_OUTCOME_CATEGORIES.map(outcomeKeys.category));
  system.cell(outcomeKeys.metOrPartly, co.overall.metOrPartiallyMet.count, { total: true });
  system.sum(outcomeKeys.metOrPartly, [outcomeKeys.category('met'), outcomeKeys.category('partially_met')]);
  system.cell(outcomeKeys.noOutcome, co.overall.noOutcomeData.count, { total: true });
  system.sum(outcomeKeys.noOutcome, [outcomeKeys.category('unknown'), outcomeKeys.category('not_recorded')]);
  for (const y of co.byYear) {
    system.cell(outcomeKeys.year(y.year, 'closed'), y.closedCases, { total: true });
    for (const c of CASE_OUTCOME_CATEGORIES) system.cell(outcomeKeys.year(y.year, c), y.categories[c].count);
    system.sum(outcomeKeys.year(y.year, 'closed'), CASE_OUTCOME_CATEGORIES.map((c) => outcomeKeys.year(y.year, c)));
    system.cell(outcomeKeys.year(y.year, 'met-or-partly'), y.metOrPartiallyMet.count, { total: true });
    system.sum(outcomeKeys.year(y.year, 'met-or-partly'), [outcomeKeys.year(y.year, 'met'), outcomeKeys.year(y.year, 'partially_met')]);
  }
  if (co.byYear.reduce((s, y) => s + y.closedCases, 0) === co.closedCases) {
    system.sum(outcomeKeys.closed, co.byYear.map((y) => outcomeKeys.year(y.year, 'closed')));
    for (const c of CASE_OUTCOME_CATEGORIES) system.sum(outcomeKeys.category(c), co.byYear.map((y) => outcomeKeys.year(y.year, c)));
  }

  const ab = results.outcomes.ageBands;
  system.cell(outcomeKeys.bandColumn('met'), ab.totals.metOrPartiallyMet, { total: true });
  system.cell(outcomeKeys.bandColumn('notMet'), ab.totals.notMet, { total: true });
  system.cell(outcomeKeys.bandColumn('total'), ab.totals.metOrPartiallyMet + ab.totals.notMet, { total: true });
  system.sum(outcomeKeys.bandColumn('total'), [outcomeKeys.bandColumn('met'), outcomeKeys.bandColumn('notMet')]);
  for (const row of ab.table) {
    system.cell(outcomeKeys.band(row.band, 'met'), row.metOrPartiallyMet);
    system.cell(outcomeKeys.band(row.band, 'notMet'), row.notMet);
    system.cell(outcomeKeys.band(row.band, 'total'), row.total, { total: true });
    system.sum(outcomeKeys.band(row.band, 'total'), [outcomeKeys.band(row.band, 'met'), outcomeKeys.band(row.band, 'notMet')]);
  }
  for (const c of ['met', 'notMet', 'total'] as const) {
    const parts = ab.table.map((row) => outcomeKeys.band(row.band, c));
    const sum = ab.table.reduce((s, row) => s + (c === 'met' ? row.metOrPartiallyMet : c === 'notMet' ? row.notMet : row.total), 0);
    const total = c === 'met' ? ab.totals.metOrPartiallyMet : c === 'notMet' ? ab.totals.notMet : ab.totals.metOrPartiallyMet + ab.totals.notMet;
    if (parts.length > 0 && sum === total) system.sum(outcomeKeys.bandColumn(c), parts);
  }

  const sc = results.outcomes.socialCare;
  const inv = sc.overall.involvement;
  system.cell(outcomeKeys.involved, inv.families, { total: true });
  system.cell(outcomeKeys.overTwelve, inv.overTwelveMonths.count);
  system.cell(outcomeKeys.notOverTwelve, inv.families - inv.overTwelveMonths.count, { show: false });
  system.sum(outcomeKeys.involved, [outcomeKeys.overTwelve, outcomeKeys.notOverTwelve]);
  registerShares(system, 'all', sc.overall, families);
  const pairs = sc.overall.beforeVsAfter;
  system.cell(outcomeKeys.pairs, pairs.pairs, { total: true });
  pairs.table.forEach((row, r) => row.forEach((v, c) => system.cell(outcomeKeys.pair(r, c), v)));
  for (let r = 0; r < 2; r++) {
    system.cell(outcomeKeys.pairRow(r), pairs.table[r]![0] + pairs.table[r]![1], { total: true });
    system.sum(outcomeKeys.pairRow(r), [outcomeKeys.pair(r, 0), outcomeKeys.pair(r, 1)]);
  }
  for (let c = 0; c < 2; c++) {
    system.cell(outcomeKeys.pairColumn(c), pairs.table[0]![c]! + pairs.table[1]![c]!, { total: true });
    system.sum(outcomeKeys.pairColumn(c), [outcomeKeys.pair(0, c), outcomeKeys.pair(1, c)]);
  }
  system.sum(outcomeKeys.pairs, [outcomeKeys.pairRow(0), outcomeKeys.pairRow(1)]);
  system.sum(outcomeKeys.pairs, [outcomeKeys.pairColumn(0), outcomeKeys.pairColumn(1)]);

  if (sc.byGroup && sc.byGroup.groups.length > 0) {
    const groups = sc.byGroup.groups;
    for (const g of groups) {
      system.cell(outcomeKeys.groupSize(g.group), g.families, { total: true });
      registerShares(system, `group:${g.group}`, g, outcomeKeys.groupSize(g.group));
    }
    // Families in no cluster: a hidden remainder, so cluster shares cannot be differenced
    // from the overall ones.
    const restFamilies = sc.overall.families - groups.reduce((s, g) => s + g.families, 0);
    if (restFamilies === sc.byGroup.unassigned && restFamilies >= 0) {
      system.cell(outcomeKeys.groupSize('rest'), restFamilies, { total: true });
      const rest = restShares(sc.overall, groups);
      if (rest) {
        registerShares(system, 'group:rest', rest, outcomeKeys.groupSize('rest'), false);
        system.sum(families === 'input:families' ? 'input:families' : families, [...groups.map((g) => outcomeKeys.groupSize(g.group)), outcomeKeys.groupSize('rest')]);
        for (const [m] of MEASURES) {
          for (const w of ['count', 'recorded', 'no', 'missing'] as const) {
            system.sum(outcomeKeys.share('all', m, w), [...groups.map((g) => outcomeKeys.share(`group:${g.group}`, m, w)), outcomeKeys.share('group:rest', m, w)]);
          }
        }
      }
    }
  }
}

/** Adds one set of yes/no shares (count of recorded; recorded and missing of the families). */
function registerShares(system: CountSystem, group: string, s: SocialCareSummary, familiesKey: string, show = true): void {
  for (const [m] of MEASURES) {
    const share = s[m];
    const k = (w: 'count' | 'recorded' | 'no' | 'missing') => outcomeKeys.share(group, m, w);
    system.cell(k('count'), share.count, { show: show || share.count === 0 });
    system.cell(k('recorded'), share.denominator, { total: true, show: show || share.denominator === 0 });
    system.cell(k('no'), share.denominator - share.count, { show: !show && share.denominator - share.count === 0 });
    system.cell(k('missing'), share.missing, { show: !show && share.missing === 0, notDisclosive: true });
    system.sum(k('recorded'), [k('count'), k('no')]);
    if (share.denominator + share.missing === s.families) system.sum(familiesKey, [k('recorded'), k('missing')]);
  }
}

/** The shares of the families in no group: overall minus the groups, or null if they do not add up. */
function restShares(overall: SocialCareSummary, groups: readonly SocialCareSummary[]): SocialCareSummary | null {
  const families = overall.families - groups.reduce((s, g) => s + g.families, 0);
  const rest: Record<string, YesNoShare> = {};
  for (const [m] of MEASURES) {
    const count = overall[m].count - groups.reduce((s, g) => s + g[m].count, 0);
    const denominator = overall[m].denominator - groups.reduce((s, g) => s + g[m].denominator, 0);
    const missing = overall[m].missing - groups.reduce((s, g) => s + g[m].missing, 0);
    if (count < 0 || denominator < count || missing < 0 || denominator + missing !== families) return null;
    rest[m] = { count, denominator, missing, percent: null, ci95: null };
  }
  return { ...overall, families, ...(rest as Pick<SocialCareSummary, Measure>) };
}

/**
 * Key sentences about outcomes for the summary, with published numbers.
 * @example outcomesFindings(results, counts, profile)[0] // 'Of 3,784 closed cases, …'
 */
export function outcomesFindings(results: ReportResults, counts: PublishedCounts, profile: DisclosureProfile): string[] {
  const s = profile.symbol;
  const out: string[] = [];
  const co = results.outcomes.caseOutcomes;
  if (co.closedCases > 0) {
    out.push(
      `Of ${formatNumber(counts.get(outcomeKeys.closed), s)} closed cases, ${formatPercent(counts.percent(outcomeKeys.metOrPartly, outcomeKeys.closed), s, 0)} met or partially met their outcomes and ${formatPercent(counts.percent(outcomeKeys.category('not_met'), outcomeKeys.closed), s, 0)} did not.`,
    );
  }
  const pct = (m: Measure) => formatPercent(counts.percent(outcomeKeys.share('all', m, 'count'), outcomeKeys.share('all', m, 'recorded')), s, 0);
  out.push(
    `${pct('before')} of families had involvement with social care before Early Help support; this was ${pct('during')} during the intervention and ${pct('after')} after the case closed. ${pct('reReferred')} were re-referred to Early Help.`,
  );
  return out;
}

/**
 * The outcomes and age bands page.
 * @example outcomesPage(results, counts, profile).file // 'outcomes.html'
 */
export function outcomesPage(results: ReportResults, counts: PublishedCounts, profile: DisclosureProfile): PageContent {
  const s = profile.symbol;
  const o = results.outcomes;
  const co = o.caseOutcomes;
  const blocks: PageBlock[] = [
    paragraph(
      `Outcomes are measured for closed cases: ${formatNumber(counts.get(outcomeKeys.closed), s)} of ${formatNumber(counts.get(co.families === results.input.families ? 'input:families' : 'outcomes:families'), s)} families; ${formatNumber(counts.get(outcomeKeys.open), s)} cases were still open.`,
      'lead',
    ),
    paragraph(`Definition: ${co.definition}.`, 'note'),
    ...outcomesFindings(results, counts, profile).map((t) => paragraph(t)),
  ];

  const caseData: FigureData = {
    fields: [
      { name: 'outcome', title: 'Outcome', kind: 'text' },
      { name: 'cases', title: 'Closed cases', kind: 'count' },
      { name: 'percent', title: 'Closed cases (%)', kind: 'percent' },
    ],
    rows: CASE_OUTCOME_CATEGORIES.map((c) => ({
      outcome: CATEGORY_LABELS[c],
      cases: counts.get(outcomeKeys.category(c)),
      percent: counts.percent(outcomeKeys.category(c), outcomeKeys.closed),
    })),
  };
  const casePercent = (c: CaseOutcomeCategory) => formatPercent(counts.percent(outcomeKeys.category(c), outcomeKeys.closed), s);
  const caseDescription = `${casePercent('met')} of closed cases met their outcomes, ${casePercent('partially_met')} partially met them and ${casePercent('not_met')} did not.`;
  blocks.push(
    heading('Case outcomes'),
    figureBlock({
      id: 'outcomes-cases',
      title: 'Closed cases by outcome (%)',
      description: caseDescription,
      data: caseData,
      spec: barChartSpec({
        values: chartRows(caseData, s),
        description: caseDescription,
        category: { field: 'outcome', title: 'Outcome' },
        value: { field: 'percent', title: 'Closed cases (%)', percent: true },
      }),
    }),
  );
  if (co.byYear.length > 0) {
    const yearData: FigureData = {
      fields: [
        { name: 'year', title: 'Year closed', kind: 'text' },
        { name: 'closed', title: 'Closed cases', kind: 'count' },
        ...CASE_OUTCOME_CATEGORIES.map((c) => ({ name: c, title: CATEGORY_LABELS[c], kind: 'count' as const })),
        { name: 'percent', title: 'Met or partially met (%)', kind: 'percent' },
      ],
      rows: co.byYear.map((y) => {
        const metOrPartly = outcomeKeys.year(y.year, 'met-or-partly');
        const parts = [outcomeKeys.year(y.year, 'met'), outcomeKeys.year(y.year, 'partially_met')];
        return {
          year: String(y.year),
          closed: counts.get(outcomeKeys.year(y.year, 'closed')),
          ...Object.fromEntries(CASE_OUTCOME_CATEGORIES.map((c) => [c, counts.get(outcomeKeys.year(y.year, c))])),
          // The sum of two published counts is published; of a suppressed one, suppressed.
          percent: parts.some((k) => isSuppressed(counts.get(k)))
            ? counts.get(parts.find((k) => isSuppressed(counts.get(k)))!)
            : counts.percent(metOrPartly, outcomeKeys.year(y.year, 'closed')),
        };
      }),
    };
    const d = 'For each year in which cases closed, the share of closed cases that met or partially met their outcomes.';
    blocks.push(
      figureBlock({
        id: 'outcomes-by-year',
        title: 'Closed cases meeting or partially meeting their outcomes, by year (%)',
        description: d,
        data: yearData,
        spec: barChartSpec({
          values: chartRows(yearData, s),
          description: d,
          category: { field: 'year', title: 'Year closed' },
          value: { field: 'percent', title: 'Met or partially met (%)', percent: true },
          colour: 1,
        }),
      }),
    );
  }

  // Age bands.
  const ab = o.ageBands;
  const anySuppressed = ab.table.some(
    (row) => isSuppressed(counts.get(outcomeKeys.band(row.band, 'met'))) || isSuppressed(counts.get(outcomeKeys.band(row.band, 'notMet'))),
  );
  const bandData: FigureData = {
    fields: [
      { name: 'band', title: 'Age at start', kind: 'text' },
      { name: 'met', title: 'Met or partially met', kind: 'count' },
      { name: 'not_met', title: 'Not met', kind: 'count' },
      { name: 'children', title: 'Children', kind: 'count' },
      { name: 'percent', title: 'Not met (%)', kind: 'percent' },
      { name: 'ci_low', title: '95% interval, lower (%)', kind: 'percent' },
      { name: 'ci_high', title: '95% interval, upper (%)', kind: 'percent' },
    ],
    rows: ab.table.map((row) => {
      const ci = counts.derived(outcomeKeys.band(row.band, 'notMet'), outcomeKeys.band(row.band, 'total'), row.notMetShare.ci95);
      return {
        band: row.band,
        met: counts.get(outcomeKeys.band(row.band, 'met')),
        not_met: counts.get(outcomeKeys.band(row.band, 'notMet')),
        children: counts.get(outcomeKeys.band(row.band, 'total')),
        percent: counts.percent(outcomeKeys.band(row.band, 'notMet'), outcomeKeys.band(row.band, 'total')),
        ci_low: isSuppressed(ci) ? ci : ci === null ? null : ci[0],
        ci_high: isSuppressed(ci) ? ci : ci === null ? null : ci[1],
      };
    }),
  };
  const test = ab.chiSquare
    ? testSentence({ name: 'Pearson’s chi-square test (no continuity correction)', statistic: ab.chiSquare.statistic, df: ab.chiSquare.df, p: ab.chiSquare.p, exact: !anySuppressed })
    : (ab.chiSquareNote ?? 'No test.');
  const bandDescription = `The share of children whose outcome was not met, by age at the start of the intervention, with 95% intervals; ${test}`;
  blocks.push(
    heading('Outcomes by age band'),
    paragraph(`Definition: ${ab.definition}.`, 'note'),
    figureBlock({
      id: 'outcomes-age-bands',
      title: 'Children whose outcome was not met, by age band (%)',
      description: bandDescription,
      data: bandData,
      spec: barChartSpec({
        values: chartRows(bandData, s),
        description: bandDescription,
        category: { field: 'band', title: 'Age at start' },
        value: { field: 'percent', title: 'Not met (%)', percent: true },
        interval: { low: 'ci_low', high: 'ci_high' },
        colour: 2,
      }),
      notes: [`Totals: ${formatNumber(counts.get(outcomeKeys.bandColumn('met')), s)} children met or partially met, ${formatNumber(counts.get(outcomeKeys.bandColumn('notMet')), s)} not met.`],
    }),
  );

  // Social care.
  const sc = o.socialCare;
  const scData: FigureData = {
    fields: [
      { name: 'measure', title: 'Measure', kind: 'text' },
      { name: 'families', title: 'Families', kind: 'count' },
      { name: 'recorded', title: 'Families with it recorded', kind: 'count' },
      { name: 'percent', title: 'Families (%)', kind: 'percent' },
    ],
    rows: MEASURES.map(([m, label]) => ({
      measure: label,
      families: counts.get(outcomeKeys.share('all', m, 'count')),
      recorded: counts.get(outcomeKeys.share('all', m, 'recorded')),
      percent: counts.percent(outcomeKeys.share('all', m, 'count'), outcomeKeys.share('all', m, 'recorded')),
    })),
  };
  const scDescription = outcomesFindings(results, counts, profile).slice(-1)[0]!;
  const pairs = sc.overall.beforeVsAfter;
  const pairSuppressed = [0, 1].some((r) => [0, 1].some((c) => isSuppressed(counts.get(outcomeKeys.pair(r, c)))));
  blocks.push(
    heading('Social care and re-referral'),
    paragraph(`Definition: ${sc.definition}.`, 'note'),
    figureBlock({
      id: 'outcomes-social-care',
      title: 'Families with social care involvement, a child protection plan or a re-referral (%)',
      description: scDescription,
      data: scData,
      spec: barChartSpec({
        values: chartRows(scData, s),
        description: scDescription,
        category: { field: 'measure', title: 'Measure' },
        value: { field: 'percent', title: 'Families (%)', percent: true },
        colour: 3,
      }),
      notes: [
        `Families with social care before and after both recorded: ${formatNumber(counts.get(outcomeKeys.pairs), s)}; involved before only: ${formatNumber(counts.get(outcomeKeys.pair(0, 1)), s)}; after only: ${formatNumber(counts.get(outcomeKeys.pair(1, 0)), s)}. ${pairs.mcnemar ? testSentence({ name: 'McNemar’s test', statistic: pairs.mcnemar.statistic, df: 1, p: pairs.mcnemar.p, exact: !pairSuppressed }) : (pairs.note ?? '')}`,
      ],
    }),
  );
  const inv = sc.overall.involvement;
  if (inv.median !== null) {
    blocks.push(
      paragraph(
        `Closed cases were open for a median of ${formatNumber(inv.median, s, 1)} months (quartiles ${formatNumber(inv.q1 ?? 0, s, 1)} and ${formatNumber(inv.q3 ?? 0, s, 1)}); ${formatPercent(counts.percent(outcomeKeys.overTwelve, outcomeKeys.involved), s, 0)} were open for over twelve months.`,
      ),
    );
  }
  if (sc.byGroup && sc.byGroup.groups.length > 0) {
    const groups = sc.byGroup.groups;
    const data: FigureData = {
      fields: [
        { name: 'cluster', title: 'Cluster', kind: 'text' },
        { name: 'measure', title: 'Measure', kind: 'text' },
        { name: 'families', title: 'Families', kind: 'count' },
        { name: 'recorded', title: 'Families with it recorded', kind: 'count' },
        { name: 'percent', title: 'Families (%)', kind: 'percent' },
      ],
      rows: groups.flatMap((g) =>
        MEASURES.map(([m, , short]) => ({
          cluster: g.group,
          measure: short,
          families: counts.get(outcomeKeys.share(`group:${g.group}`, m, 'count')),
          recorded: counts.get(outcomeKeys.share(`group:${g.group}`, m, 'recorded')),
          percent: counts.percent(outcomeKeys.share(`group:${g.group}`, m, 'count'), outcomeKeys.share(`group:${g.group}`, m, 'recorded')),
        })),
      ),
    };
    const d = 'For each need cluster, the share of its families with social care involvement before, during and after Early Help, a child protection plan after, and a re-referral.';
    blocks.push(
      heading('Social care by need cluster', 3),
      figureBlock({
        id: 'outcomes-social-care-by-cluster',
        title: 'Social care and re-referral by need cluster (%)',
        description: d,
        data,
        spec: heatmapSpec({
          values: chartRows(data, s),
          description: d,
          row: { field: 'cluster', title: 'Cluster', order: groups.map((g) => g.group) },
          column: { field: 'measure', title: 'Measure', order: MEASURES.map(([, , short]) => short) },
          value: { field: 'percent', title: 'Families (%)', domain: [0, 100] },
          cellWidth: 70,
        }),
        pivot: { row: 'cluster', column: 'measure', value: 'percent' },
      }),
    );
  }
  return { file: 'outcomes.html', title: 'Outcomes and age bands', blocks };
}

