import { CliUsageError } from './context.js';

/** Parses a whole-number option such as `--seed` or `--k`; exit 2 with the value when it is not one. */
export function parseSeed(value: string | undefined, option = '--seed'): number {
  if (value === undefined) return 1;
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) {
    throw new CliUsageError(`${option} must be a whole number ≥ 0, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}
