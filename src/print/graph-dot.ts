import { nodeName, type ComputationGraph } from '../graph/graph.js';
import type { ForwardBackward, SymbolicBackward } from '../graph/passes.js';
import type { ValueAt } from '../multivariate/at-point.js';
import { toUnicode } from './linear.js';
import { graphSymbols, longestShownExact } from './graph.js';
import { approximateIn, pointValueIn } from './value-at.js';

/*
 * A computation graph in Graphviz's DOT language, for `dot -Tsvg`: a node a line, labelled
 * with what it computes (and at a point its value and adjoint), an edge from each input to the
 * node that takes it, labelled with its local derivative. Inputs are ellipses and the output
 * is drawn twice round; the graph reads from left to right, as the forward pass runs.
 */

/** The graph, with its passes where they are given, as a DOT digraph. */
export function graphToDot(graph: ComputationGraph, passes?: ForwardBackward | SymbolicBackward): string {
  const s = graphSymbols(graph, 'unicode');
  const at = passes && 'point' in passes ? passes : undefined;
  const lines = [
    'digraph computation {',
    '  rankdir=LR;',
    `  label=${quoted(`f = ${toUnicode(graph.input)}`)};`,
    '  labelloc=t;',
    '  node [shape=box, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const node of graph.nodes) {
    const i = node.index;
    const label = [`${s.node(i)} = ${toUnicode(node.definition)}`];
    if (at) label.push(shown(at.values[i - 1]!), `${s.adjoint(i)} ${shown(at.adjoints[i - 1]!)}`);
    const shape = node.op === 'variable' || node.op === 'constant' ? ', shape=ellipse' : '';
    const output = i === graph.output ? ', peripheries=2' : '';
    lines.push(`  ${nodeName(graph, i)} [label=${quoted(label.join('\n'))}${shape}${output}];`);
  }
  for (const node of graph.nodes) {
    node.locals.forEach((local, k) => {
      const formula = toUnicode(local.derivative);
      const value = at ? shown(at.locals[node.index - 1]![k]!) : `= ${formula}`;
      // A local derivative that is a number (1 for a sum) is its own value.
      const label = value === `= ${formula}` ? formula : `${formula} ${value}`;
      lines.push(`  ${nodeName(graph, local.input)} -> ${nodeName(graph, node.index)} [label=${quoted(label)}];`);
    });
  }
  lines.push('}');
  return lines.join('\n');
}

/** A value as a label shows it: "= 1/4" where the exact value is short, else "≈ 0.221713". */
function shown(v: ValueAt): string {
  const exact = pointValueIn(v.exact, 'unicode');
  return exact.length <= longestShownExact / 2 ? `= ${exact}` : `≈ ${approximateIn(v, 'unicode')}`;
}

/** A DOT string: quotes and backslashes escaped, line breaks as \n (centred lines). */
const quoted = (text: string): string => `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;
