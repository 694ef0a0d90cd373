import type { DisclosureProfile } from '../cohort/config.js';
import type { CountSystem, PublishedCounts } from '../disclosure/count-system.js';
import { isSuppressed, SUPPRESSED, type PublishedValue } from '../disclosure/suppressed.js';
import { barChartSpec } from './bar-chart-spec.js';
import { facetBarSpec } from './facet-bar-spec.js';
import { chartRows, type FigureData } from './figure-data.js';
import { formatNumber, formatP, formatPercent } from './format-number.js';
import { heatmapSpec } from './heatmap-spec.js';
import { bulletList, figureBlock, heading, paragraph, type PageBlock, type PageContent } from './page-content.js';
import type { ReportResults } from './report-results.js';
import type { ProgressByGroupResult } from '../progress/types.js';
import { domainLabel } from './domain-label.js';

/** Keys of the progress counts in the report's count system. */
export const progressKeys = {
  eligible: 'progress:eligible',
  excluded: (reason: string) => `progress:excluded:${reason}`,
  any: 'progress:any',
  anyNot: 'progress:any:not',
  domain: (id: string, what: 'families' | 'up' | 'same' | 'down' | 'noReadings' | 'oneDate') => `progress:domain:${id}:${what}`,
  stage: (id: string, when: 'start' | 'end', stage: number) => `progress:journey:${id}:${when}:${stage}`,
  cell: (r: number, c: number) => `progress:matrix:${r}:${c}`,
  row: (r: number) => `progress:matrix:row:${r}`,
  column: (c: number) => `progress:matrix:column:${c}`,
  total: 'progress:matrix:total',
  category: (k: 'up' | 'same' | 'down') => `progress:category:${k}`,
  group: (grouping: string, label: string, what: 'n' | 'up' | 'same' | 'down') => `progress:by:${grouping}:${label}:${what}`,
  rest: (grouping: string, what: 'n' | 'up' | 'same' | 'down') => `progress:by:${grouping}:rest:${what}`,
};

const CATEGORY_CELLS: Record<'up' | 'same' | 'down', [number, number][]> = {
  up: [[0, 1], [0, 2], [1, 2]],
  same: [[0, 0], [1, 1], [2, 2]],
  down: [[1, 0], [2, 0], [2, 1]],
};

/**
 * Adds the progress counts to the report's count system: families in and out of the
 * analysis, progress in any domain, each domain's up / same / down, the start and end
 * stages of each domain, the start × end matrix with its margins and its up / same /
 * down categories (sums of cells), and the same categories by cluster (with families in
 * no cluster as a hidden remainder). Sums are declared only where the parts add up.
 * Cost: O(domains × stages + groups).
 * @example registerProgress(system, results)
 */
