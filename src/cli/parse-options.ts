import { CliUsageError } from './context.js';

/**
 * Parses a whole-number option (`--k 9`, or the same key from the configuration's
 * `analysis` section): a safe integer, or its digits with an optional sign and surrounding
 * spaces; `1e3`, `0x10`, `1.0` and blank are refused, never converted. Exit 2
 * (CliUsageError) naming the option and the value when it is not a whole number from
 * `min` to `max`.
 * @example parseWholeOption('12', '--k', 1) // 12
 */
export function parseWholeOption(value: unknown, option: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new CliUsageError(`${option} must be a whole number ${range}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** Parses `--seed` (default 1); exit 2 with the value when it is not a whole number ≥ 0. */
export function parseSeed(value: string | undefined): number {
  return value === undefined ? 1 : parseWholeOption(value, '--seed', 0);
}
