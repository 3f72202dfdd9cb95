import type { Expr } from '../expr/types.js';
import { add, mul, neg } from '../expr/factory.js';
import { variablesOf } from '../expr/traverse.js';
import { differentiate, type Derivative, type DifferentiateOptions } from '../differentiate/differentiate.js';
import { simplify, SimplifyMemo } from '../simplify/simplify.js';
import { expressionIn, read, readInput } from '../parse/parse.js';
import { InputError, WorkLimits, withinLimits } from '../errors.js';

/** Options of the derivatives by several variables: those of `differentiate`, less the one variable and order. */
export type PartialsOptions = Omit<DifferentiateOptions, 'variable' | 'order'> & {
  /** The variables to differentiate by, in order (default: the expression's own, as they first appear). */
  readonly by?: readonly string[];
};

/** ∇f: the derivative by each variable, each with its derivation. */
export interface Gradient {
  readonly kind: 'gradient';
  readonly input: Expr;
  readonly variables: readonly string[];
  readonly components: readonly Derivative[];
}

/** The Jacobian of f₁, …, fₘ: row i holds ∂fᵢ/∂x₁ … ∂fᵢ/∂xₙ (rows are functions, columns variables). */
export interface Jacobian {
  readonly kind: 'jacobian';
  readonly functions: readonly Expr[];
  readonly variables: readonly string[];
  readonly rows: readonly (readonly Derivative[])[];
  /** Its determinant, when it is square and asked for. */
  readonly determinant?: Expr;
}

/**
 * The Hessian: entry (i, j) is ∂²f/∂xᵢ∂xⱼ, ∂f/∂xᵢ differentiated by xⱼ. Each mixed partial is
 * worked out once, for i ≤ j, and stands on both sides of the diagonal: the two are equal
 * wherever the second derivatives are continuous (Schwarz's theorem).
 */
export interface Hessian {
  readonly kind: 'hessian';
  readonly input: Expr;
  readonly variables: readonly string[];
  readonly gradient: readonly Derivative[];
  readonly entries: readonly (readonly Derivative[])[];
  /** How many second derivatives were worked out: n(n + 1)/2 of the n². */
  readonly computed: number;
}

/** ∂ⁿf/∂x∂y…, the variables in the order they are differentiated by: each derivation differentiates the result before it. */
export interface MixedPartial {
  readonly kind: 'mixed';
  readonly input: Expr;
  readonly variables: readonly string[];
  readonly steps: readonly Derivative[];
  readonly result: Expr;
}

/**
 * Work within the options' limits, its derivatives sharing one memo of normal forms: the partials
 * of one function have most of their parts in common, and each part is simplified once.
 */
const within = <T>(options: PartialsOptions, work: (options: PartialsOptions) => T): T =>
  withinLimits(WorkLimits.of(options.timeout, options.maxMemory), () => work({
    ...options, simplifyMemo: options.simplifyMemo ?? new SimplifyMemo(),
    // A name differentiated by is a name: rate in rate·x² is no r·a·t·e.
    variables: [...(options.variables ?? []), ...(options.by ?? [])],
  }));
const exprOf = (input: string | Expr, options: PartialsOptions): Expr => (typeof input === 'string' ? read(input, options).expr : input);
/** One variable's options for `differentiate`: limits and form, without what applies to the whole. */
const byVariable = (options: PartialsOptions, variable: string): DifferentiateOptions =>
  ({ simplify: options.simplify, form: options.form, maxNodes: options.maxNodes, functions: options.functions, simplifyMemo: options.simplifyMemo, variable });

function variablesFor(exprs: readonly Expr[], options: PartialsOptions, least: number): string[] {
  const given = options.by;
  const variables = given && given.length > 0 ? [...given] : [...new Set(exprs.flatMap((e) => variablesOf(e)))];
  if (variables.length < least) {
    throw new InputError(`the expression has ${variables.length === 0 ? 'no variable' : `one variable, ${variables[0]}`}: name the variables to differentiate by`, 'ambiguous-variable');
  }
  return variables;
}

