import Fraction from 'fraction.js';
import type { Call, Expr } from '../expr/types.js';
import { add, derivative, mul } from '../expr/factory.js';
import { containsCall, dependsOn } from '../expr/traverse.js';
import { fromTemplate } from '../expr/template.js';
import { functionNames, functionTable, oneArgumentDerivative, type FunctionName } from '../functions/table.js';
import { atomId, sameAtom } from '../algebra/atoms.js';
import {
  constantPolynomial, constantValue, differentiatePolynomial, multiplyPolynomials, scale, type Polynomial,
} from '../algebra/polynomial.js';
import { isInteger } from '../expr/rational.js';
import { cancel } from '../algebra/cancel.js';
import { fromPolynomial, remember, toRationalFunction, type RationalFunction } from '../algebra/rational-function.js';
import { univariate } from '../algebra/univariate.js';
import { polynomialToExpr } from '../algebra/to-expr.js';
import type { DiffStep } from './steps.js';
import type { RuleContext } from './rules.js';

/** Functions whose derivative is a polynomial in themselves times the inner derivative. */
/** The constant polynomials 1 and 0: the derivatives that make ∂P/∂f out of the same sum. */
const one = constantPolynomial(new Fraction(1));
const none: Polynomial = new Map();

/** ∂P/∂f: P differentiated as if f′ were 1 and every other atom constant. */
const partialBy = (p: Polynomial, f: Expr): Expr => polynomialToExpr(differentiatePolynomial(p, (a) => (sameAtom(a, f) ? one : none))!);

const closedUnderDerivative: ReadonlySet<FunctionName> = new Set(functionNames.filter((name) => functionTable[name].derivativeIsPolynomialInItself));

/**
 * (P(f))′ = P′(f)·f′ for a polynomial P in one function f = σ(u), tanh(u) or e^u with u′
 * free of the variable: f′ is again a polynomial in f (σ′ = σ·(1 − σ)·u′), so the
 * derivative is worked out on coefficients, exactly, without growing a tree. This is
 * what makes σ⁽¹⁰⁰⁾ quick. Undefined when the expression is not such a polynomial.
 */
export function polynomialInFunctionRule(e: Expr, ctx: RuleContext): DiffStep | undefined {
  if (e.kind !== 'add' && e.kind !== 'mul' && e.kind !== 'pow') return undefined;
  // Working out the rational function of a long sum only to find no σ in it would cost more than the rest.
  if (!containsCall(e, closedUnderDerivative)) return undefined;
  const r = toRationalFunction(e);
  if (constantValue(r.denominator)?.equals(1) !== true) return undefined;
  const p = univariate(r.numerator);
  if (!p?.atom || p.coefficients.length < 3) return undefined;
  const f = p.atom;
  if (f.kind !== 'call' || !closedUnderDerivative.has(f.name) || !dependsOn(f, ctx.variable)) return undefined;
  const fPrime = derivativeInItself(f, ctx);
  if (!fPrime) return undefined;
  const inner = ctx.differentiate(f);
  const product = differentiatePolynomial(r.numerator, (a) => (sameAtom(a, f) ? fPrime.numerator : none));
  if (!product) return undefined;
  // The next order reads this polynomial back: it is remembered rather than worked out again.
  const result = remember(polynomialToExpr(product), fromPolynomial(product));
  let formula: Expr | undefined;
  return {
    rule: 'polynomial-in-function', expr: e, variable: ctx.variable, bindings: { f },
    // Built when the derivation is shown: on the way to σ⁽¹⁰⁰⁾ nobody reads the 99 formulas before it.
    get formula() {
      return (formula ??= mul([partialBy(r.numerator, f), derivative(f, ctx.variable)]));
    },
    result, substeps: [inner],
  };
}

/**
 * f′ = Q(f)·u′ for f = g(u), as a polynomial in f whose coefficients are free of the variable
 * (σ(w·x + b)′ = w·σ − w·σ² by x); undefined when u′ depends on the variable, as for σ(x²).
 */
function derivativeInItself(f: Call, ctx: RuleContext): RationalFunction | undefined {
  const [u] = f.args as [Expr];
  const derivative = oneArgumentDerivative(ctx.functions[f.name]);
  if (derivative === undefined) return undefined;
  const outer = toRationalFunction(fromTemplate(derivative, f.args));
  const inner = toRationalFunction(ctx.differentiate(u).result);
  const fPrime = cancel({
    numerator: multiplyPolynomials(outer.numerator, inner.numerator),
    denominator: multiplyPolynomials(outer.denominator, inner.denominator),
  });
  if (constantValue(fPrime.denominator)?.equals(1) !== true) return undefined;
  for (const t of fPrime.numerator.values()) {
    for (const [a] of t.monomial.factors) if (!sameAtom(a, f) && dependsOn(a, ctx.variable)) return undefined;
  }
  return fPrime;
}

/**
 * (P(f₁, …, fₖ))′ = Σ ∂P/∂fᵢ·fᵢ′ for a polynomial P in functions whose derivatives are again
 * polynomials in functions: σ(σ(x)) and σ(x) (σ(σ(x))′ = σ(σ(x))·(1 − σ(σ(x)))·σ(x)·(1 − σ(x))),
 * tan x and sec x, e^(x²) and x, sin(x²), cos(x²) and x. Each order is worked out on the
 * coefficients, so high orders of σ∘σ and tan are quick. Undefined when some atom's
 * derivative has a denominator (ln x, |x|) or an atom has a fractional or negative exponent.
 */
export function polynomialInFunctionsRule(e: Expr, ctx: RuleContext): DiffStep | undefined {
  if (e.kind !== 'add' && e.kind !== 'mul' && e.kind !== 'pow') return undefined;
  const r = toRationalFunction(e);
  if (constantValue(r.denominator)?.equals(1) !== true) return undefined;
  const varying = new Map<string, Expr>();
  for (const t of r.numerator.values()) {
    for (const [a, exponent] of t.monomial.factors) {
      if (!dependsOn(a, ctx.variable)) continue;
      if (!isInteger(exponent) || exponent.s < 0n) return undefined;
      varying.set(atomId(a), a);
    }
  }
  const functions = [...varying.values()].filter((a) => a.kind !== 'variable');
  if (functions.length === 0) return undefined;
  const derivatives = new Map<string, Polynomial>();
  const substeps: DiffStep[] = [];
  for (const [id, a] of varying) {
    const step = ctx.differentiate(a);
    const fPrime = a.kind === 'variable' ? toRationalFunction(step.result) : cancel(toRationalFunction(step.result));
    const c = constantValue(fPrime.denominator);
    if (c === undefined || c.equals(0)) return undefined;
    for (const t of fPrime.numerator.values()) {
      for (const [b, exponent] of t.monomial.factors) if (dependsOn(b, ctx.variable) && (!isInteger(exponent) || exponent.s < 0n)) return undefined;
    }
    derivatives.set(id, scale(fPrime.numerator, c.inverse()));
    if (a.kind !== 'variable') substeps.push(step);
  }
  const product = differentiatePolynomial(r.numerator, (a) => derivatives.get(atomId(a)) ?? none);
  if (!product) return undefined;
  const result = remember(polynomialToExpr(product), fromPolynomial(product));
  let formula: Expr | undefined;
  return {
    rule: 'polynomial-in-functions', expr: e, variable: ctx.variable, bindings: { functions },
    // Built when the derivation is shown, as for one function.
    get formula() {
      return (formula ??= add([...varying.values()].map((a) => mul([partialBy(r.numerator, a), derivative(a, ctx.variable)]))));
    },
    result, substeps,
  };
}
