import type { Expr } from '../expr/types.js';
import { neg, variable } from '../expr/factory.js';
import { children, equals, foldTree, rebuild, variablesOf } from '../expr/traverse.js';
import type { FunctionName } from '../functions/table.js';
import { read, type ParseOptions } from '../parse/parse.js';
import { InputError, WorkLimits, withinLimits } from '../errors.js';
import { checkTree } from '../expr/check-tree.js';
import type { DifferentiateOptions } from '../differentiate/differentiate.js';
import { localDerivatives, type LocalDerivative } from './local.js';

/*
 * The computation graph of an expression: one node per distinct part that depends on a
 * variable (a part written twice is one node used twice), the variables first, then the
 * operations in an order where each comes after its inputs, as a forward pass computes them.
 * Trees are hash-consed, so a part written twice is already one object: the graph is the tree's
 * DAG with constants folded into the operations that take them (2·v1, v3 + 1).
 */

/** What a node computes: an input (a variable, or a constant where the whole expression is one), an operation, or a function of the table. */
export type GraphOp = 'variable' | 'constant' | 'add' | 'mul' | 'div' | 'neg' | 'pow' | 'apply' | FunctionName;

export interface GraphNode {
  /** Its place in the forward pass, from 1: the node is named by it (v1, v2, …). */
  readonly index: number;
  readonly op: GraphOp;
  /** The nodes it takes, each once, in the order its definition first uses them. */
  readonly inputs: readonly number[];
  /** The part of the input it computes. */
  readonly expr: Expr;
  /** What it computes, in its inputs' node variables with constants folded in (2·v1, σ(v4)); an input's is its variable or constant. */
  readonly definition: Expr;
  /** How many times operations take it: a part written twice is one node used twice. */
  readonly uses: number;
  /** The nodes that take it, each once, in the order of the forward pass: those its adjoint gathers from. */
  readonly usedBy: readonly number[];
  /** ∂(this node)/∂(each input), one per input in the order of `inputs`. */
  readonly locals: readonly LocalDerivative[];
}

export interface ComputationGraph {
  readonly input: Expr;
  /** The letter the nodes are named with: v (v1, v2, …), or another where the input has variables named so. */
  readonly letter: string;
  /** In the order of the forward pass: node i + 1 is nodes[i]. */
  readonly nodes: readonly GraphNode[];
  /** The node whose value is the expression's: the last. */
  readonly output: number;
}

export type GraphOptions = ParseOptions & Pick<DifferentiateOptions, 'timeout' | 'maxMemory' | 'functions'>;

/** The computation graph of an expression (text or a tree), with each edge's local derivative. */
export function computationGraph(input: string | Expr, options: GraphOptions = {}): ComputationGraph {
  if (typeof input !== 'string') checkTree(input);
  return withinLimits(WorkLimits.of(options.timeout, options.maxMemory), () => {
    const reading = typeof input === 'string' ? read(input, options) : undefined;
    const order = reading?.request.order;
    if (order !== undefined && order !== 1) {
      throw new InputError(`the input asks for a derivative of order ${order}: a computation graph's backward pass gives first derivatives`, 'invalid-request');
    }
    return graphOf(reading?.expr ?? (input as Expr), options);
  });
}

/** Refuses what is not a graph computationGraph() made, in the words of the function given it. */
export function expectGraph(graph: unknown, taker: string): asserts graph is ComputationGraph {
  const g = graph as Partial<ComputationGraph> | null;
  if (typeof g !== 'object' || g === null || !Array.isArray(g.nodes) || typeof g.letter !== 'string' || typeof g.output !== 'number') {
    throw new InputError(`${taker} takes what computationGraph() returns`, 'invalid-request');
  }
}

/** The node variable of node `index`: v3. */
export const nodeVariable = (graph: ComputationGraph, index: number): Expr => variable(nodeName(graph, index));

/** The name of node `index`: v3. */
export const nodeName = (graph: ComputationGraph, index: number): string => `${graph.letter}${index}`;

/** The node of each index: node(graph, 3) is v3. */
export const nodeOf = (graph: ComputationGraph, index: number): GraphNode => graph.nodes[index - 1]!;

/** The input nodes (variables), in the order they first appear. */
export const inputNodes = (graph: ComputationGraph): readonly GraphNode[] => graph.nodes.filter((n) => n.op === 'variable');

/** Letters to name nodes with: the first that no variable of the input starts with, followed by a digit. */
const letters = ['v', 'u', 'z', 'q', 'n'] as const;

