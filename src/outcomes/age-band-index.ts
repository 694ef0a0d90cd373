import type { AgeBand } from '../cohort/config.js';

/**
 * Checks a list of age bands: at least one; labels non-empty and distinct; `min` a whole
 * number >= 0; `max` null (open-ended, last band only) or a whole number >= `min`; bands
 * in ascending order and not overlapping (gaps are allowed: ages in a gap fall in no band
 * and are counted as such by the analyses).
 *
 * Cost: O(bands).
 * @throws naming the rule and the offending band.
 * @example checkAgeBands([{ label: '<1', min: 0, max: 0 }, { label: '1+', min: 1, max: null }])
 */
export function checkAgeBands(bands: readonly AgeBand[]): void {
  if (bands.length === 0) throw new Error('age bands require at least one band, got 0');
  const labels = new Set<string>();
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i]!;
    if (typeof b.label !== 'string' || b.label.trim() === '') {
      throw new Error(`age bands require a non-empty label, got "${String(b.label)}" for band ${i + 1}`);
    }
    if (labels.has(b.label)) throw new Error(`age bands require distinct labels, got "${b.label}" twice`);
    labels.add(b.label);
    if (!Number.isInteger(b.min) || b.min < 0) {
      throw new Error(`age band "${b.label}" requires min to be a whole number >= 0, got ${b.min}`);
    }
    if (b.max !== null && (!Number.isInteger(b.max) || b.max < b.min)) {
      throw new Error(`age band "${b.label}" requires max to be null or a whole number >= min=${b.min}, got ${b.max}`);
    }
    if (b.max === null && i !== bands.length - 1) {
      throw new Error(`age band "${b.label}" is open-ended (max null) and must be the last band`);
    }
    if (i > 0) {
      const prev = bands[i - 1]!;
      if (b.min <= prev.max!) {
        throw new Error(
          `age bands must be ascending and not overlap, got "${b.label}" (min ${b.min}) after "${prev.label}" (max ${prev.max})`,
        );
      }
    }
  }
}

/**
 * Index of the band holding a whole-year age, or -1 when the age falls in no band.
 * Assumes bands that passed `checkAgeBands`.
 *
 * Cost: O(bands).
 * @example ageBandIndex(DEFAULT_AGE_BANDS, 12) // 3 ('10-15')
 */
export function ageBandIndex(bands: readonly AgeBand[], age: number): number {
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i]!;
    if (age >= b.min && (b.max === null || age <= b.max)) return i;
  }
  return -1;
}
