/**
 * Child process of bench-cluster.ts: times the workbench's kMeans on a 0/1 matrix file
 * (ROWS*COLS bytes, row-major), so that its peak memory is measured on its own.
 * Usage: tsx bench/cluster/kmeans-child.ts FILE ROWS COLS K RESTARTS SEED
 * Prints one JSON object: seconds, cpuSeconds, inertia, iterations per restart, peakRssBytes.
 */
import { readFileSync } from 'node:fs';
import { kMeans } from '../../src/cluster/k-means.js';
import { createKMeansThreads } from '../../src/cli/kmeans-threads.js';

const [file, rows, cols, k, restarts, seed] = process.argv.slice(2);
const values = new Uint8Array(readFileSync(file!));
const data = { rows: Number(rows), cols: Number(cols), values };
const cpu0 = process.cpuUsage();
const t0 = performance.now();
// Two threads, as the report runs it (and as scikit-learn uses both cores).
const fit = kMeans(data, { k: Number(k), restarts: Number(restarts), seed: Number(seed), threads: createKMeansThreads() });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    inertia: fit.inertia,
    iterations: fit.restarts.map((r) => r.iterations),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
