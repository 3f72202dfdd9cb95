import type { Expr } from '../expr/types.js';
import { variable } from '../expr/factory.js';
import { parseDecimal } from '../expr/rational.js';
import { nodeOf, nodeVariable, type ComputationGraph } from '../graph/graph.js';
import { adjointTerms, type ForwardBackward, type SymbolicBackward } from '../graph/passes.js';
import type { AdjointCheck } from '../graph/check.js';
import type { Coordinate, ValueAt } from '../multivariate/at-point.js';
import { verdictLine } from '../check/verdict.js';
import { checkPoints } from '../check/check.js';
import { printerFor } from './notation.js';
import type { Notation } from './precedence.js';
import { partialName } from './matrix.js';
import { approximateIn, isPlainValue, pointValueIn } from './value-at.js';
import { wordsIn, type Words } from './worked.js';

/*
 * A computation graph and its passes as a reader follows them: the nodes in the order the
 * forward pass computes them, each with its value at the point; then the backward pass from the
 * output back, each node's adjoint after the local derivatives it gathers; then the gradient.
 * The sections are made once in a notation and laid out as text, LaTeX (align*) or Markdown.
 */

/** One side of a chain of equalities, and how it stands to the side before it. */
export interface GraphSide {
  readonly relation: '=' | '≈';
  readonly math: string;
}

/** A line of a section: a chain of equalities (the first side's relation is not written), and words beside it. */
export interface GraphRow {
  readonly sides: readonly GraphSide[];
  readonly note?: Words;
}

export interface GraphSection {
  readonly heading: Words;
  readonly rows: readonly GraphRow[];
}

/** Exact values printed longer than this are given as their decimals in the walkthrough (JSON has them whole). */
export const longestShownExact = 80;

/** The symbols of a graph in a notation: node names, adjoints, local derivatives, the gradient's components. */
export function graphSymbols(graph: ComputationGraph, notation: Notation) {
  const print = printerFor(notation);
  const node = (i: number): string => print(nodeVariable(graph, i));
  return {
    node,
    /** v̄4: the adjoint of node 4 (v4_bar in ASCII, \bar{v}_{4} in LaTeX); v̄ without a number, any node's. */
    adjoint: (i?: number): string => {
      const n = i === undefined ? '' : String(i);
      if (notation === 'latex') return `\\bar{${graph.letter}}${n === '' ? '' : `_{${n}}`}`;
      return notation === 'unicode' ? `${graph.letter}\u0304${n}` : `${graph.letter}${n}_bar`;
    },
    /** ∂v6/∂v5: the local derivative of node 6 by its input node 5. */
    local: (of: number, by: number): string => partialName(node(of), [node(by)], notation),
    /** ∂f/∂w. */
    partial: (name: string): string => partialName('f', [print(variable(name))], notation),
  };
}

/** The sections of a walkthrough: the graph (with the forward pass's values at a point), the backward pass, the gradient. */
export function graphSections(passes: ForwardBackward | SymbolicBackward, notation: Notation): GraphSection[] {
  const { graph } = passes;
  const print = printerFor(notation);
  const s = graphSymbols(graph, notation);
  const at = 'point' in passes ? passes : undefined;
  const valued = (v: ValueAt | undefined): GraphSide[] => (v === undefined ? [] : valueSides(v, notation));
  const written = (e: Expr | undefined): GraphSide[] => (e === undefined ? [] : [side(print(e))]);
  const m = (math: string) => ({ math });

  const forward: GraphRow[] = graph.nodes.map((node) => ({
    sides: withoutRepeats([side(s.node(node.index)), side(print(node.definition)), ...valued(at?.values[node.index - 1])]),
    ...(node.uses > 1 ? { note: [usedTimes(node.uses)] } : {}),
  }));
  const forwardHeading: Words = at
    ? ['Forward pass of ', m(print(graph.input)), ' at ', m(pointIn(at.point, notation)), ', each node\'s value']
    : ['Computation graph of ', m(print(graph.input)), ', the nodes in the order a forward pass computes them'];

  const backward: GraphRow[] = [];
  for (let i = graph.nodes.length; i >= 1; i--) {
    const terms = adjointTerms(graph, i);
    for (const t of terms) {
      const user = nodeOf(graph, t.user);
      const local = user.locals[t.edge]!;
      backward.push({
        sides: withoutRepeats([side(s.local(t.user, i)), side(print(local.derivative)), ...valued(at?.locals[t.user - 1]![t.edge])]),
        ...(local.reusesOutput ? { note: ['the forward value ', m(s.node(t.user)), ' reused'] } : {}),
      });
    }
    const times = notation === 'latex' ? ' \\cdot ' : notation === 'unicode' ? '·' : '*';
    const recurrence = terms.map((t) => `${s.adjoint(t.user)}${times}${s.local(t.user, i)}`).join(' + ');
    if (at) {
      backward.push({ sides: withoutRepeats([side(s.adjoint(i)), ...(i === graph.output ? [] : [side(recurrence)]), ...valued(at.adjoints[i - 1])]) });
    } else {
      const adjoint = (passes as SymbolicBackward).adjoints[i - 1];
      backward.push({
        sides: withoutRepeats([side(s.adjoint(i)), ...(i === graph.output ? [] : [side(recurrence)]), ...written(adjoint)]),
        ...(adjoint ? {} : { note: ['too long to write out in the forward nodes'] }),
      });
    }
  }
  const backwardHeading: Words = ['Backward pass, each node\'s adjoint ', m(`${s.adjoint()} = ${partialName('f', [graph.letter], notation)}`), ' from the output back to the inputs'];

  const gradient: GraphRow[] = passes.gradient.map((g) => {
    const adjoint = at ? valued(at.adjoints[g.node - 1]) : written((passes as SymbolicBackward).adjoints[g.node - 1]);
    return { sides: [side(s.partial(g.variable)), side(s.adjoint(g.node)), ...adjoint] };
  });
  return [
    { heading: forwardHeading, rows: forward },
    { heading: backwardHeading, rows: backward },
    ...(gradient.length > 0 ? [{ heading: ['The inputs\' adjoints are the gradient ', m(nabla[notation])] as Words, rows: gradient }] : []),
  ];
}

