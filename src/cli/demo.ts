import type { CohortFileInput } from '../cohort/parse-cohort.js';

/** The embedded demo cohort: 5,486 synthetic families (seed 1), as CSV files in memory. */
export const DEMO_OPTIONS = { families: 5486, seed: 1 } as const;

/** Generates the demo cohort's files (loaded lazily: only `--demo` needs the generator). */
export async function demoCohortFiles(): Promise<CohortFileInput[]> {
  const { synthCohortFiles } = await import('../synth/synth-cohort-files.js');
  const files = synthCohortFiles(DEMO_OPTIONS);
  return Object.entries(files).map(([name, text]) => ({ name, text }));
}
