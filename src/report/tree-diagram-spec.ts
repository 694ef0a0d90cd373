import type { TopLevelSpec } from 'vega-lite';
import { ANALYSIS_FUNCTION_COLOURS, SECONDARY_TEXT_COLOUR, TEXT_COLOUR } from './analysis-colours.js';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-config.js';

/** One node of a tree to draw, with its text already published and formatted. */
export interface TreeDiagramNode {
  readonly id: number;
  readonly parent: number | null;
  /** Lines printed in the node's box (e.g. "Node 3", "n = 1,204", "Yes: 31.2%"). */
  readonly lines: readonly string[];
  /** The condition on the edge from the parent (e.g. "Age band: <1, 1-4"); empty for the root. */
  readonly edge: string;
}

export interface TreeDiagramSpecOptions {
  readonly nodes: readonly TreeDiagramNode[];
  readonly description: string;
  /** Box width in pixels (default 150). */
  readonly boxWidth?: number;
}

const LINE_HEIGHT = 14;
/** Lines of an edge's condition above a child box, and characters per line. */
const EDGE_LINES = 4;
const EDGE_CHARS = 22;
const LEVEL_GAP = 24 + EDGE_LINES * 13;

/** Wraps text at spaces into at most `lines` lines of about `width` characters (the last ends in … if cut). */
function wrap(text: string, width: number, lines: number): string {
  // Words longer than a line are cut into pieces of the line's width.
  const words = text.split(' ').flatMap((w) => (w.length <= width ? [w] : (w.match(new RegExp(`.{1,${width}}`, 'g')) ?? [w])));
  const out: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') out.push(line);
  if (out.length <= lines) return out.join('\n');
  return [...out.slice(0, lines - 1), `${out[lines - 1]}…`].join('\n');
}

/**
 * A decision tree drawn top-down: a box per node holding its lines, joined to its parent
 * by a line labelled with the split condition. Leaves take equal slots left to right (in
 * node order), and a parent sits above the middle of its children. Positions are computed
 * here and drawn at pixel coordinates (no scales). Cost: O(nodes).
 * @throws Error when a parent is missing, there is not exactly one root, or ids repeat.
 * @example treeDiagramSpec({ nodes: [{ id: 0, parent: null, lines: ['All', 'n = 2,700'], edge: '' }], description: 'The tree.' })
 */
export function treeDiagramSpec(options: TreeDiagramSpecOptions): TopLevelSpec {
  const { nodes } = options;
  const boxWidth = options.boxWidth ?? 150;
  const slot = boxWidth + 24;
  const byId = new Map<number, TreeDiagramNode>();
  for (const node of nodes) {
    if (byId.has(node.id)) throw new Error(`treeDiagramSpec requires unique node ids, got ${node.id} twice`);
    byId.set(node.id, node);
  }
  const roots = nodes.filter((n) => n.parent === null);
  if (roots.length !== 1) throw new Error(`treeDiagramSpec requires exactly one root, got ${roots.length}`);
  const children = new Map<number, TreeDiagramNode[]>();
  for (const node of nodes) {
    if (node.parent === null) continue;
    if (!byId.has(node.parent)) throw new Error(`treeDiagramSpec requires every parent to exist, node ${node.id} has parent ${node.parent}`);
    const list = children.get(node.parent) ?? [];
    list.push(node);
    children.set(node.parent, list);
  }
  const boxHeight = Math.max(...nodes.map((n) => n.lines.length)) * LINE_HEIGHT + 10;
  const position = new Map<number, { x: number; depth: number }>();
  let nextLeaf = 0;
  const place = (node: TreeDiagramNode, depth: number): number => {
    const kids = children.get(node.id) ?? [];
    let x: number;
    if (kids.length === 0) x = nextLeaf++ * slot + slot / 2;
    else {
      const xs = kids.map((k) => place(k, depth + 1));
      x = (xs[0]! + xs[xs.length - 1]!) / 2;
    }
    position.set(node.id, { x, depth });
    return x;
  };
  place(roots[0]!, 0);
  const top = (depth: number): number => depth * (boxHeight + LEVEL_GAP) + 4;
  const boxes = nodes.map((n) => {
    const p = position.get(n.id)!;
    return {
      x: p.x - boxWidth / 2,
      x2: p.x + boxWidth / 2,
      y: top(p.depth),
      y2: top(p.depth) + boxHeight,
      cx: p.x,
      text: n.lines.join('\n'),
      aria_description: `${n.edge ? `${n.edge}. ` : ''}${n.lines.join(', ')}`,
      depth: p.depth,
    };
  });
  const edges = nodes
    .filter((n) => n.parent !== null)
    .map((n) => {
      const p = position.get(n.parent!)!;
      const c = position.get(n.id)!;
      const edge = wrap(n.edge, EDGE_CHARS, EDGE_LINES);
      // Vega stacks the lines of a text downwards from y: start high enough to end above the box.
      const ly = top(c.depth) - 4 - (edge.split('\n').length - 1) * 13;
      return { x: p.x, y: top(p.depth) + boxHeight, x2: c.x, y2: top(c.depth), edge, lx: c.x, ly };
    });
  const width = Math.max(nextLeaf, 1) * slot;
  const depthMax = Math.max(...boxes.map((b) => b.depth));
  const height = top(depthMax) + boxHeight + 4;
  const pixel = (field: string) => ({ field, type: 'quantitative' as const, scale: null, axis: null });
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: options.description,
    config: CHART_CONFIG,
    width,
    height,
    layer: [
      {
        data: { values: edges },
        mark: { type: 'rule', color: SECONDARY_TEXT_COLOUR, strokeWidth: 1.5, aria: false },
        encoding: { x: pixel('x'), y: pixel('y'), x2: { field: 'x2' }, y2: { field: 'y2' } },
      },
      {
        data: { values: edges },
        mark: { type: 'text', baseline: 'bottom', fontSize: 11, lineBreak: '\n', lineHeight: 13, color: TEXT_COLOUR, aria: false, limit: boxWidth + 20 },
        encoding: { x: pixel('lx'), y: pixel('ly'), text: { field: 'edge', type: 'nominal' } },
      },
      {
        data: { values: boxes },
        mark: { type: 'rect', fill: '#FFFFFF', stroke: ANALYSIS_FUNCTION_COLOURS[0], strokeWidth: 1.5 },
        encoding: { x: pixel('x'), y: pixel('y'), x2: { field: 'x2' }, y2: { field: 'y2' }, description: { field: 'aria_description' } },
      },
      {
        data: { values: boxes },
        mark: { type: 'text', baseline: 'top', lineBreak: '\n', lineHeight: LINE_HEIGHT, fontSize: 11, color: TEXT_COLOUR, aria: false, dy: 5 },
        encoding: { x: pixel('cx'), y: pixel('y'), text: { field: 'text', type: 'nominal' } },
      },
    ],
  };
}
