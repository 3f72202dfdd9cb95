import type { Expr } from '../expr/types.js';
import { apply, div, int, neg, sub, variable } from '../expr/factory.js';
import { dependsOn, postOrder, variablesOf } from '../expr/traverse.js';
import { mulMonomialPoly, scalePoly, subPoly, type Poly } from '../algebra/poly.js';
import { divideMonomials, exponentIn } from '../algebra/monomial.js';
import { expandFactored, multiplyFactored, numberFactored, polynomialOverNumber, splitFraction } from '../algebra/factored.js';
import { normalForm } from '../algebra/normal-form.js';
import { polyExpr, sortedTerms, type WrittenTerm } from '../algebra/to-expr.js';
import { ratioOf } from '../algebra/ratio.js';
import * as Z from '../algebra/integer.js';
import { normalToExpr } from '../simplify/written-form.js';
import { replaceSubtree, substitute } from '../expr/substitute.js';
import { differentiate, variableAmong, type Derivative, type DifferentiateOptions } from '../differentiate/differentiate.js';
import { simplify } from '../simplify/simplify.js';
import { compile } from '../evaluate/compile.js';
import { readAsEquation } from '../parse/parse.js';
import { ParseError } from '../parse/errors.js';
import { InputError, WorkLimits, withinLimits } from '../errors.js';

export type ImplicitOptions = Omit<DifferentiateOptions, 'variable' | 'order'> & {
  /** The variable the curve makes a function of the other: y in x² + y² = 1 (default y). */
  readonly dependent?: string;
  /** The other variable (default x, or the only other one). */
  readonly variable?: string;
  /** How many times to differentiate (default 1). */
  readonly order?: number;
};

/** One order of implicit differentiation, as a textbook shows it. */
export interface ImplicitOrder {
  readonly order: number;
  /** Each side (or the expression before) differentiated with y = y(x): y′ appears by the chain rule. */
  readonly sides: readonly Derivative[];
  /** What differentiating gives, collected: A + B·y′ = 0 (for order 1, the two sides moved to the left). */
  readonly withoutSlope: Expr;
  readonly slopeFactor: Expr;
  /** The derivative solved for: −A/B, in x and y (with y′ put in for the orders above the first). */
  readonly solved: Expr;
  /** The same, shortened with the equation itself where it shortens it (−(x² + y²)/y³ is −1/y³ on x² + y² = 1). */
  readonly onCurve?: Expr;
  readonly result: Expr;
}

export interface Implicit {
  readonly left: Expr;
  readonly right: Expr;
  readonly dependent: string;
  readonly variable: string;
  readonly orders: readonly ImplicitOrder[];
  readonly result: Expr;
}

/** "x^2 + y^2 = 1" as its two sides; the = must stand once, outside brackets. */
export function readEquation(text: string, options: ImplicitOptions = {}): { left: Expr; right: Expr } {
  const { whole } = readAsEquation(text, options);
  if (whole.kind !== 'equation') throw new ParseError('an implicit curve is an equation, with one =, as in x^2 + y^2 = 1', 1, text.length + 1, text);
  return { left: whole.left, right: whole.right };
}

/**
 * dy/dx on the curve given by an equation in x and y: both sides differentiated with y = y(x),
 * the terms with y′ collected, and y′ solved for; higher orders differentiate y′ again, with
 * y′ put back in, and shorten the result with the equation where it can.
 */
