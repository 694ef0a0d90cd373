import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserLibraries, BrowserLibrary } from '../report/interactive-library-script.js';

const require = createRequire(import.meta.url);

/**
 * The folder of an installed package: the nearest folder above its entry point whose
 * package.json names it (works for packages whose `exports` hide package.json).
 * @throws Error when the package is not installed.
 */
export function packageRoot(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    // package.json not exported: climb from the entry point
  }
  const entry = require.resolve(name);
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === name) return dir;
    } catch {
      // no package.json here: keep climbing
    }
  }
  throw new Error(`the package ${name} was not found above ${entry}`);
}

/** The installed version of a package. @throws when it is not installed. */
export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageRoot(name), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The browser build of each library an interactive report inlines, inside its installed package. */
const BROWSER_BUILDS = { vega: ['vega', 'build/vega.min.js'], vegaEmbed: ['vega-embed', 'build/vega-embed.min.js'], vegaInterpreter: ['vega-interpreter', 'build/vega-interpreter.js'] } as const;

/**
 * Reads the browser builds of vega, vega-embed and vega-interpreter (with each package's
 * version and licence) from the installed packages, for `renderReport`'s interactive mode.
 * Cost: reads about 600 kB.
 * @throws Error when a package or its build is not installed.
 * @example const libraries = await readBrowserLibraries(); libraries.vega.version // '6.4.0'
 */
export async function readBrowserLibraries(): Promise<BrowserLibraries> {
  const read = async ([name, build]: readonly [string, string]): Promise<BrowserLibrary> => {
    const root = packageRoot(name);
    const [license, source] = await Promise.all([readFile(join(root, 'LICENSE'), 'utf8'), readFile(join(root, build), 'utf8')]);
    return { name, version: packageVersion(name), license, source };
  };
  const [vega, vegaEmbed, vegaInterpreter] = await Promise.all([read(BROWSER_BUILDS.vega), read(BROWSER_BUILDS.vegaEmbed), read(BROWSER_BUILDS.vegaInterpreter)]);
  return { vega, vegaEmbed, vegaInterpreter };
}
