// %% [markdown]
// # Targeting resources: this month's referrals in the saved clusters
//
// A service manager wants to know, for the families referred this month, which groups of
// need they fall into and what the families of those groups went on to need before. The
// workbench does it in three steps:
//
// 1. **fit** the need clusters once on a past cohort (here the demo cohort, k = 9) and
//    **save the model** (plain JSON: the centroids, names, groups and levels);
// 2. **assign** this month's referrals to the saved clusters (`assignToModel`: the nearest
//    centroid over the need indicators; a family farther than the model's 99th percentile
//    distance from every centroid is flagged as unlike any cluster);
// 3. show, **by cluster**, what the training cohort's families of that cluster went on to:
//    Family Star progress (the share moving up a segment), children's social care after
//    Early Help, and re-referral.
//
// The same on the command line:
//
// ```sh
// earlyhelp cluster past-cohort/ --k 9 --model-out clusters.json
// earlyhelp assign this-month/ --model clusters.json --assignments this-month-clusters.csv
// ```
//
// "This month's referrals" here are a second synthetic cohort (300 families, another seed).

// %%
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assignToModel,
  clusterNeeds,
  computeFamilyProgress,
  loadClusterModel,
  progressByGroup,
  resolveConfig,
  socialCareOutcomes,
  synthCohort,
  show,
} from '../src/index.js';

const training = synthCohort();
const config = resolveConfig();
show.count('Families in the training cohort', training.families.length, { key: 'training' });

// %% [markdown]
// ## Step 1: fit and save the clusters
//
// k-means with k-means++ starts on the 0/1 need indicators of every family with all of them
// recorded (10 starts here; the default is 25).

// %%
const fitted = clusterNeeds(training, { k: 9, restarts: 10, stability: false, seed: 1, indicators: config.indicators });
const work = mkdtempSync(join(tmpdir(), 'earlyhelp-target-'));
const modelFile = join(work, 'clusters.json');
writeFileSync(modelFile, JSON.stringify(fitted.model, null, 2));
show.value('Model saved', `clusters.json (${fitted.model.kind} version ${fitted.model.version}, ${fitted.model.clusters.length} clusters, ${fitted.model.indicators.length} indicators)`);
show.value('Distance flagged as far (99th percentile of training distances)', fitted.model.distance99, { decimals: 3 });
// Keys tie counts to table cells: a table column with `key: 'training-size'` names the cell of
// row R `training-size|R`, so this count is the total row of the table below.
show.proportion('Training families clustered', fitted.families.clustered, training.families.length, { key: 'training-size|All clusters', baseKey: 'training' });

// %% [markdown]
// ## Step 2: assign this month's referrals
//
// The model is read back from its file and checked (`loadClusterModel`) before use, as
// `earlyhelp assign --model` does. A referral with a blank need indicator gets no cluster
// and is counted.

// %%
const model = loadClusterModel(JSON.parse(readFileSync(modelFile, 'utf8')));
rmSync(work, { recursive: true, force: true });
const referrals = synthCohort({ families: 300, seed: 2024 });
const assigned = assignToModel(referrals, model);
show.count('Referrals this month', assigned.families, { key: 'referrals' });
show.proportion('Assigned to a cluster', assigned.assigned, assigned.families, { key: 'referrals-by-cluster|All clusters', baseKey: 'referrals' });
show.proportion('Far from every cluster (look at these families individually)', assigned.farCount, assigned.assigned, { baseKey: 'referrals-by-cluster|All clusters' });
show.value('Rule', assigned.rule);
show.value('Indicators used', `${assigned.indicators.used.length} of the model's ${model.indicators.length}${assigned.indicators.missing.length ? `; missing from the referrals: ${assigned.indicators.missing.join(', ')}` : ''}`);

// %% [markdown]
// ## Step 3: what each cluster's families went on to
//
// For the training cohort, by fitted cluster: the share of families in the progress
// analysis who moved up a segment of the Family Star matrix (segments from k-means on the
// readings, as in the published evaluation), and the shares with children's social care
// after Early Help and re-referred, each of the families with the value recorded.

// %%
const grouping = { name: 'cluster', values: fitted.assignments };
const progress = progressByGroup(computeFamilyProgress(training, { bands: { method: 'kmeans', seed: 1 } }), grouping);
const care = socialCareOutcomes(training, { clusters: grouping }).byGroup!;
const referralsIn = new Map(assigned.counts.map((c) => [c.label, c.count]));

