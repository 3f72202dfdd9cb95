import Fraction from 'fraction.js';
import type { Call, Expr } from '../expr/types.js';
import { functionNames, functionTable, type FunctionName } from '../functions/table.js';
import { derivative, mul } from '../expr/factory.js';
import { containsCall, dependsOn } from '../expr/traverse.js';
import { addInto, atomKey, atomPolynomial, constantPolynomial, constantValue, multiplyPolynomials, scale, type Term } from '../simplify/polynomial.js';
import { cancel, polynomialExpr, remember, toRationalFunction, univariate } from '../simplify/rational-function.js';
import { simplify } from '../simplify/simplify.js';
import type { DiffStep } from './steps.js';
import type { RuleContext } from './rules.js';

/** Functions whose derivative is a polynomial in themselves times the inner derivative. */
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
  const inner = ctx.differentiate(f);
  const fPrime = cancel(toRationalFunction(simplify(inner.result, { form: 'exp' })));
  if (constantValue(fPrime.denominator)?.equals(1) !== true) return undefined;
  // f′ must be a polynomial in f with coefficients free of the variable.
  for (const t of fPrime.numerator.values()) {
    for (const [a] of t.monomial.factors) if (atomKey(a) !== atomKey(f) && dependsOn(a, ctx.variable)) return undefined;
  }
  const pPrime = new Map<string, Term>();
  p.coefficients.forEach((c, degree) => {
    if (degree > 0) addInto(pPrime, scale(atomPolynomial(f, new Fraction(degree - 1)), c.mul(degree)));
  });
  const product = multiplyPolynomials(pPrime, fPrime.numerator);
  // The next order reads this polynomial back: it is remembered rather than worked out again.
  const result = remember(polynomialExpr(product, 'expanded'), { numerator: product, denominator: constantPolynomial(new Fraction(1)) });
  let formula: Expr | undefined;
  return {
    rule: 'polynomial-in-function', expr: e, variable: ctx.variable, bindings: { f: f as Call },
    // Built when the derivation is shown: on the way to σ⁽¹⁰⁰⁾ nobody reads the 99 formulas before it.
    get formula() {
      return (formula ??= mul([polynomialExpr(pPrime, 'expanded'), derivative(f, ctx.variable)]));
    },
    result, substeps: [inner],
  };
}
