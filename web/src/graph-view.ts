import dagre, { type Edge, type Point } from '@dagrejs/dagre';
import {
  computationGraph, forwardBackward, graphSymbols, toLatex, toUnicode, type ComputationGraph, type Expr, type ForwardBackward,
} from '../../src/index.js';
import { escapeHtml, mathHtml } from './math.js';

/*
 * Backprop, step by step: the computation graph of the input drawn as layers (dagre lays it out,
 * inputs at the top, the output at the bottom, so it is narrow enough for a phone), each node's
 * value under it, and the backward pass as steps: the output's adjoint first, then each node's,
 * the product ∂f/∂vᵢ = Σ ∂f/∂vⱼ · ∂vⱼ/∂vᵢ formed from the edges it gathers. Worked out and
 * drawn (as SVG text) in the worker; the page shows one step at a time.
 */

export interface GraphView {
  /** The graph drawn: an SVG whose nodes are `g.node[data-node=i]` and edges `path[data-edge="from-to"]`. */
  readonly svg: string;
  /** The point, as written: x = 0.5, w = 2, b = −1. */
  readonly point: string;
  /** The variables of the point and their values, for its fields. */
  readonly values: readonly { readonly name: string; readonly value: number }[];
  /** The backward pass a node at a time, from the output back. */
  readonly steps: readonly GraphStep[];
  /** The forward pass and the gradient in words and numbers, for a screen reader and for the text beside the drawing. */
  readonly description: string;
  /** The gradient, the inputs' adjoints, typeset. */
  readonly gradientHtml: string;
}

interface GraphStep {
  readonly node: number;
  /** The edges it gathers along: "user-node" for each node that takes it. */
  readonly edges: readonly string[];
  /** The adjoint formed, typeset: v̄₅ = v̄₆·∂v₆/∂v₅ = 1 · 1/4 = 1/4. */
  readonly html: string;
  /** The same in words, for the live region. */
  readonly text: string;
}

/** Past this many nodes the graph is not drawn: it would not be readable, and the command line writes it out. */
const mostDrawnNodes = 60;

/** A number as the page writes it beside a node: the decimal, short. */
const shortNumber = (decimal: string): string => {
  const x = Number(decimal);
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))).replace('-', '−') : decimal;
};

/** The graph of an expression and its passes at a point: each variable at its value in `values`, else 1. */
export function graphView(expr: Expr, variables: readonly string[], values: Readonly<Record<string, number>>): GraphView | { readonly error: string } {
  const graph = computationGraph(expr, { timeout: 3 });
  if (graph.nodes.length > mostDrawnNodes) return { error: `The graph has ${graph.nodes.length} nodes, too many to draw (at most ${mostDrawnNodes}): dydx --graph writes it out.` };
  const point = variables.map((name) => ({ name, value: values[name] ?? 1 }));
  let passes: ForwardBackward;
  try {
    passes = forwardBackward(graph, point.map(({ name, value }) => `${name}=${value}`).join(','), { timeout: 3 });
  } catch (error) {
    return { error: (error as Error).message };
  }
  return {
    svg: drawing(graph, passes),
    point: point.map(({ name, value }) => `${name} = ${shortNumber(String(value))}`).join(', '),
    values: point,
    steps: backwardSteps(graph, passes),
    description: describe(graph, passes),
    gradientHtml: gradientHtml(graph, passes),
  };
}

/** ∂f/∂w = 0.125, ∂f/∂x = 0.5, …: the inputs' adjoints. */
function gradientHtml(graph: ComputationGraph, passes: ForwardBackward): string {
  const s = graphSymbols(graph, 'latex');
  return mathHtml(passes.gradient.map((g) => `${s.partial(g.variable)} = ${s.adjoint(g.node)} = ${shortNumber(g.adjoint.decimal)}`).join(',\\quad '));
}

