/**
 * What a split means for one value, and how its groups read as conditions (internal,
 * shared by `predictTree`, `treeRules` and `treeText`).
 *
 * Ordered predictors (ordinal and binned continuous): each group covers a range of the
 * category order. A category between two groups (absent from the node when the tree was
 * grown, or never seen) goes to the upper group, so a group reads "a < x <= b" with b the
 * top of the group and a the top of the group below it.
 */
import { binOf } from './bin-continuous.js';
import { formatCut } from './tree-labels.js';
import { MISSING_CATEGORY, type TreePredictorInfo, type TreeSplit } from './tree-types.js';

/** Position of a category label in the order of an ordered predictor (numeric value for numeric ordinals), or null. */
function labelPosition(info: TreePredictorInfo, label: string): number | null {
  const k = info.categories.indexOf(label);
  if (k < 0) return null;
  return info.categoryValues ? info.categoryValues[k]! : k;
}

/** Position of a value of an ordered predictor, or null when it has none (unknown text). */
function valuePosition(info: TreePredictorInfo, value: string | number): number | null {
  if (info.level === 'continuous') {
    const x = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(x)) return null;
    return binOf(x, info.cuts ?? []);
  }
  if (info.categoryValues) {
    const x = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(x) ? x : null;
  }
  return labelPosition(info, String(value));
}

interface OrderedGroup {
  index: number;
  top: number;
}

/** Groups with ordered categories, sorted by the position of their top category. */
function orderedGroups(info: TreePredictorInfo, split: TreeSplit): OrderedGroup[] {
  const out: OrderedGroup[] = [];
  split.groups.forEach((g, index) => {
    let top = -Infinity;
    for (const l of g) {
      if (l === MISSING_CATEGORY) continue;
      const pos = labelPosition(info, l);
      if (pos !== null && pos > top) top = pos;
    }
    if (top > -Infinity) out.push({ index, top });
  });
  return out.sort((a, b) => a.top - b.top);
}

/**
 * The child (group index) a value goes to, or null when the split cannot place it (a
 * missing value no group takes, a nominal category not seen when fitting).
 */
export function childGroupFor(info: TreePredictorInfo, split: TreeSplit, value: string | number | null): number | null {
  if (value === null) {
    const k = split.groups.findIndex((g) => g.includes(MISSING_CATEGORY));
    return k >= 0 ? k : (split.missingGroup ?? null);
  }
  if (split.threshold !== undefined) {
    const x = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(x)) return null;
    return x < split.threshold ? 0 : 1;
  }
  const label = info.level === 'continuous' ? null : String(value);
  if (label !== null) {
    const k = split.groups.findIndex((g) => g.includes(label));
    if (k >= 0) return k;
  }
  if (info.level === 'nominal') return split.unseenGroup ?? null;
  const pos = valuePosition(info, value);
  if (pos === null) return split.unseenGroup ?? null;
  const ordered = orderedGroups(info, split);
  if (ordered.length === 0) return split.unseenGroup ?? null;
  for (const g of ordered) if (pos <= g.top) return g.index;
  return ordered[ordered.length - 1]!.index;
}

function boundText(info: TreePredictorInfo, pos: number): string {
  if (info.level === 'continuous') return formatCut(info.cuts![pos]!);
  return String(pos);
}

/** The condition a child's group stands for, e.g. "cluster in {B, D}", "months > 6", "3 < adults <= 5 or adults missing". */
export function conditionText(info: TreePredictorInfo, split: TreeSplit, group: number): string {
  const v = split.variable;
  const labels = split.groups[group]!;
  // missing values are mentioned where the fitting data had them (a group names them, or the split sends them to this group)
  const hasMissing =
    labels.includes(MISSING_CATEGORY) ||
    (info.hasMissing && split.missingGroup === group && !split.groups.some((g) => g.includes(MISSING_CATEGORY)));
  const withMissing = (text: string): string => (hasMissing ? `(${text} or ${v} missing)` : text);
  const present = labels.filter((l) => l !== MISSING_CATEGORY);
  if (present.length === 0) return `${v} missing`;
  if (split.threshold !== undefined) {
    return withMissing(`${v} ${group === 0 ? '<' : '>='} ${formatCut(split.threshold)}`);
  }
  if (info.level === 'nominal' || (info.level === 'ordinal' && !info.categoryValues)) {
    if (split.unseenGroup === group) {
      const others = split.groups.flatMap((g, k) => (k === group ? [] : g.filter((l) => l !== MISSING_CATEGORY)));
      const mine = labels.filter((l) => l !== MISSING_CATEGORY);
      if (mine.length === 1) return withMissing(`${v} = ${mine[0]}`);
      if (others.length > 0) {
        return withMissing(others.length === 1 ? `${v} != ${others[0]}` : `${v} not in {${others.join(', ')}}`);
      }
    }
    return withMissing(present.length === 1 ? `${v} = ${present[0]}` : `${v} in {${present.join(', ')}}`);
  }
  const ordered = orderedGroups(info, split);
  const at = ordered.findIndex((g) => g.index === group);
  const lower = at > 0 ? ordered[at - 1]!.top : null;
  const upper = at < ordered.length - 1 ? ordered[at]!.top : null;
  if (lower === null && upper === null) return hasMissing ? `${v} any value or missing` : `${v} recorded`;
  if (info.level === 'ordinal' && lower !== null && upper !== null && upper === lower + 1) {
    return withMissing(`${v} = ${upper}`);
  }
  if (lower === null) return withMissing(`${v} <= ${boundText(info, upper!)}`);
  if (upper === null) return withMissing(`${v} > ${boundText(info, lower)}`);
  return withMissing(`${boundText(info, lower)} < ${v} <= ${boundText(info, upper)}`);
}
