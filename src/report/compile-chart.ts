import type { Spec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { collectingLogger } from './collecting-logger.js';

/**
 * Compiles a report chart's Vega-Lite spec to Vega in Node, for the interactive pages (so
 * vega-lite is never shipped to the browser). The data stays inline and unchanged: the
 * published values only. The `$schema` name is dropped (nothing reads it). Any
 * Vega-Lite warning or error fails the compile, as it fails `renderSvg`.
 * Cost: one Vega-Lite compile, linear in the spec (milliseconds).
 * @throws Error when the spec is invalid or compiling it logs a warning.
 * @example compileChart(barChartSpec(options)).marks?.length // 1 (the layered group)
 */
export function compileChart(spec: TopLevelSpec): Spec {
  const problems: string[] = [];
  const compiled: Spec = compile(spec, { logger: collectingLogger(problems) }).spec;
  if (problems.length > 0) throw new Error(`compileChart: the chart logged ${problems.join('; ')}`);
  const { $schema: _schema, ...rest } = compiled;
  return rest;
}
