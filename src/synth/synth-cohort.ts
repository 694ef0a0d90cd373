import { parseCohortFiles } from '../cohort/parse-cohort.js';
import type { Cohort } from '../cohort/types.js';
import type { Problem } from '../io/parse-csv.js';
import { synthCohortFilesWithTruth, type SynthTruth } from './synth-cohort-files.js';
import type { SynthOptions } from './synth-options.js';

export interface SynthCohortWithTruth {
  cohort: Cohort;
  /** The planted need cluster (A–I) of each family, aligned with `cohort.families`. */
  truth: SynthTruth;
  /** The parser's warnings (families with no Family Star readings, about 2%). */
  warnings: Problem[];
}

/**
 * The synthetic cohort (see `synthCohortFiles`) read through the contract's parser, with the
 * planted cluster of each family for tests of cluster recovery. `cohort.source.kind` is
 * 'demo' for the default options, 'memory' otherwise.
 * Cost: O(families) time and memory.
 * @throws when options are invalid, or (a bug) when the generated files do not parse cleanly.
 * @example synthCohortWithTruth({ families: 50 }).truth.cluster.length // 50
 */
export function synthCohortWithTruth(options: SynthOptions = {}): SynthCohortWithTruth {
  const { files, truth } = synthCohortFilesWithTruth(options);
  const isDefault = (options.families ?? 5486) === 5486 && (options.seed ?? 1) === 1;
  const result = parseCohortFiles(
    Object.entries(files).map(([name, text]) => ({ name, text })),
    undefined,
    { path: isDefault ? 'demo' : `synth:families=${options.families ?? 5486},seed=${options.seed ?? 1}`, kind: isDefault ? 'demo' : 'memory' },
  );
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.cohort || errors.length > 0) {
    const first = errors[0];
    throw new Error(
      `synthCohort produced a cohort that does not validate (${errors.length} errors` +
        (first ? `, first ${first.file}:${first.line}:${first.column}: ${first.message})` : ')'),
    );
  }
  return { cohort: result.cohort, truth, warnings: result.problems.filter((p) => p.severity === 'warning') };
}

/**
 * The demo cohort as the workbench's cohort model: default 5,486 families, seed 1 (see
 * `synthCohortFiles` for what is calibrated). Same options, same cohort.
 * Cost: O(families). @throws as `synthCohortWithTruth`.
 * @example synthCohort().families.length // 5486
 */
export function synthCohort(options: SynthOptions = {}): Cohort {
  return synthCohortWithTruth(options).cohort;
}
