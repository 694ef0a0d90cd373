/**
 * Ordering and formatting of category labels, shared by the trees (internal: not
 * re-exported from the library index).
 */

/**
 * Deterministic order of category labels: labels that read as numbers first, in numeric
 * order, then the rest by UTF-16 code units (no locale involved).
 * @example ['10', '2', 'b', 'a'].sort(compareLabels) // ['2', '10', 'a', 'b']
 */
export function compareLabels(a: string, b: string): number {
  const na = a.trim() === '' ? NaN : Number(a);
  const nb = b.trim() === '' ? NaN : Number(b);
  const fa = Number.isFinite(na);
  const fb = Number.isFinite(nb);
  if (fa && fb) return na - nb || (a < b ? -1 : a > b ? 1 : 0);
  if (fa) return -1;
  if (fb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A number as a short label: at most 6 significant digits, no trailing zeros. */
export function formatCut(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** Percent with one decimal, e.g. 61.5. */
export function percent1(count: number, n: number): number {
  return n === 0 ? 0 : Math.round((1000 * count) / n) / 10;
}
