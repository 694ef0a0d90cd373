/**
 * A progress bar on standard error for long work, drawn only when standard error is a
 * terminal (silent in pipes, CI and tests). Never shows case data: only stage names.
 */
export function progressReporter(title: string): ((stage: string, fraction: number) => void) & { done(): void } {
  const tty = process.stderr.isTTY === true;
  const width = 24;
  const draw = (stage: string, fraction: number) => {
    if (!tty) return;
    const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
    process.stderr.write(`\r${title} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${stage}`.padEnd(70));
  };
  return Object.assign(draw, {
    done() {
      if (tty) process.stderr.write(`\r${' '.repeat(70)}\r`);
    },
  });
}
