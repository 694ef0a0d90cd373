import type { ProgressBands } from './types.js';
import { STAR_MAX_READING, STAR_MIN_READING } from './journey-stages.js';

/**
 * Parses the `--bands` option: `kmeans` or `cuts:A,B` (A and B numbers on the reading
 * scale, A ≤ B). Cost: O(length of the text).
 * @throws when the text is neither form, or the cut points are not numbers in order
 *   within 1–10.
 * @example parseProgressBands('cuts:4,7') // { method: 'cuts', cuts: [4, 7] }
 */
export function parseProgressBands(text: string): ProgressBands {
  const t = text.trim();
  if (t === 'kmeans') return { method: 'kmeans' };
  const m = /^cuts:([^,]*),([^,]*)$/.exec(t);
  if (!m) throw new Error(`parseProgressBands requires "kmeans" or "cuts:A,B", got ${JSON.stringify(text)}`);
  const a = m[1]!.trim() === '' ? NaN : Number(m[1]);
  const b = m[2]!.trim() === '' ? NaN : Number(m[2]);
  const cuts: [number, number] = [a, b];
  validateCuts(cuts);
  return { method: 'cuts', cuts };
}

/**
 * Checks cut points: finite numbers with `STAR_MIN_READING ≤ A ≤ B ≤ STAR_MAX_READING`.
 * @throws naming the rule and the values.
 * @example validateCuts([4, 7]) // ok
 */
export function validateCuts(cuts: readonly number[]): void {
  if (!Array.isArray(cuts) || cuts.length !== 2) {
    throw new Error(`progress bands "cuts" require exactly 2 cut points, got ${Array.isArray(cuts) ? cuts.length : String(cuts)}`);
  }
  const [a, b] = cuts as [number, number];
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new Error(`progress bands "cuts" require numbers, got ${a},${b}`);
  if (a > b) throw new Error(`progress bands "cuts" require A <= B, got A=${a}, B=${b}`);
  if (a < STAR_MIN_READING || b > STAR_MAX_READING) {
    throw new Error(`progress bands "cuts" require cut points within ${STAR_MIN_READING}-${STAR_MAX_READING}, got A=${a}, B=${b}`);
  }
}
