// %% [markdown]
// # Leicestershire 2018: the evaluation's analyses on the demo cohort
//
// In 2018 Leicestershire County Council evaluated its Early Help services for the 5,486
// families supported from 2013 to 2017. The evaluation counted how common each need was at
// the start, grouped families into **nine clusters in four groups** by their needs, measured
// progress on the **Family Star Plus** (ten domains, and a 3×3 matrix of start and end
// segments), and grew **CHAID** trees of what went with children's social care after Early
// Help.
//
// This notebook runs the same analyses with the workbench and puts each result beside the
// figure the evaluation published (`../shared/reference/published-figures.json`). It runs on
// the **demo cohort**: synthetic families calibrated to those published figures, with nine
// need clusters planted in them. Agreement here shows that the workbench recovers what the
// demo cohort was built to contain; it is not a new finding about Leicestershire.
//
// To run it on your own cohort, replace `synthCohortWithTruth()` with your cohort (see the
// `new-cohort` notebook) and drop the comparisons with the planted clusters.

// %%
import { readFileSync } from 'node:fs';
import {
  computeFamilyProgress,
  familyProgressCategories,
  familyStartScores,
  needPrevalence,
  progressByGroup,
  progressSummary,
  resolveConfig,
  socialCareOutcomes,
  STAR_DOMAINS,
  synthCohortWithTruth,
  treeAnalysis,
  clusterNeeds,
  show,
} from '../src/index.js';

/** The figures of the Leicestershire evaluation this notebook uses. */
interface Leicestershire2018 {
  familiesSupported2013to2017: number;
  needPrevalenceAtStartPercent: Record<string, number>;
  needClusterFamilies: number;
  needClusters: { id: string; group: string; level: string; families: number }[];
  madeProgressInAtLeastOneDomainPercent: number;
  notReReferredPercent: number;
  socialCareInvolvementPercent: { before: number; during: number; after: number };
  childProtectionPlanAfterPercent: number;
  domainProgressPercent: Record<string, number>;
  progressMatrixPercent: { cells: number[][] };
  progressCategoriesPercent: { higherThanAverage: number; lowerThanAverage: number };
  higherThanAverageProgressByClusterPercent: Record<string, number>;
  lowerThanAverageProgressByClusterPercent: Record<string, number>;
  chaidFindings: string[];
}
const published = (
  JSON.parse(readFileSync(new URL('../../shared/reference/published-figures.json', import.meta.url), 'utf8')) as {
    leicestershire2018: Leicestershire2018;
  }
).leicestershire2018;

const { cohort, truth } = synthCohortWithTruth();
const config = resolveConfig();
const label = (id: string): string => config.indicators[id]?.label ?? id;

show.count('Families in the demo cohort', cohort.families.length, { key: 'families' });
show.value('Families supported 2013–2017 (published)', published.familiesSupported2013to2017);
show.value('Need indicators recorded', cohort.needIds.length);

// %% [markdown]
// ## Needs at the start
//
// A need indicator is recorded for a family at the start of the intervention. A blank cell
// is *not recorded*, never "no": each percentage is of the families with that indicator
// recorded, with a 95% Wilson score interval. The evaluation published the sixteen most
// common needs; the bars are the demo cohort and the black marks the published percentages.

// %%
const needs = needPrevalence(cohort, { indicators: config.indicators });
const needById = new Map(needs.prevalence.map((row) => [row.id, row]));
const publishedNeeds = Object.entries(published.needPrevalenceAtStartPercent);

show.table(
  'Needs at the start: demo cohort and published evaluation',
  publishedNeeds.map(([id, percent]) => {
    const row = needById.get(id)!;
    return { need: row.label, families: row.count, recorded: row.denominator, low: row.ci95[0], high: row.ci95[1], published: percent };
  }),
  {
    columns: [
      { name: 'need', title: 'Need at the start', kind: 'text' },
      { name: 'families', title: 'Families with the need', kind: 'count' },
      { name: 'recorded', title: 'Families with it recorded', kind: 'count', hidden: true },
      { name: 'percent', title: 'Demo cohort (%)', kind: 'percent', of: ['families', 'recorded'] },
      { name: 'low', title: '95% interval, lower (%)', kind: 'number', percent: true, decimals: 1, with: 'percent' },
      { name: 'high', title: '95% interval, upper (%)', kind: 'number', percent: true, decimals: 1, with: 'percent' },
      { name: 'published', title: 'Published (%)', kind: 'published', percent: true, decimals: 0 },
    ],
    description: 'The sixteen needs the evaluation published, most common first: the share of demo families with each need at the start, beside the published percentage.',
    chart: { type: 'comparison', category: 'need', value: 'percent', published: 'published' },
  },
);
show.value('Mean needs per family (every indicator recorded)', needs.needsPerFamily.mean, { decimals: 1 });
show.value('Median needs per family', needs.needsPerFamily.median, { decimals: 0 });

