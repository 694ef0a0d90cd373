/**
 * A Vega / Vega-Lite logger that records warnings and errors in `problems` instead of
 * printing them, so a chart that drops data or fields fails its render rather than
 * passing unnoticed. Info and debug messages are ignored. Cost: O(1) per message.
 * @example const problems: string[] = []; compile(spec, { logger: collectingLogger(problems) })
 */
export function collectingLogger(problems: string[]) {
  let current = 2;
  const record =
    (kind: string) =>
    (...args: readonly unknown[]) => {
      problems.push(`${kind}: ${args.map(String).join(' ')}`);
      return logger;
    };
  const logger = {
    level(level?: number) {
      if (level === undefined) return current as never;
      current = level;
      return logger as never;
    },
    error: record('error'),
    warn: record('warning'),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
