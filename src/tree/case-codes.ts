/**
 * Counting predictor codes × target codes over sets of cases (internal): the inner loop of
 * growing a tree on a large cohort.
 */
import type { CodeArray } from './compact-values.js';
import type { CodedTreeData } from './code-tree-data.js';

/**
 * The one-byte predictor codes case by case, each predictor's most frequent code left out
 * (internal): case i's other codes are `entries[start[i]] … entries[start[i + 1] − 1]`, each
 * `slot << 8 | code`. Counting every predictor over a node's scattered cases then reads one
 * short run per case instead of one cache line per predictor and case, and increments only
 * for the codes that are not the most frequent; those are found by subtraction.
 */
export interface CaseCodes {
  start: Int32Array;
  entries: Uint16Array;
  /** Slot of each predictor, −1 for one whose codes are wider than a byte (counted from its column). */
  slots: Int32Array;
  /** Per slot: the predictor, its number of codes, and its left-out code. */
  predictor: Int32Array;
  size: Int32Array;
  base: Int32Array;
}

/** At most this many predictors have slots (`slot << 8 | code` must fit 16 bits). */
const MAX_SLOTS = 256;

/** Key of the list of codings of coded data in its cache. */
function cacheKey(coded: CodedTreeData): string | null {
  const ids: number[] = [];
  for (const cp of coded.predictors) {
    const id = coded.cache!.ids.get(cp.source);
    if (id === undefined) return null;
    ids.push(id);
  }
  return ids.join(',');
}

/** The case codes of coded data (built once, kept on it). Cost: O(n · p) the first time. */
export function caseCodes(coded: CodedTreeData): CaseCodes {
  if (coded.cases) return coded.cases;
  const key = coded.cache ? cacheKey(coded) : null;
  const known = key === null ? undefined : coded.cache!.cases.get(key);
  if (known) {
    coded.cases = known;
    return known;
  }
  const P = coded.predictors.length;
  const slots = new Int32Array(P).fill(-1);
  const predictor: number[] = [];
  const size: number[] = [];
  const base: number[] = [];
  coded.predictors.forEach((cp, p) => {
    if (!(cp.codes instanceof Uint8Array) || predictor.length >= MAX_SLOTS) return;
    slots[p] = predictor.length;
    predictor.push(p);
    size.push(cp.missing + 1);
    base.push(cp.frequent);
  });
  const n = coded.n;
  const start = new Int32Array(n + 1);
  for (let s = 0; s < predictor.length; s++) {
    const col = coded.predictors[predictor[s]!]!.codes;
    const b = base[s]!;
    for (let i = 0; i < n; i++) if (col[i] !== b) start[i + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const entries = new Uint16Array(start[n]!);
  const fill = start.slice(0, n);
  for (let s = 0; s < predictor.length; s++) {
    const col = coded.predictors[predictor[s]!]!.codes;
    const b = base[s]!;
    for (let i = 0; i < n; i++) {
      const g = col[i]!;
      if (g !== b) entries[fill[i]!++] = (s << 8) | g;
    }
  }
  coded.cases = { start, entries, slots, predictor: Int32Array.from(predictor), size: Int32Array.from(size), base: Int32Array.from(base) };
  if (key !== null) coded.cache!.cases.set(key, coded.cases);
  return coded.cases;
}

/**
 * Counts of code × target code of every predictor over rows (as `codeTargetCounts` gives
 * each), the one-byte predictors in one pass over the case matrix; predictors with wider
 * codes that `skip` names are left out (undefined).
 *
 * Cost: O(|rows| · p + codes).
 */
export function allCodeTargetCounts(coded: CodedTreeData, rows: Int32Array, skip: (p: number) => boolean = () => false): (Int32Array | undefined)[] {
  const cc = caseCodes(coded);
  const Jc = coded.targetLabels.length;
  const tcodes = coded.targetCodes;
  const out: (Int32Array | undefined)[] = new Array(coded.predictors.length);
  // the predictors with slots: one table, slot s from offsets[s]
  const W = cc.predictor.length;
  const offsets = new Int32Array(W + 1);
  for (let s = 0; s < W; s++) offsets[s + 1] = offsets[s]! + cc.size[s]! * Jc;
  const flat = new Int32Array(offsets[W]!);
  const totals = new Int32Array(Jc);
  const { start, entries } = cc;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const t = tcodes[i]!;
    totals[t]!++;
    const end = start[i + 1]!;
    for (let e = start[i]!; e < end; e++) {
      const x = entries[e]!;
      flat[offsets[x >> 8]! + (x & 255) * Jc + t]!++;
    }
  }
  for (let s = 0; s < W; s++) {
    // the left-out code: every case of the rows less those with another code
    const o = offsets[s]!;
    const at = o + cc.base[s]! * Jc;
    for (let t = 0; t < Jc; t++) {
      let other = 0;
      for (let g = 0; g < cc.size[s]!; g++) other += flat[o + g * Jc + t]!;
      flat[at + t] = totals[t]! - other;
    }
    out[cc.predictor[s]!] = flat.subarray(o, offsets[s + 1]!);
  }
  coded.predictors.forEach((cp, p) => {
    if (cc.slots[p]! < 0 && !skip(p)) out[p] = codeTargetCounts(cp.codes, tcodes, rows, cp.missing + 1, Jc);
  });
  return out;
}

/**
 * Counts of code × target code of a predictor over some rows: `table[g · Jc + t]` for
 * code g and target code t (Jc = number of target labels). Four interleaved sub-tables keep
 * successive increments of one cell from waiting on each other.
 *
 * Cost: O(|rows| + G · Jc).
 */
export function codeTargetCounts(codes: CodeArray, tcodes: Int32Array, rows: Int32Array, G: number, Jc: number): Int32Array {
  const S = G * Jc;
  if (S > 65536) {
    // many distinct values: increments rarely meet, one table
    const one = new Int32Array(S);
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      one[codes[i]! * Jc + tcodes[i]!]!++;
    }
    return one;
  }
  const c = new Int32Array(4 * S);
  const m = rows.length & ~3;
  let r = 0;
  for (; r < m; r += 4) {
    const i0 = rows[r]!;
    const i1 = rows[r + 1]!;
    const i2 = rows[r + 2]!;
    const i3 = rows[r + 3]!;
    c[codes[i0]! * Jc + tcodes[i0]!]!++;
    c[S + codes[i1]! * Jc + tcodes[i1]!]!++;
    c[2 * S + codes[i2]! * Jc + tcodes[i2]!]!++;
    c[3 * S + codes[i3]! * Jc + tcodes[i3]!]!++;
  }
  for (; r < rows.length; r++) {
    const i = rows[r]!;
    c[codes[i]! * Jc + tcodes[i]!]!++;
  }
  const out = new Int32Array(S);
  for (let k = 0; k < S; k++) out[k] = c[k]! + c[S + k]! + c[2 * S + k]! + c[3 * S + k]!;
  return out;
}
