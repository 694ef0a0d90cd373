import { calibratedNeedProbabilities } from './calibrated-need-probabilities.js';
import { PLANTED_CLUSTERS, type PlantedClusterId } from './planted-clusters.js';
import { PUBLISHED_TARGETS } from './published-targets.js';

/** Clusters where (as Leicestershire's CHAID found) three or more female adults and a
 * negative child lifestyle go with lower progress, and long involvement with social care after. */
export const CHAID_PROGRESS_CLUSTERS: readonly PlantedClusterId[] = ['A', 'C', 'G', 'H'];
/** Clusters where financial difficulties at the start go with more progress. */
export const CHAID_FINANCIAL_CLUSTERS: readonly PlantedClusterId[] = ['E', 'F'];

/** Log-odds effects on moving up / down a segment (design choices, see the CHAID findings). */
const THREE_FEMALE_EFFECT = 1.1;
const LIFESTYLE_EFFECT = 0.7;
const FINANCIAL_UP_EFFECT = 1.3;
const FINANCIAL_DOWN_EFFECT = -0.4;

export interface ProgressDesign {
  /**
   * For each family class `cluster * 8 + threeFemale * 4 + lifestyle * 2 + financial`,
   * the cumulative probabilities of the nine (start, end) segment cells, row-major
   * (start Lower, Middle, Higher × end Lower, Middle, Higher).
   */
  cumulative: Float64Array;
  /** The cohort-wide cell probabilities the design reproduces (the published matrix, normalised). */
  target: number[];
  /** Expected share moving up and down, by cluster (A–I). */
  clusterUp: number[];
  clusterDown: number[];
}

let cached: ProgressDesign | null = null;

/**
 * The start/end segment design of the demo cohort's Family Star readings. Each family draws
 * its (start segment, end segment) cell from a distribution that depends on its cluster and
 * on three CHAID drivers (three or more female adults and a negative child lifestyle in
 * clusters A, C, G, H; financial difficulties in E and F), fitted by alternating scaling so
 * that the cohort-wide mixture equals the published progress matrix (normalised to sum 1)
 * and each cluster's up / down shares equal its design values. Cost: fixed (72 classes ×
 * 9 cells × 400 sweeps), computed once and cached.
 * @example progressDesign().target.length // 9
 */
