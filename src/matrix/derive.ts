import { InputError, WorkLimits, withinLimits } from '../errors.js';
import { readInput, type InputReading, type ParseOptions } from '../parse/parse.js';
import type { MatrixExpr, MVariable } from './types.js';
import * as m from './factory.js';
import { readMatrix } from './read.js';
import { differentiateMatrix, type DifferentialStep } from './differential.js';
import { readOff, type InnerStep } from './gradient.js';
import { readOffJacobian, type LinearStep, type ScalarStep } from './jacobian.js';
import { childrenOf, simplifyMatrix, withChildren, type MatrixRewrite } from './simplify.js';
import { isColumn, isScalar, readShapes, shapeWords, type Shapes } from './shape.js';

/*
 * Derivatives in matrix notation: the gradient of a scalar by a scalar, vector or matrix (of
 * that variable's shape), the Jacobian of a vector by a vector (rows the entries of the
 * function, columns those of the variable), and the Hessian of a scalar by a vector (the
 * Jacobian of its gradient). Each is worked out as a differential by the rules, read off by
 * named identities, and written simply by named rewrites: every step is kept for the derivation.
 */

export interface MatrixOptions extends Omit<ParseOptions, 'matrixNotation'> {
  /** The declared shapes: { W: '3x4', x: 4 }, or --shape's W=3x4,x=4. Any other name is a scalar. */
  readonly shapes: Shapes | string | readonly string[] | Readonly<Record<string, string | number | readonly [number, number]>>;
  /** The variables to differentiate by (default: those the shapes declare that the expression has, in their order). */
  readonly by?: readonly string[];
  /** The Hessian (second derivatives) of a scalar by one vector. */
  readonly hessian?: boolean;
  /** Most seconds and megabytes of heap the work may take. */
  readonly timeout?: number;
  readonly maxMemory?: number;
}

/** One derivative, with everything its derivation shows. */
export interface MatrixDerivative {
  readonly kind: 'gradient' | 'jacobian';
  /** What is differentiated (a gradient, for the Hessian's second part). */
  readonly of: MatrixExpr;
  readonly by: MVariable;
  /** d(of), by the rules. */
  readonly differential: DifferentialStep;
  /** The steps that read the derivative off the differential. */
  readonly readOff: readonly InnerStep[] | readonly (LinearStep | ScalarStep)[];
  /** The derivative as read off, then the rewrites that write it simply, and the result. */
  readonly unsimplified: MatrixExpr;
  readonly rewrites: readonly MatrixRewrite[];
  readonly result: MatrixExpr;
}

export interface MatrixAnswer {
  readonly kind: 'gradient' | 'jacobian' | 'hessian';
  readonly input: string;
  readonly reading: InputReading;
  readonly shapes: Shapes;
  readonly expr: MatrixExpr;
  /** By each variable, in order; for the Hessian, the gradient then its Jacobian. */
  readonly derivatives: readonly MatrixDerivative[];
  /** Where the answer has sum(y) of a label vector y of a softmax's cross-entropy: the answer for a one-hot y, whose entries sum to 1. */
  readonly oneHot?: readonly { readonly label: string; readonly results: readonly MatrixExpr[] }[];
}

/** The tree of matrix notation of an input, with its reading, by the shapes declared. */
export function readMatrixInput(input: string, options: MatrixOptions): { reading: InputReading; expr: MatrixExpr; shapes: Shapes } {
  const shapes = options.shapes instanceof Map ? options.shapes as Shapes : readShapes(options.shapes as string);
  // The names declared are each one name, as those of --vars are.
  const reading = readInput(input, {
    maxLength: options.maxLength, maxDepth: options.maxDepth, maxDigits: options.maxDigits, abstractFunctions: options.abstractFunctions,
    notation: options.notation, variables: [...(options.variables ?? []), ...shapes.keys()], matrixNotation: true,
  });
  if (reading.whole.kind !== 'expression') {
    throw new InputError(`in matrix notation the input is one expression, not ${reading.whole.kind === 'vector' ? 'a list [f, g]' : reading.whole.kind === 'equation' ? 'an equation' : 'a vector function'}`, 'invalid-request');
  }
  const expr = readMatrix(reading.whole.expr, { text: input, places: reading.places, shapes });
  return { reading, expr, shapes };
}