function graphOf(expr: Expr, options: GraphOptions): ComputationGraph {
  const names = variablesOf(expr);
  const letter = letters.find((l) => !names.some((n) => new RegExp(`^${l}\\d`).test(n)));
  if (letter === undefined) throw new InputError(`no letter left to name the graph's nodes: the input has variables named ${letters.map((l) => `${l}1`).join(', ')}`, 'invalid-request');
  // Whether each part depends on a variable: a part that does not is a constant, folded into the operation that takes it.
  const varying = new Map<Expr, boolean>();
  foldTree(expr, (node, of) => {
    const v = node.kind === 'variable' || children(node).some(of);
    varying.set(node, v);
    return v;
  });
  const isVarying = (e: Expr): boolean => varying.get(e) ?? variablesOf(e).length > 0;
  for (const node of varying.keys()) {
    if (node.kind === 'derivative') throw new InputError('the input has a derivative left to work out, (…)′: a computation graph is of an expression', 'invalid-request');
  }

  const found = new NodeTable();
  const order: Expr[] = [];
  // The variables first, in the order they appear; then the operations, each after its operands.
  if (!isVarying(expr)) order.push(expr);
  for (const name of names) order.push(variable(name));
  for (const e of order) found.add(e, found.size + 1);
  // Depth-first without recursion, so that any depth of nesting is walked.
  const stack: { readonly e: Expr; readonly operands: readonly Expr[]; next: number }[] = [];
  const visit = (e: Expr): void => {
    if (found.indexOf(e) === undefined) stack.push({ e, operands: operandsOf(e, isVarying), next: 0 });
  };
  visit(expr);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.operands.length) {
      visit(top.operands[top.next++]!);
      continue;
    }
    stack.pop();
    if (found.indexOf(top.e) === undefined) {
      found.add(top.e, found.size + 1);
      order.push(top.e);
    }
  }

  const uses = new Array<number>(order.length + 1).fill(0);
  const shell = order.map((e, i) => {
    const operands = e.kind === 'variable' || !isVarying(e) ? [] : operandsOf(e, isVarying);
    const inputs: number[] = [];
    for (const o of operands) {
      const k = found.indexOf(o)!;
      uses[k]!++;
      if (!inputs.includes(k)) inputs.push(k);
    }
    const definition = e.kind === 'variable' || !isVarying(e) ? e : definitionOf(e, isVarying, (o) => variable(`${letter}${found.indexOf(o)!}`));
    return { index: i + 1, op: opOf(e, isVarying), inputs, expr: e, definition };
  });
  const usedBy = shell.map((): number[] => []);
  for (const n of shell) for (const k of n.inputs) usedBy[k - 1]!.push(n.index);
  const nodes = shell.map((n) => ({
    ...n, uses: uses[n.index]!, usedBy: usedBy[n.index - 1]!,
    locals: localDerivatives(n.definition, letter, n.inputs, n.index, options),
  }));
  return { input: expr, letter, nodes, output: found.indexOf(expr)! };
}

/**
 * The parts of an operation that are nodes of their own: its children that depend on a
 * variable, a term −u of a sum giving u (the sum subtracts it: v1 − v2), each as often as it is used.
 */
function operandsOf(e: Expr, isVarying: (e: Expr) => boolean): Expr[] {
  if (e.kind === 'variable' || !isVarying(e)) return [];
  return children(e).filter(isVarying).map((c) => (e.kind === 'add' && c.kind === 'neg' ? c.operand : c));
}

/** The operation with each operand put as its node's variable, constants left in. */
function definitionOf(e: Expr, isVarying: (e: Expr) => boolean, nodeOfPart: (part: Expr) => Expr): Expr {
  return rebuild(e, children(e).map((c) => {
    if (!isVarying(c)) return c;
    return e.kind === 'add' && c.kind === 'neg' ? neg(nodeOfPart(c.operand)) : nodeOfPart(c);
  }));
}

function opOf(e: Expr, isVarying: (e: Expr) => boolean): GraphOp {
  if (!isVarying(e)) return 'constant';
  switch (e.kind) {
    case 'variable': case 'add': case 'mul': case 'div': case 'neg': case 'pow': case 'apply': return e.kind;
    case 'call': return e.name;
    case 'num': case 'constant': case 'derivative': throw new Error(`internal error: a varying ${e.kind}`);
  }
}

/**
 * Nodes by the part they compute. Equal parts are one object when built in one piece of work;
 * a part equal to another built apart is found by its hash and structure all the same.
 */
class NodeTable {
  private readonly byHash = new Map<number, { readonly e: Expr; readonly index: number }[]>();
  size = 0;

  indexOf(e: Expr): number | undefined {
    const bucket = this.byHash.get(e.hash);
    return bucket?.find((entry) => entry.e === e)?.index ?? bucket?.find((entry) => equals(entry.e, e))?.index;
  }

  add(e: Expr, index: number): void {
    const bucket = this.byHash.get(e.hash);
    if (bucket) bucket.push({ e, index });
    else this.byHash.set(e.hash, [{ e, index }]);
    this.size++;
  }
}
