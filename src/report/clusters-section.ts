import type { DisclosureProfile } from '../cohort/config.js';
import type { CountSystem, PublishedCounts } from '../disclosure/count-system.js';
import { isSuppressed, SUPPRESSED } from '../disclosure/suppressed.js';
import { barChartSpec } from './bar-chart-spec.js';
import { chartRows, type FigureData } from './figure-data.js';
import { formatNumber, formatPercent } from './format-number.js';
import { heatmapSpec } from './heatmap-spec.js';
import { needKeys } from './needs-section.js';
import { bulletList, figureBlock, heading, paragraph, type PageBlock, type PageContent } from './page-content.js';
import type { ReportResults } from './report-results.js';

/** Keys of the cluster counts in the report's count system. */
export const clusterKeys = {
  clustered: 'clusters:families',
  unclustered: 'clusters:unclustered',
  size: (label: string) => `cluster:${label}:size`,
  need: (label: string, id: string) => `cluster:${label}:need:${id}:count`,
  without: (label: string, id: string) => `cluster:${label}:need:${id}:without`,
  restNeed: (id: string) => `cluster:rest:need:${id}:count`,
  restWithout: (id: string) => `cluster:rest:need:${id}:without`,
  restRecorded: (id: string) => `cluster:rest:need:${id}:recorded`,
  /** A cluster's need counts added up: its mean needs per family times its size. */
  needsSum: (label: string) => `cluster:${label}:needs-sum`,
};

/**
 * Adds the cluster counts to the report's count system: cluster sizes adding up to the
 * families clustered (the rest stated), and per cluster and need the families with the
 * need (the complement hidden but protected), adding up with a hidden remainder to the
 * needs page's overall counts, so no cluster count can be had by differencing.
 * Cost: O(clusters × needs).
 * @example registerClusters(system, results) // then system.publish(profile)
 */
export function registerClusters(system: CountSystem, results: ReportResults): void {
  const c = results.clusters;
  if (c.clusters.length === 0) return;
  system.cell(clusterKeys.clustered, c.families.clustered, { total: true });
  system.cell(clusterKeys.unclustered, c.families.excludedMissing, { notDisclosive: true });
  if (c.families.total === results.input.families && c.families.clustered + c.families.excludedMissing === c.families.total) {
    system.cell('input:families', results.input.families, { total: true });
    system.sum('input:families', [clusterKeys.clustered, clusterKeys.unclustered]);
  }
  for (const k of c.clusters) system.cell(clusterKeys.size(k.label), k.size, { total: true });
  system.sum(clusterKeys.clustered, c.clusters.map((k) => clusterKeys.size(k.label)));
  const overall = new Map(results.needs.prevalence.map((r) => [r.id, r]));
  const needIds = c.clusters[0]!.needs.map((n) => n.id);
  for (const id of needIds) {
    let sumCount = 0;
    let sumWithout = 0;
    for (const k of c.clusters) {
      const need = k.needs.find((n) => n.id === id);
      if (!need) throw new Error(`clusters section requires every cluster to list need ${id}, cluster ${k.label} does not`);
      const count = need.count;
      system.cell(clusterKeys.need(k.label, id), count);
      system.cell(clusterKeys.without(k.label, id), k.size - count, { show: false });
      system.sum(clusterKeys.size(k.label), [clusterKeys.need(k.label, id), clusterKeys.without(k.label, id)]);
      sumCount += count;
      sumWithout += k.size - count;
    }
    const row = overall.get(id);
    if (!row) continue;
    const restCount = row.count - sumCount;
    const restWithout = row.denominator - row.count - sumWithout;
    if (restCount < 0 || restWithout < 0) continue;
    system.cell(clusterKeys.restNeed(id), restCount, { show: restCount === 0 });
    system.cell(clusterKeys.restWithout(id), restWithout, { show: restWithout === 0 });
    // Families not clustered with the need recorded: the need's recorded families less the
    // clustered ones, which a reader can work out from the blank counts (not disclosive).
    system.cell(clusterKeys.restRecorded(id), restCount + restWithout, { total: true, notDisclosive: true });
    system.sum(clusterKeys.restRecorded(id), [clusterKeys.restNeed(id), clusterKeys.restWithout(id)]);
    system.sum(needKeys.count(id), [...c.clusters.map((k) => clusterKeys.need(k.label, id)), clusterKeys.restNeed(id)]);
    system.sum(needKeys.without(id), [...c.clusters.map((k) => clusterKeys.without(k.label, id)), clusterKeys.restWithout(id)]);
  }
  // The mean needs a family shown with a cluster's size give the sum of its need counts:
  // a cell of its own, so a suppressed need count cannot be worked back from it.
  for (const k of c.clusters) {
    system.cell(clusterKeys.needsSum(k.label), k.needs.reduce((t, n) => t + n.count, 0));
    system.sum(clusterKeys.needsSum(k.label), k.needs.map((n) => clusterKeys.need(k.label, n.id)));
  }
}

