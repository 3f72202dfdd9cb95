import { WorkLimits, withinLimits } from '../../errors.js';
import { computationGraph, nodeName, type ComputationGraph } from '../../graph/graph.js';
import { backwardPass, forwardBackward, NodeError, type ForwardBackward, type SymbolicBackward } from '../../graph/passes.js';
import { InputError } from '../../errors.js';
import { printerFor } from '../../print/notation.js';
import { toLatex } from '../../print/latex.js';
import { checkAdjoints, type AdjointCheck } from '../../graph/check.js';
import type { ValueAt } from '../../multivariate/at-point.js';
import { adjointCheckLine, graphSections, sectionIn } from '../../print/graph.js';
import { graphToDot } from '../../print/graph-dot.js';
import { approximatelyJson, checkJson, printed } from '../json.js';
import { checkOutcome, readingOptions, worstOutcome, type Question } from '../question.js';
import { mathNotation, noteNotation, type Part, type ShownFormat } from '../write.js';

/**
 * The computation graph of an expression, one node per distinct part, and the backward pass
 * over it: each node's adjoint ∂f/∂v from the output back, the inputs' adjoints being the
 * gradient. With a point, both passes with their values there.
 */
export const graphQuestion: Question = {
  name: 'graph',
  title: 'a computation graph',
  takes: ['graph', 'at', 'check', 'latexDocument'],
  askedBy: 'graph',
  variables: 'several',
  formats: ['text', 'unicode', 'latex', 'markdown', 'json', 'dot'],
  refuses: {
    order: 'the backward pass gives first derivatives: ask for a higher order without --graph',
    var: 'every variable is an input of the graph, and the backward pass gives the adjoint of each',
    steps: 'the passes are the steps: the graph shows each node, each local derivative and each adjoint',
    emit: 'code for the value and the gradient together is --emit with --var, without --graph',
  },
  asks: (_, request) => request.graph === true,
  answer({ text: input }, request) {
    // The graph and its passes share the one limit on time and memory.
    const options = { ...readingOptions(request), timeout: undefined, maxMemory: undefined };
    const { graph, passes } = withinLimits(WorkLimits.of(request.timeout, request.maxMemory), () => {
      const graph = computationGraph(input, options);
      try {
        return { graph, passes: request.at === undefined ? backwardPass(graph) : forwardBackward(graph, request.at, options) };
      } catch (error) {
        if (!(error instanceof NodeError)) throw error;
        // Said with what the node computes: the reader has not seen the graph.
        const print = printerFor(noteNotation(request.format));
        const node = graph.nodes[error.node - 1]!;
        throw new InputError(`${error.message} (${nodeName(graph, node.index)} = ${print(node.definition)}, the part ${print(node.expr)} of the input)`, 'invalid-request');
      }
    });
    const checks = request.check ? checkAdjoints(passes, { timeout: request.timeout }) : [];
    const notation = noteNotation(request.format);
    const parts = (format: ShownFormat): Part[] => {
      const layout = format === 'latex' || format === 'markdown' ? format : 'text';
      return graphSections(passes, mathNotation(format)).map((section) => ({ kind: 'verbatim', text: sectionIn(section, layout) }));
    };
    return {
      shown: { parts, json: () => graphJson(input, passes, checks), dot: () => graphToDot(graph, passes) },
      notes: checks.map((c) => adjointCheckLine(c, graph, notation)),
      outcome: worstOutcome(checks.map((c) => checkOutcome(c.verdict))),
      heading: `Computation graph of $${toLatex(graph.input)}$`,
    };
  },
};

/** A value in JSON: exact in the three notations, and its decimal. */
const valued = (v: ValueAt) => ({ ...printed(v.exact), approximately: approximatelyJson(v) });

/**
 * The graph in JSON: its nodes in the order of the forward pass, each with what it computes, the
 * part of the input it is, its local derivatives, and its value and adjoint (at a point) or its
 * adjoint written in the forward nodes (without one; null where too long to write out).
 */
function graphJson(input: string, passes: ForwardBackward | SymbolicBackward, checks: readonly AdjointCheck[]) {
  const { graph } = passes;
  const at = 'point' in passes ? passes : undefined;
  const id = (i: number): string => nodeName(graph, i);
  const adjointOf = (i: number) => (at ? valued(at.adjoints[i - 1]!) : symbolicAdjoint(passes as SymbolicBackward, i));
  const nodes = graph.nodes.map((node) => ({
    id: id(node.index), op: node.op, inputs: node.inputs.map(id),
    expression: printed(node.definition), part: printed(node.expr), uses: node.uses, usedBy: node.usedBy.map(id),
    local: node.locals.map((l, k) => ({
      input: id(l.input), rule: l.rule, derivative: printed(l.derivative), reusesOutput: l.reusesOutput,
      ...(at ? { value: valued(at.locals[node.index - 1]![k]!) } : {}),
    })),
    ...(at ? { value: valued(at.values[node.index - 1]!) } : {}),
    adjoint: adjointOf(node.index),
  }));
  const gradient = Object.fromEntries(passes.gradient.map((g) => [g.variable, adjointOf(g.node)]));
  return {
    input,
    ...(at ? { at: Object.fromEntries(at.point.map(([name, v]) => [name, printed(v)])) } : {}),
    graph: { nodes, output: id(graph.output), gradient },
    ...(checks.length > 0 ? { check: checks.map((c) => checkEntryJson(graph, c)) } : {}),
  };
}

const symbolicAdjoint = (passes: SymbolicBackward, i: number) => {
  const adjoint = passes.adjoints[i - 1];
  return adjoint === undefined ? null : printed(adjoint);
};

const checkEntryJson = (graph: ComputationGraph, c: AdjointCheck) => ({
  variable: c.variable, node: nodeName(graph, c.node), verdict: c.verdict,
  derivative: printed(c.derivative.result), agreement: c.agreement, error: Number.isNaN(c.error) ? null : c.error,
  differences: checkJson(c.differences),
});