/** The gradient, Jacobian or Hessian of an input in matrix notation, by the shapes declared. */
export function matrixDerivative(input: string, options: MatrixOptions): MatrixAnswer {
  return withinLimits(WorkLimits.of(options.timeout, options.maxMemory), () => {
    const { reading, expr, shapes } = readMatrixInput(input, options);
    const requested = reading.request.variable === undefined ? undefined : [reading.request.variable];
    if (requested && options.by && options.by.join() !== requested.join()) {
      throw new InputError(`${reading.request.operator} asks for the derivative by ${requested[0]}, and --var by ${options.by.join(', ')}`, 'invalid-request');
    }
    if ((reading.request.order ?? 1) !== 1) throw new InputError('in matrix notation, a derivative of order 2 is a Hessian: ask with --hessian', 'invalid-request');
    const names = options.by ?? requested ?? defaultVariables(expr, shapes, options.hessian === true);
    if (names.length === 0) throw new InputError('there is no variable to differentiate by: name one with --var', 'ambiguous-variable');
    if (new Set(names).size !== names.length) throw new InputError(`a variable is named twice in ${names.join(', ')}`, 'invalid-request');
    const variables = names.map((n) => m.variable(n, shapes.get(n) ?? { rows: 1, cols: 1 }));
    if (options.hessian) return hessianAnswer(input, reading, shapes, expr, variables);
    const kind = isScalar(expr.shape) ? 'gradient' : 'jacobian';
    if (kind === 'jacobian') refuseNonColumn(expr, variables);
    const derivatives = variables.map((v) => (kind === 'gradient' ? gradientBy(expr, v) : jacobianBy(expr, v)));
    return { kind, input, reading, shapes, expr, derivatives, ...oneHotForms(expr, derivatives) };
  });
}

/**
 * The variables differentiated by when none is named: for a gradient, every declared vector and
 * matrix the expression has (the weights, the biases, the inputs); for a Jacobian or Hessian,
 * x where the expression has it, else its only column vector.
 */
function defaultVariables(expr: MatrixExpr, shapes: Shapes, hessian: boolean): string[] {
  const declared = [...shapes.keys()].filter((n) => expr.variables.has(n));
  if (isScalar(expr.shape) && !hessian) return declared;
  if (expr.variables.has('x')) return ['x'];
  const columns = declared.filter((n) => isColumn(shapes.get(n)!));
  if (columns.length === 1) return columns;
  throw new InputError(`which variable? ${columns.length === 0 ? 'the expression has no vector' : `it has ${columns.join(', ')}`}: name one with --var`, 'ambiguous-variable');
}

function refuseNonColumn(expr: MatrixExpr, by: readonly MVariable[]): void {
  if (!isColumn(expr.shape)) {
    throw new InputError(`the derivative of ${shapeWords(expr.shape)} is not read in matrix notation: dydx gives the gradient of a scalar, the Jacobian of a column vector and the Hessian of a scalar (transpose a row vector)`, 'invalid-request');
  }
  for (const v of by) {
    if (!isColumn(v.shape) && !isScalar(v.shape)) {
      throw new InputError(`the derivative of a vector by ${v.name} (${shapeWords(v.shape)}) has three indices, which matrix notation does not write: a Jacobian is by a vector or a scalar`, 'invalid-request');
    }
  }
}

