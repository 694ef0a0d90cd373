import {
  PREDICTOR_LEVELS,
  STOP_REASONS,
  TREE_METHODS,
  TREE_MODEL_KIND,
  TREE_MODEL_VERSION,
  type TreeModel,
} from './tree-types.js';

type Json = Record<string, unknown>;

function fail(rule: string, got: unknown): never {
  const shown = typeof got === 'string' ? `"${got}"` : Array.isArray(got) ? 'an array' : got === null ? 'null' : typeof got === 'object' ? 'an object' : String(got);
  throw new Error(`loadTreeModel requires ${rule}, got ${shown}`);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringArray(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(`${what} to be an array of text`, v);
  return v as string[];
}

function finite(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${what} to be a finite number`, v);
  return v;
}

/**
 * Checks a saved tree (the object from `toTreeModel`, or its JSON text) and returns it
 * typed: kind and version, method, target categories, predictors (level, categories,
 * cut points), and nodes (ids 0…n−1 in order, parents before children, children matching
 * the split groups, distributions over the target categories, split predictors known).
 *
 * Cost: O(size of the tree).
 * @throws naming the first rule the model breaks and the offending value.
 * @example predictTree(loadTreeModel(readFileSync('tree.json', 'utf8')), cases)
 */
export function loadTreeModel(json: unknown): TreeModel {
  const m = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  if (!isObject(m)) fail('an object', m);
  if (m.kind !== TREE_MODEL_KIND) fail(`kind "${TREE_MODEL_KIND}"`, m.kind);
  if (m.version !== TREE_MODEL_VERSION) fail(`version ${TREE_MODEL_VERSION}`, m.version);
  if (!TREE_METHODS.includes(m.method as never)) fail(`method to be one of ${TREE_METHODS.join(', ')}`, m.method);
  if (typeof m.target !== 'string') fail('target to be text', m.target);
  const targets = stringArray(m.targetCategories, 'targetCategories');
  if (targets.length === 0) fail('at least one target category', targets.length);
  if (!Array.isArray(m.predictors)) fail('predictors to be an array', m.predictors);
  const predictorNames = new Map<string, Json>();
  for (const p of m.predictors as unknown[]) {
    if (!isObject(p) || typeof p.name !== 'string') fail('every predictor to have a name', p);
    if (predictorNames.has(p.name)) fail('unique predictor names', p.name);
    if (!PREDICTOR_LEVELS.includes(p.level as never)) fail(`the level of predictor "${p.name}" to be one of ${PREDICTOR_LEVELS.join(', ')}`, p.level);
    stringArray(p.categories, `the categories of predictor "${p.name}"`);
    if (p.categoryValues !== null) {
      if (!Array.isArray(p.categoryValues) || p.categoryValues.length !== (p.categories as string[]).length) {
        fail(`categoryValues of predictor "${p.name}" to be null or one number per category`, p.categoryValues);
      }
      (p.categoryValues as unknown[]).forEach((v) => finite(v, `categoryValues of predictor "${p.name}"`));
    }
    if (p.level === 'continuous') {
      if (!Array.isArray(p.cuts)) fail(`cut points for continuous predictor "${p.name}"`, p.cuts);
      const cuts = p.cuts as unknown[];
      cuts.forEach((c, i) => {
        finite(c, `cut points of predictor "${p.name}"`);
        if (i > 0 && !((c as number) > (cuts[i - 1] as number))) fail(`ascending cut points for predictor "${p.name}"`, c);
      });
      if ((p.categories as string[]).length !== cuts.length + 1 && cuts.length + (p.categories as string[]).length > 0) {
        fail(`one more category than cut points for predictor "${p.name}"`, (p.categories as string[]).length);
      }
    } else if (p.cuts !== null) fail(`no cut points for ${String(p.level)} predictor "${p.name}"`, p.cuts);
    if (typeof p.hasMissing !== 'boolean') fail(`hasMissing of predictor "${p.name}" to be true or false`, p.hasMissing);
    predictorNames.set(p.name, p);
  }
  if (!Array.isArray(m.nodes) || m.nodes.length === 0) fail('at least one node', m.nodes);
  const nodes = m.nodes as unknown[];
  nodes.forEach((raw, id) => {
    if (!isObject(raw)) fail(`node ${id} to be an object`, raw);
    const node = raw;
    if (node.id !== id) fail(`node ids 0, 1, 2, … in order (node ${id})`, node.id);
    if (id === 0 ? node.parent !== null : !(Number.isInteger(node.parent) && (node.parent as number) < id)) {
      fail(`node ${id} to have ${id === 0 ? 'no parent' : 'an earlier node as parent'}`, node.parent);
    }
    if (!Number.isInteger(node.n) || (node.n as number) < 0) fail(`node ${id} to have a whole number n`, node.n);
    if (!isObject(node.distribution)) fail(`node ${id} to have a distribution`, node.distribution);
    const dist = node.distribution;
    let sum = 0;
    for (const t of targets) sum += finite(dist[t], `the count of "${t}" in node ${id}`);
    if (Object.keys(dist).length !== targets.length) fail(`node ${id} distribution over exactly the target categories`, Object.keys(dist).length);
    if (sum !== node.n) fail(`node ${id} distribution to add up to n = ${String(node.n)}`, sum);
    if (!Array.isArray(node.children) || node.children.some((c) => !Number.isInteger(c) || c <= id || c >= nodes.length)) {
      fail(`node ${id} children to be later node ids`, node.children);
    }
    const children = node.children as number[];
    if (node.split === null) {
      if (children.length) fail(`terminal node ${id} to have no children`, children.length);
      if (node.stop !== null && !STOP_REASONS.includes(node.stop as never)) fail(`node ${id} stop reason to be one of ${STOP_REASONS.join(', ')}`, node.stop);
      return;
    }
    if (!isObject(node.split)) fail(`node ${id} split to be an object or null`, node.split);
    const s = node.split;
    if (typeof s.variable !== 'string' || !predictorNames.has(s.variable)) fail(`node ${id} to split on a known predictor`, s.variable);
    if (!Array.isArray(s.groups) || s.groups.length < 2) fail(`node ${id} split to have at least two groups`, s.groups);
    (s.groups as unknown[]).forEach((g) => stringArray(g, `node ${id} split groups`));
    if (children.length !== (s.groups as unknown[]).length) fail(`node ${id} to have one child per group (${(s.groups as unknown[]).length})`, children.length);
    for (const f of ['chiSquare', 'p', 'pAdjusted', 'bonferroni'] as const) finite(s[f], `node ${id} split ${f}`);
    if (!Number.isInteger(s.df)) fail(`node ${id} split df to be a whole number`, s.df);
    if (s.threshold !== undefined) finite(s.threshold, `node ${id} split threshold`);
    for (const f of ['missingGroup', 'unseenGroup'] as const) {
      if (s[f] !== undefined && !(Number.isInteger(s[f]) && (s[f] as number) >= 0 && (s[f] as number) < children.length)) {
        fail(`node ${id} split ${f} to be a child index`, s[f]);
      }
    }
    for (const c of children) {
      const child = nodes[c];
      if (isObject(child) && child.parent !== id) fail(`node ${c} to name node ${id} as its parent`, child.parent);
    }
  });
  return m as unknown as TreeModel;
}