export function implicit(input: string | { left: Expr; right: Expr }, options: ImplicitOptions = {}): Implicit {
  return withinLimits(WorkLimits.of(options.timeout, options.maxMemory), () => {
    const { left, right } = typeof input === 'string' ? readEquation(input, options) : input;
    const y = options.dependent ?? 'y';
    const names = [...new Set([...variablesOf(left), ...variablesOf(right)])];
    if (!names.includes(y)) throw new InputError(`the equation has no ${y}: say which variable depends on the other`, 'ambiguous-dependent');
    if (options.variable === y) throw new InputError(`${y} is the function of the curve: differentiate it by another variable, not by ${y} itself`, 'invalid-request');
    const others = names.filter((n) => n !== y);
    const x = options.variable ?? variableAmong(others, `besides ${y}, the equation`);
    const order = options.order ?? 1;
    if (!Number.isInteger(order) || order < 1 || order > 10) throw new InputError('implicit differentiation goes to order 10 at most', 'limit');

    // y as a function of x, and its derivative: y(x) and y′(x).
    const yOfX = apply(y, [variable(x)]);
    const slopeOfX = apply(y, [variable(x)], [1]);
    const asFunction = (e: Expr): Expr => substitute(e, y, yOfX);
    const asVariables = (e: Expr, slope: Expr): Expr => replaceSubtree(replaceSubtree(e, slopeOfX, slope), yOfX, variable(y));
    const differentiateOptions = { simplify: options.simplify, form: options.form, maxNodes: options.maxNodes, variable: x };
    const slopeVariable = variable(`${y}′`);

    const orders: ImplicitOrder[] = [];
    let previous: Expr | undefined;
    for (let n = 1; n <= order; n++) {
      const sides = previous === undefined
        ? [differentiate(asFunction(left), differentiateOptions), differentiate(asFunction(right), differentiateOptions)]
        : [differentiate(asFunction(previous), differentiateOptions)];
      const whole = sides.length === 2 ? sub(sides[0]!.result, sides[1]!.result) : sides[0]!.result;
      let solved: Expr;
      let withoutSlope: Expr;
      let slopeFactor: Expr;
      if (previous === undefined) {
        // A + B·y′ = 0: A with y′ = 0, B the rest.
        withoutSlope = simplify(asVariables(replaceSubtree(whole, slopeOfX, int(0)), slopeVariable));
        slopeFactor = simplify(sub(asVariables(replaceSubtree(whole, slopeOfX, int(1)), slopeVariable), withoutSlope));
        if (dependsOn(slopeFactor, slopeVariable.name) || dependsOn(withoutSlope, slopeVariable.name)) {
          throw new InputError(`the derivative of the equation is not linear in ${y}′`, 'invalid-request');
        }
        if (slopeFactor.kind === 'num' && slopeFactor.value.n === 0n) {
          throw new InputError(`the equation's derivative has no ${y}′ in it: ${y} is not a function of ${x} there`, 'invalid-request');
        }
        solved = simplify(neg(div(withoutSlope, slopeFactor)));
      } else {
        // y′ put back in: d/dx of y′(x, y) is ∂/∂x + ∂/∂y·y′.
        const first = orders[0]!.result;
        withoutSlope = simplify(asVariables(whole, int(0)));
        slopeFactor = simplify(sub(asVariables(whole, int(1)), withoutSlope));
        solved = simplify(asVariables(whole, first));
      }
      const onCurve = shortenedOnCurve(solved, left, right);
      const result = onCurve ?? solved;
      orders.push({ order: n, sides, withoutSlope, slopeFactor, solved, ...(onCurve ? { onCurve } : {}), result });
      previous = result;
    }
    return { left, right, dependent: y, variable: x, orders, result: orders.at(-1)!.result };
  });
}

/**
 * The expression shortened with the equation F = 0 itself, as textbooks do: its numerator and
 * denominator reduced by F (the terms divisible by F's leading term replaced, until none is),
 * so −(x² + y²)/y³ is −1/y³ on x² + y² = 1. Kept only where it is shorter.
 */
function shortenedOnCurve(e: Expr, left: Expr, right: Expr): Expr | undefined {
  const f = polynomialOverNumber(normalForm(sub(left, right)));
  if (!f || f.poly.monomials.length === 0) return undefined;
  const F = f.poly;
  const lead = leadingTerm(F);
  if (lead === undefined || lead.monomial.keys.length === 0) return undefined;
  // Each sum within e, as a fraction of polynomials, with its numerator reduced: x³ + y³ − 3xy + 1 is 1 on the folium.
  let shortened = e;
  for (const part of postOrder(e)) {
    if (part.kind !== 'add') continue;
    const { numerator, denominator } = splitFraction(normalForm(part));
    const top = expandFactored(numerator);
    if (!top) continue;
    const { poly: reduced, scale } = reduce(top, F, lead);
    if (reduced.monomials.length >= top.monomials.length) continue;
    const below = normalToExpr(multiplyFactored(denominator, numberFactored(ratioOf(scale))), 'auto');
    shortened = replaceSubtree(shortened, part, div(polyExpr(reduced), below));
  }
  shortened = simplify(shortened);
  return shortened.size < e.size ? shortened : undefined;
}

/** The term of highest degree (its exponents' sum), whole positive exponents only. */
function leadingTerm(p: Poly): WrittenTerm | undefined {
  if (!p.monomials.every((m) => !m.dens && m.nums.every((k) => k > 0))) return undefined;
  return sortedTerms(p)[0];
}

/**
 * s·p less multiples of F, until no term is divisible by F's leading term, with the whole number s
 * that keeps the coefficients whole (a power of the leading coefficient): reduced ≡ s·p where F = 0.
 */
