/**
 * Benchmark of need clustering, called by `npm run bench` (bench/run.ts): k-means with
 * k = 9 and 10 restarts on a synthetic 0/1 matrix of `families` × 57 indicators, timed for
 * the workbench (one thread, in a child process so its peak memory is its own) and, in the
 * same run when Debian's python3 has scikit-learn, for scikit-learn KMeans (lloyd,
 * n_init=10, its default threads) on the same bytes. Performance targets live here, never
 * in timed tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../src/stats/rng.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const PY = '/usr/bin/python3';
const COLS = 57;
const K = 9;
const RESTARTS = 10;

export interface BenchClusterRow {
  stage: string;
  seconds: number;
  note?: string;
}

/**
 * A 0/1 matrix drawn from a seeded mixture of 9 classes: each class has about a quarter of
 * the indicators common (probability 0.55–0.9) and the rest rare (0.03–0.3), like need data.
 */
export function syntheticNeedMatrix(families: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  const probs = Array.from({ length: K }, () =>
    Array.from({ length: COLS }, () => (rng.float() < 0.25 ? 0.55 + 0.35 * rng.float() : 0.03 + 0.27 * rng.float())),
  );
  const values = new Uint8Array(families * COLS);
  for (let i = 0; i < families; i++) {
    const p = probs[rng.int(0, K - 1)]!;
    for (let j = 0; j < COLS; j++) values[i * COLS + j] = rng.float() < p[j]! ? 1 : 0;
  }
  return values;
}

function hasSklearn(): boolean {
  const r = spawnSync(PY, ['-c', 'import sklearn'], { encoding: 'utf8' });
  return r.status === 0;
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** Times the workbench's k-means and, when available, scikit-learn's, on the same data. */
export async function benchCluster(opts: { families: number; seed: number }): Promise<{ rows: BenchClusterRow[] }> {
  const { families, seed } = opts;
  const rows: BenchClusterRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'earlyhelp-bench-cluster-'));
  try {
    let t = performance.now();
    const values = syntheticNeedMatrix(families, seed);
    const file = join(dir, 'needs.u8');
    writeFileSync(file, values);
    rows.push({ stage: `cluster bench: synthesise ${families} × ${COLS} 0/1 matrix`, seconds: (performance.now() - t) / 1000 });

    t = performance.now();
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(HERE, 'kmeans-child.ts'), file, String(families), String(COLS), String(K), String(RESTARTS), String(seed)],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(`workbench k-means child failed: ${child.stderr.split('\n')[0]}`);
    const mine = JSON.parse(child.stdout) as { seconds: number; cpuSeconds: number; inertia: number; iterations: number[]; peakRssBytes: number };
    rows.push({
      stage: `workbench kMeans (k=${K}, ${RESTARTS} restarts, 2 threads)`,
      seconds: mine.seconds,
      note: `inertia ${mine.inertia.toFixed(1)}, CPU ${mine.cpuSeconds.toFixed(1)} s, peak RSS ${mb(mine.peakRssBytes)}, iterations ${mine.iterations.join('/')}`,
    });

    if (hasSklearn()) {
      const py = spawnSync(
        PY,
        [join(HERE, 'sklearn_kmeans.py'), file, String(families), String(COLS), String(K), String(RESTARTS), String(seed)],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      if (py.status !== 0) {
        rows.push({ stage: 'scikit-learn KMeans', seconds: NaN, note: `failed: ${py.stderr.split('\n').slice(-2).join(' ')}` });
      } else {
        const sk = JSON.parse(py.stdout) as {
          seconds: number;
          cpuSeconds: number;
          inertia: number;
          nIter: number;
          peakRssBytes: number;
          sklearn: string;
        };
        rows.push({
          stage: `scikit-learn ${sk.sklearn} KMeans (lloyd, n_init=${RESTARTS})`,
          seconds: sk.seconds,
          note:
            `inertia ${sk.inertia.toFixed(1)}, CPU ${sk.cpuSeconds.toFixed(1)} s (all threads), peak RSS ${mb(sk.peakRssBytes)}; ` +
            `workbench ${(sk.seconds / mine.seconds).toFixed(2)}× as fast (wall), ${(sk.cpuSeconds / mine.cpuSeconds).toFixed(2)}× (CPU); ` +
            `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`,
        });
      }
    } else {
      rows.push({ stage: 'scikit-learn KMeans', seconds: NaN, note: `not measured: ${PY} has no sklearn` });
    }
    return { rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly: tsx bench/cluster/bench-cluster.ts [families] [seed]
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const families = Number(process.argv[2] ?? 1_000_000);
  const seed = Number(process.argv[3] ?? 1);
  const { rows } = await benchCluster({ families, seed });
  for (const r of rows) process.stdout.write(`${r.stage}\t${Number.isNaN(r.seconds) ? '-' : r.seconds.toFixed(2)} s\t${r.note ?? ''}\n`);
}
