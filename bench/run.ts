/**
 * `npm run bench [-- --sizes 5486,100000,1000000] [--seed S] [--k K] [--skip-peers]`
 *
 * (default sizes 5486,100000,1000000: ~15 minutes on 2 cores, ~1.3 GB of CSV cached for the
 * million). The whole `earlyhelp report` runs with its defaults (k chosen) unless --k is given.
 * Synthesises cohorts of each size (cached in bench/data/, streamed to disk so sizes
 * beyond one JavaScript string work), then times each stage of the evaluation on them:
 * reading and validating, need prevalence, clustering (k = 9, 10 restarts), progress,
 * outcomes, CHAID, report rendering, and the whole `earlyhelp report` run as a separate
 * process with its peak memory. In the same run it measures the peers where installed:
 * pandas reading the same files (and a group-by), scikit-learn KMeans (lloyd, n_init=10)
 * on the same need matrix. Writes a Markdown table to bench/results/ and prints it.
 * Performance targets live here, never in timed tests.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { readCohort } from '../src/io/read-cohort.js';
import { synthCohortChunks } from '../src/synth/synth-cohort-chunks.js';
import { needPrevalence } from '../src/needs/need-prevalence.js';
import { clusterNeeds } from '../src/cluster/cluster-needs.js';
import { computeFamilyProgress } from '../src/progress/compute-family-progress.js';
import { progressSummary } from '../src/progress/progress-summary.js';
import { familyProgressCategories } from '../src/progress/family-progress-categories.js';
import { outcomesAnalysis } from '../src/outcomes/outcomes-analysis.js';
import { treeAnalysis } from '../src/tree/tree-analysis.js';
import { evaluate } from '../src/evaluate.js';
import { renderReport } from '../src/report/render-report.js';
import { toolInfo } from '../src/cli/tool-info.js';
import { benchCluster } from './cluster/bench-cluster.js';

const ROOT = new URL('../', import.meta.url).pathname;
const PY = '/usr/bin/python3';

interface Row {
  size: number;
  stage: string;
  seconds: number;
  familiesPerSecond: number | null;
  peakRssMB: number | null;
  note: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const sizes = (arg('--sizes') ?? '5486,100000,1000000').split(',').map(Number);
const reportK = arg('--k');
const seed = Number(arg('--seed') ?? 1);
const skipPeers = process.argv.includes('--skip-peers');
const rows: Row[] = [];
const loadAtStart = loadavg()[0]!.toFixed(1);
/** Peak resident memory of this process so far, MB. */
const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function ensureCohort(n: number): Promise<string> {
  const dir = join(ROOT, 'bench', 'data', `families-${n}-seed-${seed}`);
  if (existsSync(join(dir, 'done'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const names = ['families', 'children', 'star', 'plans'] as const;
  const streams = Object.fromEntries(names.map((f) => [f, createWriteStream(join(dir, `${f}.csv`))]));
  for (const chunk of synthCohortChunks({ families: n, seed })) {
    for (const f of names) {
      if (!streams[f]!.write(chunk[f])) await once(streams[f]!, 'drain');
    }
  }
  await Promise.all(names.map((f) => new Promise((res) => streams[f]!.end(res))));
  writeFileSync(join(dir, 'done'), '');
  return dir;
}

function time<T>(size: number, stage: string, f: () => T, note = ''): T {
  const t = performance.now();
  const out = f();
  const seconds = (performance.now() - t) / 1000;
  rows.push({ size, stage, seconds, familiesPerSecond: size / seconds, peakRssMB: rssMB(), note });
  process.stderr.write(`  ${stage}: ${seconds.toFixed(2)} s\n`);
  return out;
}

async function timeAsync<T>(size: number, stage: string, f: () => Promise<T>, note = ''): Promise<T> {
  const t = performance.now();
  const out = await f();
  const seconds = (performance.now() - t) / 1000;
  rows.push({ size, stage, seconds, familiesPerSecond: size / seconds, peakRssMB: rssMB(), note });
  process.stderr.write(`  ${stage}: ${seconds.toFixed(2)} s\n`);
  return out;
}

function pandasPeer(size: number, dir: string): void {
  const script = `
import json, time, resource, pandas as pd
t = time.perf_counter()
fam = pd.read_csv("${dir}/families.csv", dtype=str, keep_default_na=False)
ch = pd.read_csv("${dir}/children.csv", dtype=str, keep_default_na=False)
st = pd.read_csv("${dir}/star.csv", dtype={"family_id": str, "domain": str, "reading_date": str, "reading": "int64"})
pl = pd.read_csv("${dir}/plans.csv", dtype=str, keep_default_na=False)
read = time.perf_counter() - t
t = time.perf_counter()
st["reading_date"] = pd.to_datetime(st["reading_date"], format="%Y-%m-%d")
g = st.groupby(["family_id", "domain"]).agg(first=("reading_date", "min"), last=("reading_date", "max"), n=("reading", "size"))
needs = fam[[c for c in fam.columns if c.startswith("need_")]].apply(pd.to_numeric, errors="coerce").mean()
group = time.perf_counter() - t
print(json.dumps({"read": read, "groupby": group, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "version": pd.__version__}))
`;
  const r = spawnSync(PY, ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    rows.push({ size, stage: 'peer: pandas read', seconds: NaN, familiesPerSecond: null, peakRssMB: null, note: `not measured: ${r.stderr.trim().split('\n').pop()}` });
    return;
  }
  const o = JSON.parse(r.stdout) as { read: number; groupby: number; rss: number; version: string };
  rows.push({ size, stage: 'peer: pandas read_csv (4 files)', seconds: o.read, familiesPerSecond: size / o.read, peakRssMB: Math.round(o.rss / 2 ** 20), note: `pandas ${o.version}` });
  rows.push({ size, stage: 'peer: pandas group-bys', seconds: o.groupby, familiesPerSecond: size / o.groupby, peakRssMB: null, note: 'dates parsed, star first/last date per family×domain, need means' });
}

function wholeReport(size: number, dir: string): void {
  const out = join(ROOT, 'bench', 'data', `report-${size}`);
  const t = performance.now();
  const kArgs = reportK === undefined ? [] : ['--k', reportK];
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(ROOT, 'bin/earlyhelp.js'), 'report', dir, '--out', out, '--seed', String(seed), ...kArgs], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const seconds = (performance.now() - t) / 1000;
  const lines = r.stderr.trim().split('\n');
  const kb = Number(lines[lines.length - 1]);
  rows.push({
    size,
    stage: 'whole `earlyhelp report` (process)',
    seconds,
    familiesPerSecond: size / seconds,
    peakRssMB: Number.isFinite(kb) ? Math.round(kb / 1024) : null,
    note: r.status === 0 ? (reportK === undefined ? 'defaults: k chosen' : `k = ${reportK}`) : `failed (exit ${r.status}): ${lines.slice(-2, -1).join(' ')}`,
  });
  process.stderr.write(`  whole report: ${seconds.toFixed(1)} s, exit ${r.status}\n`);
}

async function main(): Promise<void> {
  for (const size of sizes) {
    process.stderr.write(`cohort of ${size} families\n`);
    const dir = await timeAsync(size, 'synthesise (cached after the first run)', () => ensureCohort(size));
    const read = await timeAsync(size, 'read and validate', () => readCohort(dir));
    if (!read.cohort || !read.summary) throw new Error('the synthetic cohort did not validate');
    const cohort = read.cohort;
    time(size, 'need prevalence', () => needPrevalence(cohort));
    const clusters = time(size, 'clustering (k = 9, 10 restarts)', () =>
      clusterNeeds(cohort, { k: 9, restarts: 10, seed, stability: false, crossTabs: false }),
    );
    const family = time(size, 'progress (k-means bands)', () => {
      const p = computeFamilyProgress(cohort, { bands: { method: 'kmeans', seed } });
      progressSummary(p);
      return p;
    });
    time(size, 'outcomes', () => outcomesAnalysis(cohort, { clusters: { name: 'cluster', values: clusters.assignments } }));
    time(size, 'CHAID (social care after)', () =>
      treeAnalysis(cohort, {
        target: 'social_care_after',
        clusters: { name: 'cluster', values: clusters.assignments },
        clusterGroups: { name: 'cluster_group', values: clusters.groupAssignments },
        progressCategory: familyProgressCategories(family),
      }),
    );
    const results = time(size, `evaluate (all analyses, ${reportK === undefined ? 'k chosen' : `k = ${reportK}`})`, () =>
      evaluate(cohort, read.config, read.summary!, { seed, tool: toolInfo(), ...(reportK === undefined ? {} : { cluster: { k: Number(reportK) } }) }),
    );
    await timeAsync(size, 'render report pages', () => renderReport(results, { disclosure: read.config.disclosure }));
    wholeReport(size, dir);
    if (!skipPeers) {
      pandasPeer(size, dir);
      const ours = rows.find((r) => r.size === size && r.stage === 'read and validate');
      const theirs = rows.find((r) => r.size === size && r.stage === 'peer: pandas read_csv (4 files)');
      if (ours && theirs && Number.isFinite(theirs.seconds)) {
        ours.note = `${(ours.seconds / theirs.seconds).toFixed(2)}× pandas read_csv of the same files (which neither validates nor parses dates)`;
      }
      const c = await benchCluster({ families: size, seed });
      for (const r of c.rows) rows.push({ size, stage: r.stage.startsWith('cluster bench') ? r.stage : `cluster bench: ${r.stage}`, seconds: r.seconds, familiesPerSecond: size / r.seconds, peakRssMB: null, note: r.note ?? '' });
    }
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}; load average at the start ${loadAtStart}, at the end ${loadavg()[0]!.toFixed(1)}`;
  const fmt = (x: number | null, d = 2) => (x === null || !Number.isFinite(x) ? '' : x.toLocaleString('en-GB', { maximumFractionDigits: d }));
  const table = [
    `# Benchmark ${new Date().toISOString()}`,
    '',
    `Machine: ${machine}. Seed ${seed}. Command: npm run bench -- --sizes ${sizes.join(',')}${reportK === undefined ? '' : ` --k ${reportK}`}`,
    '',
    '| families | stage | seconds | families/s | peak RSS MB | note |',
    '| ---: | --- | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.size.toLocaleString('en-GB')} | ${r.stage} | ${fmt(r.seconds)} | ${fmt(r.familiesPerSecond, 0)} | ${fmt(r.peakRssMB, 0)} | ${r.note} |`),
    '',
  ].join('\n');
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const file = join(ROOT, 'bench', 'results', `bench-${sizes.join('-')}.md`);
  writeFileSync(file, table);
  process.stdout.write(`${table}\nwritten to ${file}\n`);
}

await main();
