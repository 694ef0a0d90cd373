import {
  DEFAULT_AGE_BANDS,
  DEFAULT_DISCLOSURE,
  DEFAULT_STAGES,
  type WorkbenchConfig,
} from './config.js';
import { NEED_CATALOGUE } from './catalogues.js';

/** The default indicator labels: the contract's 57-indicator catalogue. */
export function defaultIndicatorLabels(): WorkbenchConfig['indicators'] {
  const out: WorkbenchConfig['indicators'] = {};
  for (const n of NEED_CATALOGUE) out[n.id] = { label: n.label, headlineProblem: n.headlineProblem };
  return out;
}

/**
 * Fills every missing field of a (partial, already validated) configuration with its
 * default. Indicator labels given in the configuration are added to the default catalogue.
 * @example resolveConfig({ dateFormat: 'dd/mm/yyyy' }).ageBands[0].label // '<1'
 */
export function resolveConfig(partial: Partial<WorkbenchConfig> = {}): WorkbenchConfig {
  return {
    columns: partial.columns ?? {},
    yesValues: (partial.yesValues ?? []).map((v) => v.toLowerCase()),
    noValues: (partial.noValues ?? []).map((v) => v.toLowerCase()),
    codes: partial.codes ?? {},
    dateFormat: partial.dateFormat ?? 'yyyy-mm-dd',
    indicators: { ...defaultIndicatorLabels(), ...(partial.indicators ?? {}) },
    ageBands: partial.ageBands ?? DEFAULT_AGE_BANDS,
    stages: partial.stages ?? DEFAULT_STAGES,
    disclosure: partial.disclosure ?? DEFAULT_DISCLOSURE,
    outcomeMeasureIds: partial.outcomeMeasureIds ?? null,
    analysis: partial.analysis ?? {},
  };
}
