import type { Expr } from '../../src/expr/types.js';
import type { Derivative } from '../../src/differentiate/differentiate.js';
import { evaluate, type DerivativeEvaluator, type Environment } from '../../src/evaluate/evaluate.js';
import Fraction from 'fraction.js';
import { children, postOrder, rebuild } from '../../src/expr/traverse.js';
import { mul, num, pow } from '../../src/expr/factory.js';

/** Five-point central difference of f at x with step h. */
function centralDifference(f: (x: number) => number, x: number, h: number): number {
  return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);
}

export interface Comparison {
  readonly point: number;
  readonly symbolic: number;
  readonly numeric: number;
}

/**
 * Compares a derivative with finite differences of the expression at a point.
 * Returns undefined where the comparison means nothing: either side undefined or
 * infinite, or the finite differences unstable (two step sizes disagree), as near
 * poles, kinks and cancellations.
 */
export function compareAt(expr: Expr, derivative: Expr, variable: string, point: number, env: Environment = {}): Comparison | undefined {
  const f = (x: number): number => safe(() => evaluate(expr, { ...env, [variable]: x }));
  // Beside huge intermediate values a step of 10⁻³ is lost to rounding: x + e⁶⁶ looks constant.
  if (largestPart(expr, { ...env, [variable]: point }) > 1e6) return undefined;
  const symbolic = safe(() => evaluate(derivative, { ...env, [variable]: point }));
  const h = 1e-3 * Math.max(1, Math.abs(point));
  const coarse = centralDifference(f, point, h);
  const fine = centralDifference(f, point, h / 2);
  if (![symbolic, coarse, fine].every(Number.isFinite)) return undefined;
  if (!close(coarse, fine, 1e-5)) return undefined;
  return { point, symbolic, numeric: fine };
}

export function close(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

function safe(f: () => number): number {
  try {
    return f();
  } catch {
    return Number.NaN;
  }
}

export const samplePoints = [-2.3, -1.1, -0.4, 0.3, 0.7, 1.3, 2.1, 3.7];

/**
 * Whether a value is numerically meaningful at a point: nudging every variable by
 * one part in 10¹⁰ changes it by less than one part in 10⁷. cot(10¹²) is not:
 * rounding alone makes two correct evaluations disagree there.
 */
export function isWellConditioned(expr: Expr, env: Environment): boolean {
  const at = (e: Expr, scale: number): number => safe(() => evaluate(e, Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v * scale]))));
  const base = at(expr, 1);
  if (![1 + 1e-10, 1 - 1e-10].every((scale) => close(at(expr, scale), base, 1e-7))) return false;
  // Sensitive to its numbers too (cot(19.1⁵ + x)): rounding them differently changes the value.
  const trillion = 10n ** 12n;
  return [trillion + 1n, trillion - 1n].every((n) => close(at(scaleNumbers(expr, new Fraction(n, trillion)), 1), base, 1e-7));
}

/**
 * The tree with every number and constant multiplied by a factor, except integer exponents
 * (x^2 stays a square): tan(π) is 0 exactly but −1.2e-16 in floating point, and acot jumps there.
 */
function scaleNumbers(root: Expr, factor: Fraction): Expr {
  // Derivatives share their parts: one rebuilt node per shared part, not one per path.
  const scaled = new Map<Expr, Expr>();
  for (const e of postOrder(root)) {
    const next = e.kind === 'num' ? num(e.value.mul(factor), e.decimal)
      : e.kind === 'constant' ? mul([num(factor), e])
      : e.kind === 'pow' && e.exponent.kind === 'num' && e.exponent.value.d === 1n ? pow(scaled.get(e.base)!, e.exponent)
        : rebuild(e, children(e).map((c) => scaled.get(c)!));
    scaled.set(e, next);
  }
  return scaled.get(root)!;
}

/**
 * The largest magnitude of any subexpression's value at a point; infinite where a part is
 * (0^(−1.3) is no number, though x/(1 + 0^(−1.3)) rounds to the finite 0).
 */
export function largestPart(expr: Expr, env: Environment): number {
  return Math.max(0, ...postOrder(expr).map((part) => Math.abs(safe(() => evaluate(part, env)))).filter((v) => !Number.isNaN(v)));
}

/**
 * Evaluates an expression whose unevaluated derivatives (u)′ are estimated by
 * central differences; NaN where a difference is unstable (two step sizes disagree).
 */
export function evaluateWithDifferences(expr: Expr, env: Environment): number {
  const differences: DerivativeEvaluator = (operand, variable, at) => {
    const point = at[variable];
    if (point === undefined) return Number.NaN;
    const f = (t: number): number => safe(() => evaluate(operand, { ...at, [variable]: t }));
    const h = 1e-3 * Math.max(1, Math.abs(point));
    const coarse = centralDifference(f, point, h);
    const fine = centralDifference(f, point, h / 2);
    return close(coarse, fine, 1e-6) ? fine : Number.NaN;
  };
  return safe(() => evaluate(expr, env, { derivative: differences }));
}

/**
 * Whether a condition of the derivative changes between x − 0.01 and x + 0.01: a kink or a jump
 * lies there (round(11^x) jumps often), and finite differences across it mean nothing. Or whether
 * a condition u ≠ v fails beside x: the derivative is not claimed there (the arguments of
 * min(max(0, x), x) tie for every x > 0).
 */
export function crossesException(d: Derivative, x: number, env: Environment = {}): boolean {
  const sides = (at: number): number[] => d.conditions.map((c) => {
    const gap = safe(() => evaluate(c.left, { ...env, [d.variable]: at }) - evaluate(c.right, { ...env, [d.variable]: at }));
    return c.kind === 'not-equal' ? (gap === 0 ? Number.NaN : Math.sign(gap)) : Math.floor(gap);
  });
  const [low, high] = [sides(x - 0.01), sides(x + 0.01)];
  return low.some((s, i) => s !== high[i] || Number.isNaN(s));
}

/** The central difference of an expression by one variable at a point, the others held there. */
export function centralSlope(f: Expr, variable: string, at: Environment, h = 1e-6): number {
  return (evaluate(f, { ...at, [variable]: (at[variable] as number) + h }) - evaluate(f, { ...at, [variable]: (at[variable] as number) - h })) / (2 * h);
}