function reduce(p: Poly, F: Poly, lead: WrittenTerm): { poly: Poly; scale: Z.Int } {
  let current = p;
  let scale: Z.Int = 1;
  for (let round = 0; round < 200; round++) {
    const at = current.monomials.findIndex((m) => lead.monomial.keys.every((k, i) => {
      const [n] = exponentIn(m, k);
      return n >= lead.monomial.nums[i]!;
    }));
    if (at < 0) break;
    const quotient = divideMonomials(current.monomials[at]!, lead.monomial);
    // lc·current − c·(m/lead)·F cancels the term c·m.
    current = subPoly(scalePoly(current, lead.coefficient), mulMonomialPoly(F, quotient, current.coefficients[at]!));
    scale = Z.mul(scale, lead.coefficient);
  }
  return { poly: current, scale };
}

/**
 * Newton's method on F(x, y) = 0 in y at a given x: the y it reaches from a start, or NaN where
 * it does not converge or the curve is near vertical there (no function of x).
 */
function curveSolver(left: Expr, right: Expr, x: string, y: string): (a: number, start: number) => number {
  const F = compile(sub(left, right));
  const Fy = compile(differentiate(sub(left, right), { variable: y }).result);
  const at = (f: typeof F, a: number, b: number): number => f({ [x]: a, [y]: b });
  return (a, start) => {
    let b = start;
    for (let k = 0; k < 60; k++) {
      const step = at(F, a, b) / at(Fy, a, b);
      if (!Number.isFinite(step)) return Number.NaN;
      b -= step;
      if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(b))) break;
    }
    return Math.abs(at(F, a, b)) < 1e-10 && Math.abs(at(Fy, a, b)) > 1e-3 ? b : Number.NaN;
  };
}

/** Points of the curve near a grid, found by Newton's method from several starts. */
export function curvePoints(left: Expr, right: Expr, x: string, y: string): [number, number][] {
  const solve = curveSolver(left, right, x, y);
  const points: [number, number][] = [];
  for (let i = 0; i < 40 && points.length < 24; i++) {
    const a = -3.1 + i * 0.157;
    for (const start of [-2.3, -0.7, 0.6, 1.9]) {
      const b = solve(a, start);
      if (Number.isFinite(b) && !points.some(([p, q]) => p === a && Math.abs(q - b) < 1e-6)) points.push([a, b]);
    }
  }
  return points;
}

/** How an implicit derivative compares with the curve's own slope at points of the curve. */
export interface ImplicitCheck {
  readonly verdict: 'verified' | 'failed' | 'unchecked';
  /** The points of the curve compared at. */
  readonly points: number;
  readonly worstRelativeError: number;
  /** Where it failed first: the point, the derivative's value and the curve's. */
  readonly failure?: { readonly at: readonly [number, number]; readonly derivative: number; readonly curve: number };
}

/**
 * The n-th derivative against the curve itself: at points of the curve, the branch through the
 * point is followed to x ± h by Newton's method, and its central difference (first or second) taken.
 */
export function checkImplicit(result: Implicit): ImplicitCheck {
  const { left, right, variable: x, dependent: y } = result;
  const order = result.orders.length;
  if (order > 2) return { verdict: 'unchecked', points: 0, worstRelativeError: 0 };
  const derivative = compile(result.result);
  const solveNear = curveSolver(left, right, x, y);
  let points = 0;
  let worst = 0;
  for (const [a, b] of curvePoints(left, right, x, y)) {
    const h = order === 1 ? 1e-6 : 1e-4;
    const [up, down] = [solveNear(a + h, b), solveNear(a - h, b)];
    // The branch must stay near the point: a jump to another branch is no slope.
    if (!Number.isFinite(up) || !Number.isFinite(down) || Math.abs(up - b) > 0.1 || Math.abs(down - b) > 0.1) continue;
    const curve = order === 1 ? (up - down) / (2 * h) : (up - 2 * b + down) / (h * h);
    const value = derivative({ [x]: a, [y]: b });
    if (!Number.isFinite(value) || Math.abs(value) > 1e4) continue;
    points++;
    const error = Math.abs(value - curve) / Math.max(1, Math.abs(curve));
    worst = Math.max(worst, error);
    if (error > (order === 1 ? 1e-6 : 1e-3)) return { verdict: 'failed', points, worstRelativeError: worst, failure: { at: [a, b], derivative: value, curve } };
  }
  return { verdict: points > 0 ? 'verified' : 'unchecked', points, worstRelativeError: worst };
}