/** ∇f = (∂f/∂x₁, …, ∂f/∂xₙ). */
export function gradient(input: string | Expr, options: PartialsOptions = {}): Gradient {
  return within(options, (options) => {
    const expr = exprOf(input, options);
    const variables = variablesFor([expr], options, 1);
    if (new Set(variables).size !== variables.length) throw new InputError(`a gradient names each variable once, not ${variables.join(', ')}`, 'invalid-request');
    return { kind: 'gradient', input: expr, variables, components: variables.map((v) => differentiate(expr, byVariable(options, v))) };
  });
}

/** The Jacobian of a vector [f₁, …, fₘ] (text or trees), and its determinant when asked for. */
export function jacobian(input: string | readonly (string | Expr)[], options: PartialsOptions & { readonly determinant?: boolean } = {}): Jacobian {
  return within(options, (shared) => {
    const functions = typeof input === 'string' ? vectorFunctions(input, shared) : input.map((f) => exprOf(f, shared));
    const variables = variablesFor(functions, shared, 1);
    const rows = functions.map((f) => variables.map((v) => differentiate(f, byVariable(shared, v))));
    if (!options.determinant) return { kind: 'jacobian', functions, variables, rows };
    if (rows.length !== variables.length) {
      throw new InputError(`a determinant needs as many functions as variables: ${rows.length} functions of ${variables.length} variables`, 'invalid-request');
    }
    return { kind: 'jacobian', functions, variables, rows, determinant: simplify(determinant(rows.map((r) => r.map((d) => d.result)))) };
  });
}

/** The components of [f₁, …, fₘ]; a single expression is a vector of one. */
function vectorFunctions(input: string, options: PartialsOptions): Expr[] {
  const { whole } = readInput(input, options);
  return whole.kind === 'vector' ? [...whole.components] : [expressionIn(input, whole)];
}

/** Most rows a determinant is expanded for: n! terms. */
const largestDeterminant = 6;

/** det M by expansion along the first row, in terms of the entries as they are. */
function determinant(m: readonly (readonly Expr[])[]): Expr {
  const n = m.length;
  if (n > largestDeterminant) throw new InputError(`a determinant of ${n} rows has ${n}! terms: at most ${largestDeterminant} rows`, 'limit');
  if (n === 1) return m[0]![0]!;
  return add(m[0]!.map((entry, j) => {
    const minor = m.slice(1).map((row) => row.filter((_, k) => k !== j));
    const term = mul([entry, determinant(minor)]);
    return j % 2 === 0 ? term : neg(term);
  }));
}

/** The Hessian of f, each mixed partial worked out once. */
export function hessian(input: string | Expr, options: PartialsOptions = {}): Hessian {
  return within(options, (options) => {
    const g = gradient(input, options);
    const n = g.variables.length;
    const upper = g.components.map((d, i) => g.variables.map((v, j) => (j >= i ? differentiate(d.result, byVariable(options, v)) : undefined)));
    const entries = upper.map((row, i) => row.map((d, j) => d ?? upper[j]![i]!));
    return { kind: 'hessian', input: g.input, variables: g.variables, gradient: g.components, entries, computed: (n * (n + 1)) / 2 };
  });
}

/** ∂ⁿf/∂x∂y…: differentiated by each variable in turn, in the order given. */
export function mixedPartial(input: string | Expr, variables: readonly string[], options: PartialsOptions = {}): MixedPartial {
  return within(options, (options) => {
    const expr = exprOf(input, options);
    if (variables.length === 0) throw new InputError('a partial derivative needs a variable', 'invalid-request');
    const steps: Derivative[] = [];
    let current = expr;
    for (const v of variables) {
      const d = differentiate(current, byVariable(options, v));
      steps.push(d);
      current = d.result;
    }
    return { kind: 'mixed', input: expr, variables, steps, result: current };
  });
}