// %% [markdown]
// ## Nine clusters in four groups
//
// Families are clustered by their 0/1 need indicators with k-means (k-means++ starts,
// Arthur & Vassilvitskii 2007), as the evaluation did, with **k = 9** given. The clusters are
// then put into **four groups** by the similarity of their centres and given a level of need
// (LOW, MID, HIGH) within their group by the mean number of needs of their families.
// Stability is the mean Jaccard similarity of each cluster with its best match over
// bootstrap refits (Hennig 2007): 0.75 or more stable; 0.6 to 0.75 a pattern whose members are
// doubtful; below 0.6 not to be trusted.
//
// The notebook uses 10 starts and 20 bootstrap resamples to stay quick; the report uses 25
// and 100.

// %%
const clusters = clusterNeeds(cohort, { k: 9, restarts: 10, stability: { resamples: 20 }, seed: 1, indicators: config.indicators });
const clustered = clusters.families.clustered;
show.value('Clusters (k, given)', clusters.k);
show.value('k-means++ starts', clusters.restarts);
show.value('Within-cluster sum of squares', clusters.inertia, { decimals: 1 });
show.proportion('Families clustered (every indicator recorded)', clustered, cohort.families.length, { baseKey: 'families' });

// The planted cluster (A–I, as published) that most of each fitted cluster's families come from.
const plantedIds = published.needClusters.map((c) => c.id);
const crossCounts = clusters.clusters.map((c) =>
  plantedIds.map((p) => cohort.families.filter((_, f) => clusters.assignments[f] === c.label && truth.cluster[f] === p).length),
);
const majority = crossCounts.map((row) => plantedIds[row.indexOf(Math.max(...row))]!);
const publishedCluster = new Map(published.needClusters.map((c) => [c.id, c]));

show.table(
  'The nine clusters: size, group and level, beside the published cluster they match',
  clusters.clusters.map((c, i) => {
    const match = publishedCluster.get(majority[i]!)!;
    return {
      cluster: c.label,
      name: c.name,
      level: c.level,
      families: c.size,
      clustered,
      stability: c.stability?.meanJaccard ?? null,
      matches: `${match.id}: ${match.group} (${match.level})`,
      published: (100 * match.families) / published.needClusterFamilies,
    };
  }),
  {
    columns: [
      { name: 'cluster', title: 'Cluster', kind: 'text' },
      { name: 'name', title: 'Group and distinctive needs', kind: 'text' },
      { name: 'level', title: 'Level', kind: 'text' },
      { name: 'families', title: 'Families', kind: 'count', key: 'cluster-size' },
      { name: 'clustered', title: 'Families clustered', kind: 'count', hidden: true, key: 'clustered', keyBy: null },
      { name: 'percent', title: 'Demo cohort (%)', kind: 'percent', of: ['families', 'clustered'] },
      { name: 'stability', title: 'Stability (mean Jaccard)', kind: 'number', decimals: 2, with: 'families' },
      { name: 'matches', title: 'Most of its families are in planted cluster', kind: 'text' },
      { name: 'published', title: 'That cluster, published (% of 787)', kind: 'published', percent: true, decimals: 0 },
    ],
    rowKey: 'cluster',
    description: 'The share of clustered families in each fitted cluster, beside the published share of the Leicestershire cluster that most of its families were planted in.',
    chart: { type: 'comparison', category: 'cluster', value: 'percent', published: 'published' },
  },
);

show.table(
  'Groups of clusters',
  clusters.groups.map((g) => ({
    group: g.name,
    clusters: g.clusters.join(', '),
    families: clusters.clusters.filter((c) => g.clusters.includes(c.label)).reduce((s, c) => s + c.size, 0),
    clustered,
  })),
  {
    columns: [
      { name: 'group', title: 'Group', kind: 'text' },
      { name: 'clusters', title: 'Clusters', kind: 'text' },
      { name: 'families', title: 'Families', kind: 'count' },
      { name: 'clustered', title: 'Families clustered', kind: 'count', hidden: true, key: 'clustered', keyBy: null },
      { name: 'percent', title: 'Families clustered (%)', kind: 'percent', of: ['families', 'clustered'] },
    ],
    rowKey: 'group',
    notes: ['Published groups: Adults requiring support (A LOW, B HIGH); Domestic abuse families (C LOW, D HIGH); Lower needs families (E LOW, F HIGH); SEND families (G LOW, H MID, I HIGH).'],
  },
);

