/** One library shipped to the browser by interactive report pages. */
export interface BrowserLibrary {
  /** The npm package name, e.g. `vega`. */
  readonly name: string;
  /** The installed version, e.g. `6.4.0`. */
  readonly version: string;
  /** The package's licence text, kept at the top of the shipped script. */
  readonly license: string;
  /** The source text of the package's browser build. */
  readonly source: string;
}

/**
 * The browser builds an interactive report ships, read by the caller (the report command
 * reads them from the installed packages; the report module does no file access).
 */
export interface BrowserLibraries {
  /** vega 6, `build/vega.min.js` (UMD: defines the global `vega`). */
  readonly vega: BrowserLibrary;
  /** vega-embed 7, `build/vega-embed.min.js` (UMD: defines `vegaEmbed`; vega-lite not needed for Vega specs). */
  readonly vegaEmbed: BrowserLibrary;
  /** vega-interpreter 2, `build/vega-interpreter.js` (an ES module; wrapped here to define `vegaInterpreter`). */
  readonly vegaInterpreter: BrowserLibrary;
}

const EXPECTED = [
  ['vega', 'vega', 6],
  ['vegaEmbed', 'vega-embed', 7],
  ['vegaInterpreter', 'vega-interpreter', 2],
] as const;

const IMPORT_LINE = /^import \{ ([A-Za-z_$][\w$]*(?:, [A-Za-z_$][\w$]*)*) \} from 'vega-util';$/;
const EXPORT_LINE = /^export \{ ([A-Za-z_$][\w$]*) as expressionInterpreter \};$/;

/**
 * The one classic script that interactive pages inline: a comment naming each library
 * with its version and licence, then vega's UMD build, vega-interpreter's ES module
 * rewritten as a function that takes what it imports from the global `vega` and defines
 * `vegaInterpreter.expressionInterpreter`, then vega-embed's UMD build. Source-map
 * comments are dropped (they name files that are not shipped). The text is checked to be
 * safe inside an HTML `<script>` element. Pure and deterministic: the same libraries give
 * the same bytes (so the same CSP hash). Cost: linear in the sources (about 600 kB).
 * @throws Error when a library is missing or of another package or major version, a source
 *   holds `</script` or `<!--`, a licence holds `*\/`, or vega-interpreter's module does not
 *   have the one `vega-util` import and one export this wrapping expects.
 * @example interactiveLibraryScript(await readBrowserLibraries()).startsWith('/*!') // true
 */
export function interactiveLibraryScript(libraries: BrowserLibraries): string {
  for (const [key, name, major] of EXPECTED) {
    const lib = libraries[key];
    if (!lib || lib.name !== name) {
      throw new Error(`interactiveLibraryScript requires ${key} to be the package ${name}, got ${JSON.stringify(lib?.name)}`);
    }
    const m = /^(\d+)\.\d+\.\d+/.exec(lib.version);
    if (!m || Number(m[1]) !== major) {
      throw new Error(`interactiveLibraryScript requires ${name} ${major}.x, got ${JSON.stringify(lib.version)}`);
    }
    if (lib.source.trim() === '') throw new Error(`interactiveLibraryScript requires the source of ${name}, got empty text`);
    if (/<\/script|<!--/i.test(lib.source)) {
      throw new Error(`interactiveLibraryScript requires sources that are safe inside <script>, got </script or <!-- in ${name}`);
    }
    if (lib.license.includes('*/')) throw new Error(`interactiveLibraryScript requires licence texts without */, got one in ${name}`);
  }
  const header = [
    '/*! Interactive charts of this report, bundled for offline use (no network):',
    ...EXPECTED.flatMap(([key]) => {
      const lib = libraries[key];
      return ['', `${lib.name} ${lib.version}`, lib.license.trim()];
    }),
    '*/',
  ].join('\n');
  return [
    header,
    withoutSourceMap(libraries.vega.source),
    ';',
    wrapInterpreter(withoutSourceMap(libraries.vegaInterpreter.source)),
    withoutSourceMap(libraries.vegaEmbed.source),
    ';',
    '',
  ].join('\n');
}

/** The source without `//# sourceMappingURL=` lines, with a single trailing newline removed. */
function withoutSourceMap(source: string): string {
  return source
    .split('\n')
    .filter((line) => !line.startsWith('//# sourceMappingURL='))
    .join('\n')
    .trimEnd();
}

/**
 * vega-interpreter's ES module as a classic script: its one `import { … } from 'vega-util'`
 * becomes a destructuring of the global `vega` (which re-exports vega-util), its one
 * export becomes `globalThis.vegaInterpreter`.
 */
function wrapInterpreter(source: string): string {
  const lines = source.split('\n');
  const imports = lines.filter((l) => /^import\b/.test(l));
  const exports = lines.filter((l) => /^export\b/.test(l));
  const imported = imports.length === 1 ? IMPORT_LINE.exec(imports[0]!) : null;
  const exported = exports.length === 1 ? EXPORT_LINE.exec(exports[0]!) : null;
  if (!imported || !exported) {
    throw new Error(
      `interactiveLibraryScript requires vega-interpreter to have one import from vega-util and one export of expressionInterpreter, got ${imports.length} import(s) and ${exports.length} export(s)`,
    );
  }
  const names = imported[1]!.split(', ');
  const body = lines.map((l) => (l === imports[0] ? `const { ${names.join(', ')} } = vega;` : l === exports[0] ? '' : l));
  return [
    '(function (vega) {',
    "'use strict';",
    `for (const name of ${JSON.stringify(names)}) if (!(name in vega)) throw new Error('vega-interpreter needs vega.' + name);`,
    ...body,
    `globalThis.vegaInterpreter = Object.freeze({ expressionInterpreter: ${exported[1]} });`,
    '})(globalThis.vega);',
  ].join('\n');
}
