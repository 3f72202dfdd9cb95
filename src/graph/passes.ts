import type { Expr } from '../expr/types.js';
import { add, int, mul } from '../expr/factory.js';
import { variablesOf } from '../expr/traverse.js';
import { substitute } from '../expr/substitute.js';
import { evaluate } from '../evaluate/evaluate.js';
import { simplify } from '../simplify/simplify.js';
import { tidyRules } from '../simplify/rules.js';
import type { Condition } from '../diff/steps.js';
import { InputError, WorkLimits, withinLimits } from '../errors.js';
import type { ParseOptions } from '../parse/parse.js';
import { pointText, pointValues, readPoint, valueAt, type Coordinate, type ValueAt } from '../multivariate/at-point.js';
import { expectGraph, inputNodes, nodeName, nodeOf, type ComputationGraph, type GraphNode } from './graph.js';

/*
 * The two passes of reverse-mode differentiation over a computation graph. The forward pass
 * gives each node its value at a point; the backward pass gives each node its adjoint
 * v̄ = ∂f/∂v, from the output (v̄ = 1) back to the inputs, each the sum over the node's uses
 * of the user's adjoint times the local derivative of that edge. The inputs' adjoints are the
 * gradient. Without a point the backward pass is written out: each adjoint an expression in the
 * forward nodes' values.
 */

/** One term of an adjoint: the adjoint of a node that uses this one, times the local derivative of that edge. */
export interface AdjointTerm {
  /** The node that uses this one. */
  readonly user: number;
  /** The index of this node among the user's inputs (its local derivative is the user's locals[that]). */
  readonly edge: number;
}

/** The gradient's component by one variable: the adjoint of the variable's input node. */
export interface GradientComponent<T> {
  readonly variable: string;
  readonly node: number;
  readonly adjoint: T;
}

/** The forward and backward passes at a point, every value exact where the point is, and to 15 digits. */
export interface ForwardBackward {
  readonly graph: ComputationGraph;
  readonly point: readonly Coordinate[];
  /** Each node's value, in the order of the forward pass (values[i] is node i + 1's). */
  readonly values: readonly ValueAt[];
  /** Each local derivative's value there, node by node, in the order of each node's inputs. */
  readonly locals: readonly (readonly ValueAt[])[];
  /** Each node's adjoint ∂f/∂v there, in node order. */
  readonly adjoints: readonly ValueAt[];
  readonly gradient: readonly GradientComponent<ValueAt>[];
}

/** The backward pass written out: each adjoint as an expression in the forward nodes' values. */
export interface SymbolicBackward {
  readonly graph: ComputationGraph;
  /**
   * Each node's adjoint, in node order, tidied; undefined where it would be longer than
   * `maxWrittenAdjoint` nodes written out (a part used along many paths): its terms still say what it is.
   */
  readonly adjoints: readonly (Expr | undefined)[];
  readonly gradient: readonly GradientComponent<Expr | undefined>[];
}

/** The most nodes an adjoint written out in the forward nodes may have: past it, only its terms are given. */
export const maxWrittenAdjoint = 400;

export type PassOptions = ParseOptions & { readonly timeout?: number; readonly maxMemory?: number };

/** A pass that stops at a node: it has no value there, or no derivative by an input. */
export class NodeError extends InputError {
  constructor(message: string, readonly node: number) {
    super(message, 'invalid-request');
  }
}

/** The work on one node, an InputError about it (no value there) said to be about that node. */
function atNode<T>(node: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InputError && !(error instanceof NodeError)) throw new NodeError(error.message, node);
    throw error;
  }
}

/** The terms of a node's adjoint: one for each node that uses it (the output has none: its adjoint is 1). */
export const adjointTerms = (graph: ComputationGraph, index: number): AdjointTerm[] =>
  nodeOf(graph, index).usedBy.map((user) => ({ user, edge: nodeOf(graph, user).inputs.indexOf(index) }));

/**
 * The forward pass at a point ("x=0.5,w=2" or coordinates), then the backward pass: each node's
 * value and adjoint, and each edge's local derivative there. Refused, naming the node, where a
 * node has no value or no derivative at the point.
 */
