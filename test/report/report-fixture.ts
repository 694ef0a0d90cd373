/**
 * Evaluation results for the report tests: the workbench's own `evaluate` on a small
 * synthetic cohort (src/synth), so the report is exercised on real result shapes. k is
 * given and the bootstrap is short to keep the tests fast.
 */
import { parseCohortFiles } from '../../src/cohort/parse-cohort.js';
import { evaluate, type EvaluationResults } from '../../src/evaluate.js';
import { synthCohortFiles } from '../../src/synth/synth-cohort-files.js';

export interface FixtureOptions {
  families?: number;
  seed?: number;
}

export function reportFixture(options: FixtureOptions = {}): { results: EvaluationResults } {
  const families = options.families ?? 800;
  const seed = options.seed ?? 11;
  const files = synthCohortFiles({ families, seed });
  const read = parseCohortFiles(Object.entries(files).map(([name, text]) => ({ name, text })));
  if (!read.cohort || !read.summary) throw new Error('report fixture: the synthetic cohort did not parse');
  const results = evaluate(read.cohort, read.config, read.summary, {
    seed,
    tool: { name: 'early-help-workbench', version: '0.1.0-test', libraries: { 'ml-kmeans': 'test' } },
    cluster: { k: 9, restarts: 5, stability: { resamples: 10, restarts: 2 } },
    tree: { crossValidationFolds: 0 },
  });
  return { results };
}