export function registerProgress(system: CountSystem, results: ReportResults): void {
  const p = results.progress;
  const familiesKey = p.families === results.input.families ? 'input:families' : 'progress:families';
  system.cell(familiesKey, p.families, { total: true });
  system.cell(progressKeys.eligible, p.eligibleFamilies, { total: true });
  const reasons = Object.entries(p.excluded);
  for (const [reason, n] of reasons) system.cell(progressKeys.excluded(reason), n);
  if (p.eligibleFamilies + reasons.reduce((s, [, n]) => s + n, 0) === p.families) {
    system.sum(familiesKey, [progressKeys.eligible, ...reasons.map(([r]) => progressKeys.excluded(r))]);
  }
  system.cell(progressKeys.any, p.anyDomainProgressed);
  system.cell(progressKeys.anyNot, p.eligibleFamilies - p.anyDomainProgressed, { show: false });
  system.sum(progressKeys.eligible, [progressKeys.any, progressKeys.anyNot]);

  for (const d of p.domains) {
    const k = (w: Parameters<typeof progressKeys.domain>[1]) => progressKeys.domain(d.id, w);
    system.cell(k('families'), d.families, { total: true });
    system.cell(k('up'), d.progressed);
    system.cell(k('same'), d.same);
    system.cell(k('down'), d.down);
    if (d.progressed + d.same + d.down === d.families) system.sum(k('families'), [k('up'), k('same'), k('down')]);
    system.cell(k('noReadings'), d.excluded.noReadings);
    system.cell(k('oneDate'), d.excluded.oneDate);
    if (d.families + d.excluded.noReadings + d.excluded.oneDate === p.eligibleFamilies) {
      system.sum(progressKeys.eligible, [k('families'), k('noReadings'), k('oneDate')]);
    }
  }
  for (const j of p.journeyOfChange) {
    const familiesKey = progressKeys.domain(j.domain, 'families');
    if (!system.has(familiesKey)) system.cell(familiesKey, j.families, { total: true });
    for (const when of ['start', 'end'] as const) {
      const shares = j[when];
      for (const s of shares) system.cell(progressKeys.stage(j.domain, when, s.stage), s.count);
      if (shares.reduce((t, s) => t + s.count, 0) === j.families) {
        system.cell(familiesKey, j.families, { total: true });
        system.sum(familiesKey, shares.map((s) => progressKeys.stage(j.domain, when, s.stage)));
      }
    }
  }

  const m = p.matrix;
  const totalKey = m.total === p.eligibleFamilies ? progressKeys.eligible : progressKeys.total;
  system.cell(totalKey, m.total, { total: true });
  m.counts.forEach((row, r) => row.forEach((v, c) => system.cell(progressKeys.cell(r, c), v)));
  m.counts.forEach((row, r) => {
    system.cell(progressKeys.row(r), m.rowTotals[r]!, { total: true });
    system.sum(progressKeys.row(r), row.map((_, c) => progressKeys.cell(r, c)));
  });
  m.segments.forEach((_, c) => {
    system.cell(progressKeys.column(c), m.columnTotals[c]!, { total: true });
    system.sum(progressKeys.column(c), m.counts.map((_, r) => progressKeys.cell(r, c)));
  });
  system.sum(totalKey, m.segments.map((_, r) => progressKeys.row(r)));
  system.sum(totalKey, m.segments.map((_, c) => progressKeys.column(c)));
  const categoryTotal = p.categories.up + p.categories.same + p.categories.down;
  if (m.counts.length === 3 && categoryTotal === m.total) {
    for (const k of ['up', 'same', 'down'] as const) {
      system.cell(progressKeys.category(k), p.categories[k], { total: true });
      system.sum(progressKeys.category(k), CATEGORY_CELLS[k].map(([r, c]) => progressKeys.cell(r, c)));
    }
    system.sum(totalKey, (['up', 'same', 'down'] as const).map(progressKeys.category));
  }

  for (const by of [p.byCluster, p.byAgeBand]) registerGroups(system, results, by);
}

/**
 * Adds progress by group: each group's families moving up, staying and moving down
 * (staying hidden), and, when each family is in at most one group, the sums over groups
 * with the families in no group as a hidden remainder (their number stated).
 */
function registerGroups(system: CountSystem, results: ReportResults, by: ProgressByGroupResult): void {
  const p = results.progress;
  if (by.groups.length === 0) return;
  const name = by.grouping;
  for (const g of by.groups) {
    const c = g.summary.categories;
    const k = (w: 'n' | 'up' | 'same' | 'down') => progressKeys.group(name, g.label, w);
    system.cell(k('n'), g.up.n, { total: true });
    system.cell(k('up'), c.up);
    system.cell(k('down'), c.down);
    system.cell(k('same'), c.same, { show: false });
    if (c.up + c.same + c.down === g.up.n) system.sum(k('n'), [k('up'), k('same'), k('down')]);
  }
  system.cell(progressKeys.rest(name, 'n'), by.eligibleWithoutGroup, { total: true });
  const single = by.membership.startsWith('Each family belongs to at most one group');
  const groups = by.groups;
  const sumOf = (pick: (g: (typeof groups)[number]) => number) => groups.reduce((s, g) => s + pick(g), 0);
  if (!single || !system.has(progressKeys.category('up'))) return;
  const rest = {
    n: p.eligibleFamilies - sumOf((g) => g.up.n),
    up: p.categories.up - sumOf((g) => g.summary.categories.up),
    same: p.categories.same - sumOf((g) => g.summary.categories.same),
    down: p.categories.down - sumOf((g) => g.summary.categories.down),
  };
  if (rest.n !== by.eligibleWithoutGroup || rest.up < 0 || rest.same < 0 || rest.down < 0 || rest.up + rest.same + rest.down !== rest.n) return;
  for (const w of ['up', 'same', 'down'] as const) system.cell(progressKeys.rest(name, w), rest[w], { show: rest[w] === 0 });
  system.sum(progressKeys.rest(name, 'n'), [progressKeys.rest(name, 'up'), progressKeys.rest(name, 'same'), progressKeys.rest(name, 'down')]);
  system.sum(progressKeys.eligible, [...groups.map((g) => progressKeys.group(name, g.label, 'n')), progressKeys.rest(name, 'n')]);
  for (const w of ['up', 'same', 'down'] as const) {
    system.sum(progressKeys.category(w), [...groups.map((g) => progressKeys.group(name, g.label, w)), progressKeys.rest(name, w)]);
  }
}

