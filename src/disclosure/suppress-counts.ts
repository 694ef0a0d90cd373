import type { DisclosureProfile } from '../cohort/config.js';
import { createAuditor, type SumRule } from './audit-disclosure.js';
import { SUPPRESSED, type PublishedValue } from './suppressed.js';
import { validateDisclosureProfile } from './validate-disclosure-profile.js';

/** One count in a system of related counts. */
export interface CountCell {
  /** The exact count (a whole number >= 0). */
  readonly value: number;
  /**
   * Whether the count is to be shown. Hidden counts (the complement of a proportion, the
   * families left out of a breakdown) are never published but are protected all the
   * same: a hidden count from 1 to the threshold must not be recoverable either.
   */
  readonly show: boolean;
  /** A total (rounded to the profile's `roundTotalsTo` when published). */
  readonly total?: boolean;
  /**
   * Not disclosive whatever its size (default false): a count of blank, not recorded
   * values describes the recording, not families. It is never suppressed for being small
   * and needs no protection, but it still takes part in the sums.
   */
  readonly notDisclosive?: boolean;
}

/** How many candidates the last-resort search audits before taking the nearest smallest. */
const TRIALS = 12;

export interface SuppressCountsInput {
  readonly cells: readonly CountCell[];
  /** The additive relations a reader knows (row and column totals, complements). */
  readonly sums: readonly SumRule[];
  /** Cells to suppress whatever their value (e.g. a pattern fixed elsewhere). */
  readonly force?: readonly number[];
}

export interface SuppressCountsResult {
  /** Per cell: the number to publish (totals rounded), or `SUPPRESSED` (also for hidden cells). */
  readonly values: readonly PublishedValue[];
  /** Per cell: whether it is shown as suppressed. */
  readonly suppressed: readonly boolean[];
  /** How many shown cells were suppressed for being small (primary) and to protect them (secondary). */
  readonly primaryCount: number;
  readonly secondaryCount: number;
}

/**
 * Small-number suppression of a system of related counts.
 *
 * 1. Primary: every shown count from 1 to `profile.threshold` is suppressed; so is a total
 *    whose rounded value would fall in that range. Zero is published, and so are counts
 *    marked `notDisclosive` (blank values).
 * 2. Secondary: while any suppressed count, or any hidden count from 1 to the threshold,
 *    can be solved exactly from the published counts and the sum rules
 *    (`auditDisclosure`), another published count is suppressed. When the exposed cell
 *    is the only unknown of a rule (the classic case: the one suppressed cell of a row
 *    whose total is published), the smallest non-zero published part of that rule is
 *    suppressed (then zeros, then the total; ties to the lower index), so each row or
 *    column with a suppressed cell ends with at least two unknowns. A chain of exposed
 *    cells (solved one through another) gets the smallest published part of a rule whose
 *    unknowns are all solved; failing that, the published cells of the rules reachable
 *    from the exposed cell are tried, nearest and smallest first.
 * 3. Published totals are rounded to a multiple of `profile.roundTotalsTo` (half up). The
 *    audit treats published totals as exact, so rounding only adds protection.
 *
 * Deterministic, and a fixed point: passing the result's suppressed cells as `force`
 * gives the same result.
 * Cost: O(v·(R·m + component eliminations)) for v secondary suppressions, more when long
 * chains need trial suppressions.
 * @throws Error when the profile is invalid, a count is not a whole number >= 0, a rule
 *   refers to a missing cell, repeats a cell, has no parts, or its parts do not add up.
 * @example
 * // row [3, 40, 57] with its total 100 published: 3 is primary, 40 secondary
 * suppressCounts({ cells: [3, 40, 57, 100].map((value, i) => ({ value, show: true, total: i === 3 })),
 *   sums: [{ total: 3, parts: [0, 1, 2] }] }, DEFAULT_DISCLOSURE).suppressed // [true, true, false, false]
 */
