export interface SynthOptions {
  /** Number of families (cases). Default 5,486, as Leicestershire's evaluation. */
  families?: number;
  /** Seed of the generator. Default 1. */
  seed?: number;
}

export interface ResolvedSynthOptions {
  families: number;
  seed: number;
}

/** The demo cohort: Leicestershire's 5,486 families, seed 1. */
export const DEFAULT_SYNTH_OPTIONS: ResolvedSynthOptions = { families: 5486, seed: 1 };

/** Largest cohort the generator accepts (family ids stay unique and readable). */
export const MAX_SYNTH_FAMILIES = 100_000_000;

/**
 * Fills the defaults of `SynthOptions` and checks them.
 * @throws when `families` is not a whole number from 1 to 100,000,000 or `seed` is not a safe integer.
 * @example resolveSynthOptions({ families: 10 }) // { families: 10, seed: 1 }
 */
export function resolveSynthOptions(options: SynthOptions = {}): ResolvedSynthOptions {
  const families = options.families ?? DEFAULT_SYNTH_OPTIONS.families;
  const seed = options.seed ?? DEFAULT_SYNTH_OPTIONS.seed;
  if (!Number.isInteger(families) || families < 1 || families > MAX_SYNTH_FAMILIES) {
    throw new Error(`synth requires families to be a whole number from 1 to ${MAX_SYNTH_FAMILIES}, got ${families}`);
  }
  if (!Number.isSafeInteger(seed)) throw new Error(`synth requires a whole-number seed, got ${seed}`);
  return { families, seed };
}
