import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test fixtures of test/fixtures/cluster/ (made by make_golden.py there). */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'cluster');

/** A CSV of numbers (no header) as a row-major matrix. */
export function readMatrix(name: string): { rows: number; cols: number; values: Float64Array; table: number[][] } {
  const table = readFileSync(join(FIXTURES, name), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(',').map(Number));
  return { rows: table.length, cols: table[0]!.length, values: Float64Array.from(table.flat()), table };
}

export interface KMeansGolden {
  call: string;
  initCentroids: number[][];
  k: number;
  inertia: number;
  nIter: number;
  labels: number[];
}

export interface Golden {
  kmeansBinary: KMeansGolden[];
  kmeansDense: KMeansGolden[];
  silhouette: { call: string; value: number; denseCall: string; denseValue: number };
  profiles: { call: string; p: number[]; holm: number[] };
  ari: { call: string; a: number[]; b: number[]; value: number }[];
  bernoulli: {
    weights: number[];
    probabilities: number[][];
    logLikelihoodCall: string;
    logLikelihood: number;
    emCall: string;
    emIterations: number;
    emWeights: number[];
    emProbabilities: number[][];
    emLogLikelihood: number;
  };
}

export const golden: Golden = JSON.parse(readFileSync(join(FIXTURES, 'golden.json'), 'utf8')) as Golden;

/** The same partition up to renaming of the clusters. */
export function samePartition(a: ArrayLike<number | string | null>, b: ArrayLike<number | string | null>): boolean {
  if (a.length !== b.length) return false;
  const ab = new Map<unknown, unknown>();
  const ba = new Map<unknown, unknown>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (ab.has(x) && ab.get(x) !== y) return false;
    if (ba.has(y) && ba.get(y) !== x) return false;
    ab.set(x, y);
    ba.set(y, x);
  }
  return true;
}
