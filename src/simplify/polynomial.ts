import Fraction from 'fraction.js';
import type { Expr, Rational } from '../expr/types.js';
import { add, div, int, mul, neg, num, pow } from '../expr/factory.js';
import { isNegative, isOne, isZero } from '../expr/rational.js';
import { toText } from '../print/linear.js';

/*
 * Polynomials with exact rational coefficients over "atoms": any expression that is not
 * a sum, product, quotient, negation or power with a numeric exponent (x, sin(x), σ(x),
 * e^(−x)). Atoms carry rational exponents, so x^(1/2)·x^(3/2) is x². This is the
 * normal form behind collecting like terms, expanding, factoring and cancelling.
 */

export interface Monomial {
  /** Atoms with nonzero exponents, sorted by atom order. */
  readonly factors: readonly (readonly [Expr, Rational])[];
  readonly key: string;
}

export interface Term {
  readonly coefficient: Rational;
  readonly monomial: Monomial;
}

/** A polynomial: terms keyed by monomial, no zero coefficients. */
export type Polynomial = ReadonlyMap<string, Term>;

const zero = new Fraction(0);
const one = new Fraction(1);

/** The order atoms are written in: variables, constants, then other parts, each alphabetically. */
function atomRank(e: Expr): number {
  switch (e.kind) {
    case 'variable': return 0;
    case 'constant': return 1;
    case 'pow': return 2;
    case 'call': case 'apply': return 3;
    default: return 4;
  }
}

const atomKeys = new WeakMap<Expr, string>();
export function atomKey(e: Expr): string {
  let key = atomKeys.get(e);
  if (key === undefined) {
    key = `${atomRank(e)}${toText(e)}`;
    atomKeys.set(e, key);
  }
  return key;
}

export function monomial(factors: readonly (readonly [Expr, Rational])[]): Monomial {
  const merged = new Map<string, [Expr, Rational]>();
  for (const [atom, exponent] of factors) {
    const k = atomKey(atom);
    const existing = merged.get(k);
    merged.set(k, [atom, existing ? existing[1].add(exponent) : exponent]);
  }
  const sorted = [...merged.entries()].filter(([, [, e]]) => !isZero(e)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    factors: sorted.map(([, f]) => f),
    // The exponent's parts as they are: toFraction() costs more than the rest of building a monomial.
    key: sorted.map(([k, [, e]]) => `${k}^${e.s < 0n ? '-' : ''}${e.n}/${e.d}`).join('*'),
  };
}

const unit = monomial([]);

export function constantPolynomial(c: Rational): Polynomial {
  return isZero(c) ? new Map() : new Map([[unit.key, { coefficient: c, monomial: unit }]]);
}

export const atomPolynomial = (atom: Expr, exponent: Rational = one): Polynomial => {
  const m = monomial([[atom, exponent]]);
  return new Map([[m.key, { coefficient: one, monomial: m }]]);
};

export function addPolynomials(a: Polynomial, b: Polynomial): Polynomial {
  const out = new Map(a);
  for (const [k, t] of b) {
    const existing = out.get(k);
    const c = existing ? existing.coefficient.add(t.coefficient) : t.coefficient;
    if (isZero(c)) out.delete(k);
    else out.set(k, { coefficient: c, monomial: t.monomial });
  }
  return out;
}

/** Adds b into the map a in place (a polynomial being built). */
export function addInto(a: Map<string, Term>, b: Polynomial): void {
  for (const [k, t] of b) {
    const existing = a.get(k);
    const c = existing ? existing.coefficient.add(t.coefficient) : t.coefficient;
    if (isZero(c)) a.delete(k);
    else a.set(k, { coefficient: c, monomial: t.monomial });
  }
}

export function scale(a: Polynomial, c: Rational): Polynomial {
  if (isZero(c)) return new Map();
  return new Map([...a].map(([k, t]) => [k, { coefficient: t.coefficient.mul(c), monomial: t.monomial }]));
}

export function multiplyPolynomials(a: Polynomial, b: Polynomial): Polynomial {
  // One accumulator for all the products: |a|·|b| steps, not |a| copies of the result.
  const out = new Map<string, Term>();
  for (const ta of a.values()) {
    for (const tb of b.values()) {
      const m = monomial([...ta.monomial.factors, ...tb.monomial.factors]);
      const existing = out.get(m.key);
      const c = ta.coefficient.mul(tb.coefficient);
      out.set(m.key, { coefficient: existing ? existing.coefficient.add(c) : c, monomial: existing?.monomial ?? m });
    }
  }
  for (const [k, t] of out) if (isZero(t.coefficient)) out.delete(k);
  return out;
}

export function powerOfPolynomial(a: Polynomial, n: number): Polynomial {
  let result = constantPolynomial(one);
  for (let i = 0; i < n; i++) result = multiplyPolynomials(result, a);
  return result;
}

/** The constant, if the polynomial is one. */
export function constantValue(p: Polynomial): Rational | undefined {
  if (p.size === 0) return zero;
  if (p.size === 1) {
    const t = [...p.values()][0]!;
    if (t.monomial.factors.length === 0) return t.coefficient;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Back to expressions

/** A monomial with a coefficient as an expression: 3x²y, x/2, −σ(x)². Negative exponents go below a fraction bar. */
export function termToExpr(t: Term): Expr {
  const c = t.coefficient;
  if (isNegative(c)) return neg(termToExpr({ coefficient: c.neg(), monomial: t.monomial }));
  const up: Expr[] = [];
  const down: Expr[] = [];
  for (const [atom, exponent] of t.monomial.factors) {
    if (isNegative(exponent)) down.push(powerExpr(atom, exponent.neg()));
    else up.push(powerExpr(atom, exponent));
  }
  const top = up.length === 0 ? int(c.n) : c.n === 1n ? mul(up) : mul([int(c.n), ...up]);
  const bottom = [...(c.d === 1n ? [] : [int(c.d)]), ...down];
  return bottom.length === 0 ? top : div(top, mul(bottom));
}

/** atom^exponent, with exponent 1 left out. */
export function powerExpr(atom: Expr, exponent: Rational): Expr {
  return isOne(exponent) ? atom : pow(atom, num(exponent));
}

/** The terms by total degree, highest first, then by atoms. */
export function sortedTerms(p: Polynomial): Term[] {
  const degree = (t: Term): number => t.monomial.factors.reduce((s, [, e]) => s + e.valueOf(), 0);
  return [...p.values()].sort((a, b) => {
    const byDegree = degree(b) - degree(a);
    if (byDegree !== 0) return byDegree;
    return a.monomial.key < b.monomial.key ? -1 : a.monomial.key > b.monomial.key ? 1 : 0;
  });
}

/**
 * The terms in writing order: polynomials in variables from the highest degree down
 * (x² − 2x − 1), polynomials in functions from the constant up (1 + e^(−x), σ − 3σ² + 2σ³);
 * and a positive term first where there is one (1 − x rather than −x + 1).
 */
export function writingOrder(p: Polynomial): Term[] {
  const terms = sortedTerms(p);
  const inFunctions = terms.every((t) => t.monomial.factors.every(([a]) => a.kind !== 'variable'));
  const ordered = inFunctions ? terms.reverse() : terms;
  if (!isNegative(ordered[0]?.coefficient ?? new Fraction(1))) return ordered;
  return [...ordered.filter((t) => !isNegative(t.coefficient)), ...ordered.filter((t) => isNegative(t.coefficient))];
}

export function polynomialToExpr(p: Polynomial): Expr {
  if (p.size === 0) return int(0);
  return add(writingOrder(p).map(termToExpr));
}