const byCluster = model.clusters.map((c) => {
  const p = progress.groups.find((g) => g.label === c.label)!;
  const s = care.groups.find((g) => g.group === c.label)!;
  return {
    cluster: c.label,
    name: `${c.group} (${c.level})`,
    referrals: referralsIn.get(c.label) ?? 0,
    trained: fitted.clusters.find((k) => k.label === c.label)!.size,
    inProgress: p.up.n,
    up: p.up.count,
    careRecorded: s.after.denominator,
    careAfter: s.after.count,
    reRecorded: s.reReferred.denominator,
    reReferred: s.reReferred.count,
  };
});
const sum = (pick: (r: (typeof byCluster)[number]) => number): number => byCluster.reduce((t, r) => t + pick(r), 0);
const allClusters = {
  cluster: 'All clusters',
  name: '',
  referrals: sum((r) => r.referrals),
  trained: sum((r) => r.trained),
  inProgress: sum((r) => r.inProgress),
  up: sum((r) => r.up),
  careRecorded: sum((r) => r.careRecorded),
  careAfter: sum((r) => r.careAfter),
  reRecorded: sum((r) => r.reRecorded),
  reReferred: sum((r) => r.reReferred),
};
show.table('This month’s referrals by cluster, with what the cluster’s families went on to', [...byCluster, allClusters], {
  columns: [
    { name: 'cluster', title: 'Cluster', kind: 'text' },
    { name: 'name', title: 'Group (level of need)', kind: 'text' },
    { name: 'referrals', title: 'Referrals this month', kind: 'count', key: 'referrals-by-cluster' },
    { name: 'trained', title: 'Training families', kind: 'count', key: 'training-size' },
    { name: 'inProgress', title: 'In the progress analysis', kind: 'count', hidden: true },
    { name: 'up', title: 'Moved up a segment', kind: 'count', hidden: true },
    { name: 'upPercent', title: 'Expected progress: moved up (%)', kind: 'percent', of: ['up', 'inProgress'] },
    { name: 'careRecorded', title: 'Social care after recorded', kind: 'count', hidden: true },
    { name: 'careAfter', title: 'Social care after', kind: 'count', hidden: true },
    { name: 'carePercent', title: 'Social care after (%)', kind: 'percent', of: ['careAfter', 'careRecorded'] },
    { name: 'reRecorded', title: 'Re-referral recorded', kind: 'count', hidden: true },
    { name: 'reReferred', title: 'Re-referred', kind: 'count', hidden: true },
    { name: 'rePercent', title: 'Re-referred (%)', kind: 'percent', of: ['reReferred', 'reRecorded'] },
  ],
  rowKey: 'cluster',
  totalRow: 'All clusters',
  description: 'The number of this month’s referrals in each cluster, with the training cohort’s shares for the cluster.',
  chart: { type: 'bar', category: 'cluster', value: 'referrals' },
  notes: ['Training families with a need indicator blank are in no cluster; the model was fitted without them.'],
});

show.table(
  'What the families of each cluster went on to (training cohort)',
  byCluster.flatMap((r) => [
    { measure: 'Moved up a segment', cluster: r.cluster, count: r.up, of: r.inProgress },
    { measure: 'Social care after', cluster: r.cluster, count: r.careAfter, of: r.careRecorded },
    { measure: 'Re-referred', cluster: r.cluster, count: r.reReferred, of: r.reRecorded },
  ]),
  {
    columns: [
      { name: 'measure', title: 'Measure', kind: 'text' },
      { name: 'cluster', title: 'Cluster', kind: 'text' },
      { name: 'count', title: 'Families', kind: 'count' },
      { name: 'of', title: 'Of families with it recorded', kind: 'count' },
      { name: 'percent', title: 'Share (%)', kind: 'percent', of: ['count', 'of'] },
    ],
    description: 'For each cluster, the share of its training families who moved up a segment, had social care after, and were re-referred.',
    chart: { type: 'facet-bar', facet: 'measure', category: 'cluster', value: 'percent' },
  },
);

// %% [markdown]
// ## Where the need is likely to be
//
// Multiplying this month's referrals in a cluster by the cluster's past share with social
// care after gives the number of this month's families one would expect to go on to social
// care if nothing changed: a rough guide to where extra support could prevent most
// escalation. It assumes this month's families are like the training families of their
// cluster; a cluster with few referrals or few training families gives a shaky figure.

// %%
const expected = byCluster
  .map((r) => ({
    cluster: r.cluster,
    name: r.name,
    referrals: r.referrals,
    expected: r.careRecorded > 0 ? (r.referrals * r.careAfter) / r.careRecorded : null,
  }))
  .sort((a, b) => (b.expected ?? 0) - (a.expected ?? 0));
show.table('Referrals expected to go on to social care, by cluster', expected, {
  columns: [
    { name: 'cluster', title: 'Cluster', kind: 'text' },
    { name: 'name', title: 'Group (level of need)', kind: 'text' },
    { name: 'referrals', title: 'Referrals this month', kind: 'count', key: 'referrals-by-cluster' },
    { name: 'expected', title: 'Expected with social care after', kind: 'number', decimals: 1, with: 'referrals' },
  ],
  rowKey: 'cluster',
  description: 'This month’s referrals in each cluster times the cluster’s past share with social care after, largest first.',
  chart: { type: 'bar', category: 'cluster', value: 'expected' },
  notes: ['An expectation, not a count of families: suppressed where the referrals it is built on are.'],
});
