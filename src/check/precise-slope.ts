import type { Decimal } from 'decimal.js';
import type { Expr } from '../expr/types.js';
import { postOrder } from '../expr/traverse.js';
import { digitsOf } from '../expr/rational.js';
import type { Environment } from '../evaluate/evaluate.js';
import { NoPreciseValue, PreciseEvaluator } from '../evaluate/precise.js';

/*
 * An answer against the slope of its function where doubles cannot tell them apart: both in
 * arbitrary precision, at rising precision until two precisions agree. 10¹⁶ + x needs about
 * 40 digits; σ⁽¹⁰⁰⁾, a polynomial in σ whose coefficients reach 10¹⁵⁰, about 200.
 */

/** The most digits tried before the slope is said to be out of reach: decimal.js holds π and ln 10 to about 1025. */
export const mostDigits = 1000;

export type PreciseSlope =
  /** The answer's value and the slope, with how far the slope may be off and the digits that settled both. */
  | { readonly kind: 'estimate'; readonly symbolic: Decimal; readonly numeric: Decimal; readonly uncertainty: Decimal; readonly digits: number }
  /** f has no value near the point, or something in it has no value in arbitrary precision (an abstract function, erf). */
  | { readonly kind: 'no-value'; readonly reason: string }
  /** The slope does not settle: a pole or kink close by, or digits past `mostDigits`. */
  | { readonly kind: 'unsettled' };

/**
 * Calculators by precision, with the function values and powers they remember: one set for one
 * check, shared by its orders and points, and let go with it (a long-running process checking
 * many answers would otherwise keep every value it ever worked out).
 */
export class Calculators {
  private readonly byDigits = new Map<number, PreciseEvaluator>();

  at(digits: number): PreciseEvaluator {
    let evaluator = this.byDigits.get(digits);
    if (!evaluator) this.byDigits.set(digits, (evaluator = new PreciseEvaluator(digits)));
    return evaluator;
  }
}

/**
 * f′ at a point by central differences at steps h and h/4 (h = 10⁻⁸·max(1, |x|)), extrapolated,
 * and the answer's value there, at precisions from one that holds the digits of the largest
 * number in f (plus 50) upward, doubling, until two precisions agree to `tolerance`/100.
 */
export function preciseSlope(f: Expr, answer: Expr, variable: string, at: Environment, tolerance: number, calculators: Calculators): PreciseSlope {
  let previous: { symbolic: Decimal; numeric: Decimal; level: Decimal } | undefined;
  // Unsettled at two precisions in a row is a pole or kink, not rounding.
  let unsettled = 0;
  try {
    for (let digits = startingDigits(f); digits <= mostDigits; digits = digits === mostDigits ? Infinity : Math.min(2 * digits, mostDigits)) {
      const p = calculators.at(digits);
      const env = preciseEnvironment(p, at);
      const x = env[variable]!;
      const value = (t: Decimal): Decimal => p.evaluate(f, { ...env, [variable]: t });
      const h = x.abs().add(1).mul('1e-8');
      const [left, right] = [value(x.sub(h)), value(x.add(h))];
      const coarse = right.sub(left).div(h.mul(2));
      const fine = value(x.add(h.div(4))).sub(value(x.sub(h.div(4)))).div(h.div(2));
      // f itself must have a value that more digits do not change: cot(π) does not, it grows with them.
      const level = left.add(right).div(2);
      if (!coarse.isFinite() || !fine.isFinite()) return { kind: 'no-value', reason: 'the function has no value beside the point' };
      const numeric = fine.add(fine.sub(coarse).div(15));
      const truncation = numeric.sub(fine).abs();
      if (truncation.gt(numeric.abs().mul(tolerance / 10).add(p.number(10).pow(-digits / 2)))) {
        if (++unsettled === 2) return { kind: 'unsettled' };
        previous = undefined;
        continue;
      }
      unsettled = 0;
      const symbolic = p.evaluate(answer, env);
      // f's own rounding at these digits, magnified by 1/h: a slope below it (sin(1 − x/2¹⁰⁰⁰)′ ≈ 10⁻³⁰²
      // at 64 digits) is rounding, however well two precisions agree on it. More digits are tried.
      const rounding = level.abs().add(1).mul(p.number(10).pow(-digits)).div(h);
      if (rounding.gt(larger(numeric.abs(), symbolic.isFinite() ? symbolic.abs() : numeric.abs()).mul(tolerance))) {
        previous = undefined;
        continue;
      }
      if (previous && agrees(level, previous.level, tolerance / 100) && agrees(numeric, previous.numeric, tolerance / 100)
        && (agrees(symbolic, previous.symbolic, tolerance / 100) || !symbolic.isFinite())) {
        const change = numeric.sub(previous.numeric).abs();
        return { kind: 'estimate', symbolic, numeric, uncertainty: larger(larger(truncation, change), rounding).mul(10), digits };
      }
      previous = { symbolic, numeric, level };
    }
  } catch (error) {
    if (error instanceof NoPreciseValue) return { kind: 'no-value', reason: error.message };
    if (pastDecimalDigits(error)) return { kind: 'unsettled' };
    throw error;
  }
  return { kind: 'unsettled' };
}

/**
 * An expression's value at a point in arbitrary precision, at rising precision until two agree to
 * `tolerance`/100: for an answer whose parts overflow doubles where its value does not (a quotient
 * of e^(2x²)s over (e^(2x²) − x)⁴ at x = 11.3). NaN where it has no value; undefined where it has
 * none in arbitrary precision here (an abstract function, erf) or does not settle.
 */
export function preciseValue(e: Expr, at: Environment, tolerance: number, calculators: Calculators): Decimal | undefined {
  let previous: Decimal | undefined;
  try {
    for (let digits = startingDigits(e); digits <= mostDigits; digits *= 2) {
      const p = calculators.at(digits);
      const env = preciseEnvironment(p, at);
      const value = p.evaluate(e, env);
      if (previous && agrees(value, previous, tolerance / 100)) return value;
      previous = value;
    }
  } catch (error) {
    if (error instanceof NoPreciseValue || pastDecimalDigits(error)) return undefined;
    throw error;
  }
  return undefined;
}

/** The point's values as numbers of a calculator's precision. */
const preciseEnvironment = (p: PreciseEvaluator, at: Environment): Record<string, Decimal> =>
  Object.fromEntries(Object.entries(at).map(([name, v]) => [name, p.number(v)]));

/** Past the digits decimal.js holds its constants to: out of reach, as past mostDigits. */
const pastDecimalDigits = (error: unknown): boolean => error instanceof Error && error.message.startsWith('[DecimalError]');

/** Whether two values agree to a relative tolerance (both NaN agree: the answer has no value either way). */
function agrees(a: Decimal, b: Decimal, tolerance: number): boolean {
  if (a.isNaN() || b.isNaN()) return a.isNaN() && b.isNaN();
  return a.sub(b).abs().lte(larger(a.abs(), b.abs()).mul(tolerance));
}

const larger = (a: Decimal, b: Decimal): Decimal => (a.gt(b) ? a : b);

/**
 * 50 digits more than the largest number written in the expression has (its cancellations lose no
 * more), rounded up to 64 times a power of 2: the orders of one check then share calculators and
 * the function values they remember.
 */
function startingDigits(e: Expr): number {
  let most = 0;
  for (const node of postOrder(e)) {
    if (node.kind === 'num') most = Math.max(most, digitsOf(node.value));
  }
  let digits = 64;
  while (digits < 50 + most) digits *= 2;
  return Math.min(digits, mostDigits);
}