show.crossTab(
  'Fitted clusters against the planted clusters',
  {
    rowTitle: 'Fitted cluster',
    columnTitle: 'Planted cluster',
    rowLabels: clusters.clusters.map((c) => c.label),
    columnLabels: plantedIds,
    counts: crossCounts,
  },
  {
    percents: 'row',
    description: 'For each fitted cluster (rows), the share of its families in each planted cluster (columns): a dark cell per row means the planted cluster was found.',
  },
);
const matched = crossCounts.reduce((s, row) => s + Math.max(...row), 0);
show.proportion('Families in the planted cluster their fitted cluster matches', matched, clustered, { baseKey: 'clustered' });

// %% [markdown]
// What marks each cluster: the share of its families with each of the sixteen published
// needs. Darker cells are higher; compare a column with the overall shares above.

// %%
const sizeOf = new Map(clusters.clusters.map((c) => [c.label, c.size]));
show.table(
  'The published needs in each cluster',
  publishedNeeds.flatMap(([id]) =>
    clusters.clusters.map((c) => {
      const entry = c.needs.find((n) => n.id === id)!;
      return { need: label(id), cluster: c.label, families: entry.count, size: sizeOf.get(c.label)! };
    }),
  ),
  {
    columns: [
      { name: 'need', title: 'Need at the start', kind: 'text' },
      { name: 'cluster', title: 'Cluster', kind: 'text' },
      { name: 'families', title: 'Families with the need', kind: 'count' },
      { name: 'size', title: 'Families in the cluster', kind: 'count', hidden: true, key: 'cluster-size', keyBy: 'cluster' },
      { name: 'percent', title: 'Families in the cluster (%)', kind: 'percent', of: ['families', 'size'] },
    ],
    description: 'For each published need (rows) and fitted cluster (columns), the percentage of the cluster’s families with the need.',
    chart: { type: 'heatmap', row: 'need', column: 'cluster', value: 'percent' },
  },
);

// %% [markdown]
// ## Family Star Plus progress
//
// A family is in the progress analysis when at least one of its ten domains has readings on
// two different dates. Its **start score** and **end score** are the means of its first and
// last readings over those domains. Each score is put in a segment, Lower, Middle or
// Higher, by one k-means (k = 3) fitted on the pooled start and end reading vectors and
// ordered by mean reading, as the evaluation did, so that the start and end segments mean
// the same thing. The 3×3 **progress matrix** counts families by start segment (rows) and
// end segment (columns): above the diagonal is *higher than average progress*, below it
// *lower than average progress*.

// %%
const family = computeFamilyProgress(cohort, { bands: { method: 'kmeans', seed: 1 } });
const progress = progressSummary(family);
show.proportion('Families in the progress analysis', progress.eligibleFamilies, cohort.families.length, { key: 'progress-families', baseKey: 'families' });

show.crossTab(
  'Progress matrix: start segment by end segment',
  {
    rowTitle: 'Start segment',
    columnTitle: 'End segment',
    rowLabels: progress.matrix.segments,
    columnLabels: progress.matrix.segments,
    counts: progress.matrix.counts,
  },
  {
    percents: 'total',
    published: published.progressMatrixPercent.cells,
    description: 'Families by the segment of their start score (rows) and end score (columns), as a percentage of all families in the analysis, with the published percentage of each cell.',
  },
);

const categories = progress.categories;
show.table(
  'Movement between segments',
  [
    { movement: 'Higher than average progress (moved up)', families: categories.up, all: categories.denominator, published: published.progressCategoriesPercent.higherThanAverage },
    { movement: 'As expected (same segment)', families: categories.same, all: categories.denominator, published: null },
    { movement: 'Lower than average progress (moved down)', families: categories.down, all: categories.denominator, published: published.progressCategoriesPercent.lowerThanAverage },
  ],
  {
    columns: [
      { name: 'movement', title: 'Movement', kind: 'text' },
      { name: 'families', title: 'Families', kind: 'count' },
      { name: 'all', title: 'Families in the analysis', kind: 'count', hidden: true, key: 'progress-families', keyBy: null },
      { name: 'percent', title: 'Demo cohort (%)', kind: 'percent', of: ['families', 'all'] },
      { name: 'published', title: 'Published (%)', kind: 'published', percent: true, decimals: 0 },
    ],
    rowKey: 'movement',
    chart: { type: 'comparison', category: 'movement', value: 'percent', published: 'published' },
  },
);

