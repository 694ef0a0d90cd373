/**
 * An independent check of exact linear disclosure for the tests: whether the value of an
 * unknown follows from linear equations, decided with exact integer arithmetic (BigInt,
 * fraction-free elimination) rather than the floating-point elimination in
 * src/disclosure/audit-disclosure.ts.
 */

/** Rank of an integer matrix, exactly. */
export function exactRank(matrix: readonly (readonly number[])[]): number {
  const rows = matrix.map((row) => row.map((v) => BigInt(v)));
  const columns = rows[0]?.length ?? 0;
  let rank = 0;
  for (let c = 0; c < columns && rank < rows.length; c++) {
    const pivot = rows.findIndex((row, r) => r >= rank && row[c] !== 0n);
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
    const p = rows[rank]!;
    for (let r = rank + 1; r < rows.length; r++) {
      const row = rows[r]!;
      const f = row[c]!;
      if (f === 0n) continue;
      for (let k = 0; k < columns; k++) row[k] = row[k]! * p[c]! - f * p[k]!;
      const g = row.reduce((a, b) => gcd(a, b), 0n);
      if (g > 1n) for (let k = 0; k < columns; k++) row[k] = row[k]! / g;
    }
    rank++;
  }
  return rank;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * For each unknown cell, whether it is determined by the equations `Σ coef·cell = known`:
 * the unit vector of the cell lies in the row space of the unknowns' coefficient matrix
 * exactly when appending it leaves the rank unchanged.
 */
export function exactlyDetermined(
  unknown: readonly boolean[],
  rules: readonly { total: number; parts: readonly number[] }[],
): boolean[] {
  const vars = unknown.map((u, i) => (u ? i : -1)).filter((i) => i >= 0);
  const col = new Map(vars.map((v, k) => [v, k]));
  const a = rules
    .map((rule) => {
      const row = new Array<number>(vars.length).fill(0);
      if (col.has(rule.total)) row[col.get(rule.total)!]! += 1;
      for (const p of rule.parts) if (col.has(p)) row[col.get(p)!]! -= 1;
      return row;
    })
    .filter((row) => row.some((v) => v !== 0));
  const base = a.length === 0 ? 0 : exactRank(a);
  return unknown.map((u, i) => {
    if (!u) return false;
    const e = new Array<number>(vars.length).fill(0);
    e[col.get(i)!] = 1;
    return exactRank([...a, e]) === base;
  });
}
