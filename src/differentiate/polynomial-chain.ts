import type { Expr } from '../expr/types.js';
import type { Condition, DiffStep } from '../diff/steps.js';
import { derive } from '../diff/differentiate.js';
import type { FunctionTable } from '../functions/table.js';
import type { RewriteStep } from '../simplify/rewrite.js';
import type { Derivation } from './derivation.js';
import { checkLimits } from '../errors.js';
import { sameAtom } from '../algebra/atoms.js';
import { polynomialOverNumber, polyFactored } from '../algebra/factored.js';
import { normalForm, remember } from '../algebra/normal-form.js';
import { polyExpr } from '../algebra/to-expr.js';
import { derivativeTimes, polyFromCoefficients, univariateOf } from '../algebra/univariate.js';
import * as Z from '../algebra/integer.js';

/**
 * The derivatives that follow one the polynomial-in-function rule gave: P(f) for one function
 * f whose derivative is Q(f) with numbers for coefficients (σ′ = σ − σ², tanh′ = 1 − tanh²,
 * σ(x/2)′ = (σ − σ²)/2). Each next order is P′·Q, worked out on whole-number coefficients,
 * which is all the rule itself would do, less the fractions and the trees. Only every
 * `stride`-th order's coefficients are kept; an order in between is worked out again from
 * the one kept before it when it is read, and only the last two read are kept as trees, so
 * σ⁽¹⁰⁰⁰⁾ keeps a few dozen polynomials, not a thousand, and memory grows with the answer
 * rather than with the work.
 */
export interface PolynomialChain {
  /** The derivative of an order from the step's own to the last, as the rule gives it: a polynomial in f. */
  at(order: number): Expr;
}

interface Coefficients {
  readonly numerators: readonly bigint[];
  readonly denominator: bigint;
}

/**
 * The chain from `step` (the derivative of order `first`) up to order `last`, or undefined
 * when the step is not such a polynomial. Q must have degree 2 or more, so each order has
 * a higher degree than the one before: the derivatives never repeat, and no cycle is missed.
 * With two terms or more in Q each order is a sum, which the rule differentiates again.
 */
export function polynomialChain(step: DiffStep, first: number, last: number): PolynomialChain | undefined {
  if (step.rule !== 'polynomial-in-function' || step.substeps.length !== 1) return undefined;
  const { f } = step.bindings;
  const q = polynomialIn(f, step.substeps[0]!.result);
  const start = polynomialIn(f, step.result);
  if (!q || !start || q.numerators.length < 3 || q.numerators.filter((n) => n !== 0n).length < 2 || start.numerators.length < 2) return undefined;
  const stride = Math.max(1, Math.ceil(Math.sqrt(last - first)));
  const kept = new Map<number, Coefficients>([[first, start]]);
  const next = (c: Coefficients): Coefficients => {
    checkLimits();
    return { numerators: derivativeTimes(c.numerators, q.numerators), denominator: c.denominator * q.denominator };
  };
  let c = start;
  for (let order = first + 1; order <= last; order++) {
    c = next(c);
    if ((order - first) % stride === 0 || order === last) kept.set(order, c);
  }
  // Orders are mostly read in turn (a derivation shown or checked order by order): the last
  // coefficients worked out are where the next order starts, and the last two orders written
  // are kept, as one order's result is the next one's expression.
  let cursor = { order: first, coefficients: start };
  const written = new Map<number, Expr>([[first, step.result]]);
  return {
    at(order: number): Expr {
      let e = written.get(order);
      if (e) return e;
      let coefficients = kept.get(order);
      if (!coefficients) {
        const from = order - ((order - first) % stride);
        const begin = cursor.order >= from && cursor.order < order ? cursor : { order: from, coefficients: kept.get(from)! };
        coefficients = begin.coefficients;
        for (let o = begin.order; o < order; o++) coefficients = next(coefficients);
      }
      cursor = { order, coefficients };
      e = asExpr(f, coefficients);
      if (written.size >= 2) written.delete(written.keys().next().value!);
      written.set(order, e);
      return e;
    },
  };
}

/** The coefficients of e as a polynomial in f with numbers for coefficients, over one denominator. */
function polynomialIn(f: Expr, e: Expr): Coefficients | undefined {
  const polynomial = polynomialOverNumber(normalForm(e));
  if (!polynomial) return undefined;
  const p = univariateOf(polynomial.poly);
  if (!p?.atom || !sameAtom(p.atom, f)) return undefined;
  return { numerators: p.coefficients.map(Z.toBig), denominator: Z.toBig(polynomial.denominator) };
}

/** The polynomial as the rule writes it, its normal form remembered for the simplifier. */
function asExpr(f: Expr, c: Coefficients): Expr {
  const p = polyFromCoefficients(f, c.numerators.map(Z.fromBig));
  const denominator = Z.fromBig(c.denominator);
  return remember(polyExpr(p, denominator), polyFactored(p, denominator));
}

interface ChainOrders {
  /** The order of the chain's step, whose derivation is already made. */
  readonly first: number;
  readonly last: number;
  readonly variable: string;
  /** Those of the first step: every step of the chain differentiates the same f with the same rule. */
  readonly conditions: readonly Condition[];
  readonly functions: FunctionTable | undefined;
  /** Tidies a derivative (or leaves it settled), within the size limit. */
  readonly tidy: (order: number, raw: Expr, settled: boolean) => { result: Expr; steps: readonly RewriteStep[] };
}

/**
 * The derivations of the orders after the first up to the last. Each step is worked out by
 * the rules, on the polynomial the chain gives, only when it is read (to show or check the
 * derivation): the answer alone needs none of them. Only the last order is tidied.
 */
export function chainDerivations(chain: PolynomialChain, o: ChainOrders): Derivation[] {
  // The getters below reach these, not o, whose tidy reaches the whole differentiation (see DerivationContext in diff/differentiate.ts).
  const { variable, functions, conditions } = o;
  const derivation = (order: number, tidied?: { result: Expr; steps: readonly RewriteStep[] }): Derivation => {
    let step: DiffStep | undefined;
    return {
      get expr() { return chain.at(order - 1); },
      get step() { return (step ??= derive(chain.at(order - 1), variable, { functions, order })); },
      simplification: tidied?.steps ?? [],
      get result() { return tidied?.result ?? chain.at(order); },
      conditions,
    };
  };
  const out: Derivation[] = [];
  for (let order = o.first + 1; order < o.last; order++) out.push(derivation(order));
  out.push(derivation(o.last, o.tidy(o.last, chain.at(o.last), false)));
  return out;
}
