// The library API of early-help-workbench: re-exports only.
export * from './cohort/types.js';
export * from './cohort/config.js';
export * from './cohort/catalogues.js';
export { parseCohortFiles, parseCohortTables, parseCohortSources, cohortHash, type CohortFileInput, type CohortReadResult } from './cohort/parse-cohort.js';
export {
  StarReadingsBuilder,
  PlanOutcomesBuilder,
  starReadingsFrom,
  starReadingAt,
  starReadingList,
  planOutcomesFrom,
  planOutcomeAt,
  planOutcomeList,
  isoFromDayNumber,
} from './cohort/star-readings.js';
export { parseConfigText } from './cohort/parse-config.js';
export { resolveConfig } from './cohort/resolve-config.js';
export { dataQualitySummary, type DataQualitySummary } from './cohort/data-quality.js';
export { parseCsv, formatProblem, type Problem, type RawTable } from './io/parse-csv.js';
export { createCsvStream, type CsvRowHandler, type CsvStream, type CsvStreamOptions } from './io/csv-stream.js';
export { rawTableSource, csvTextSource, type TableSource, type RowHandler } from './io/table-source.js';
export { createRng, shuffled, type Rng } from './stats/rng.js';
export { needPrevalence, type NeedPrevalenceOptions, type NeedPrevalenceResult, type NeedPrevalenceRow } from './needs/need-prevalence.js';
export * from './stats/index.js';
export * from './progress/index.js';
export * from './outcomes/index.js';
export * from './tree/index.js';
export { synthCohort, synthCohortWithTruth, type SynthCohortWithTruth } from './synth/synth-cohort.js';
export { synthCohortFiles, synthCohortFilesWithTruth, type SynthCohortFiles } from './synth/synth-cohort-files.js';
export { synthCohortChunks } from './synth/synth-cohort-chunks.js';
export { evaluate, analysisOptionsFromConfig, largeCohortClusterOptions, treeValidation, EVALUATION_STAGES, type EvaluateOptions, type EvaluationResults, type ToolInfo } from './evaluate.js';
export * from './cluster/index.js';
export { show } from './notebook/display.js';
