/**
 * The notebook runner: `npm run notebook -- NAME [--out DIR]` (or `--all`) runs
 * `notebooks/NAME.ts` once with a display session open, and renders its page into
 * `reports/notebooks/NAME/` (replaced atomically). Exit status: 0 done; 2 unknown
 * notebook or bad options; 1 the notebook failed (one-line reason on standard error).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import type { DisclosureProfile } from '../cohort/config.js';
import { writeFolderAtomic } from '../io/write-atomic.js';
import { closeDisplaySession, openDisplaySession } from '../notebook/display.js';
import type { NotebookOutput } from '../notebook/notebook-output.js';
import { parseNotebook } from '../notebook/parse-notebook.js';
import { renderNotebook, type RenderedNotebook } from '../notebook/render-notebook.js';
import { toolInfo } from './tool-info.js';

/** The repository's folder (two levels above this file). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where notebooks live. */
export const NOTEBOOKS_DIR = join(ROOT, 'notebooks');
/** Where pages go: `reports/notebooks/NAME/`. */
export const NOTEBOOK_REPORTS_DIR = join(ROOT, 'reports', 'notebooks');

const NAME = /^[a-z0-9][a-z0-9-]*$/;

export interface RunNotebookOptions {
  /** Folder to write the page into (default `reports/notebooks/NAME`); replaced atomically. */
  out?: string;
  /** Folder holding the notebooks (default `notebooks/`). */
  notebooksDir?: string;
  /** Disclosure profile unless the notebook sets one (default DEFAULT_DISCLOSURE). */
  profile?: DisclosureProfile;
  /** Write nothing, only return the page (tests). */
  dryRun?: boolean;
}

export interface RunNotebookResult extends RenderedNotebook {
  name: string;
  /** The folder written (null on a dry run). */
  out: string | null;
  outputs: NotebookOutput[];
  seconds: number;
}

/** A notebook that cannot be found, or a bad option: exit status 2. */
export class NotebookUsageError extends Error {
  override name = 'NotebookUsageError';
}

/** Files imported so far in this process: a second run of a file needs a fresh module instance. */
const imported = new Map<string, number>();

/**
 * Runs one notebook and renders its page: reads `notebooks/NAME.ts`, splits it into
 * cells, imports it once as a module with a display session open (a fresh module
 * instance each run), renders the page with disclosure control, and writes the folder.
 * Cost: the notebook's own, plus one chart render per figure.
 * @throws NotebookUsageError for an unknown or malformed name; the notebook's own error
 *   (with its name) when it fails; an Error when a chart or a check fails.
 * @example await runNotebook('leicestershire-2018')
 */
export async function runNotebook(name: string, options: RunNotebookOptions = {}): Promise<RunNotebookResult> {
  if (!NAME.test(name)) throw new NotebookUsageError(`a notebook name is lower-case letters, digits and -, got ${JSON.stringify(name)}`);
  const dir = options.notebooksDir ?? NOTEBOOKS_DIR;
  const file = resolve(dir, `${name}.ts`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    const known = await listNotebooks(dir);
    throw new NotebookUsageError(`no notebook ${name} in ${dir}; notebooks: ${known.join(', ') || 'none'}`);
  }
  const started = performance.now();
  const cells = parseNotebook(text);
  const session = openDisplaySession(file);
  try {
    // The first run imports the file as it is (so every loader maps stack lines to the
    // source); a later run in the same process adds a query to get a fresh instance.
    const runs = imported.get(file) ?? 0;
    imported.set(file, runs + 1);
    await import(runs === 0 ? pathToFileURL(file).href : `${pathToFileURL(file).href}?run=${runs + 1}`);
  } catch (e) {
    closeDisplaySession(session);
    const message = e instanceof Error ? e.message : String(e);
    const error = new Error(`notebook ${name} failed: ${message}`);
    if (e instanceof Error && e.stack) error.stack = `${error.message}\n${e.stack}`;
    throw error;
  }
  const outputs = closeDisplaySession(session);
  const tool = toolInfo();
  const rendered = await renderNotebook({
    name,
    cells,
    outputs,
    ...(options.profile ? { profile: options.profile } : {}),
    tool: `${tool.name} ${tool.version}`,
    sourceSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
  });
  const out = options.dryRun ? null : (options.out ?? join(NOTEBOOK_REPORTS_DIR, name));
  if (out !== null) await writeFolderAtomic(out, rendered.files.map((f) => ({ path: f.path, content: f.content })));
  return { ...rendered, name, out, outputs, seconds: (performance.now() - started) / 1000 };
}

/**
 * The notebooks in a folder: names of its `.ts` files that hold percent-format cells,
 * sorted. Cost: one directory read.
 * @example await listNotebooks() // ['herefordshire-age-bands', 'leicestershire-2018', 'new-cohort', 'target-resources']
 */
export async function listNotebooks(dir: string = NOTEBOOKS_DIR): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names.sort()) {
    if (!n.endsWith('.ts') || n.endsWith('.d.ts') || !NAME.test(n.slice(0, -3))) continue;
    const text = await readFile(join(dir, n), 'utf8');
    if (/^\s*\/\/\s?%%/m.test(text)) out.push(n.slice(0, -3));
  }
  return out;
}

/** The command line: maps argv onto `runNotebook` and returns the exit status. */
export async function notebookMain(argv: string[]): Promise<number> {
  const program = new Command('notebook')
    .description('run a notebook of notebooks/ and render its page into reports/notebooks/NAME/')
    .argument('[name]', 'notebook name (file name in notebooks/ without .ts)')
    .option('--out <dir>', 'folder to write the page into (default reports/notebooks/NAME; replaced atomically)')
    .option('--all', 'run every notebook (each into reports/notebooks/NAME)')
    .option('--list', 'list the notebooks and exit')
    .exitOverride()
    .showHelpAfterError('(run npm run notebook -- --help for usage)');
  try {
    program.parse(argv, { from: 'user' });
    const opts = program.opts<{ out?: string; all?: boolean; list?: boolean }>();
    const name = program.args[0];
    if (opts.list) {
      process.stdout.write(`${(await listNotebooks()).join('\n')}\n`);
      return 0;
    }
    if (opts.all && (name !== undefined || opts.out !== undefined)) throw new NotebookUsageError('--all takes no name and no --out');
    const names = opts.all ? await listNotebooks() : name !== undefined ? [name] : [];
    if (names.length === 0) throw new NotebookUsageError(`name a notebook (or --all); notebooks: ${(await listNotebooks()).join(', ')}`);
    for (const n of names) {
      const result = await runNotebook(n, opts.out !== undefined ? { out: opts.out } : {});
      const suppressed = result.published.primaryCount + result.published.secondaryCount;
      process.stderr.write(
        `notebook ${n}: ${result.outputs.length} outputs, ${suppressed} counts suppressed, ${result.seconds.toFixed(1)} s; open ${join(result.out!, 'index.html')}\n`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 || e.code === 'commander.helpDisplayed' ? 0 : 2;
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`notebook: ${message.split('\n')[0]}\n`);
    if (process.env.EARLYHELP_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return e instanceof NotebookUsageError ? 2 : 1;
  }
}

const entry = process.argv[1];
if (entry !== undefined && basename(entry).startsWith('notebook-main') && resolve(entry) === fileURLToPath(import.meta.url)) {
  process.exitCode = await notebookMain(process.argv.slice(2));
}
