/** Level of need of a cluster within its group. */
export const NEED_LEVELS = ['LOW', 'MID', 'HIGH'] as const;
export type NeedLevel = (typeof NEED_LEVELS)[number];

/** Options for {@link arrangeClusters}. */
export interface ArrangeClustersOptions {
  /** Number of groups (default 4; at most the number of non-empty clusters). */
  groups?: number;
}

/** Result of {@link arrangeClusters}; arrays are indexed by the fitted cluster number. */
export interface ArrangeClustersResult {
  /** Label of each cluster: A, B, C… (AA, AB… after Z). */
  labels: string[];
  /** Group number (1-based) of each cluster. */
  groups: number[];
  level: NeedLevel[];
  /** Mean number of needs (sum of the centroid) of each cluster. */
  meanNeeds: number[];
  /** Fitted cluster numbers in label order. */
  order: number[];
}

/**
 * Groups clusters and gives them labels and levels, from their centroids and sizes only,
 * so that the result does not depend on how the fitting numbered them:
 * 1. clusters are put in a canonical order (mean number of needs, then the centroid
 *    values, then size);
 * 2. groups: agglomerative clustering of the centroids with Ward's criterion weighted by
 *    cluster size (merging A and B costs nA·nB/(nA+nB)·‖mA − mB‖², continuing the k-means
 *    objective), until `groups` groups remain; ties go to the first pair in canonical order;
 * 3. groups are numbered by their size-weighted mean number of needs, lowest first;
 * 4. within a group, clusters are ordered by mean number of needs and get a level by their
 *    position p = rank/(m − 1) among the m clusters: LOW when p < 1/3, HIGH when p > 2/3,
 *    MID otherwise (a group of one cluster is MID; of two, LOW and HIGH; of three, LOW, MID, HIGH);
 * 5. labels A, B, C… follow group number, then level order.
 * Empty clusters (size 0) are kept apart in a last group of their own, level MID.
 *
 * Cost: O(k³ · cols).
 *
 * @throws if centroids are empty or ragged, sizes do not match, or groups is not a whole
 *   number >= 1.
 * @example arrangeClusters([[0, 0], [1, 1]], [10, 10], { groups: 1 }).labels // ['A', 'B'] (LOW, HIGH)
 */
export function arrangeClusters(
  centroids: readonly (readonly number[])[],
  sizes: readonly number[],
  options: ArrangeClustersOptions = {},
): ArrangeClustersResult {
  const k = centroids.length;
  if (k === 0) throw new Error('arrangeClusters requires at least one centroid, got 0');
  const d = centroids[0]!.length;
  centroids.forEach((c, i) => {
    if (c.length !== d) throw new Error(`arrangeClusters requires centroids of equal length, got ${c.length} in row ${i} and ${d} in row 0`);
  });
  if (sizes.length !== k) throw new Error(`arrangeClusters requires one size per centroid, got ${sizes.length} sizes for ${k} centroids`);
  const groupsAsked = options.groups ?? 4;
  if (!Number.isSafeInteger(groupsAsked) || groupsAsked < 1) {
    throw new Error(`arrangeClusters requires groups to be a whole number >= 1, got groups=${String(groupsAsked)}`);
  }
  const meanNeeds = centroids.map((c) => c.reduce((s, v) => s + v, 0));
  const canonical = Array.from({ length: k }, (_, i) => i).sort((a, b) => {
    if (meanNeeds[a] !== meanNeeds[b]) return meanNeeds[a]! - meanNeeds[b]!;
    for (let j = 0; j < d; j++) if (centroids[a]![j] !== centroids[b]![j]) return centroids[a]![j]! - centroids[b]![j]!;
    return sizes[a]! - sizes[b]!;
  });
  const live = canonical.filter((c) => sizes[c]! > 0);
  const empty = canonical.filter((c) => sizes[c]! <= 0);

  // Ward agglomeration over the non-empty clusters.
  type Node = { members: number[]; n: number; mean: number[] };
  let nodes: Node[] = live.map((c) => ({ members: [c], n: sizes[c]!, mean: [...centroids[c]!] }));
  const target = Math.min(groupsAsked, nodes.length);
  while (nodes.length > target) {
    let best = Infinity;
    let bi = 0;
    let bj = 1;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        let s = 0;
        for (let t = 0; t < d; t++) {
          const x = a.mean[t]! - b.mean[t]!;
          s += x * x;
        }
        const cost = ((a.n * b.n) / (a.n + b.n)) * s;
        if (cost < best) {
          best = cost;
          bi = i;
          bj = j;
        }
      }
    }
    const a = nodes[bi]!;
    const b = nodes[bj]!;
    const n = a.n + b.n;
    const merged: Node = {
      members: [...a.members, ...b.members],
      n,
      mean: a.mean.map((v, t) => (a.n * v + b.n * b.mean[t]!) / n),
    };
    nodes = nodes.filter((_, i) => i !== bi && i !== bj);
    nodes.splice(bi, 0, merged);
  }
  const groupNeeds = (g: Node): number => g.mean.reduce((s, v) => s + v, 0);
  const ordered = nodes
    .map((g, i) => ({ g, i }))
    .sort((x, y) => groupNeeds(x.g) - groupNeeds(y.g) || x.i - y.i)
    .map((x) => x.g);

  const labels = new Array<string>(k);
  const groups = new Array<number>(k);
  const level = new Array<NeedLevel>(k);
  const order: number[] = [];
  ordered.forEach((g, gi) => {
    const members = [...g.members].sort((x, y) => canonical.indexOf(x) - canonical.indexOf(y));
    const m = members.length;
    members.forEach((c, r) => {
      groups[c] = gi + 1;
      const p = m === 1 ? 0.5 : r / (m - 1);
      level[c] = p < 1 / 3 ? 'LOW' : p > 2 / 3 ? 'HIGH' : 'MID';
      order.push(c);
    });
  });
  for (const c of empty) {
    groups[c] = ordered.length + 1;
    level[c] = 'MID';
    order.push(c);
  }
  order.forEach((c, i) => (labels[c] = clusterLabel(i)));
  return { labels, groups, level, meanNeeds, order };
}

/** A, B, …, Z, AA, AB, … for 0, 1, … */
export function clusterLabel(index: number): string {
  let s = '';
  let i = index;
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}