export function progressDesign(): ProgressDesign {
  if (cached) return cached;
  const needs = calibratedNeedProbabilities();
  const J = needs.needIds.length;
  const lifestyleJ = needs.needIds.indexOf('negative_child_lifestyle');
  const financialJ = needs.needIds.indexOf('financial_difficulties');
  const k = PLANTED_CLUSTERS.length;
  const totalFamilies = PLANTED_CLUSTERS.reduce((s, c) => s + c.families, 0);
  const clusterWeight = PLANTED_CLUSTERS.map((c) => c.families / totalFamilies);

  const cells = PUBLISHED_TARGETS.progressMatrixPercent.flat();
  const cellSum = cells.reduce((s, v) => s + v, 0);
  const target = cells.map((v) => v / cellSum);
  const isUp = (cell: number) => cell % 3 > Math.floor(cell / 3);
  const isDown = (cell: number) => cell % 3 < Math.floor(cell / 3);
  const overallUp = target.reduce((s, v, i) => s + (isUp(i) ? v : 0), 0);
  const overallDown = target.reduce((s, v, i) => s + (isDown(i) ? v : 0), 0);
  const designUp = PLANTED_CLUSTERS.reduce((s, c, i) => s + clusterWeight[i]! * c.upPercent, 0);
  const designDown = PLANTED_CLUSTERS.reduce((s, c, i) => s + clusterWeight[i]! * c.downPercent, 0);
  const clusterUpTarget = PLANTED_CLUSTERS.map((c) => (c.upPercent * overallUp) / designUp);
  const clusterDownTarget = PLANTED_CLUSTERS.map((c) => (c.downPercent * overallDown) / designDown);

  // Classes: weight within the cohort and the fixed (non-fitted) log effects.
  const classes = k * 8;
  const classWeight = new Float64Array(classes);
  const upEffect = new Float64Array(classes);
  const downEffect = new Float64Array(classes);
  for (let c = 0; c < k; c++) {
    const cl = PLANTED_CLUSTERS[c]!;
    const pf = cl.threeFemaleAdults;
    const pl = needs.p[c * J + lifestyleJ]!;
    const pm = needs.p[c * J + financialJ]!;
    for (let f = 0; f < 2; f++)
      for (let l = 0; l < 2; l++)
        for (let m = 0; m < 2; m++) {
          const q = c * 8 + f * 4 + l * 2 + m;
          classWeight[q] = clusterWeight[c]! * (f ? pf : 1 - pf) * (l ? pl : 1 - pl) * (m ? pm : 1 - pm);
          let up = 0;
          let down = 0;
          if (CHAID_PROGRESS_CLUSTERS.includes(cl.id)) {
            up -= f * THREE_FEMALE_EFFECT + l * LIFESTYLE_EFFECT;
            down += f * THREE_FEMALE_EFFECT + l * LIFESTYLE_EFFECT;
          }
          if (CHAID_FINANCIAL_CLUSTERS.includes(cl.id)) {
            up += m * FINANCIAL_UP_EFFECT;
            down += m * FINANCIAL_DOWN_EFFECT;
          }
          upEffect[q] = up;
          downEffect[q] = down;
        }
  }

  const base = target.slice();
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  const classProbs = new Float64Array(classes * 9);
  const compute = () => {
    for (let q = 0; q < classes; q++) {
      const c = Math.floor(q / 8);
      const tilt = PLANTED_CLUSTERS[c]!.startTilt;
      let s = 0;
      for (let cell = 0; cell < 9; cell++) {
        let v = base[cell]! * tilt[Math.floor(cell / 3)]!;
        if (isUp(cell)) v *= Math.exp(a[c]! + upEffect[q]!);
        else if (isDown(cell)) v *= Math.exp(b[c]! + downEffect[q]!);
        classProbs[q * 9 + cell] = v;
        s += v;
      }
      for (let cell = 0; cell < 9; cell++) classProbs[q * 9 + cell]! /= s;
    }
  };
  for (let sweep = 0; sweep < 400; sweep++) {
    compute();
    const mix = new Array<number>(9).fill(0);
    for (let q = 0; q < classes; q++) for (let cell = 0; cell < 9; cell++) mix[cell]! += classWeight[q]! * classProbs[q * 9 + cell]!;
    for (let cell = 0; cell < 9; cell++) base[cell] = base[cell]! * (target[cell]! / mix[cell]!);
    compute();
    for (let c = 0; c < k; c++) {
      let up = 0;
      let down = 0;
      for (let q = c * 8; q < c * 8 + 8; q++) {
        for (let cell = 0; cell < 9; cell++) {
          const v = (classWeight[q]! / clusterWeight[c]!) * classProbs[q * 9 + cell]!;
          if (isUp(cell)) up += v;
          else if (isDown(cell)) down += v;
        }
      }
      a[c] = a[c]! + 0.5 * Math.log(clusterUpTarget[c]! / up);
      b[c] = b[c]! + 0.5 * Math.log(clusterDownTarget[c]! / down);
    }
  }
  compute();
  const cumulative = new Float64Array(classes * 9);
  for (let q = 0; q < classes; q++) {
    let s = 0;
    for (let cell = 0; cell < 9; cell++) {
      s += classProbs[q * 9 + cell]!;
      cumulative[q * 9 + cell] = s;
    }
    cumulative[q * 9 + 8] = 1;
  }
  const clusterUp: number[] = [];
  const clusterDown: number[] = [];
  for (let c = 0; c < k; c++) {
    let up = 0;
    let down = 0;
    for (let q = c * 8; q < c * 8 + 8; q++)
      for (let cell = 0; cell < 9; cell++) {
        const v = (classWeight[q]! / clusterWeight[c]!) * classProbs[q * 9 + cell]!;
        if (isUp(cell)) up += v;
        else if (isDown(cell)) down += v;
      }
    clusterUp.push(up);
    clusterDown.push(down);
  }
  cached = { cumulative, target, clusterUp, clusterDown };
  return cached;
}