/** A section laid out: text (a heading line, then a line a row), LaTeX (running text, then align*), Markdown (a paragraph, then a list). */
export function sectionIn(section: GraphSection, layout: 'text' | 'latex' | 'markdown'): string {
  const chain = (row: GraphRow, first: string): string => row.sides.map((x, i) =>
    (i === 0 ? x.math : `${i === 1 ? first : ' '}${relationIn(x.relation, layout)} ${x.math}`)).join('');
  switch (layout) {
    case 'text': return [`${wordsIn(section.heading, 'text')}:`, ...section.rows.map((row) => `${chain(row, ' ')}${row.note ? `  (${wordsIn(row.note, 'text')})` : ''}`)].join('\n');
    case 'latex': {
      const rows = section.rows.map((row) => `${chain(row, ' &')}${row.note ? ` && ${wordsIn(row.note, 'latex')}` : ''}`);
      return `${wordsIn(section.heading, 'markdown')}:\n\\begin{align*}\n${rows.join(' \\\\\n')}\n\\end{align*}`;
    }
    case 'markdown': return [`${wordsIn(section.heading, 'markdown')}:`, '', ...section.rows.map((row) => `- $${chain(row, ' ')}$${row.note ? ` (${wordsIn(row.note, 'markdown')})` : ''}`)].join('\n');
  }
}

/** The check of one input's adjoint, in a line: against the rules' derivative, then against finite differences. */
export function adjointCheckLine(check: AdjointCheck, graph: ComputationGraph, notation: 'text' | 'unicode'): string {
  const s = graphSymbols(graph, notation);
  const adjoint = check.atPoint ? s.adjoint(check.node) : `${s.adjoint(check.node)}, written in the variables,`;
  const partial = `${s.partial(check.variable)} by the differentiation rules`;
  const where = check.atPoint ? ' there' : ` at ${checkPoints.length} points`;
  const error = (x: number): string => x.toExponential(1);
  const against = ((): string => {
    switch (check.agreement) {
      case 'exact': return `${adjoint} equals ${partial}${check.atPoint ? ' there, exactly' : ' (their difference simplifies to 0)'}`;
      case 'close': return `${adjoint} equals ${partial}${where} to a relative ${error(check.error)}`;
      case 'apart': return `${adjoint} is NOT ${partial}${where}: relative error ${error(check.error)}`;
      case 'no-value': return `${adjoint} could not be compared with ${partial}: it has no value${where}`;
    }
  })();
  return `by ${check.variable}: ${against}; ${verdictLine(check.differences)}`;
}

const side = (math: string): GraphSide => ({ relation: '=', math });

/** A chain without a side that repeats the one before it: v1 = w, not v1 = w = w; ∂v5/∂v4 = 1, not 1 = 1. */
const withoutRepeats = (sides: readonly GraphSide[]): GraphSide[] =>
  sides.filter((x, i) => i === 0 || x.math !== sides[i - 1]!.math || x.relation !== sides[i - 1]!.relation);

/** A value: exact, with its decimal beside it where it is not a plain number; only the decimal where the exact value is long. */
function valueSides(v: ValueAt, notation: Notation): GraphSide[] {
  const exact = pointValueIn(v.exact, notation);
  const decimal = approximateIn(v, notation);
  // 1/4 = 0.25: a number whose six digits are all of it is equal to them, not near them.
  const whole = v.exact.kind === 'num' && !/e/.test(decimal) && parseDecimal(decimal.replace(/^[-−]/, '')).equals(v.exact.value.abs());
  const approximately: GraphSide = { relation: whole ? '=' : '≈', math: decimal };
  if (exact.length > longestShownExact) return [approximately];
  return isPlainValue(v, notation) ? [side(exact)] : [side(exact), approximately];
}

const relationIn = (relation: '=' | '≈', layout: 'text' | 'latex' | 'markdown'): string => (relation === '=' ? '=' : layout === 'text' ? '≈' : '\\approx');

/** w = 2, x = 0.5, b = −1. */
const pointIn = (point: readonly Coordinate[], notation: Notation): string =>
  point.map(([name, value]) => `${printerFor(notation)(variable(name))} = ${pointValueIn(value, notation)}`).join(', ');

const nabla: Readonly<Record<Notation, string>> = { text: 'grad f', unicode: '∇f', latex: '\\nabla f' };

const usedTimes = (n: number): string => (n === 2 ? 'used twice' : `used ${n} times`);
