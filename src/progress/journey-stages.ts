import { DEFAULT_STAGES, type StageDefinition } from '../cohort/config.js';

/** Lowest and highest Family Star reading (the contract: whole numbers 1–10). */
export const STAR_MIN_READING = 1;
export const STAR_MAX_READING = 10;

/** A validated stage definition with a lookup from reading to stage. */
export interface JourneyStages {
  names: string[];
  /** Lowest reading of each stage, included. */
  lowerBounds: number[];
  /** Highest reading of each stage, included. */
  upperBounds: number[];
  /** `stageOfReading[r]` is the 0-based stage of reading r (index 0 unused, -1). */
  stageOfReading: Int8Array;
}

/**
 * Validates a Journey of Change stage definition and builds the reading → stage lookup.
 * Stage i holds readings from `upperBounds[i-1] + 1` (1 for the first) to `upperBounds[i]`.
 * Cost: O(stages).
 * @throws when the bounds are not whole numbers strictly ascending from at least 1 to
 *   exactly 10, or there is not one non-empty, distinct name per stage.
 * @example journeyStages().stageOfReading[5] // 2 (the third stage, "Trying")
 */
export function journeyStages(definition: StageDefinition = DEFAULT_STAGES): JourneyStages {
  const { upperBounds, names } = definition;
  if (!Array.isArray(upperBounds) || upperBounds.length < 2) {
    throw new Error(`journeyStages requires at least 2 stage upper bounds, got ${Array.isArray(upperBounds) ? upperBounds.length : String(upperBounds)}`);
  }
  if (!Array.isArray(names) || names.length !== upperBounds.length) {
    throw new Error(
      `journeyStages requires one name per stage, got ${Array.isArray(names) ? names.length : String(names)} names for ${upperBounds.length} stages`,
    );
  }
  let previous = STAR_MIN_READING - 1;
  for (const b of upperBounds) {
    if (!Number.isInteger(b)) throw new Error(`journeyStages requires whole-number stage bounds, got ${b}`);
    if (b <= previous) throw new Error(`journeyStages requires strictly ascending stage bounds of at least ${STAR_MIN_READING}, got ${b} after ${previous}`);
    previous = b;
  }
  if (previous !== STAR_MAX_READING) {
    throw new Error(`journeyStages requires the last stage bound to be the top reading ${STAR_MAX_READING}, got ${previous}`);
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== 'string' || name.trim() === '') throw new Error(`journeyStages requires non-empty stage names, got ${JSON.stringify(name)}`);
    if (seen.has(name)) throw new Error(`journeyStages requires distinct stage names, got ${JSON.stringify(name)} twice`);
    seen.add(name);
  }
  const lowerBounds = upperBounds.map((_, i) => (i === 0 ? STAR_MIN_READING : upperBounds[i - 1]! + 1));
  const stageOfReading = new Int8Array(STAR_MAX_READING + 1).fill(-1);
  for (let s = 0; s < upperBounds.length; s++) {
    for (let r = lowerBounds[s]!; r <= upperBounds[s]!; r++) stageOfReading[r] = s;
  }
  return { names: names.slice(), lowerBounds, upperBounds: upperBounds.slice(), stageOfReading };
}