/**
 * Key sentences about the clusters for the summary.
 * @example clustersFindings(results, counts, profile)[0] // 'Families fall into 9 clusters …'
 */
export function clustersFindings(results: ReportResults, counts: PublishedCounts, profile: DisclosureProfile): string[] {
  const c = results.clusters;
  if (c.clusters.length === 0) return [];
  const s = profile.symbol;
  const largest = [...c.clusters].sort((a, b) => b.size - a.size || (a.label < b.label ? -1 : 1))[0]!;
  const labels = needLabels(results);
  const over = largest.distinctive.map((id) => labels.get(id) ?? id);
  const levels = (['HIGH', 'MID', 'LOW'] as const)
    .map((level) => [level, c.clusters.filter((k) => k.level === level).length] as const)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `${formatNumber(n, s)} ${level.toLowerCase()}`);
  const base = shareBase(counts);
  const share = counts.percent(clusterKeys.size(largest.label), base.key);
  const holds = isSuppressed(share)
    ? `holds ${formatNumber(counts.get(clusterKeys.size(largest.label)), s)} families`
    : `holds ${formatPercent(share, s, 0)} of ${base.key === clusterKeys.clustered ? 'the families clustered' : 'all families'}`;
  return [
    `Families fall into ${formatNumber(c.k, s)} clusters of need in ${formatNumber(c.groups.length, s)} groups (${levels.join(', ')} level of need). The largest, cluster ${largest.label} (${largest.name}), ${holds}${over.length > 0 ? ` and is marked by ${over.slice(0, 4).join(', ')}` : ''}.`,
  ];
}

/**
 * The clusters page: sizes, the cluster × need heatmap, profiles, groups and levels.
 * @example clustersPage(results, counts, profile).file // 'clusters.html'
 */
