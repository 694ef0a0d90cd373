import { isSuppressed, type PublishedValue } from '../disclosure/suppressed.js';

/**
 * Formats a published number with thousands separators and a fixed number of decimals
 * (`1234.5` → `"1,234.5"`), or the suppression symbol for a suppressed value. Minus signs
 * are the Unicode minus (U+2212). Cost: O(digits). @throws Error when the number is not finite.
 * @example formatNumber(1234567, '[c]') // '1,234,567'
 * @example formatNumber(SUPPRESSED, '[c]') // '[c]'
 */
export function formatNumber(value: PublishedValue, symbol: string, decimals = 0): string {
  if (isSuppressed(value)) return symbol;
  if (!Number.isFinite(value)) throw new Error(`formatNumber requires a finite number, got ${value}`);
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '\u2212' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/**
 * A published percentage with one decimal and a % sign (`27.066` → `"27.1%"`), or the symbol.
 * Cost: O(digits). @throws Error when the number is not finite.
 * @example formatPercent(27.066, '[c]') // '27.1%'
 */
export function formatPercent(value: PublishedValue, symbol: string, decimals = 1): string {
  return isSuppressed(value) ? symbol : `${formatNumber(value, symbol, decimals)}%`;
}

/**
 * A p-value as published: `< 0.001` below 0.001, else three decimals.
 * Cost: O(1). @throws Error when p is not in [0, 1].
 * @example formatP(2.5e-36) // '< 0.001'
 */
export function formatP(p: number): string {
  if (!(p >= 0 && p <= 1)) throw new Error(`formatP requires p in [0, 1], got ${p}`);
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}