function hessianAnswer(input: string, reading: InputReading, shapes: Shapes, expr: MatrixExpr, by: readonly MVariable[]): MatrixAnswer {
  if (!isScalar(expr.shape)) throw new InputError(`a Hessian is of a scalar, and this is ${shapeWords(expr.shape)}`, 'invalid-request');
  if (by.length !== 1 || !(isColumn(by[0]!.shape) || isScalar(by[0]!.shape))) {
    throw new InputError(`a Hessian is by one vector (or scalar), not by ${by.map((v) => `${v.name} (${shapeWords(v.shape).replace(/^an? /, '')})`).join(', ')}`, 'invalid-request');
  }
  const gradient = gradientBy(expr, by[0]!);
  const second = jacobianBy(gradient.result, by[0]!);
  return { kind: 'hessian', input, reading, shapes, expr, derivatives: [gradient, second] };
}

/** The gradient of a scalar by a variable: ⟨1, dL⟩ read off as ⟨G, dX⟩. */
function gradientBy(expr: MatrixExpr, by: MVariable): MatrixDerivative {
  const differential = differentiateMatrix(expr, by.name);
  const read = readOff({ weight: m.int(1), of: differential.result }, by.name);
  const unsimplified = read.terms.length === 0 ? m.zero(by.shape) : m.add(read.terms);
  const { result, rewrites } = simplifyMatrix(unsimplified);
  return { kind: 'gradient', of: expr, by, differential, readOff: read.steps, unsimplified, rewrites, result };
}

/** The Jacobian of a column vector by a column vector or scalar: df read off as J·dx. */
function jacobianBy(expr: MatrixExpr, by: MVariable): MatrixDerivative {
  const differential = differentiateMatrix(expr, by.name);
  const read = readOffJacobian({ matrix: m.identity(expr.shape.rows), of: differential.result }, by.name, by.shape);
  const unsimplified = read.terms.length === 0 ? m.zero({ rows: expr.shape.rows, cols: by.shape.rows }) : m.add(read.terms);
  const { result, rewrites } = simplifyMatrix(unsimplified);
  return { kind: 'jacobian', of: expr, by, differential, readOff: read.steps, unsimplified, rewrites, result };
}

/** Whether a tree has a node that `test` accepts. */
export function someNode(e: MatrixExpr, test: (node: MatrixExpr) => boolean): boolean {
  return test(e) || childrenOf(e).some((c) => someNode(c, test));
}

/** The tree with each node `replace` gives another for, through the factories. */
function replaceNodes(e: MatrixExpr, replace: (node: MatrixExpr) => MatrixExpr | undefined): MatrixExpr {
  const own = replace(e);
  if (own !== undefined) return own;
  const children = childrenOf(e);
  const next = children.map((c) => replaceNodes(c, replace));
  return next.every((c, i) => c === children[i]) ? e : withChildren(e, next);
}

/**
 * The cross-entropy of a softmax with labels y has the derivative (Σᵢyᵢ)·softmax(z) − y by z:
 * for one-hot labels (or any that sum to 1), softmax(z) − y. Where an answer has sum(y) of a
 * variable and the input a logarithm of a softmax, that form too.
 */
function oneHotForms(expr: MatrixExpr, derivatives: readonly MatrixDerivative[]): Pick<MatrixAnswer, 'oneHot'> {
  if (!someNode(expr, (n) => n.kind === 'elementwise' && n.name === 'log' && n.argument.kind === 'function' && n.argument.name === 'softmax')) return {};
  const labels = new Set<string>();
  for (const d of derivatives) {
    someNode(d.result, (n) => {
      if (n.kind === 'function' && n.name === 'sum' && n.operand.kind === 'variable') labels.add(n.operand.name);
      return false;
    });
  }
  if (labels.size === 0) return {};
  return {
    oneHot: [...labels].map((label) => ({
      label,
      results: derivatives.map((d) => simplifyMatrix(replaceNodes(d.result, (n) => (n.kind === 'function' && n.name === 'sum' && n.operand.kind === 'variable' && n.operand.name === label ? m.int(1) : undefined))).result),
    })),
  };
}