/**
 * Key sentences about progress for the summary, with published numbers.
 * @example progressFindings(results, counts, profile)[0] // 'Where progress was measured …'
 */
export function progressFindings(results: ReportResults, counts: PublishedCounts, profile: DisclosureProfile): string[] {
  const p = results.progress;
  const s = profile.symbol;
  const out: string[] = [];
  if (p.eligibleFamilies > 0) {
    out.push(
      `Where progress was measured (${formatNumber(counts.get(progressKeys.eligible), s)} families with Family Star Plus readings on at least two dates), ${formatPercent(counts.percent(progressKeys.any, progressKeys.eligible), s, 0)} of families made progress in one or more of the ${formatNumber(p.domains.length, s)} domains.`,
    );
  }
  if (counts.has(progressKeys.category('up'))) {
    const pc = (k: 'up' | 'same' | 'down') => formatPercent(counts.percent(progressKeys.category(k), progressKeys.eligible), s, 0);
    out.push(
      `Comparing start and end, ${pc('up')} of families moved to a higher segment than they started in, ${pc('same')} stayed in the same segment and ${pc('down')} moved lower.`,
    );
  }
  return out;
}

/**
 * The progress page: matrix, domains, stages at start and end, and by cluster.
 * @example progressPage(results, counts, profile).file // 'progress.html'
 */
