import { pAdjust, type PAdjustMethod } from '../stats/p-adjust.js';
import { twoProportionTest } from '../stats/two-proportion-test.js';
import type { DataMatrix } from './data-matrix.js';

/** What the profile test is, stated in results. */
export const PROFILE_TEST =
  'two-proportion z test of the share with the need in the cluster against the rest of the clustered families ' +
  '(pooled standard error, two-sided, no continuity correction; the same as the adjusted standardised residual of the cluster-by-need cell)';

/** Options for {@link needProfiles}. */
export interface NeedProfilesOptions {
  /** Multiple-comparison adjustment over every cluster × indicator test (default 'holm'). */
  adjust?: PAdjustMethod;
  /** Significance level after adjustment (default 0.05). */
  alpha?: number;
}

/** One indicator in one cluster. */
export interface NeedProfileEntry {
  id: string;
  /** Families in the cluster with the need. */
  count: number;
  /** Percent of the cluster with the need. */
  percent: number;
  /** Percent of every clustered family with the need. */
  overallPercent: number;
  /** Percent of the other clusters' families with the need. */
  restPercent: number;
  /** z of the test (positive: more common in the cluster); null when no test is possible. */
  z: number | null;
  /**
   * Whether a test was possible: not when the need is in every clustered family or in none
   * (the shares cannot differ), nor when there is no rest (k = 1).
   */
  tested: boolean;
  /** Two-sided p; 1 when not tested. */
  p: number;
  /** p adjusted over every test made; 1 when not tested. */
  pAdjusted: number;
  /** Significantly more common in the cluster than in the rest (pAdjusted < alpha). */
  overRepresented: boolean;
  /** Significantly less common in the cluster than in the rest. */
  underRepresented: boolean;
}

/** Result of {@link needProfiles}: one profile per cluster (fitted numbering). */
export interface NeedProfilesResult {
  test: string;
  adjust: PAdjustMethod;
  alpha: number;
  /** Tests made (the n of the adjustment). */
  tests: number;
  profiles: { size: number; needs: NeedProfileEntry[]; distinctive: string[] }[];
}

/**
 * Need profiles of clusters: for each cluster and indicator, the share with the need in
 * the cluster, overall and in the rest, and a two-proportion z test of cluster against
 * rest, with p adjusted over all cluster × indicator tests (a need in every family or in
 * none cannot differ: not tested, p = 1). A cluster's distinctive needs
 * are its over-represented ones, largest z first.
 *
 * Cost: O(rows · cols + k · cols · log(k · cols)).
 *
 * @throws if labels do not match the rows or are outside [0, k), ids do not match the
 *   columns, the data are not 0/1, or alpha is not in (0, 1).
 * @example needProfiles(data, labels, 3, ['debt', 'send']).profiles[0].needs[0].percent
 */
export function needProfiles(
  data: DataMatrix,
  labels: ArrayLike<number>,
  k: number,
  ids: readonly string[],
  options: NeedProfilesOptions = {},
): NeedProfilesResult {
  const { rows: n, cols: d, values } = data;
  if (labels.length !== n) throw new Error(`needProfiles requires one label per row, got ${labels.length} for ${n} rows`);
  if (ids.length !== d) throw new Error(`needProfiles requires one id per column, got ${ids.length} ids for ${d} columns`);
  const adjust = options.adjust ?? 'holm';
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`needProfiles requires alpha in (0, 1), got ${alpha}`);
  const sizes = new Array<number>(k).fill(0);
  const counts = new Float64Array(k * d);
  const totals = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new Error(`needProfiles requires labels in [0, ${k}), got ${c} at row ${i}`);
    sizes[c]++;
    for (let j = 0; j < d; j++) {
      const v = values[i * d + j]!;
      if (v !== 0 && v !== 1) throw new Error(`needProfiles requires 0/1 data, got ${v} at row ${i}, column ${j}`);
      if (v === 1) {
        counts[c * d + j]++;
        totals[j]++;
      }
    }
  }
  const raw: { c: number; j: number; z: number; p: number }[] = [];
  for (let c = 0; c < k; c++) {
    const n1 = sizes[c]!;
    const n2 = n - n1;
    if (n1 === 0 || n2 === 0) continue;
    for (let j = 0; j < d; j++) {
      const x1 = counts[c * d + j]!;
      const x2 = totals[j]! - x1;
      if (totals[j] === 0 || totals[j] === n) continue;
      const t = twoProportionTest(x1, n1, x2, n2);
      raw.push({ c, j, z: t.z, p: t.p });
    }
  }
  const adjusted = pAdjust(
    raw.map((r) => r.p),
    adjust,
  );
  const found = new Map<number, { z: number; p: number; pAdjusted: number }>();
  raw.forEach((r, i) => found.set(r.c * d + r.j, { z: r.z, p: r.p, pAdjusted: adjusted[i]! }));
  const profiles = sizes.map((size, c) => {
    const needs: NeedProfileEntry[] = ids.map((id, j) => {
      const x1 = counts[c * d + j]!;
      const t = found.get(c * d + j);
      const rest = n - size;
      return {
        id,
        count: x1,
        percent: size > 0 ? round2((100 * x1) / size) : 0,
        overallPercent: round2((100 * totals[j]!) / n),
        restPercent: rest > 0 ? round2((100 * (totals[j]! - x1)) / rest) : 0,
        z: t ? t.z : null,
        tested: t !== undefined,
        p: t ? t.p : 1,
        pAdjusted: t ? t.pAdjusted : 1,
        overRepresented: t ? t.pAdjusted < alpha && t.z > 0 : false,
        underRepresented: t ? t.pAdjusted < alpha && t.z < 0 : false,
      };
    });
    const distinctive = needs
      .filter((e) => e.overRepresented)
      .sort((a, b) => b.z! - a.z! || (a.id < b.id ? -1 : 1))
      .map((e) => e.id);
    return { size, needs, distinctive };
  });
  return { test: PROFILE_TEST, adjust, alpha, tests: raw.length, profiles };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
