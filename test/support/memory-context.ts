import type { Cohort } from '../../src/cohort/types.js';
import type { WorkbenchConfig } from '../../src/cohort/config.js';
import { resolveConfig } from '../../src/cohort/resolve-config.js';
import type { CliContext } from '../../src/cli/context.js';

/**
 * A CLI context in memory for command tests: the given cohort, files read from and written
 * to a map, and what the command printed (JSON, lines on standard output, messages).
 */
export function memoryContext(cohort: () => Cohort, config: Partial<WorkbenchConfig> = {}, files: Record<string, string> = {}) {
  const out = { json: [] as unknown[], print: [] as string[], info: [] as string[] };
  const ctx: CliContext = {
    loadCohort: async () => ({ cohort: cohort(), config: resolveConfig(config) }),
    printJson: (v) => out.json.push(JSON.parse(JSON.stringify(v))),
    print: (t) => out.print.push(t),
    info: (m) => out.info.push(m),
    writeFile: async (p, t) => {
      files[p] = t;
    },
    openWriter: memoryWriter((p, t) => (files[p] = t)),
    readFile: async (p) => {
      if (!(p in files)) throw new Error(`no file ${p}`);
      return files[p]!;
    },
  };
  return { ctx, out, files };
}

/** `openWriter` for in-memory contexts: the pieces are joined and stored on close. */
export function memoryWriter(store: (path: string, text: string) => void): CliContext['openWriter'] {
  return async (path) => {
    const parts: string[] = [];
    return {
      write: async (t) => void parts.push(t),
      close: async () => store(path, parts.join('')),
      abort: async () => void (parts.length = 0),
    };
  };
}