export function clustersPage(results: ReportResults, counts: PublishedCounts, profile: DisclosureProfile): PageContent {
  const c = results.clusters;
  const s = profile.symbol;
  const blocks: PageBlock[] = [];
  if (c.clusters.length === 0) {
    blocks.push(paragraph('No cluster analysis was run for this report.'));
    return { file: 'clusters.html', title: 'Groups of need (clusters)', blocks };
  }
  const labels = needLabels(results);
  blocks.push(
    paragraph(
      `Families were grouped by their ${formatNumber(c.indicators.length, s)} need indicators with ${c.method === 'kmeans' ? 'k-means' : 'latent class analysis (a Bernoulli mixture)'} into ${formatNumber(c.k, s)} clusters; ${formatNumber(counts.get(clusterKeys.clustered), s)} families were clustered and ${formatNumber(counts.get(clusterKeys.unclustered), s)} were left out because a need indicator was blank.`,
      'lead',
    ),
    paragraph(c.choiceOfK ? `How k was chosen: ${c.choiceOfK.reason}` : `k = ${c.k} was given.`),
    ...clustersFindings(results, counts, profile).map((t) => paragraph(t)),
  );

  const base = shareBase(counts);
  const sizeData: FigureData = {
    fields: [
      { name: 'cluster', title: 'Cluster', kind: 'text' },
      { name: 'name', title: 'Name', kind: 'text' },
      { name: 'group', title: 'Group', kind: 'text' },
      { name: 'level', title: 'Level of need', kind: 'text' },
      { name: 'families', title: 'Families', kind: 'count' },
      { name: 'percent', title: base.title, kind: 'percent' },
      { name: 'mean_needs', title: 'Mean needs per family', kind: 'number', decimals: 1 },
      { name: 'needs', title: 'Over-represented needs', kind: 'text' },
    ],
    rows: c.clusters.map((k) => ({
      cluster: k.label,
      name: k.name,
      group: k.group,
      level: k.level,
      families: counts.get(clusterKeys.size(k.label)),
      percent: counts.percent(clusterKeys.size(k.label), base.key),
      // The mean (in the chart data at full precision) times the size is the cluster's sum
      // of need counts: shown only when both the size and that sum are.
      mean_needs: isSuppressed(counts.get(clusterKeys.size(k.label))) || isSuppressed(counts.get(clusterKeys.needsSum(k.label))) ? SUPPRESSED : k.meanNeeds,
      needs: listed(k.distinctive.map((id) => labels.get(id) ?? id), 6),
    })),
  };
  const sizeDescription = `The share of ${base.key === clusterKeys.clustered ? 'clustered families' : 'all families'} in each of the ${formatNumber(c.k, s)} clusters, with each cluster's group, level of need and over-represented needs in the table.`;
  blocks.push(
    heading('Cluster sizes, groups and levels'),
    figureBlock({
      id: 'clusters-sizes',
      title: `Families in each cluster (${base.key === clusterKeys.clustered ? '% of families clustered' : '% of all families'})`,
      description: sizeDescription,
      data: sizeData,
      spec: barChartSpec({
        values: chartRows(sizeData, s).map((r) => ({ ...r, bar: `${r['cluster']}: ${r['group']} (${r['level']})` })),
        description: sizeDescription,
        category: { field: 'bar', title: 'Cluster' },
        value: { field: 'percent', title: base.title, percent: true },
      }),
      notes: [`A need is over-represented in a cluster when its share there is significantly above its share in the other clusters (${c.profileTest}; ${c.adjust}-adjusted p < ${c.alpha}).`],
    }),
  );

  const needIds = c.clusters[0]!.needs.map((n) => n.id);
  const order = results.needs.prevalence.map((r) => r.id).filter((id) => needIds.includes(id));
  const heatData: FigureData = {
    fields: [
      { name: 'need', title: 'Need indicator', kind: 'text' },
      { name: 'cluster', title: 'Cluster', kind: 'text' },
      { name: 'families', title: 'Families with the need', kind: 'count' },
      { name: 'percent', title: 'Families in the cluster (%)', kind: 'percent' },
      { name: 'over', title: 'Over-represented', kind: 'text' },
    ],
    rows: order.flatMap((id) =>
      c.clusters.map((k) => {
        const need = k.needs.find((n) => n.id === id)!;
        const pct = counts.percent(clusterKeys.need(k.label, id), clusterKeys.size(k.label));
        return {
          need: labels.get(id) ?? id,
          cluster: k.label,
          families: counts.get(clusterKeys.need(k.label, id)),
          percent: pct,
          over: isSuppressed(pct) ? s : need.overRepresented ? 'yes' : 'no',
        };
      }),
    ),
  };
  const heatDescription = `For each need (rows) and cluster (columns), the percentage of the cluster's families with the need; darker cells are higher.`;
  blocks.push(
    heading('Needs in each cluster'),
    figureBlock({
      id: 'clusters-needs',
      title: 'Families with each need, by cluster (%)',
      description: heatDescription,
      data: heatData,
      spec: heatmapSpec({
        values: chartRows(heatData, s).map((r) => ({ ...r, percent_text: r['percent'] === null ? String(r['percent_label']) : `${Math.round(r['percent'] as number)}%` })),
        description: heatDescription,
        row: { field: 'need', title: 'Need indicator', order: order.map((id) => labels.get(id) ?? id) },
        column: { field: 'cluster', title: 'Cluster', order: c.clusters.map((k) => k.label) },
        value: { field: 'percent', title: 'Families in the cluster (%)', domain: [0, 100] },
        textField: 'percent_text',
        cellWidth: 48,
        cellHeight: 22,
      }),
      pivot: { row: 'need', column: 'cluster', value: 'percent' },
      notes: ['Cells show whole percentages; the table gives one decimal, and the CSV the counts too.'],
    }),
  );
  // Groups, levels and stability.
  blocks.push(
    heading('Groups and levels'),
    bulletList(c.groups.map((g) => `${g.name}: clusters ${g.clusters.join(', ')}.`)),
    paragraph('Levels of need (LOW, MID, HIGH) rank the clusters within a group by the mean number of needs of their families.'),
  );
  const stable = c.clusters.filter((k) => k.stability !== null);
  if (c.stability && stable.length > 0) {
    const stabilityData: FigureData = {
      fields: [
        { name: 'cluster', title: 'Cluster', kind: 'text' },
        { name: 'jaccard', title: 'Mean Jaccard similarity', kind: 'number', decimals: 2 },
        { name: 'reading', title: 'Reading', kind: 'text' },
        { name: 'recovered', title: 'Resamples recovered', kind: 'number', decimals: 0 },
        { name: 'dissolved', title: 'Resamples dissolved', kind: 'number', decimals: 0 },
      ],
      rows: stable.map((k) => ({
        cluster: `${k.label}: ${k.name}`,
        jaccard: k.stability!.meanJaccard,
        reading: k.stability!.reading,
        recovered: k.stability!.recovered,
        dissolved: k.stability!.dissolved,
      })),
    };
    const readings = (['stable', 'pattern', 'unstable'] as const).map((r) => `${formatNumber(stable.filter((k) => k.stability!.reading === r).length, s)} ${r}`);
    const d = `Each cluster's mean Jaccard similarity with its best match over ${formatNumber(c.stability.resamples, s)} ${c.stability.scheme === 'subset' ? `resamples of ${subsetWords(c.stability.resampleRows, results.input.families, s)} families drawn without replacement` : 'bootstrap resamples'}: ${readings.join(', ')}.`;
    blocks.push(
      heading('Stability'),
      figureBlock({
        id: 'clusters-stability',
        title: 'Stability of each cluster (mean Jaccard similarity)',
        description: d,
        data: stabilityData,
        spec: barChartSpec({
          values: chartRows(stabilityData, s),
          description: d,
          category: { field: 'cluster', title: 'Cluster' },
          value: { field: 'jaccard', title: 'Mean Jaccard similarity', domain: [0, 1] },
          colour: 1,
        }),
        notes: [`${c.stability.method}. Reading (Hennig 2007): 0.75 or more stable; 0.6 to 0.75 a pattern whose members are doubtful; below 0.6 not to be trusted.`],
      }),
    );
  }
  blocks.push(
    bulletList([
      // The within-cluster sum of squares is not published: over 0/1 needs it is
      // Σ count × (size − count) / size, a relation that could give back a suppressed count.
      `Method: ${c.method}, k = ${c.k} (${c.kChosenBy === 'given' ? 'given' : `chosen by ${c.kChosenBy}`}), ${formatNumber(c.restarts, s)} starts, seed ${c.seed}.`,
      c.missingRule,
    ]),
  );
  return { file: 'clusters.html', title: 'Groups of need (clusters)', blocks };
}

/** Need labels by id, from the needs section. */
function needLabels(results: ReportResults): Map<string, string> {
  return new Map(results.needs.prevalence.map((r) => [r.id, r.label]));
}

/**
 * The base of the cluster shares: the families clustered, or all families when that total
 * is suppressed (a few families left out make it, with the sizes, a giveaway).
 */
function shareBase(counts: PublishedCounts): { key: string; title: string } {
  return isSuppressed(counts.get(clusterKeys.clustered))
    ? { key: 'input:families', title: 'Of all families (%)' }
    : { key: clusterKeys.clustered, title: 'Of families clustered (%)' };
}

/** The first `max` items joined with semicolons, and how many more there are. */
function listed(items: readonly string[], max: number): string {
  if (items.length === 0) return 'none';
  const head = items.slice(0, max).join('; ');
  return items.length > max ? `${head}; and ${items.length - max} more` : head;
}

/**
 * The size of stability subsets in words: "half the" when it is half the cohort (so the
 * page does not give the exact cohort size that rounded totals hide), else the number (a
 * constant or the user's own setting).
 */
function subsetWords(rows: number, families: number, symbol: string): string {
  return rows === Math.floor(families / 2) ? 'half the' : formatNumber(rows, symbol);
}
