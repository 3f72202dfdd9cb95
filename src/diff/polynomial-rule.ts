import type { Call, Expr } from '../expr/types.js';
import { add, derivative, mul } from '../expr/factory.js';
import { children, dependsOn } from '../expr/traverse.js';
import { fromTemplate } from '../expr/template.js';
import { isInteger, isZero } from '../expr/rational.js';
import { functionNames, functionTable, oneArgumentDerivative, type FunctionName } from '../functions/table.js';
import { atomKey, compareAtoms, sameAtom } from '../algebra/atoms.js';
import { constantPoly, differentiatePoly, type PolyOver } from '../algebra/poly.js';
import { multiplyFactored, polyFactored, polynomialOverNumber } from '../algebra/factored.js';
import { algebraicParts, normalForm, remember } from '../algebra/normal-form.js';
import { foldParts } from '../expr/fold.js';
import { NodeMemo } from '../expr/node-memo.js';
import { callBits, mayCall } from '../expr/calls.js';
import { univariateOf } from '../algebra/univariate.js';
import { polyExpr } from '../algebra/to-expr.js';
import type { DiffStep } from './steps.js';
import * as Z from '../algebra/integer.js';
import type { RuleContext } from './rules.js';

/** Functions whose derivative is a polynomial in themselves times the inner derivative. */
/** The constant polynomial 1: the derivative that makes ∂P/∂f out of the same sum. */
const one: PolyOver = { poly: constantPoly(1), denominator: 1 };

/** ∂P/∂f: P differentiated as if f′ were 1 and every other atom constant. */
function partialBy(p: PolyOver, f: Expr): Expr {
  const d = differentiatePoly(p.poly, (a) => (sameAtom(a, f) ? one : undefined))!;
  return polyExpr(d.poly, Z.mul(d.denominator, p.denominator));
}

/** A polynomial over a number as the rule writes it, its normal form remembered for the simplifier (the next order reads it back). */
const written = (p: PolyOver): Expr => remember(polyExpr(p.poly, p.denominator), polyFactored(p.poly, p.denominator));

/** Sums, products and powers may be polynomials, and so may one over a number: σ(x/3)·(1 − σ(x/3))/3. */
const mayBePolynomial = (e: Expr): boolean =>
  (e.kind === 'add' || e.kind === 'mul' || e.kind === 'pow' || (e.kind === 'div' && e.denominator.kind === 'num' && mayBePolynomial(e.numerator)))
  && writtenAsPolynomial(e);

const asPolynomial = new NodeMemo<boolean>();

/**
 * Whether e is written as a polynomial in its atoms: no quotient but by a number, no power but a
 * whole one ≥ 0. A sum of thirty quotients is not worked out only to find it is none.
 */
const writtenAsPolynomial = (e: Expr): boolean => foldParts<Expr, boolean>(e, (node) => (node.kind === 'call' ? [] : algebraicParts(node)), (node, of) => {
  switch (node.kind) {
    case 'add': return node.terms.every(of);
    case 'mul': return node.factors.every(of);
    case 'neg': return of(node.operand);
    case 'div': return node.denominator.kind === 'num' && of(node.numerator);
    case 'pow': return node.exponent.kind !== 'num' || (node.exponent.value.d === 1n && node.exponent.value.s > 0n && of(node.base));
    default: return true;
  }
}, asPolynomial);

/**
 * Whether e is a product with a variable among its factors, or a whole power of one above 0
 * (x·e^x, w·σ(w·x + b)): a polynomial in two atoms at least, the variable in every term, found
 * without working out its normal form. Its functions are then differentiated by the other rules.
 */
const hasVariableFactor = (e: Expr): boolean => e.kind === 'mul' && e.factors.some((f) => f.kind === 'variable'
  || (f.kind === 'pow' && f.base.kind === 'variable' && f.exponent.kind === 'num' && isInteger(f.exponent.value) && f.exponent.value.s > 0n && !isZero(f.exponent.value)));

const closedUnderDerivative: ReadonlySet<FunctionName> = new Set(functionNames.filter((name) => functionTable[name].derivativeIsPolynomialInItself));

const holding = new NodeMemo<boolean>();

/** Whether a call of such a function is anywhere in e: asked of every product differentiated, so kept for each part. */
const holdsClosedFunction = (e: Expr): boolean => foldParts<Expr, boolean>(e, children, (node, of) =>
  (node.kind === 'call' && closedUnderDerivative.has(node.name)) || children(node).some(of), holding);

const closedUnderDerivativeBits = callBits(closedUnderDerivative);

/**
 * (P(f))′ = P′(f)·f′ for a polynomial P in one function f = σ(u), tanh(u) or e^u with u′
 * free of the variable: f′ is again a polynomial in f (σ′ = σ·(1 − σ)·u′), so the
 * derivative is worked out on coefficients, exactly, without growing a tree. This is
 * what makes σ⁽¹⁰⁰⁾ quick. Undefined when the expression is not such a polynomial.
 */
