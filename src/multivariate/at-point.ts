import type { Expr } from '../expr/types.js';
import { add, div, int, mul, num, pow, sub, variable } from '../expr/factory.js';
import { rational } from '../expr/rational.js';
import { children, postOrder, variablesOf } from '../expr/traverse.js';
import { substitute } from '../expr/substitute.js';
import { differentiate, defaultVariable, type Derivative, type DifferentiateOptions } from '../differentiate/differentiate.js';
import { simplify } from '../simplify/simplify.js';
import { evaluate } from '../evaluate/evaluate.js';
import { read } from '../parse/parse.js';
import { splitTopLevel } from '../parse/commas.js';
import { InputError, WorkLimits, withinLimits } from '../errors.js';

export type AtOptions = Omit<DifferentiateOptions, 'variable' | 'order'> & {
  /** The variables to differentiate by (default: those the point gives values to, in its order). */
  readonly by?: readonly string[];
  /** A direction for the directional derivative: one number (or exact expression) per variable. */
  readonly direction?: readonly (string | Expr)[];
};

/** A value, exact where it can be, and as a float. */
export interface ValueAt {
  readonly exact: Expr;
  readonly approximately: number;
}

/** A variable's value at the point: exact, and as typed (for messages). */
export type Coordinate = readonly [name: string, value: Expr, typed?: string];

/** The derivatives of f at a point, and what they give there. */
export interface AtPoint {
  readonly input: Expr;
  /** The point: each variable's value, exact. */
  readonly point: readonly Coordinate[];
  readonly variables: readonly string[];
  readonly value: ValueAt;
  /** The derivative by each variable, with its derivation, and its value at the point. */
  readonly derivatives: readonly { readonly derivative: Derivative; readonly at: ValueAt }[];
  /** The tangent line y = f(a) + f′(a)(x − a), or plane z = f(a, b) + …, in the variables. */
  readonly tangent: Expr;
  /** The normal line y = f(a) − (x − a)/f′(a), for one variable where f′(a) ≠ 0. */
  readonly normal?: Expr;
  /** ∇f·u/|u| for the direction u, when one is given. */
  readonly directional?: ValueAt;
}

/**
 * Reads "x=2" or "x=pi/4, y=1" as a point: each value an expression without variables,
 * exact (π/4 stays π/4).
 */
export function readPoint(text: string, options: AtOptions = {}): Coordinate[] {
  const parts = splitTopLevel(text);
  return parts.map((part) => {
    const m = /^\s*([\p{L}_][\p{L}\p{N}_]*)\s*=(.*)$/su.exec(part);
    if (!m) throw new InputError(`a point is written name=value, as x=2 or x=pi/4,y=1: not '${part.trim()}'`, 'invalid-request');
    const value = read(m[2]!, options).expr;
    if (variablesOf(value).length > 0) throw new InputError(`the value of ${m[1]} has a variable in it: ${m[2]!.trim()}`, 'invalid-request');
    return [m[1]!, simplify(value), m[2]!.trim()] as const;
  });
}

/** f and its derivatives at a point, exact where they are; the tangent, normal and directional derivative there. */
export function at(input: string | Expr, point: string | readonly Coordinate[], options: AtOptions = {}): AtPoint {
  return withinLimits(WorkLimits.of(options.timeout, options.maxMemory), () => {
    const expr = typeof input === 'string' ? read(input, options).expr : input;
    const values = typeof point === 'string' ? readPoint(point, options) : [...point];
    const variables = options.by && options.by.length > 0 ? [...options.by] : values.length > 0 ? values.map(([v]) => v) : [defaultVariable(expr)];
    for (const v of variablesOf(expr)) {
      if (!values.some(([name]) => name === v)) throw new InputError(`the point gives no value to ${v}: add ${v}=… to it`, 'invalid-request');
    }
    const value = valueAt(expr, values, 'f');
    const derivatives = variables.map((v) => {
      const derivative = differentiate(expr, { simplify: options.simplify, form: options.form, maxNodes: options.maxNodes, variable: v });
      refuseWhereItDoesNotHold(derivative, values);
      return { derivative, at: valueAt(derivative.result, values, `∂f/∂${v}`) };
    });
    // The tangent: f(a) + Σ ∂f/∂xᵢ(a)·(xᵢ − aᵢ).
    const offsets = variables.map((v) => sub(variable(v), values.find(([name]) => name === v)?.[1] ?? variable(v)));
    // Expanded, as a line is written: y = 10x − 16, not 2(5x − 8).
    const tangent = simplify(add([value.exact, ...derivatives.map((d, i) => mul([d.at.exact, offsets[i]!]))]), { form: 'expanded' });
    const normal = variables.length === 1 && derivatives[0]!.at.approximately !== 0
      ? simplify(sub(value.exact, div(offsets[0]!, derivatives[0]!.at.exact)), { form: 'expanded' }) : undefined;
    const directional = options.direction ? directionalDerivative(derivatives.map((d) => d.at.exact), options.direction, options, values) : undefined;
    return { input: expr, point: values, variables, value, derivatives, tangent, ...(normal ? { normal } : {}), ...(directional ? { directional } : {}) };
  });
}

