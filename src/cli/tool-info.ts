import { readFileSync } from 'node:fs';
import type { ToolInfo } from '../evaluate.js';
import { packageVersion } from '../io/package-files.js';

/** Libraries whose versions change results or pages; recorded in results.json and on the methods page. */
const LIBRARIES = ['ml-kmeans', 'ml-cart', 'simple-statistics', 'jstat', '@stdlib/math-base-special-gammainc', 'pure-rand', 'exceljs', 'vega', 'vega-lite', 'commander'] as const;

/** The tool's name and version, and the installed versions of the libraries it computes with. */
export function toolInfo(): ToolInfo {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  const libraries: Record<string, string> = { node: process.versions.node };
  for (const name of LIBRARIES) libraries[name] = packageVersion(name);
  return { name: pkg.name, version: pkg.version, libraries };
}
