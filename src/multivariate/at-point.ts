import type { Expr } from '../expr/types.js';
import { add, div, int, mul, num, pow, sub, variable } from '../expr/factory.js';
import { rational } from '../expr/rational.js';
import { children, postOrder, variablesOf } from '../expr/traverse.js';
import { substitute } from '../expr/substitute.js';
import { differentiate, defaultVariable, type Derivative, type DifferentiateOptions } from '../differentiate/differentiate.js';
import { simplify } from '../simplify/simplify.js';
import { tidyRules } from '../simplify/rules.js';
import { writtenNormalForm } from '../simplify/written-form.js';
import { evaluate } from '../evaluate/evaluate.js';
import { read } from '../parse/parse.js';
import { splitTopLevel } from '../parse/commas.js';
import { InputError, WorkLimits, withinLimits } from '../errors.js';
import { NoPreciseValue, PreciseEvaluator } from '../evaluate/precise.js';
import { pieceOn } from './one-sided.js';
import type { Decimal } from 'decimal.js';

export type AtOptions = Omit<DifferentiateOptions, 'variable' | 'order'> & {
  /** The variables to differentiate by (default: those the point gives values to, in its order). */
  readonly by?: readonly string[];
  /** A direction for the directional derivative: one number (or exact expression) per variable. */
  readonly direction?: readonly (string | Expr)[];
};

/** A value, exact where it can be, and as a float. */
export interface ValueAt {
  readonly exact: Expr;
  /** As a double: ±Infinity or 0 past a double's range (e^710, 10⁻⁴⁰⁰), where `decimal` still has it. */
  readonly approximately: number;
  /** To 15 significant digits, from arbitrary precision where the value has it: 2.23399476616500e+308. */
  readonly decimal: string;
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
  /**
   * The derivative by each variable, with its derivation, and its value at the point; `sides`
   * where the rules' derivative has no value there but f's one-sided derivatives agree (x·|x| at 0).
   */
  readonly derivatives: readonly { readonly derivative: Derivative; readonly at: ValueAt; readonly sides?: true }[];
  /** The tangent line y = f(a) + f′(a)(x − a), or plane z = f(a, b) + …, in the variables. */
  readonly tangent: Expr;
  /** The normal line: y = f(a) − (x − a)/f′(a), or x = a where the tangent is level; for several variables, the normal to the surface. */
  readonly normal: Normal;
  /** ∇f·u/|u| for the direction u, when one is given. */
  readonly directional?: ValueAt;
}

/** A line perpendicular to the graph at the point. */
export type Normal =
  /** y = …, or x = a where the tangent is level. */
  | { readonly kind: 'line'; readonly variable: string; readonly equals: Expr }
  /** The normal to the surface z = f(x, y, …): the point plus t times (∂f/∂x, ∂f/∂y, …, −1). */
  | { readonly kind: 'through'; readonly point: readonly Expr[]; readonly direction: readonly Expr[] };

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

/**
 * A line or plane written as a person writes one, m·x + c: each slope and the intercept worked
 * out apart, so they are collected, (π√2/4 + π²√2/32)·x − π³√2/128 rather than four terms in x and π.
 */
function lineThrough(slopes: readonly Expr[], variables: readonly string[], intercept: Expr): Expr {
  const terms = slopes.map((m, i) => {
    const x = variable(variables[i]!);
    // The slope multiplied in (x/4, √3·x/2, 2π·x), unless that spreads it over terms: then it stands in brackets before x.
    const term = writtenNormalForm(simplify(mul([simplify(m), x])), 'auto');
    return (term.kind === 'neg' ? term.operand : term).kind === 'add' ? mul([simplify(m), x]) : term;
  });
  return simplify(add([...terms, simplify(intercept)]), { rules: tidyRules, form: 'exp' });
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
      try {
        refuseWhereItDoesNotHold(derivative, values);
        return { derivative, at: valueAt(derivative.result, values, `∂f/∂${v}`) };
      } catch (error) {
        // Written with a kink that is no corner there (x·|x| at 0), or 0/0 where f is flat (√relu(x) left of 0).
        const sides = error instanceof InputError ? fromSides(expr, v, values, value, options) : undefined;
        if (sides === undefined) throw error;
        return { derivative, at: sides, sides: true as const };
      }
    });
    // The tangent: f(a) + Σ ∂f/∂xᵢ(a)·(xᵢ − aᵢ), written m·x + c.
    const at = (v: string): Expr => values.find(([name]) => name === v)?.[1] ?? variable(v);
    const slopes = derivatives.map((d) => d.at.exact);
    const tangent = lineThrough(slopes, variables, sub(value.exact, add(slopes.map((m, i) => mul([m, at(variables[i]!)])))));
    const normal: Normal = variables.length > 1
      ? { kind: 'through', point: [...variables.map((v) => at(v)), value.exact], direction: [...slopes, int(-1)] }
      : derivatives[0]!.at.approximately === 0 && isZero(derivatives[0]!.at.exact)
        ? { kind: 'line', variable: variables[0]!, equals: at(variables[0]!) }
        : { kind: 'line', variable: 'y', equals: lineThrough([div(int(-1), slopes[0]!)], variables, add([value.exact, div(at(variables[0]!), slopes[0]!)])) };
    const directional = options.direction ? directionalDerivative(derivatives.map((d) => d.at.exact), options.direction, options, values) : undefined;
    return { input: expr, point: values, variables, value, derivatives, tangent, normal, ...(directional ? { directional } : {}) };
  });
}