/** ∇f·u/|u|, exact where it can be. */
function directionalDerivative(gradient: readonly Expr[], direction: readonly (string | Expr)[], options: AtOptions, values: readonly Coordinate[]): ValueAt {
  if (direction.length !== gradient.length) {
    throw new InputError(`the direction has ${direction.length} components, the gradient ${gradient.length}`, 'invalid-request');
  }
  const u = direction.map((d) => (typeof d === 'string' ? read(d, options).expr : d));
  const length = pow(add(u.map((c) => pow(c, int(2)))), num(rational(1, 2)));
  return valueAt(div(add(gradient.map((g, i) => mul([g, u[i]!]))), length), values, 'the directional derivative');
}

/** The point's coordinates as floats, by name. */
export const pointValues = (values: readonly Coordinate[]): Record<string, number> =>
  Object.fromEntries(values.map(([name, v]) => [name, evaluate(v, {})]));

/** e at the point, exact and as a float; an error that says where it has no value. */
export function valueAt(e: Expr, values: readonly Coordinate[], what: string): ValueAt {
  const exact = simplify(values.reduce((acc, [name, v]) => substitute(acc, name, v), e));
  const env = pointValues(values);
  const approximately = evaluate(e, env);
  if (!Number.isFinite(approximately)) {
    throw new InputError(`${what} is undefined at ${pointText(values)}: ${whyUndefined(e, env)}`, 'invalid-request');
  }
  return { exact, approximately };
}

export const pointText = (values: readonly Coordinate[]): string => values.map(([n, v, typed]) => `${n} = ${typed ?? evaluate(v, {})}`).join(', ');

/** The innermost part with no value at the point, in words: "a division by zero", "log of −1". */
function whyUndefined(e: Expr, env: Record<string, number>): string {
  const value = new Map<Expr, number>();
  for (const node of postOrder(e)) {
    const v = evaluate(node, env);
    value.set(node, v);
    if (!Number.isFinite(v) && children(node).every((c) => Number.isFinite(value.get(c)))) {
      if ((node.kind === 'div' && value.get(node.denominator) === 0) || (node.kind === 'pow' && value.get(node.base) === 0)) return 'a division by zero';
      if (node.kind === 'call') return `${node.name} has no real value at ${node.args.map((a) => value.get(a)).join(', ')}`;
      if (node.kind === 'pow') return `a power ${value.get(node.base)}^${value.get(node.exponent)} has no real value`;
      return 'it has no real value there';
    }
  }
  return 'it has no real value there';
}

/** A derivative that holds only for x ≠ 0 (|x|′ = sign x) has no value at x = 0: refused, with the condition. */
function refuseWhereItDoesNotHold(d: Derivative, values: readonly Coordinate[]): void {
  const env = pointValues(values);
  for (const c of d.conditions) {
    const gap = evaluate(c.left, env) - evaluate(c.right, env);
    const fails = c.kind === 'not-equal' ? gap === 0 : Number.isInteger(gap);
    if (fails) {
      throw new InputError(`f has no derivative by ${d.variable} at ${pointText(values)}: there it has a corner, a jump or a step (where its derivative's conditions fail)`, 'invalid-request');
    }
  }
}