export function forwardBackward(graph: ComputationGraph, point: string | readonly Coordinate[], options: PassOptions = {}): ForwardBackward {
  expectGraph(graph, 'forwardBackward');
  if (typeof point !== 'string' && !Array.isArray(point)) throw new InputError('forwardBackward takes a point as text (x=0.5,w=2) or as [name, value] pairs', 'invalid-request');
  return withinLimits(WorkLimits.of(options.timeout, options.maxMemory), () => {
    const coordinates = typeof point === 'string' ? readPoint(point, options) : [...point];
    refuseOtherPoints(graph, coordinates);
    const unknown = graph.nodes.find((n) => n.expr.kind === 'apply');
    if (unknown && unknown.expr.kind === 'apply') throw new InputError(`${unknown.expr.name} is an unknown function: it has no value at a point`, 'invalid-request');
    const values = graph.nodes.map((node) => atNode(node.index, () => valueAt(node.expr, coordinates, nodeName(graph, node.index))));
    // Each node's variable with its exact value, for the local derivatives, which are written in them.
    const atNodes: Coordinate[] = values.map((v, i) => [nodeName(graph, i + 1), v.exact]);
    const locals = graph.nodes.map((node) => node.locals.map((local) => atNode(node.index, () => {
      const named = (n: number): string => nodeName(graph, n);
      refuseWhereItDoesNotHold(local.conditions, atNodes, coordinates, `${named(node.index)} has no derivative by ${named(local.input)}`);
      const used = atNodes.filter(([name]) => variablesOf(local.derivative).includes(name));
      return valueAt(local.derivative, used, `∂${named(node.index)}/∂${named(local.input)}`);
    })));
    const adjoints: ValueAt[] = new Array<ValueAt>(graph.nodes.length);
    for (let i = graph.nodes.length; i >= 1; i--) {
      const terms = adjointTerms(graph, i);
      const exact = i === graph.output ? int(1) : add(terms.map((t) => mul([adjoints[t.user - 1]!.exact, locals[t.user - 1]![t.edge]!.exact])));
      adjoints[i - 1] = valueAt(exact, [], `the adjoint of ${nodeName(graph, i)}`);
    }
    const gradient = inputNodes(graph).map((node) => ({ variable: variableOf(node), node: node.index, adjoint: adjoints[node.index - 1]! }));
    return { graph, point: coordinates, values, locals, adjoints, gradient };
  });
}

/**
 * The backward pass without a point: v̄ of the output is 1, and each other node's adjoint is the
 * sum over its users of their adjoints times the local derivatives, written in the forward nodes.
 */
export function backwardPass(graph: ComputationGraph, options: PassOptions = {}): SymbolicBackward {
  expectGraph(graph, 'backwardPass');
  return withinLimits(WorkLimits.of(options.timeout, options.maxMemory), () => {
    const adjoints: (Expr | undefined)[] = new Array<Expr | undefined>(graph.nodes.length);
    for (let i = graph.nodes.length; i >= 1; i--) {
      if (i === graph.output) {
        adjoints[i - 1] = int(1);
        continue;
      }
      const terms = adjointTerms(graph, i).map((t) => {
        const user = adjoints[t.user - 1];
        return user && mul([user, nodeOf(graph, t.user).locals[t.edge]!.derivative]);
      });
      // Sizes count a shared part once per use, as it is written: a part too long to write stays unwritten above it too.
      const sum = terms.every((t) => t !== undefined) ? add(terms) : undefined;
      const written = sum && sum.size <= 2 * maxWrittenAdjoint ? tidied(sum) : undefined;
      adjoints[i - 1] = written && written.size <= maxWrittenAdjoint ? written : undefined;
    }
    const gradient = inputNodes(graph).map((node) => ({ variable: variableOf(node), node: node.index, adjoint: adjoints[node.index - 1]! }));
    return { graph, adjoints, gradient };
  });
}

/**
 * An adjoint tidied but not rewritten: factors of 1 dropped, numbers multiplied, products
 * flattened, so that it reads as the chain of local derivatives it is.
 */
const tidied = (e: Expr): Expr => simplify(e, { rules: tidyRules, form: 'exp' });

/** An expression in node variables written in the input's variables: each node's variable put back as the part it computes. */
export function inInputVariables(graph: ComputationGraph, e: Expr): Expr {
  let result = e;
  // The last node first: a node's part is written in the variables, so nothing put in is put in again.
  for (let i = graph.nodes.length; i >= 1; i--) result = substitute(result, nodeName(graph, i), nodeOf(graph, i).expr);
  return result;
}

const variableOf = (node: GraphNode): string => (node.expr.kind === 'variable' ? node.expr.name : '');

/** A point must give a value to each variable of the graph, and only to them. */
function refuseOtherPoints(graph: ComputationGraph, point: readonly Coordinate[]): void {
  const names = inputNodes(graph).map(variableOf);
  for (const name of names) {
    if (!point.some(([n]) => n === name)) throw new InputError(`the point gives no value to ${name}: add ${name}=… to it`, 'invalid-request');
  }
  for (const [name] of point) {
    if (!names.includes(name)) throw new InputError(`the point gives a value to ${name}, which is no variable of the expression`, 'invalid-request');
    if (point.filter(([n]) => n === name).length > 1) throw new InputError(`the point gives ${name} two values`, 'invalid-request');
  }
}

/** A local derivative that holds only where its conditions do (relu′ for v ≠ 0) has no value where they fail. */
function refuseWhereItDoesNotHold(conditions: readonly Condition[], atNodes: readonly Coordinate[], point: readonly Coordinate[], what: string): void {
  const env = pointValues(atNodes);
  for (const c of conditions) {
    const gap = evaluate(c.left, env) - evaluate(c.right, env);
    if (c.kind === 'not-equal' ? gap === 0 : Number.isInteger(gap)) {
      throw new InputError(`${what} at ${pointText(point)}: there it has a corner, a jump or a step, so the backward pass cannot go through it`, 'invalid-request');
    }
  }
}
