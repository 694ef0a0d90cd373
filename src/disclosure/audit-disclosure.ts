/**
 * One additive relation between counts: `cells[total] = Σ cells[parts]` (a row or column
 * total, the complement of a proportion, a table's grand total).
 */
export interface SumRule {
  /** Index of the total cell. */
  readonly total: number;
  /** Indices of the cells that add up to it (distinct, at least one, not the total). */
  readonly parts: readonly number[];
}

const EPSILON = 1e-9;

/**
 * Which unknown cells a reader can solve exactly from the known cells and the sum rules
 * (exact linear disclosure). A cell is known when `unknown[i]` is false. The answer is
 * `true` for an unknown cell whose value follows from linear combinations of the rules
 * (for example the single unpublished cell of a row whose total is published, or the
 * bridge cell between two suppressed cycles), `false` otherwise and for known cells.
 * Given the exact `values`, one consequence of counts being non-negative is used too: the
 * parts of a total the reader knows to be 0 are all 0. Other bounds are not used: the
 * audit is about exact recovery.
 *
 * Method: rules with a single unknown are solved first (propagated until none is left);
 * the rest are split into connected components and each is put into reduced row echelon
 * form; an unknown is determined when its pivot row has no other non-zero entry.
 * Cost: O(R·m) for propagation plus O(e·u²) per remaining component (e rules, u unknowns).
 * @throws Error when a rule refers to a cell that does not exist, or values has the wrong length.
 * @example auditDisclosure([true, false, false], [{ total: 2, parts: [0, 1] }]) // [true, false, false]
 */
export function auditDisclosure(unknown: readonly boolean[], rules: readonly SumRule[], values?: readonly number[]): boolean[] {
  return createAuditor(unknown.length, rules, values)(unknown);
}

/**
 * `auditDisclosure` prepared once for a fixed set of cells and rules, to audit many
 * patterns of unknown cells (as secondary suppression does). Cost: O(R·m) to prepare.
 * @throws Error when a rule refers to a cell that does not exist, or values has the wrong length.
 * @example const audit = createAuditor(3, [{ total: 2, parts: [0, 1] }]); audit([true, false, false]) // [true, false, false]
 */
export function createAuditor(
  cellCount: number,
  rules: readonly SumRule[],
  values?: readonly number[],
): (unknown: readonly boolean[]) => boolean[] {
  const n = cellCount;
  const members: number[][] = rules.map((rule) => [rule.total, ...rule.parts]);
  for (const list of members) {
    for (const i of list) {
      if (!Number.isInteger(i) || i < 0 || i >= n) {
        throw new Error(`auditDisclosure requires rule cells in 0..${n - 1}, got ${i}`);
      }
    }
  }
  if (values && values.length !== n) {
    throw new Error(`auditDisclosure requires one value per cell, got ${values.length} values for ${n} cells`);
  }
  const rulesOf: number[][] = Array.from({ length: n }, () => []);
  members.forEach((list, r) => {
    for (const i of list) rulesOf[i]!.push(r);
  });
  const zeroTotal = rules.map((rule) => values !== undefined && values[rule.total] === 0);
  return (unknown) => {
    if (unknown.length !== n) throw new Error(`auditDisclosure requires ${n} cells, got ${unknown.length}`);
    const resolved = unknown.map((u) => !u);
    for (;;) {
      // Propagation: a rule with one unresolved cell solves it; a resolved zero total solves its parts.
      const open = new Int32Array(rules.length);
      members.forEach((list, r) => {
        let count = 0;
        for (const i of list) if (!resolved[i]) count++;
        open[r] = count;
      });
      const queue: number[] = [];
      for (let r = 0; r < rules.length; r++) if (open[r]! > 0 && (open[r] === 1 || zeroTotal[r])) queue.push(r);
      const resolve = (cell: number): void => {
        if (resolved[cell]) return;
        resolved[cell] = true;
        for (const r of rulesOf[cell]!) {
          open[r]!--;
          if (open[r]! > 0 && (open[r] === 1 || zeroTotal[r])) queue.push(r);
        }
      };
      while (queue.length > 0) {
        const r = queue.pop()!;
        if (open[r] === 0) continue;
        const rule = rules[r]!;
        if (zeroTotal[r] && resolved[rule.total]) {
          for (const i of rule.parts) resolve(i);
        } else if (open[r] === 1) {
          resolve(members[r]!.find((i) => !resolved[i])!);
        }
      }
      const solved = solveComponents(resolved, rules, open);
      for (const cell of solved) resolved[cell] = true;
      const more = solved.some((cell) => rulesOf[cell]!.some((r) => rules[r]!.total === cell && zeroTotal[r]));
      if (!more) break;
    }
    return unknown.map((u, i) => u && resolved[i]!);
  };
}