export function progressPage(results: ReportResults, counts: PublishedCounts, profile: DisclosureProfile): PageContent {
  const p = results.progress;
  const s = profile.symbol;
  const blocks: PageBlock[] = [];
  const excluded = Object.entries(p.excluded)
    .map(([reason]) => `${formatNumber(counts.get(progressKeys.excluded(reason)), s)} ${reason === 'noReadings' ? 'with no readings' : reason === 'noChange' ? 'with readings on one date only' : reason}`)
    .join(' and ');
  blocks.push(
    paragraph(
      `Progress is measured with the Family Star Plus: ${formatNumber(counts.get(progressKeys.eligible), s)} families had readings on at least two dates in at least one domain and are in this analysis; ${excluded} are left out.`,
      'lead',
    ),
    ...progressFindings(results, counts, profile).map((t) => paragraph(t)),
  );

  // Matrix.
  const m = p.matrix;
  const segs = m.segments;
  const matrixData: FigureData = {
    fields: [
      { name: 'start', title: 'Segment at start', kind: 'text' },
      { name: 'end', title: 'Segment at end', kind: 'text' },
      { name: 'families', title: 'Families', kind: 'count' },
      { name: 'percent', title: 'Of all families in the matrix (%)', kind: 'percent' },
      { name: 'row_percent', title: 'Of families starting in the segment (%)', kind: 'percent' },
    ],
    rows: segs.flatMap((rs, r) =>
      segs.map((cs, c) => ({
        start: rs,
        end: cs,
        families: counts.get(progressKeys.cell(r, c)),
        percent: counts.percent(progressKeys.cell(r, c), m.total === p.eligibleFamilies ? progressKeys.eligible : progressKeys.total),
        row_percent: counts.percent(progressKeys.cell(r, c), progressKeys.row(r)),
      })),
    ),
  };
  const matrixTitle = 'Families by segment at start and at end';
  const diag = segs.map((_, r) => counts.percent(progressKeys.cell(r, r), m.total === p.eligibleFamilies ? progressKeys.eligible : progressKeys.total));
  const matrixDescription = `Each cell counts the families that started in one segment (rows) and ended in another (columns), shaded by its share of the row; the diagonal, where families stayed in the same segment, holds ${diag.map((v) => formatPercent(v, s)).join(', ')} of families from ${segs[0] ?? ''} to ${segs[segs.length - 1] ?? ''}.`;
  blocks.push(
    heading('Start and end: the progress matrix'),
    paragraph(bandsSentence(results)),
    figureBlock({
      id: 'progress-matrix',
      title: matrixTitle,
      description: matrixDescription,
      data: matrixData,
      spec: heatmapSpec({
        values: chartRows(matrixData, s),
        description: matrixDescription,
        row: { field: 'start', title: 'Segment at start', order: segs },
        column: { field: 'end', title: 'Segment at end', order: segs },
        value: { field: 'row_percent', title: 'Of families starting in the segment (%)', domain: [0, 100] },
        textField: 'families_label',
        cellWidth: 90,
        cellHeight: 40,
      }),
      notes: [
        `Totals by segment at start: ${segs.map((seg, r) => `${seg} ${formatNumber(counts.get(progressKeys.row(r)), s)}`).join(', ')}; at end: ${segs.map((seg, c) => `${seg} ${formatNumber(counts.get(progressKeys.column(c)), s)}`).join(', ')}.`,
      ],
    }),
  );
  if (counts.has(progressKeys.category('up'))) {
    const base = progressKeys.eligible;
    const catData: FigureData = {
      fields: [
        { name: 'movement', title: 'Movement between segments', kind: 'text' },
        { name: 'families', title: 'Families', kind: 'count' },
        { name: 'percent', title: 'Families (%)', kind: 'percent' },
      ],
      rows: (['up', 'same', 'down'] as const).map((k) => ({
        movement: k === 'up' ? 'Moved to a higher segment' : k === 'same' ? 'Stayed in the same segment' : 'Moved to a lower segment',
        families: counts.get(progressKeys.category(k)),
        percent: m.total === p.eligibleFamilies ? counts.percent(progressKeys.category(k), base) : SUPPRESSED,
      })),
    };
    const d = `${formatPercent(catData.rows[0]!.percent as PublishedValue, s)} of families moved to a higher segment, ${formatPercent(catData.rows[1]!.percent as PublishedValue, s)} stayed and ${formatPercent(catData.rows[2]!.percent as PublishedValue, s)} moved lower.`;
    blocks.push(
      figureBlock({
        id: 'progress-categories',
        title: 'Families by movement between segments',
        description: d,
        data: catData,
        spec: barChartSpec({
          values: chartRows(catData, s),
          description: d,
          category: { field: 'movement', title: 'Movement' },
          value: { field: 'percent', title: 'Families (%)', percent: true },
          colour: 1,
        }),
      }),
    );
  }

  // Domains.
  const domainData: FigureData = {
    fields: [
      { name: 'domain', title: 'Domain', kind: 'text' },
      { name: 'families', title: 'Families with change measured', kind: 'count' },
      { name: 'up', title: 'Moved up a stage or more', kind: 'count' },
      { name: 'percent', title: 'Moved up (%)', kind: 'percent' },
      { name: 'same', title: 'Same stage', kind: 'count' },
      { name: 'down', title: 'Moved down', kind: 'count' },
      { name: 'p', title: 'Wilcoxon p (end vs start)', kind: 'text' },
    ],
    rows: p.domains.map((d) => {
      const k = (w: Parameters<typeof progressKeys.domain>[1]) => progressKeys.domain(d.id, w);
      const w = d.change.wilcoxon;
      return {
        domain: domainLabel(d.id),
        families: counts.get(k('families')),
        up: counts.get(k('up')),
        percent: counts.percent(k('up'), k('families')),
        same: counts.get(k('same')),
        down: counts.get(k('down')),
        p: w === null ? 'no test' : formatP(w.p),
      };
    }),
  };
  const best = [...domainData.rows].filter((r) => !isSuppressed(r.percent)).sort((a, b) => (b.percent as number) - (a.percent as number))[0];
  const domainDescription = best
    ? `${best.domain} had the highest share of families moving up at least one stage (${formatPercent(best.percent as number, s)}); each bar is the share of families with change measured in that domain.`
    : 'Each bar is the share of families with change measured in the domain who moved up at least one stage.';
  blocks.push(
    heading('Progress in each domain'),
    figureBlock({
      id: 'progress-domains',
      title: 'Families moving up at least one stage, by domain (%)',
      description: domainDescription,
      data: domainData,
      spec: barChartSpec({
        values: chartRows(domainData, s),
        description: domainDescription,
        category: { field: 'domain', title: 'Domain' },
        value: { field: 'percent', title: 'Moved up (%)', percent: true },
      }),
      notes: ['The p-value is from a paired Wilcoxon signed-rank test of end against start readings in the domain.'],
    }),
  );

  // Stages at start and at end.
  for (const when of ['start', 'end'] as const) {
    const rows = p.journeyOfChange.flatMap((j) =>
      j[when].map((st) => ({
        domain: domainLabel(j.domain),
        stage: `${st.stage}. ${st.name}`,
        families: counts.get(progressKeys.stage(j.domain, when, st.stage)),
        percent: counts.percent(progressKeys.stage(j.domain, when, st.stage), progressKeys.domain(j.domain, 'families')),
      })),
    );
    if (rows.length === 0) continue;
    const data: FigureData = {
      fields: [
        { name: 'domain', title: 'Domain', kind: 'text' },
        { name: 'stage', title: `Stage at ${when}`, kind: 'text' },
        { name: 'families', title: 'Families', kind: 'count' },
        { name: 'percent', title: 'Families (%)', kind: 'percent' },
      ],
      rows,
    };
    const stageOrder = (p.journeyOfChange[0]?.[when] ?? []).map((st) => `${st.stage}. ${st.name}`);
    const description = `For each domain, the share of families at each Journey of Change stage at the ${when} of the intervention.`;
    blocks.push(
      heading(`Stages at the ${when}`, 3),
      figureBlock({
        id: `progress-stages-${when}`,
        title: `Families by stage at the ${when}, by domain (%)`,
        description,
        data,
        spec: facetBarSpec({
          values: chartRows(data, s),
          description,
          facet: { field: 'domain', title: '', order: p.journeyOfChange.map((j) => domainLabel(j.domain)) },
          category: { field: 'stage', title: 'Stage', order: stageOrder },
          value: { field: 'percent', title: 'Families (%)', percent: true },
          colour: when === 'start' ? 0 : 1,
        }),
        pivot: { row: 'domain', column: 'stage', value: 'percent' },
      }),
    );
  }

  blocks.push(...groupBlocks(p.byCluster, 'cluster', 'need cluster', counts, profile, 2));
  blocks.push(...groupBlocks(p.byAgeBand, 'age-band', 'age band of the children', counts, profile, 3));
  blocks.push(
    bulletList([
      'A family moves up in a domain when its end reading is at a higher Journey of Change stage than its start reading.',
      'Segments (Lower, Middle, Higher) group families by their mean reading over the domains with change; the matrix compares each family’s segment at start and at end.',
    ]),
  );
  return { file: 'progress.html', title: 'Progress: Family Star Plus', blocks };
}

