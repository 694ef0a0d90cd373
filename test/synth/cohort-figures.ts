/**
 * Figures of a cohort computed directly from the cohort model, the way the published
 * reports define them, for the calibration tests of the demo cohort. Independent of the
 * generator (reads only the parsed cohort) and of the analysis modules.
 */
import { kmeans } from 'ml-kmeans';
import { starReadingList } from '../../src/cohort/star-readings.js';
import { childOutcome, needValue, STAR_DOMAINS, type Cohort } from '../../src/cohort/types.js';

export const pct = (num: number, den: number) => (den === 0 ? NaN : (100 * num) / den);

const MS_PER_DAY = 86_400_000;
export const daysBetween = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / MS_PER_DAY;
export const monthsOfInvolvement = (start: string, end: string) => daysBetween(start, end) / (365.25 / 12);

/** Share of families with a need, over families where it is recorded. */
export function needPrevalence(cohort: Cohort, id: string): number {
  const j = cohort.needIds.indexOf(id);
  if (j < 0) throw new Error(`no need ${id}`);
  let yes = 0;
  let n = 0;
  for (let f = 0; f < cohort.families.length; f++) {
    const v = needValue(cohort, f, j);
    if (v === null) continue;
    n++;
    yes += v;
  }
  return pct(yes, n);
}

/** Percentage of 1s of a yes/no value over the families (optionally a subset) where it is recorded. */
export function yesPercent(values: (0 | 1 | null)[]): number {
  let yes = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    n++;
    yes += v;
  }
  return pct(yes, n);
}

/** Adjusted Rand index of two labellings (Hubert and Arabie 1985). */
export function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length) throw new Error('labellings differ in length');
  const table = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < a.length; i++) {
    const key = `${a[i]}\u0000${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    cols.set(b[i]!, (cols.get(b[i]!) ?? 0) + 1);
  }
  const c2 = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const v of table.values()) index += c2(v);
  let sa = 0;
  for (const v of rows.values()) sa += c2(v);
  let sb = 0;
  for (const v of cols.values()) sb += c2(v);
  const expected = (sa * sb) / c2(a.length);
  const max = (sa + sb) / 2;
  return (index - expected) / (max - expected);
}

export interface FamilyStar {
  family: number;
  /** Start and end reading per domain with change (NaN elsewhere). */
  start: number[];
  end: number[];
  startScore: number;
  endScore: number;
  /** Domains with change, and whether the end stage is above the start stage. */
  progressed: (boolean | null)[];
}

const stage = (r: number) => Math.ceil(r / 2);

/** Start / end readings of every family in the progress analysis (at least one domain with change). */
export function familyStar(cohort: Cohort): FamilyStar[] {
  const byFamily = new Map<number, Map<string, { date: string; reading: number }[]>>();
  for (const r of starReadingList(cohort.star)) {
    let m = byFamily.get(r.familyIndex);
    if (!m) byFamily.set(r.familyIndex, (m = new Map()));
    let list = m.get(r.domain);
    if (!list) m.set(r.domain, (list = []));
    list.push({ date: r.date, reading: r.reading });
  }
  const out: FamilyStar[] = [];
  for (const [family, domains] of [...byFamily.entries()].sort((x, y) => x[0] - y[0])) {
    const start = new Array<number>(10).fill(NaN);
    const end = new Array<number>(10).fill(NaN);
    const progressed = new Array<boolean | null>(10).fill(null);
    let any = false;
    STAR_DOMAINS.forEach((d, k) => {
      const list = domains.get(d);
      if (!list) return;
      const dates = new Set(list.map((x) => x.date));
      if (dates.size < 2) return;
      list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
      start[k] = list[0]!.reading;
      end[k] = list[list.length - 1]!.reading;
      progressed[k] = stage(end[k]!) > stage(start[k]!);
      any = true;
    });
    if (!any) continue;
    const mean = (v: number[]) => {
      const x = v.filter((y) => !Number.isNaN(y));
      return x.reduce((s, y) => s + y, 0) / x.length;
    };
    out.push({ family, start, end, startScore: mean(start), endScore: mean(end), progressed });
  }
  return out;
}

/** 3×3 counts of start segment (rows) by end segment (columns). */
export function matrixCounts(startSeg: number[], endSeg: number[]): number[][] {
  const m = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  startSeg.forEach((s, i) => m[s]![endSeg[i]!]!++);
  return m;
}

export function matrixPercent(counts: number[][]): number[][] {
  const total = counts.flat().reduce((s, v) => s + v, 0);
  return counts.map((row) => row.map((v) => pct(v, total)));
}

/** Segments by cut points on the score: Lower below `cuts[0]`, Higher at or above `cuts[1]`. */
export function cutSegments(stars: FamilyStar[], cuts: [number, number]): { start: number[]; end: number[] } {
  const seg = (x: number) => (x < cuts[0] ? 0 : x < cuts[1] ? 1 : 2);
  return { start: stars.map((s) => seg(s.startScore)), end: stars.map((s) => seg(s.endScore)) };
}

/**
 * Segments by one k-means (k = 3, ml-kmeans, k-means++) fitted on the pooled start and end
 * vectors that have all ten domains, centres ordered by mean reading; every vector goes to
 * the nearest centre over its observed domains.
 */
export function kmeansSegments(stars: FamilyStar[], seed: number): { start: number[]; end: number[]; centreMeans: number[] } {
  const pooled = [...stars.map((s) => s.start), ...stars.map((s) => s.end)];
  const complete = pooled.filter((v) => v.every((x) => !Number.isNaN(x)));
  const fit = kmeans(complete, 3, { seed, initialization: 'kmeans++', maxIterations: 300 });
  const centres = fit.centroids
    .map((c) => ({ c, mean: c.reduce((s, v) => s + v, 0) / c.length }))
    .sort((x, y) => x.mean - y.mean);
  const nearest = (v: number[]) => {
    let best = 0;
    let bestD = Infinity;
    centres.forEach(({ c }, k) => {
      let d = 0;
      v.forEach((x, i) => {
        if (!Number.isNaN(x)) d += (x - c[i]!) ** 2;
      });
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    });
    return best;
  };
  return { start: stars.map((s) => nearest(s.start)), end: stars.map((s) => nearest(s.end)), centreMeans: centres.map((c) => c.mean) };
}

/** Closed-case outcome category: met or partially met, not met, or no data (unknown or blank). */
export function outcomeCategory(outcome: string | null): 'metOrPartiallyMet' | 'notMet' | 'noData' {
  if (outcome === 'met' || outcome === 'partially_met') return 'metOrPartiallyMet';
  if (outcome === 'not_met') return 'notMet';
  return 'noData';
}

/** Child-level outcomes by age band (contract: own outcome, else the family's; met/partially met vs not met). */
export function ageBandTable(cohort: Cohort, bands: { label: string; min: number; max: number | null }[]): { band: string; met: number; notMet: number }[] {
  const rows = bands.map((b) => ({ band: b.label, met: 0, notMet: 0 }));
  for (const child of cohort.children) {
    const o = childOutcome(cohort, child);
    if (o !== 'met' && o !== 'partially_met' && o !== 'not_met') continue;
    const age = child.ageAtStart;
    if (age === null) continue;
    const k = bands.findIndex((b) => age >= b.min && (b.max === null || age <= b.max));
    if (o === 'not_met') rows[k]!.notMet++;
    else rows[k]!.met++;
  }
  return rows;
}