// %% [markdown]
// **Domain progress**: among the families whose domain has change, the share whose end
// stage (Journey of Change: readings 1–2 Stuck … 9–10 Effective parenting) is above their
// start stage. The p-value is a paired Wilcoxon signed-rank test of end against start
// readings.

// %%
show.proportion(
  'Families who progressed in at least one domain (published: ' + published.madeProgressInAtLeastOneDomainPercent + '%)',
  progress.anyDomainProgressed,
  progress.eligibleFamilies,
  { baseKey: 'progress-families' },
);
show.table(
  'Families moving up at least one stage, by domain',
  [...progress.domains]
    .sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0))
    .map((d) => ({
      domain: d.id.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
      progressed: d.progressed,
      families: d.families,
      p: d.change.wilcoxon?.p ?? null,
      published: published.domainProgressPercent[d.id] ?? null,
    })),
  {
    columns: [
      { name: 'domain', title: 'Family Star domain', kind: 'text' },
      { name: 'progressed', title: 'Families moving up', kind: 'count' },
      { name: 'families', title: 'Families with change in the domain', kind: 'count' },
      { name: 'percent', title: 'Demo cohort (%)', kind: 'percent', of: ['progressed', 'families'] },
      { name: 'p', title: 'Wilcoxon p', kind: 'number', decimals: 4, with: 'percent' },
      { name: 'published', title: 'Published (%)', kind: 'published', percent: true, decimals: 0 },
    ],
    description: 'The share of families moving up at least one Journey of Change stage in each domain, beside the published share.',
    chart: { type: 'comparison', category: 'domain', value: 'percent', published: 'published' },
    notes: [`${STAR_DOMAINS.length} domains; a family counts in a domain when that domain has readings on two dates.`],
  },
);

// %% [markdown]
// **Progress by cluster.** The evaluation listed the clusters with the highest shares of
// higher than average progress (I, B, C, A, G) and of lower than average progress (I, H, C,
// D). The demo cohort's planted clusters carry those labels, so the comparison is by
// planted cluster; each share is tested against the other clusters (two-proportion z test,
// Holm-adjusted).

// %%
const byPlanted = progressByGroup(family, { name: 'planted cluster', values: truth.cluster });
show.table(
  'Higher and lower than average progress by planted cluster',
  byPlanted.groups.map((g) => ({
    cluster: g.label,
    families: g.up.n,
    up: g.up.count,
    same: g.up.n - g.up.count - g.down.count,
    down: g.down.count,
    publishedUp: published.higherThanAverageProgressByClusterPercent[g.label] ?? null,
    publishedDown: published.lowerThanAverageProgressByClusterPercent[g.label] ?? null,
  })),
  {
    columns: [
      { name: 'cluster', title: 'Planted cluster', kind: 'text' },
      { name: 'families', title: 'Families in the analysis', kind: 'count' },
      { name: 'up', title: 'Moved up', kind: 'count' },
      { name: 'same', title: 'Same segment', kind: 'count', hidden: true },
      { name: 'down', title: 'Moved down', kind: 'count' },
      { name: 'upPercent', title: 'Moved up (%)', kind: 'percent', of: ['up', 'families'] },
      { name: 'publishedUp', title: 'Published higher than average (%)', kind: 'published', percent: true, decimals: 0 },
      { name: 'downPercent', title: 'Moved down (%)', kind: 'percent', of: ['down', 'families'] },
      { name: 'publishedDown', title: 'Published lower than average (%)', kind: 'published', percent: true, decimals: 0 },
    ],
    sums: [{ total: 'families', parts: ['up', 'same', 'down'] }],
    rowKey: 'cluster',
    description: 'The share of each planted cluster’s families moving up a segment, beside the published share where the evaluation gave one.',
    chart: { type: 'comparison', category: 'cluster', value: 'upPercent', published: 'publishedUp' },
  },
);

// %% [markdown]
// ## Social care after Early Help, and a CHAID tree of what goes with it
//
// Children's social care involvement before, during and after the intervention, child
// protection plans after, and re-referral, each as a share of the families with the value
// recorded.

