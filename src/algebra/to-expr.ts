import Fraction from 'fraction.js';
import type { Expr, Rational } from '../expr/types.js';
import { checkLimits } from '../errors.js';
import { add, call, div, int, mul, neg, num, pow } from '../expr/factory.js';
import { isInteger, isNegative, isOne } from '../expr/rational.js';
import { rootFunctions } from '../functions/table.js';
import { complexity } from './complexity.js';
import { monomial, sortedTerms, type Polynomial, type Term } from './polynomial.js';
import type { Factored } from './factor.js';

/* Polynomials and their factorisations written back as expressions, in the usual order. */

/** A monomial with a coefficient as an expression: 3x²y, x/2, −σ(x)². Negative exponents go below a fraction bar. */
export function termToExpr(t: Term): Expr {
  const c = t.coefficient;
  if (isNegative(c)) return neg(termToExpr({ coefficient: c.neg(), monomial: t.monomial }));
  const up: Expr[] = [];
  const down: Expr[] = [];
  // x^(3/2) is the two factors x·√x of the term, not a product inside it.
  const factorsOf = (e: Expr): readonly Expr[] => (e.kind === 'mul' ? e.factors : [e]);
  for (const [atom, exponent] of t.monomial.factors) {
    const side = isNegative(exponent) ? down : up;
    for (const f of factorsOf(powerExpr(atom, isNegative(exponent) ? exponent.neg() : exponent))) side.push(f);
  }
  // A coefficient whose numerator or denominator is past the double range stays one rational
  // (3^1000/2^1000·x, not 3^1000·x/2^1000): its value fits where its parts would overflow.
  if (c.d !== 1n && (c.n > maxDoubleSized || c.d > maxDoubleSized)) {
    const top = up.length === 0 ? num(c) : mul([num(c), ...up]);
    return down.length === 0 ? top : div(top, mul(down));
  }
  const top = up.length === 0 ? int(c.n) : c.n === 1n ? mul(up) : mul([int(c.n), ...up]);
  const bottom = [...(c.d === 1n ? [] : [int(c.d)]), ...down];
  return bottom.length === 0 ? top : div(top, mul(bottom));
}

/** Whole numbers above this are no doubles (about 1.8·10³⁰⁸). */
const maxDoubleSized = 2n ** 1023n;

/** atom^exponent, with exponent 1 left out, and as a root where there is one: √x, x·∛x. */
export function powerExpr(atom: Expr, exponent: Rational): Expr {
  return isOne(exponent) ? atom : asRoot(atom, exponent) ?? pow(atom, num(exponent));
}

/**
 * base^q written with a root function where q's denominator has one: x^(1/2) is √x, x^(2/3)
 * is (∛x)², and x^(3/2) is x·√x, or (√(x + 1))³ where repeating a longer base would cost more.
 */
export function asRoot(base: Expr, q: Rational): Expr | undefined {
  const rootFunction = rootFunctions.get(Number(q.d));
  if (isNegative(q) || isInteger(q) || !rootFunction) return undefined;
  const root = call(rootFunction, [base]);
  const rootTo = (n: bigint): Expr => (n === 1n ? root : pow(root, int(n)));
  if (q.n < q.d) return rootTo(q.n);
  // A short base is written twice, x²·(∛x)², as people do; a longer one once, (√(x + 1))³.
  return complexity(base) <= 2 ? mul([powerExpr(base, new Fraction(q.n / q.d)), rootTo(q.n % q.d)]) : rootTo(q.n);
}

/**
 * The terms in writing order: polynomials in variables from the highest degree down
 * (x² − 2x − 1), polynomials in functions from the constant up (1 + e^(−x), σ − 3σ² + 2σ³);
 * and a positive term first where there is one (1 − x rather than −x + 1).
 */
function writingOrder(p: Polynomial): Term[] {
  const terms = sortedTerms(p);
  const inFunctions = terms.every((t) => t.monomial.factors.every(([a]) => a.kind !== 'variable'));
  const ordered = inFunctions ? terms.reverse() : terms;
  if (!isNegative(ordered[0]?.coefficient ?? new Fraction(1))) return ordered;
  return [...ordered.filter((t) => !isNegative(t.coefficient)), ...ordered.filter((t) => isNegative(t.coefficient))];
}

export function polynomialToExpr(p: Polynomial): Expr {
  if (p.size === 0) return int(0);
  return add(writingOrder(p).map((t) => {
    checkLimits();
    return termToExpr(t);
  }));
}

/** A factored polynomial as an expression: σ(x)·(1 − σ(x))·(1 − 2σ(x)). */
export function factoredToExpr(f: Factored): Expr {
  const parts = f.factors.map(({ polynomial, power }) => {
    const body = polynomialToExpr(polynomial);
    return power === 1 ? body : powerExpr(body, new Fraction(power));
  });
  const c = f.coefficient;
  if (parts.length === 0) return termToExpr({ coefficient: c, monomial: monomial([]) });
  const magnitude = c.abs();
  const body = mul(isOne(magnitude) ? parts : [termToExpr({ coefficient: magnitude, monomial: monomial([]) }), ...parts]);
  return isNegative(c) ? neg(body) : body;
}

