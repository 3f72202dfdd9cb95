import Fraction from 'fraction.js';
import type { Expr, Rational } from '../expr/types.js';
import { add, div, int, mul, neg } from '../expr/factory.js';
import { containsCall } from '../expr/traverse.js';
import { isNegative, isOne } from '../expr/rational.js';
import { complexity } from '../algebra/complexity.js';
import { sameAtom } from '../algebra/atoms.js';
import {
  compareMonomials, addPolynomials, constantValue, monomial, monomialPolynomial, scale, type Polynomial,
} from '../algebra/polynomial.js';
import { cancel } from '../algebra/cancel.js';
import { factor } from '../algebra/factor.js';
import { toRationalFunction, type RationalFunction } from '../algebra/rational-function.js';
import { univariate } from '../algebra/univariate.js';
import { factoredToExpr, polynomialToExpr, powerExpr, termToExpr } from '../algebra/to-expr.js';

/* How a polynomial or rational function is written as an answer: expanded, factored, or grouped by σ. */

export type Form = 'expanded' | 'factored' | 'auto';

/**
 * A polynomial in σ(u) and other atoms, grouped by what multiplies each polynomial in σ
 * and each group factored, as people write it: σ + x·σ·(1 − σ) rather than σ·(1 + x − x·σ).
 * Undefined when there is no σ, or nothing else.
 */
function groupedBySigmoid(p: Polynomial): Expr | undefined {
  const sigmoid = [...p.values()].flatMap((t) => t.monomial.factors.map(([a]) => a))
    .find((a) => a.kind === 'call' && a.name === 'sigmoid');
  if (!sigmoid || univariate(p)) return undefined;
  const groups = new Map<string, { cofactor: readonly (readonly [Expr, Rational])[]; polynomial: Polynomial }>();
  for (const t of p.values()) {
    const inS = t.monomial.factors.filter(([a]) => sameAtom(a, sigmoid));
    const rest = t.monomial.factors.filter(([a]) => !sameAtom(a, sigmoid));
    const key = monomial(rest).key;
    const part = scale(monomialPolynomial(inS), t.coefficient);
    const group = groups.get(key);
    groups.set(key, { cofactor: rest, polynomial: group ? addPolynomials(group.polynomial, part) : part });
  }
  if (groups.size === p.size) return undefined;
  // In writing order of what multiplies each group, lowest degree first: not in the order the terms happen to be stored.
  const degree = (cofactor: readonly (readonly [Expr, Rational])[]): number => cofactor.reduce((sum, [, e]) => sum + e.valueOf(), 0);
  const ordered = [...groups.values()].sort((a, b) => a.cofactor.length - b.cofactor.length || degree(a.cofactor) - degree(b.cofactor)
    || compareMonomials(monomial(a.cofactor), monomial(b.cofactor)));
  return add(ordered.map(({ cofactor, polynomial }) => {
    // Each group is a polynomial in σ alone: written without grouping again.
    const body = ungroupedPolynomialExpr(polynomial, 'auto');
    if (cofactor.length === 0) return body;
    const factors = cofactor.map(([a, e]) => powerExpr(a, e));
    return body.kind === 'neg' ? neg(mul([...factors, body.operand])) : mul([...factors, ...(body.kind === 'mul' ? body.factors : [body])]);
  }));
}

/** A polynomial written out expanded, factored, or whichever is smaller. */
function polynomialExpr(p: Polynomial, form: Form): Expr {
  if (form === 'auto') {
    const grouped = groupedBySigmoid(p);
    if (grouped) return grouped;
  }
  return ungroupedPolynomialExpr(p, form);
}

function ungroupedPolynomialExpr(p: Polynomial, form: Form): Expr {
  const expanded = polynomialToExpr(p);
  if (form === 'expanded' || p.size <= 1) return expanded;
  const factorisation = factor(p);
  const factored = factoredToExpr(factorisation);
  if (form === 'factored') return factored;
  // Factors at rational roots are worth showing when hardly longer (σ(1 − σ)(1 − 2σ) over
  // σ − 3σ² + 2σ³); taking out a common factor only when it saves three nodes or more
  // (2x·sin(x) + x²·cos(x) stays as it is).
  const margin = factorisation.roots > 0 ? 3 : -2;
  return complexity(factored) < complexity(expanded) + margin ? factored : expanded;
}

/**
 * A polynomial in σ(u) written as the product of its factors at rational roots,
 * as people write it (σ″ = σ(1 − σ)(1 − 2σ), however long the expanded form is); undefined
 * otherwise (polynomials in x stay expanded, as 12x³ − 6x² + x − 7). The simplifier's rules
 * only make things smaller, so this preference is applied to the answer as a last step.
 */
const sigmoidOnly: ReadonlySet<string> = new Set(['sigmoid']);

export function factoredAtRationalRoots(e: Expr): Expr | undefined {
  // Only an expanded sum is rewritten: a product is already written as factors.
  if ((e.kind === 'neg' ? e.operand : e).kind !== 'add') return undefined;
  if (!containsCall(e, sigmoidOnly)) return undefined;
  const r = cancel(toRationalFunction(e));
  if (constantValue(r.denominator)?.equals(1) !== true || r.numerator.size <= 1) return undefined;
  const atom = univariate(r.numerator)?.atom;
  // Not tanh: its roots ±1 would give (1 − tanh)(−1 − tanh) for 1 − tanh².
  if (atom?.kind !== 'call' || atom.name !== 'sigmoid') return undefined;
  const factorisation = factor(r.numerator);
  if (factorisation.roots === 0 || factorisation.factors.length < 2) return undefined;
  return factoredToExpr(factorisation);
}

/** A rational function as an expression, numerator and denominator each in the given form. */
export function rationalFunctionToExpr(r: RationalFunction, form: Form): Expr {
  // −1/(x² − 1) reads better as 1/(1 − x²): a numerator of negative terms gives its sign to the denominator.
  if (r.denominator.size > 1 && [...r.numerator.values()].every((t) => isNegative(t.coefficient))) {
    r = { numerator: scale(r.numerator, new Fraction(-1)), denominator: scale(r.denominator, new Fraction(-1)) };
  }
  const numerator = polynomialExpr(r.numerator, form);
  const d = constantValue(r.denominator);
  if (d !== undefined && isOne(d)) return numerator;
  const denominator = polynomialExpr(r.denominator, form === 'expanded' ? 'expanded' : 'auto');
  // −σ/(2·√u·(a + b)), not −σ/2/(√u·(a + b)): one term's fraction goes below the one bar.
  const single = r.numerator.size === 1 ? [...r.numerator.values()][0]! : undefined;
  if (single && single.coefficient.d !== 1n && r.denominator.size > 1) {
    const below = denominator.kind === 'neg' ? denominator.operand : denominator;
    const sign = denominator.kind === 'neg' ? -single.coefficient.s : single.coefficient.s;
    const top = termToExpr({ coefficient: new Fraction(sign * single.coefficient.n), monomial: single.monomial });
    return div(top, mul([int(single.coefficient.d), ...(below.kind === 'mul' ? below.factors : [below])]));
  }
  // A number over a number, or a single term over a monomial, reads as one term: x/2, 3/x².
  if (r.numerator.size === 1 && r.denominator.size === 1) {
    const t = [...r.numerator.values()][0]!;
    const b = [...r.denominator.values()][0]!;
    return termToExpr({
      coefficient: t.coefficient.div(b.coefficient),
      monomial: monomial([...t.monomial.factors, ...b.monomial.factors.map(([a, e]) => [a, e.neg()] as const)]),
    });
  }
  return div(numerator, denominator);
}
