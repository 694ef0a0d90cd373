import type { IndicatorLabel } from '../cohort/config.js';
import type { NeedLevel } from './arrange-clusters.js';

/** What {@link suggestClusterNames} needs to know of each cluster (fitted numbering). */
export interface ClusterNamingInput {
  groups: number[];
  levels: NeedLevel[];
  /** Over-represented needs, strongest first, with their z. */
  distinctive: { id: string; z: number }[][];
}

/** Result of {@link suggestClusterNames}. */
export interface SuggestedNames {
  /** Name of each cluster. */
  clusters: string[];
  /** Name of each group, by group number (1-based). */
  groups: Map<number, string>;
}

/** "family_relationships" → "Family relationships". */
export function humanise(id: string): string {
  const s = id.replace(/_/g, ' ').trim();
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/**
 * Suggests names from the distinctive needs: a group is named after the headline problem
 * that its clusters' over-represented needs weigh most for (sum of their z), each group a
 * different problem (strongest group chooses first); a group with no over-represented need
 * is "Lower needs". A cluster is named "<group> (<LEVEL>): <up to three distinctive needs>".
 * Needs without a label use their id; without a headline problem, "Other needs".
 *
 * Cost: O(k · cols).
 *
 * @example suggestClusterNames({ groups: [1], levels: ['MID'], distinctive: [[]] }, {}).clusters // ['Lower needs (MID)']
 */
export function suggestClusterNames(input: ClusterNamingInput, indicators: Record<string, IndicatorLabel>): SuggestedNames {
  const k = input.groups.length;
  const scores = new Map<number, Map<string, number>>();
  for (let c = 0; c < k; c++) {
    const g = input.groups[c]!;
    if (!scores.has(g)) scores.set(g, new Map());
    const m = scores.get(g)!;
    for (const { id, z } of input.distinctive[c]!) {
      const problem = indicators[id]?.headlineProblem ?? null;
      const name = problem ? humanise(problem) : 'Other needs';
      m.set(name, (m.get(name) ?? 0) + z);
    }
  }
  const ranked = [...scores.entries()].map(([g, m]) => ({
    g,
    options: [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  }));
  ranked.sort((a, b) => (b.options[0]?.[1] ?? 0) - (a.options[0]?.[1] ?? 0) || a.g - b.g);
  const used = new Set<string>();
  const groups = new Map<number, string>();
  for (const { g, options } of ranked) {
    let name: string | undefined;
    if (options.length === 0) name = 'Lower needs';
    else name = options.find(([n]) => !used.has(n))?.[0];
    if (name === undefined || used.has(name)) name = `${options.length === 0 ? 'Lower needs' : options[0]![0]} ${g}`;
    used.add(name);
    groups.set(g, name);
  }
  const clusters = Array.from({ length: k }, (_, c) => {
    const top = input.distinctive[c]!.slice(0, 3).map(({ id }) => indicators[id]?.label ?? id);
    const head = `${groups.get(input.groups[c]!)} (${input.levels[c]})`;
    return top.length > 0 ? `${head}: ${top.join(', ')}` : head;
  });
  return { clusters, groups };
}
