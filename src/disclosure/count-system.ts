import type { DisclosureProfile } from '../cohort/config.js';
import type { SumRule } from './audit-disclosure.js';
import { isSuppressed, SUPPRESSED, type PublishedValue } from './suppressed.js';
import { suppressCounts, type CountCell } from './suppress-counts.js';

export interface CountSystemCellOptions {
  /** Shown on a page (default true); hidden counts are protected but never published. */
  readonly show?: boolean;
  /** A total (rounded as the profile says; chosen last for secondary suppression). */
  readonly total?: boolean;
  /**
   * A count of blank (not recorded) values: not disclosive, never suppressed for being
   * small (see `CountCell.notDisclosive`). Every registration of the key must say so.
   */
  readonly notDisclosive?: boolean;
}

/** A published count system: read a cell's published value by its key. */
export interface PublishedCounts {
  /** The published value of a cell (`SUPPRESSED` for hidden and suppressed cells). */
  get(key: string): PublishedValue;
  /** Whether a cell of that key exists. */
  has(key: string): boolean;
  /**
   * 100 · count / base from the exact counts, or `SUPPRESSED` when the count is
   * suppressed, the base is suppressed (or hidden and from 1 to the threshold), or the base is 0.
   */
  percent(countKey: string, baseKey: string): PublishedValue;
  /**
   * A statistic derived from a count and its base (e.g. a confidence interval): passed
   * through when `percent(countKey, baseKey)` is published, else `SUPPRESSED`.
   */
  derived<T>(countKey: string, baseKey: string, value: T): T | typeof SUPPRESSED;
  readonly primaryCount: number;
  readonly secondaryCount: number;
}

/**
 * A builder for one system of related counts that several tables (and pages) share:
 * a count that appears in two tables is one cell (same key), so it is suppressed in both
 * or in neither, and secondary suppression sees every total that any table publishes.
 */
export interface CountSystem {
  /**
   * Adds a cell, or returns the existing cell of that key. Adding a key again with a
   * different value throws; a later `show: true` makes a hidden cell shown.
   */
  cell(key: string, value: number, options?: CountSystemCellOptions): string;
  /** Whether a cell of that key has been added. */
  has(key: string): boolean;
  /** Declares `total = Σ parts` (all keys must exist). */
  sum(total: string, parts: readonly string[]): void;
  /** Applies `suppressCounts` to the whole system. */
  publish(profile: DisclosureProfile): PublishedCounts;
}

/**
 * Creates an empty count system. Build cells and sum rules from exact results, then
 * `publish` once; the pages read only the published values.
 * Cost: O(1); `publish` costs as `suppressCounts`.
 * @example
 * const s = createCountSystem();
 * s.cell('a', 3); s.cell('b', 40); s.cell('t', 43, { total: true }); s.sum('t', ['a', 'b']);
 * s.publish(DEFAULT_DISCLOSURE).get('b') // SUPPRESSED (it would give a away)
 */
export function createCountSystem(): CountSystem {
  const index = new Map<string, number>();
  const cells: { value: number; show: boolean; total: boolean; notDisclosive: boolean }[] = [];
  const sums: SumRule[] = [];
  const seen = new Set<string>();
  let published = false;
  return {
    cell(key, value, options = {}) {
      if (published) throw new Error('count system requires cells to be added before publish');
      const show = options.show ?? true;
      const existing = index.get(key);
      if (existing !== undefined) {
        const c = cells[existing]!;
        if (c.value !== value) {
          throw new Error(`count system requires one value per key, got ${c.value} and ${value} for ${key}`);
        }
        c.show ||= show;
        c.total ||= options.total ?? false;
        c.notDisclosive &&= options.notDisclosive ?? false;
        return key;
      }
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new Error(`count system requires whole-number counts >= 0, got ${value} for ${key}`);
      }
      index.set(key, cells.length);
      cells.push({ value, show, total: options.total ?? false, notDisclosive: options.notDisclosive ?? false });
      return key;
    },
    has: (key) => index.has(key),
    sum(total, parts) {
      const at = (key: string): number => {
        const i = index.get(key);
        if (i === undefined) throw new Error(`count system requires existing cells in a sum, got ${key}`);
        return i;
      };
      const rule = { total: at(total), parts: parts.map(at) };
      const signature = `${rule.total}=${[...rule.parts].sort((a, b) => a - b).join('+')}`;
      if (seen.has(signature)) return;
      seen.add(signature);
      const sum = rule.parts.reduce((s, i) => s + cells[i]!.value, 0);
      if (sum !== cells[rule.total]!.value) {
        throw new Error(`count system requires parts to add up to their total, got ${total}=${cells[rule.total]!.value}, parts sum=${sum}`);
      }
      sums.push(rule);
    },
    publish(profile) {
      published = true;
      const input: CountCell[] = cells.map((c) => ({ value: c.value, show: c.show, total: c.total, notDisclosive: c.notDisclosive }));
      const result = suppressCounts({ cells: input, sums }, profile);
      const at = (key: string): number => {
        const i = index.get(key);
        if (i === undefined) throw new Error(`count system has no cell ${key}`);
        return i;
      };
      const percent = (countKey: string, baseKey: string): PublishedValue => {
        const c = at(countKey);
        const b = at(baseKey);
        const base = cells[b]!;
        if (isSuppressed(result.values[c]!) || base.value === 0) return SUPPRESSED;
        if (base.show ? isSuppressed(result.values[b]!) : base.value <= profile.threshold && !base.notDisclosive) return SUPPRESSED;
        return (100 * cells[c]!.value) / base.value;
      };
      return {
        get: (key) => result.values[at(key)]!,
        has: (key) => index.has(key),
        percent,
        derived: (countKey, baseKey, value) => (isSuppressed(percent(countKey, baseKey)) ? SUPPRESSED : value),
        primaryCount: result.primaryCount,
        secondaryCount: result.secondaryCount,
      };
    },
  };
}