/**
 * Rules with two or more unresolved cells, split into components by shared cells; the
 * cells each component's elimination solves.
 */
function solveComponents(resolved: readonly boolean[], rules: readonly SumRule[], open: ArrayLike<number>): number[] {
  const n = resolved.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const pending: number[] = [];
  rules.forEach((rule, r) => {
    if (open[r]! < 2) return;
    pending.push(r);
    const cells = [rule.total, ...rule.parts].filter((i) => !resolved[i]);
    for (const i of cells.slice(1)) {
      const a = find(cells[0]!);
      const b = find(i);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  });
  const components = new Map<number, number[]>();
  for (const r of pending) {
    const rule = rules[r]!;
    const first = [rule.total, ...rule.parts].find((i) => !resolved[i])!;
    const root = find(first);
    const list = components.get(root);
    if (list) list.push(r);
    else components.set(root, [r]);
  }
  const solved: number[] = [];
  for (const ruleIds of components.values()) {
    const vars: number[] = [];
    const column = new Map<number, number>();
    for (const r of ruleIds) {
      const rule = rules[r]!;
      for (const i of [rule.total, ...rule.parts]) {
        if (!resolved[i] && !column.has(i)) {
          column.set(i, vars.length);
          vars.push(i);
        }
      }
    }
    const matrix = ruleIds.map((r) => {
      const row = new Array<number>(vars.length).fill(0);
      const rule = rules[r]!;
      if (!resolved[rule.total]) row[column.get(rule.total)!]! += 1;
      for (const i of rule.parts) if (!resolved[i]) row[column.get(i)!]! -= 1;
      return row;
    });
    for (const c of pivotOnlyColumns(matrix, vars.length)) solved.push(vars[c]!);
  }
  return solved;
}

/** Columns of a matrix's reduced row echelon form whose pivot row has no other entry. */
function pivotOnlyColumns(matrix: number[][], columns: number): number[] {
  const rows = matrix.length;
  const pivots: { row: number; column: number }[] = [];
  let lead = 0;
  for (let c = 0; c < columns && lead < rows; c++) {
    let best = lead;
    for (let r = lead + 1; r < rows; r++) {
      if (Math.abs(matrix[r]![c]!) > Math.abs(matrix[best]![c]!)) best = r;
    }
    if (Math.abs(matrix[best]![c]!) < EPSILON) continue;
    [matrix[lead], matrix[best]] = [matrix[best]!, matrix[lead]!];
    const pivotRow = matrix[lead]!;
    const scale = pivotRow[c]!;
    for (let k = 0; k < columns; k++) pivotRow[k]! /= scale;
    for (let r = 0; r < rows; r++) {
      if (r === lead) continue;
      const row = matrix[r]!;
      const factor = row[c]!;
      if (Math.abs(factor) < EPSILON) continue;
      for (let k = 0; k < columns; k++) row[k]! -= factor * pivotRow[k]!;
    }
    pivots.push({ row: lead, column: c });
    lead++;
  }
  const out: number[] = [];
  for (const { row, column } of pivots) {
    const values = matrix[row]!;
    let alone = true;
    for (let k = 0; k < columns; k++) {
      if (k !== column && Math.abs(values[k]!) > EPSILON) {
        alone = false;
        break;
      }
    }
    if (alone) out.push(column);
  }
  return out;
}