const isZero = (e: Expr): boolean => e.kind === 'num' && e.value.equals(0);

/**
 * The derivative by v from f's one-sided derivatives, where f is continuous and they agree;
 * undefined where f has no kink to look past. Refused, with both slopes, where they differ.
 */
function fromSides(f: Expr, v: string, values: readonly Coordinate[], value: ValueAt, options: AtOptions): ValueAt | undefined {
  const point = Object.fromEntries(values.map(([name, x]) => [name, x]));
  const slopes: ValueAt[] = [];
  for (const side of ['left', 'right'] as const) {
    const piece = pieceOn(f, v, point, side);
    if (piece === undefined) return undefined;
    const there = valueAt(piece, values, 'f');
    if (!sameValue(there, value)) throw new InputError(`f has no derivative by ${v} at ${pointText(values)}: it jumps there`, 'invalid-request');
    const d = differentiate(piece, { simplify: options.simplify, form: options.form, maxNodes: options.maxNodes, variable: v });
    refuseWhereItDoesNotHold(d, values);
    slopes.push(valueAt(d.result, values, `∂f/∂${v}`));
  }
  const [left, right] = slopes as [ValueAt, ValueAt];
  if (!sameValue(left, right)) {
    throw new InputError(`f has no derivative by ${v} at ${pointText(values)}: a corner, its slope ${left.decimal} from the left and ${right.decimal} from the right`, 'invalid-request');
  }
  return right;
}

/** Two values at the point the same, exactly or to the digits worked with. */
function sameValue(a: ValueAt, b: ValueAt): boolean {
  if (a.exact === b.exact || isZero(simplify(sub(a.exact, b.exact)))) return true;
  const [x, y] = [Number(a.decimal), Number(b.decimal)];
  return Math.abs(x - y) <= 1e-13 * Math.max(1, Math.abs(x), Math.abs(y));
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

/** The digits a value is worked out to, twice: a value that grows with the digits is at a pole. */
const preciseDigits = [40, 80] as const;

/**
 * e at the point, exact and in arbitrary precision (so e^710 and 10⁻⁴⁰⁰ are values like any); an
 * error that says where it has no value, a pole included: tan(π/2) is no large number.
 */
export function valueAt(e: Expr, values: readonly Coordinate[], what: string): ValueAt {
  const exact = simplify(values.reduce((acc, [name, v]) => substitute(acc, name, v), e));
  const env = pointValues(values);
  const approximately = evaluate(e, env);
  const precise = preciseValue(e, values);
  if (precise === 'pole') throw new InputError(`${what} has no value at ${pointText(values)}: it grows without bound there (a pole)`, 'invalid-request');
  if (precise === undefined || !precise.isFinite()) {
    if (!Number.isFinite(approximately)) throw new InputError(`${what} is undefined at ${pointText(values)}: ${whyUndefined(e, env)}`, 'invalid-request');
    // Without arbitrary precision, the exact tree at the point as well: the point's sums rounded in floating point can miss
    // a pole by 10⁻¹⁶ (digamma(2.2 − 0.45 − 1.75) is then −4.5·10¹⁵, and beta(2.2, −2.2)·that is 0), where exactly it is hit.
    if (!Number.isFinite(exactly(exact, approximately))) throw new InputError(`${what} is undefined at ${pointText(values)}: ${whyUndefined(exact, {})}`, 'invalid-request');
    if (precise !== undefined) throw new InputError(`${what} is undefined at ${pointText(values)}: it has no real value there`, 'invalid-request');
    return { exact, approximately, decimal: String(approximately) };
  }
  return { exact, approximately: precise.toNumber(), decimal: precise.toSignificantDigits(15).toString() };
}

/** The exact tree's value in floating point, or the value given where it cannot be worked out (an abstract function in it). */
function exactly(exact: Expr, otherwise: number): number {
  try {
    return evaluate(exact, {});
  } catch {
    return otherwise;
  }
}

/** e at the point in arbitrary precision; 'pole' where it grows with the digits; undefined where it has no such value (erf, Γ). */
function preciseValue(e: Expr, values: readonly Coordinate[]): Decimal | 'pole' | undefined {
  try {
    const [coarse, fine] = preciseDigits.map((digits) => {
      const calculator = new PreciseEvaluator(digits);
      const env = Object.fromEntries(values.map(([name, v]) => [name, calculator.evaluate(v, {})]));
      return calculator.evaluate(e, env);
    }) as [Decimal, Decimal];
    if (!coarse.isFinite() || !fine.isFinite()) return fine;
    const tolerance = fine.abs().plus(1).times('1e-30');
    if (coarse.minus(fine).abs().lte(tolerance)) return fine;
    // Closer to 0 with more digits is 0, worked out with the digits' error; farther from it, a pole.
    return fine.abs().gt(coarse.abs()) ? 'pole' : fine;
  } catch (error) {
    if (error instanceof NoPreciseValue) return undefined;
    throw error;
  }
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
