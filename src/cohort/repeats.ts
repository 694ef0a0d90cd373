import { StarReadingsBuilder } from './star-readings.js';
import type { StarReadings } from './types.js';

/**
 * The line each id was first seen on. Ids that arrive in increasing order (as most files
 * list them) cannot repeat, so they are only listed; the first id out of order builds a
 * map of those listed, and the map is used from then on. Cost: O(1) an id while in order,
 * a map operation after.
 */
export class FirstLines {
  private last: string | null = null;
  private ids: string[] | null = [];
  private lines: number[] | null = [];
  private map: Map<string, number> | null = null;

  /** Records `id` seen on `line`; returns the line it was first seen on (`line` when new). */
  add(id: string, line: number): number {
    if (this.ids !== null) {
      if (this.last === null || id > this.last) {
        this.last = id;
        this.ids.push(id);
        this.lines!.push(line);
        return line;
      }
      const map = new Map<string, number>();
      for (let i = 0; i < this.ids.length; i++) map.set(this.ids[i]!, this.lines![i]!);
      this.map = map;
      this.ids = null;
      this.lines = null;
    }
    const first = this.map!.get(id);
    if (first !== undefined) return first;
    this.map!.set(id, line);
    return line;
  }
}

/**
 * Finds repeated Family Star readings (same family, domain and date): calls `report` for
 * each repeat with its line, the first one's line and both readings, and returns which
 * readings to keep (the first of each repeat), or null when there are no repeats.
 * Readings are grouped by family (counting sort), then each family's few readings are
 * sorted by domain, day and line. Cost: O(readings + families + Σ m log m).
 */
export function starDuplicates(
  star: StarReadings,
  lines: Int32Array,
  nFam: number,
  report: (line: number, firstLine: number, firstReading: number, reading: number) => void,
): Uint8Array | null {
  const n = star.length;
  const offset = new Int32Array(nFam + 1);
  for (let i = 0; i < n; i++) offset[star.familyIndex[i]! + 1]!++;
  for (let f = 0; f < nFam; f++) offset[f + 1]! += offset[f]!;
  const order = new Int32Array(n);
  const fill = offset.slice(0, nFam);
  for (let i = 0; i < n; i++) order[fill[star.familyIndex[i]!]!++] = i;
  let keep: Uint8Array | null = null;
  // Sort key within a family: domain, then day, then file order (index).
  const key = (i: number) => star.domain[i]! * 1e6 + star.day[i]!;
  const group: number[] = [];
  for (let f = 0; f < nFam; f++) {
    const a = offset[f]!;
    const b = offset[f + 1]!;
    if (b - a < 2) continue;
    group.length = 0;
    for (let k = a; k < b; k++) group.push(order[k]!);
    // Few readings a family: insertion sort (stable, so file order breaks ties); a family
    // with very many readings is sorted the general way.
    if (group.length > 64) group.sort((x, y) => key(x) - key(y) || x - y);
    else for (let k = 1; k < group.length; k++) {
      const g = group[k]!;
      const gk = key(g);
      let j = k - 1;
      while (j >= 0 && key(group[j]!) > gk) {
        group[j + 1] = group[j]!;
        j--;
      }
      group[j + 1] = g;
    }
    for (let k = 1; k < group.length; k++) {
      const i = group[k]!;
      if (key(i) !== key(group[k - 1]!)) continue;
      // A repeat: find the first of its run.
      let first = k - 1;
      while (first > 0 && key(group[first - 1]!) === key(i)) first--;
      const j = group[first]!;
      if (!keep) keep = new Uint8Array(n).fill(1);
      keep[i] = 0;
      report(lines[i]!, lines[j]!, star.reading[j]!, star.reading[i]!);
    }
  }
  return keep;
}

export function compactStar(star: StarReadings, keep: Uint8Array): StarReadings {
  const b = new StarReadingsBuilder(star.length);
  for (let i = 0; i < star.length; i++) if (keep[i]) b.push(star.familyIndex[i]!, star.domain[i]!, star.day[i]!, star.reading[i]!);
  return b.finish();
}