export function polynomialInFunctionRule(e: Expr, ctx: RuleContext): DiffStep | undefined {
  // Where the bits of e say no such function is in it, nothing of e is walked to find so.
  if (!mayCall(e, closedUnderDerivativeBits) || hasVariableFactor(e) || !mayBePolynomial(e)) return undefined;
  // Working out the rational function of a long sum only to find no σ in it would cost more than the rest.
  if (!holdsClosedFunction(e)) return undefined;
  const r = polynomialOverNumber(normalForm(e));
  if (!r) return undefined;
  const p = univariateOf(r.poly);
  if (!p?.atom || p.coefficients.length < 3) return undefined;
  const f = p.atom;
  if (f.kind !== 'call' || !closedUnderDerivative.has(f.name) || !dependsOn(f, ctx.variable)) return undefined;
  const fPrime = derivativeInItself(f, ctx);
  if (!fPrime) return undefined;
  const inner = ctx.differentiate(f);
  const product = differentiatePoly(r.poly, (a) => (sameAtom(a, f) ? fPrime : undefined));
  if (!product) return undefined;
  const result = written({ poly: product.poly, denominator: Z.mul(product.denominator, r.denominator) });
  const variable = ctx.variable;
  let formula: Expr | undefined;
  return {
    rule: 'polynomial-in-function', expr: e, variable, bindings: { f },
    // Built when the derivation is shown: on the way to σ⁽¹⁰⁰⁾ nobody reads the 99 formulas before it.
    // It reads the variable, not ctx, which reaches the whole derivation (see DerivationContext in differentiate.ts).
    get formula() {
      return (formula ??= mul([partialBy(r, f), derivative(f, variable)]));
    },
    result, substeps: [inner],
  };
}

/**
 * f′ = Q(f)·u′ for f = g(u), as a polynomial in f whose coefficients are free of the variable
 * (σ(w·x + b)′ = w·σ − w·σ² by x); undefined when u′ depends on the variable, as for σ(x²).
 */
function derivativeInItself(f: Call, ctx: RuleContext): PolyOver | undefined {
  const [u] = f.args as [Expr];
  const derivative = oneArgumentDerivative(ctx.functions[f.name]);
  if (derivative === undefined) return undefined;
  const outer = normalForm(fromTemplate(derivative, f.args));
  const inner = normalForm(ctx.differentiate(u).result);
  const fPrime = polynomialOverNumber(multiplyFactored(outer, inner));
  if (!fPrime) return undefined;
  for (const m of fPrime.poly.monomials) {
    for (const a of m.atoms) if (!sameAtom(a, f) && dependsOn(a, ctx.variable)) return undefined;
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
  if (!mayBePolynomial(e)) return undefined;
  const r = polynomialOverNumber(normalForm(e));
  if (!r) return undefined;
  const varying = new Map<number, Expr>();
  for (const m of r.poly.monomials) {
    for (let i = 0; i < m.atoms.length; i++) {
      const a = m.atoms[i]!;
      if (!dependsOn(a, ctx.variable)) continue;
      if (m.dens || m.nums[i]! < 0) return undefined;
      varying.set(m.keys[i]!, a);
    }
  }
  // In writing order, whatever order the normal form keeps its atoms in.
  const ordered = [...varying.entries()].sort(([, a], [, b]) => compareAtoms(a, b));
  varying.clear();
  for (const [key, a] of ordered) varying.set(key, a);
  const functions = [...varying.values()].filter((a) => a.kind !== 'variable');
  if (functions.length === 0) return undefined;
  const derivatives = new Map<number, PolyOver>();
  const substeps: DiffStep[] = [];
  for (const [key, a] of varying) {
    const step = ctx.differentiate(a);
    const fPrime = polynomialOverNumber(normalForm(step.result));
    if (!fPrime) return undefined;
    for (const m of fPrime.poly.monomials) {
      for (let i = 0; i < m.atoms.length; i++) if (dependsOn(m.atoms[i]!, ctx.variable) && (m.dens || m.nums[i]! < 0)) return undefined;
    }
    derivatives.set(key, fPrime);
    if (a.kind !== 'variable') substeps.push(step);
  }
  const product = differentiatePoly(r.poly, (a) => derivatives.get(atomKey(a)));
  if (!product) return undefined;
  const result = written({ poly: product.poly, denominator: Z.mul(product.denominator, r.denominator) });
  const variable = ctx.variable;
  let formula: Expr | undefined;
  return {
    rule: 'polynomial-in-functions', expr: e, variable, bindings: { functions },
    // Built when the derivation is shown, as for one function, and reading the variable, not ctx.
    get formula() {
      return (formula ??= add([...varying.values()].map((a) => mul([partialBy(r, a), derivative(a, variable)]))));
    },
    result, substeps,
  };
}
