import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ToolInfo } from '../evaluate.js';

/** Libraries whose versions change results or pages; recorded in results.json and on the methods page. */
const LIBRARIES = ['ml-kmeans', 'ml-cart', 'simple-statistics', 'jstat', '@stdlib/math-base-special-gammainc', 'pure-rand', 'papaparse', 'exceljs', 'vega', 'vega-lite', 'commander'] as const;

/** The tool's name and version, and the installed versions of the libraries it computes with. */
export function toolInfo(): ToolInfo {
  const root = new URL('../../', import.meta.url);
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { name: string; version: string };
  const require = createRequire(new URL('package.json', root));
  const libraries: Record<string, string> = { node: process.versions.node };
  for (const name of LIBRARIES) {
    try {
      const p = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string };
      libraries[name] = p.version;
    } catch {
      // Packages whose exports hide package.json: find it beside the entry point.
      try {
        let dir = require.resolve(name);
        for (let i = 0; i < 6; i++) {
          dir = dir.slice(0, dir.lastIndexOf('/'));
          try {
            const p = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { name?: string; version: string };
            if (p.name === name) {
              libraries[name] = p.version;
              break;
            }
          } catch {
            /* keep climbing */
          }
        }
      } catch {
        libraries[name] = 'unknown';
      }
    }
  }
  return { name: pkg.name, version: pkg.version, libraries };
}