/** How the segments were made, in one sentence. */
function bandsSentence(results: ReportResults): string {
  const b = results.progress.bands;
  if (b.method === 'cuts') {
    return `Segments are cut on the family's mean reading: Lower below ${b.cuts[0]}, Higher at ${b.cuts[1]} or above, Middle between.`;
  }
  return `Segments come from k-means with k = 3 on families' start and end readings (seed ${b.seed}, ${b.restarts} starts), ordered by their mean reading.`;
}

/** The figure of progress by a grouping (clusters, age bands). */
function groupBlocks(
  by: ProgressByGroupResult,
  id: string,
  what: string,
  counts: PublishedCounts,
  profile: DisclosureProfile,
  colour: number,
): PageBlock[] {
  if (by.groups.length === 0) return [];
  const s = profile.symbol;
  const name = by.grouping;
  const data: FigureData = {
    fields: [
      { name: 'group', title: what.charAt(0).toUpperCase() + what.slice(1), kind: 'text' },
      { name: 'families', title: 'Families in the analysis', kind: 'count' },
      { name: 'up', title: 'Moved to a higher segment', kind: 'count' },
      { name: 'percent', title: 'Moved higher (%)', kind: 'percent' },
      { name: 'difference', title: 'Difference from the rest (points)', kind: 'number', decimals: 1 },
      { name: 'significance', title: `Significant (${by.pAdjustMethod}-adjusted p < ${by.alpha})`, kind: 'text' },
    ],
    rows: by.groups.map((g) => {
      const n = progressKeys.group(name, g.label, 'n');
      const up = progressKeys.group(name, g.label, 'up');
      const diff = counts.derived(up, n, g.up.difference);
      const sig = counts.derived(up, n, g.up.significant);
      return {
        group: g.label,
        families: counts.get(n),
        up: counts.get(up),
        percent: counts.percent(up, n),
        difference: diff,
        significance: isSuppressed(sig) ? s : sig === null ? (g.up.note ?? 'no') : sig,
      };
    }),
  };
  const description = `For each ${what}, the share of its families who moved to a higher segment between start and end, tested against the rest.`;
  return [
    heading(`Progress by ${what}`),
    paragraph(by.test, 'note'),
    figureBlock({
      id: `progress-by-${id}`,
      title: `Families moving to a higher segment, by ${what} (%)`,
      description,
      data,
      spec: barChartSpec({
        values: chartRows(data, s),
        description,
        category: { field: 'group', title: what.charAt(0).toUpperCase() + what.slice(1) },
        value: { field: 'percent', title: 'Moved higher (%)', percent: true },
        colour,
      }),
      notes: [by.membership, `Families in the analysis in no group: ${formatNumber(counts.get(progressKeys.rest(name, 'n')), s)}.`],
    }),
  ];
}