export function suppressCounts(input: SuppressCountsInput, profile: DisclosureProfile): SuppressCountsResult {
  validateDisclosureProfile(profile);
  const { cells, sums } = input;
  const exact = cells.map((c) => c.value);
  cells.forEach((cell, i) => {
    if (!Number.isSafeInteger(cell.value) || cell.value < 0) {
      throw new Error(`suppressCounts requires whole-number counts >= 0, got ${cell.value} at cell ${i}`);
    }
  });
  sums.forEach((rule, r) => {
    const members = [rule.total, ...rule.parts];
    for (const i of members) {
      if (!Number.isInteger(i) || i < 0 || i >= cells.length) {
        throw new Error(`suppressCounts requires rule cells in 0..${cells.length - 1}, got ${i} in rule ${r}`);
      }
    }
    if (rule.parts.length === 0) throw new Error(`suppressCounts requires every rule to have parts, rule ${r} has none`);
    if (new Set(members).size !== members.length) {
      throw new Error(`suppressCounts requires distinct cells in a rule, rule ${r} repeats a cell`);
    }
    const partSum = rule.parts.reduce((s, i) => s + cells[i]!.value, 0);
    if (partSum !== cells[rule.total]!.value) {
      throw new Error(
        `suppressCounts requires each rule's parts to add up to its total, rule ${r} has total=${cells[rule.total]!.value}, parts sum=${partSum}`,
      );
    }
  });
  const force = new Set(input.force ?? []);
  for (const i of force) {
    if (!Number.isInteger(i) || i < 0 || i >= cells.length) {
      throw new Error(`suppressCounts requires forced cells in 0..${cells.length - 1}, got ${i}`);
    }
  }

  const small = (v: number): boolean => v >= 1 && v <= profile.threshold;
  const sensitive = cells.map(
    (c) => c.notDisclosive !== true && (small(c.value) || (c.total === true && small(roundTo(c.value, profile.roundTotalsTo)))),
  );
  const suppressed = cells.map((c, i) => c.show && (sensitive[i]! || force.has(i)));
  const unknown = cells.map((c, i) => !c.show || suppressed[i]!);
  const primaryCount = cells.filter((c, i) => c.show && sensitive[i]).length;

  const rulesOf: number[][] = Array.from({ length: cells.length }, () => []);
  sums.forEach((rule, r) => {
    for (const i of [rule.total, ...rule.parts]) rulesOf[i]!.push(r);
  });
  const order = (a: number, b: number): number => {
    const ca = cells[a]!;
    const cb = cells[b]!;
    const ka = [ca.total ? 1 : 0, ca.value === 0 ? 1 : 0, ca.value, a];
    const kb = [cb.total ? 1 : 0, cb.value === 0 ? 1 : 0, cb.value, b];
    for (let k = 0; k < ka.length; k++) if (ka[k] !== kb[k]) return ka[k]! - kb[k]!;
    return 0;
  };

  const published = (i: number): boolean => !unknown[i];
  const audit = createAuditor(cells.length, sums, exact);
  for (;;) {
    const determined = audit(unknown);
    // A suppressed count must not be solvable, unless it is not disclosive anyway.
    const exposed = cells.map((_, i) => i).filter((i) => determined[i] && (sensitive[i] || (suppressed[i] && cells[i]!.notDisclosive !== true)));
    if (exposed.length === 0) break;
    const exposedSet = new Set(exposed);
    // Cells a reader knows: published, or solved and not themselves exposed.
    const readable = (i: number): boolean => published(i) || (determined[i]! && !exposedSet.has(i));
    // Line rule. An exposed cell that is the only unknown of a rule whose other cells are
    // all published needs company in that rule whatever else is done: these are handled
    // together (a rule given company in this pass is not used again until the next audit).
    const touched = new Set<number>();
    let picked = 0;
    const pick = (cell: number): void => {
      unknown[cell] = true;
      suppressed[cell] = true;
      picked++;
      for (const r of rulesOf[cell]!) touched.add(r);
    };
    const membersOf = (r: number): number[] => [sums[r]!.total, ...sums[r]!.parts];
    for (const e of exposed) {
      for (const r of rulesOf[e]!) {
        if (touched.has(r)) continue;
        const members = membersOf(r);
        if (members.some((i) => i !== e && !published(i))) continue;
        const company = members.filter(published).sort(order);
        if (company.length === 0) continue;
        touched.add(r);
        pick(company[0]!);
      }
    }
    if (picked > 0) continue;
    // Otherwise the first exposed cell that is the only unreadable cell of some rules gets
    // the smallest published part of those rules (then zeros, then totals) as company.
    for (const e of exposed) {
      const company: number[] = [];
      for (const r of rulesOf[e]!) {
        const members = membersOf(r);
        if (members.some((i) => i !== e && !readable(i))) continue;
        company.push(...members.filter(published));
      }
      if (company.length > 0) {
        pick(company.sort(order)[0]!);
        break;
      }
    }
    if (picked > 0) continue;
    // Chains of exposed cells (each solved through another): for each chain, one exposed
    // cell gets the smallest published part (not a total first) of a rule whose unknowns
    // are all solved, e.g. a second suppression in a column whose last unknown is solved
    // through a row. The rest of the chain waits for the next audit.
    const solvedOnly = (r: number): boolean => membersOf(r).every((i) => published(i) || determined[i]!);
    for (const e of exposed) {
      if (rulesOf[e]!.some((r) => touched.has(r))) continue;
      const company = rulesOf[e]!.filter(solvedOnly).flatMap((r) => membersOf(r).filter(published));
      if (company.length === 0) continue;
      const chosen = company.sort(order)[0]!;
      // Hold back the whole chain: every rule reachable through solved unknown cells.
      const seen = new Set<number>([e]);
      const queue = [e];
      while (queue.length > 0) {
        const u = queue.pop()!;
        for (const r of rulesOf[u]!) {
          touched.add(r);
          for (const i of membersOf(r)) {
            if (!published(i) && determined[i] && !seen.has(i)) {
              seen.add(i);
              queue.push(i);
            }
          }
        }
      }
      pick(chosen);
    }
    if (picked > 0) continue;
    // Exposure through a longer chain: the rules reachable from the first exposed cell
    // through unpublished cells hold the chain; try their published cells, nearest and then
    // smallest first, and keep the first that protects it (else the nearest smallest).
    const target = exposed[0]!;
    const depth = new Map<number, number>([[target, 0]]);
    const frontier = [target];
    const near = new Map<number, number>();
    for (let head = 0; head < frontier.length; head++) {
      const u = frontier[head]!;
      for (const r of rulesOf[u]!) {
        for (const i of membersOf(r)) {
          if (published(i)) {
            if (!near.has(i)) near.set(i, depth.get(u)!);
          } else if (!depth.has(i)) {
            depth.set(i, depth.get(u)! + 1);
            frontier.push(i);
          }
        }
      }
    }
    const candidates = [...near.keys()].sort((a, b) => near.get(a)! - near.get(b)! || order(a, b));
    if (candidates.length === 0) {
      throw new Error(`suppressCounts could not protect cell ${target}: no published cell left to suppress`);
    }
    let best = candidates[0]!;
    for (const candidate of candidates.slice(0, TRIALS)) {
      unknown[candidate] = true;
      const stillExposed = audit(unknown)[target]!;
      unknown[candidate] = false;
      if (!stillExposed) {
        best = candidate;
        break;
      }
    }
    pick(best);
  }

  const values: PublishedValue[] = cells.map((c, i) =>
    unknown[i] ? SUPPRESSED : c.total ? roundTo(c.value, profile.roundTotalsTo) : c.value,
  );
  const shownSuppressed = suppressed.filter(Boolean).length;
  return { values, suppressed, primaryCount, secondaryCount: shownSuppressed - primaryCount };
}

/** Round to a multiple of `step`, halves up. */
function roundTo(value: number, step: number): number {
  return step <= 1 ? value : Math.floor(value / step + 0.5) * step;
}