/** Each node's adjoint in turn, from the output back, with the edges it gathers along. */
function backwardSteps(graph: ComputationGraph, passes: ForwardBackward): GraphStep[] {
  const s = graphSymbols(graph, 'latex');
  const u = graphSymbols(graph, 'unicode');
  const steps: GraphStep[] = [];
  for (let i = graph.nodes.length; i >= 1; i--) {
    const node = graph.nodes[i - 1]!;
    const adjoint = shortNumber(passes.adjoints[i - 1]!.decimal);
    const terms = node.usedBy.map((user) => ({ user, edge: graph.nodes[user - 1]!.inputs.indexOf(i) }));
    if (terms.length === 0) {
      steps.push({ node: i, edges: [], html: mathHtml(`${s.adjoint(i)} = \\frac{\\partial f}{\\partial ${s.node(i)}} = 1`), text: `${u.adjoint(i)} = 1: the output's own adjoint.` });
      continue;
    }
    const symbolic = terms.map((t) => `${s.adjoint(t.user)} \\cdot ${s.local(t.user, i)}`).join(' + ');
    const locals = terms.map((t) => {
      const local = graph.nodes[t.user - 1]!.locals[t.edge]!;
      return `\\underbrace{${toLatex(local.derivative)}}_{${shortNumber(passes.locals[t.user - 1]![t.edge]!.decimal)}}`;
    });
    const numbers = terms.map((t) => `${shortNumber(passes.adjoints[t.user - 1]!.decimal)} \\cdot ${shortNumber(passes.locals[t.user - 1]![t.edge]!.decimal)}`).join(' + ');
    const html = mathHtml(`${s.adjoint(i)} = ${symbolic} = ${terms.map((t, k) => `${s.adjoint(t.user)} \\cdot ${locals[k]}`).join(' + ')} = ${numbers} = ${adjoint}`, true);
    const text = `${u.adjoint(i)} = ${terms.map((t) => `${u.adjoint(t.user)}·${u.local(t.user, i)}`).join(' + ')} = ${numbers.replaceAll(' \\cdot ', '·')} = ${adjoint}`;
    steps.push({ node: i, edges: terms.map((t) => `${t.user}-${i}`), html, text });
  }
  return steps;
}

/** The forward pass and the gradient in sentences. */
function describe(graph: ComputationGraph, passes: ForwardBackward): string {
  const u = graphSymbols(graph, 'unicode');
  const nodes = graph.nodes.map((n) => `${u.node(n.index)} = ${toUnicode(n.definition)} = ${shortNumber(passes.values[n.index - 1]!.decimal)}`);
  const gradient = passes.gradient.map((g) => `∂f/∂${g.variable} = ${shortNumber(g.adjoint.decimal)}`);
  return `Computation graph of ${toUnicode(graph.input)}, ${graph.nodes.length} nodes, at ${passes.point.map(([name, , typed]) => `${name} = ${typed ?? ''}`).join(', ')}: ${nodes.join('; ')}. Gradient: ${gradient.join(', ')}.`;
}

const nodeHeight = 64;
const charWidth = 8.4;

/** The graph laid out by dagre, top to bottom, and drawn as SVG: each node its definition and its value. */
function drawing(graph: ComputationGraph, passes: ForwardBackward): string {
  const u = graphSymbols(graph, 'unicode');
  const layout = new dagre.graphlib.Graph();
  layout.setGraph({ rankdir: 'TB', nodesep: 18, ranksep: 34, marginx: 6, marginy: 6 });
  layout.setDefaultEdgeLabel(() => ({}));
  // Each node: what it computes, its value, and (shown once the backward pass reaches it) its adjoint.
  const labels = graph.nodes.map((n) => ({
    top: `${u.node(n.index)} = ${toUnicode(n.definition)}`,
    value: shortNumber(passes.values[n.index - 1]!.decimal),
    adjoint: `${u.adjoint(n.index)} = ${shortNumber(passes.adjoints[n.index - 1]!.decimal)}`,
  }));
  graph.nodes.forEach((n, i) => {
    const width = Math.max(labels[i]!.top.length, labels[i]!.value.length, labels[i]!.adjoint.length) * charWidth + 20;
    layout.setNode(String(n.index), { width, height: nodeHeight });
  });
  for (const n of graph.nodes) for (const input of n.inputs) layout.setEdge(String(input), String(n.index));
  dagre.layout(layout);
  const { width = 0, height = 0 } = layout.graph();
  const edges = layout.edges().map((e: Edge) => {
    const points = layout.edge(e).points ?? [];
    const d = points.map((p: Point, k: number) => `${k === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    return `<path class="edge" data-edge="${e.w}-${e.v}" d="${d}" marker-end="url(#arrow)"/>`;
  });
  const nodes = graph.nodes.map((n, i) => {
    const box = layout.node(String(n.index));
    const x = box.x - box.width / 2;
    const y = box.y - box.height / 2;
    const kind = n.op === 'variable' || n.op === 'constant' ? 'input' : n.index === graph.output ? 'output' : 'operation';
    return `<g class="node ${kind}" data-node="${n.index}"><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${box.width.toFixed(1)}" height="${box.height}" rx="6"/>`
      + `<text x="${box.x.toFixed(1)}" y="${(y + 18).toFixed(1)}" class="definition">${escapeHtml(labels[i]!.top)}</text>`
      + `<text x="${box.x.toFixed(1)}" y="${(y + 37).toFixed(1)}" class="value">${escapeHtml(labels[i]!.value)}</text>`
      + `<text x="${box.x.toFixed(1)}" y="${(y + 56).toFixed(1)}" class="adjoint">${escapeHtml(labels[i]!.adjoint)}</text></g>`;
  });
  return `<svg class="graph" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" role="img" aria-labelledby="graph-description" xmlns="http://www.w3.org/2000/svg">`
    + '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>'
    + `${edges.join('')}${nodes.join('')}</svg>`;
}
