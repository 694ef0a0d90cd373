import type { EvaluationResults } from '../evaluate.js';

/** What the report reads: the evaluation results (results.json, src/evaluate.ts). */
export type ReportResults = EvaluationResults;