// %%
const care = socialCareOutcomes(cohort).overall;
const notReReferred = care.reReferred.denominator - care.reReferred.count;
show.table(
  'Social care and re-referral: demo cohort and published evaluation',
  [
    { measure: 'Social care involvement before', families: care.before.count, recorded: care.before.denominator, published: published.socialCareInvolvementPercent.before },
    { measure: 'Social care involvement during', families: care.during.count, recorded: care.during.denominator, published: published.socialCareInvolvementPercent.during },
    { measure: 'Social care involvement after', families: care.after.count, recorded: care.after.denominator, published: published.socialCareInvolvementPercent.after },
    { measure: 'Child protection plan after', families: care.cpPlanAfter.count, recorded: care.cpPlanAfter.denominator, published: published.childProtectionPlanAfterPercent },
    { measure: 'Not re-referred to Early Help', families: notReReferred, recorded: care.reReferred.denominator, published: published.notReReferredPercent },
  ],
  {
    columns: [
      { name: 'measure', title: 'Measure', kind: 'text' },
      { name: 'families', title: 'Families', kind: 'count' },
      { name: 'recorded', title: 'Families with it recorded', kind: 'count' },
      { name: 'percent', title: 'Demo cohort (%)', kind: 'percent', of: ['families', 'recorded'] },
      { name: 'published', title: 'Published (%)', kind: 'published', percent: true, decimals: 0 },
    ],
    rowKey: 'measure',
    chart: { type: 'comparison', category: 'measure', value: 'percent', published: 'published' },
  },
);

// %% [markdown]
// **CHAID** (Kass 1980, with the Bonferroni adjustments of Biggs, de Ville & Suen 1991)
// splits the families, step by step, on the predictor whose categories differ most in the
// share with social care after, merging categories that do not differ (chi-square, alpha
// 0.05), as SPSS does by default (depth 3, parent at least 100 families, child at least 50).
// The predictors follow the evaluation's findings: the need cluster, months of involvement,
// female adults in the household, three needs at the start, and Family Star progress.
//
// The published findings, in the evaluation's words:

// %%
for (const [i, finding] of published.chaidFindings.entries()) show.value(`Published finding ${i + 1}`, finding);

const tree = treeAnalysis(cohort, {
  target: 'social_care_after',
  clusters: { name: 'cluster', values: clusters.assignments },
  progressCategory: familyProgressCategories(family),
  startScore: familyStartScores(cohort),
  predictors: [
    'cluster',
    'months_of_involvement',
    'female_adults',
    'need_negative_child_lifestyle',
    'need_adult_mental_health_low_level',
    'need_limited_support_network',
    'progress_category',
  ],
});
const leaves = tree.rules;
show.table(
  'CHAID of social care after: the terminal nodes',
  [
    ...leaves.map((rule) => ({
      node: `Node ${rule.node}`,
      path: rule.conditions.join(' AND '),
      families: rule.n,
      after: rule.count,
      notAfter: rule.n - rule.count,
    })),
    { node: 'All families in the tree', path: '', families: tree.n, after: tree.nodes[0]!.distribution['1'] ?? 0, notAfter: tree.nodes[0]!.distribution['0'] ?? 0 },
  ],
  {
    columns: [
      { name: 'node', title: 'Node', kind: 'text' },
      { name: 'path', title: 'Families where', kind: 'text' },
      { name: 'families', title: 'Families', kind: 'count' },
      { name: 'after', title: 'With social care after', kind: 'count' },
      { name: 'notAfter', title: 'Without', kind: 'count', hidden: true },
      { name: 'percent', title: 'With social care after (%)', kind: 'percent', of: ['after', 'families'] },
    ],
    rowKey: 'node',
    sums: [{ total: 'families', parts: ['after', 'notAfter'] }],
    totalRow: 'All families in the tree',
    description: 'Each terminal node of the CHAID tree: the families it holds and the share with children’s social care after Early Help.',
    chart: { type: 'bar', category: 'node', value: 'percent' },
  },
);
show.count('Families left out of the tree (social care after not recorded)', tree.excluded.missingTarget);
show.value('Splits in the tree', tree.nodes.filter((n) => n.split !== null).length);
show.value('First split', tree.nodes[0]!.split ? `${tree.nodes[0]!.split.variable} (adjusted p ${tree.nodes[0]!.split.pAdjusted.toExponential(2)})` : 'none');

// %% [markdown]
// ## Reading the comparison
//
// - The needs, the progress matrix, the domain shares and the social care shares of the
//   demo cohort sit close to the published figures because the demo cohort was calibrated
//   to them; a council's own cohort will differ, and that difference is the finding.
// - The fitted clusters are labelled by the workbench (A, B, … in its own order). The
//   cross-tabulation with the planted clusters shows how well k-means with k = 9 recovers
//   them; on real data there is no planted truth, and the stability column is the guide.
// - Every count on this page has been through disclosure control: counts from 1 to 5 show
//   as `[c]`, and other counts are suppressed where a total would give a small one away.
