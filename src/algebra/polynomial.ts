import Fraction from 'fraction.js';
import type { Expr, Rational } from '../expr/types.js';
import { isNegative, isZero, lcmOf } from '../expr/rational.js';
import { checkLimits } from '../errors.js';
import { atomId, atomPlace, compareAtomPlaces, compareAtoms } from './atoms.js';

/*
 * Polynomials with exact rational coefficients over atoms (see atoms.ts). Atoms carry
 * rational exponents, so x^(1/2)·x^(3/2) is x². This is the normal form behind collecting
 * like terms, expanding, factoring and cancelling.
 */

export interface Monomial {
  /** Atoms with nonzero exponents, in writing order (see compareAtoms). */
  readonly factors: readonly (readonly [Expr, Rational])[];
  /** Equal for equal monomials and only for them: short, made of atom ids. */
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

const exponentText = (e: Rational): string => `${e.s < 0n ? '-' : ''}${e.n}/${e.d}`;

export function monomial(factors: readonly (readonly [Expr, Rational])[]): Monomial {
  const merged = new Map<string, [Expr, Rational]>();
  for (const [atom, exponent] of factors) {
    const k = atomId(atom);
    const existing = merged.get(k);
    merged.set(k, [atom, existing ? existing[1].add(exponent) : exponent]);
  }
  const kept = [...merged.values()].filter(([, e]) => !isZero(e));
  // Each atom's place is looked up once, not at every comparison.
  const sorted = kept.length < 2 ? kept
    : kept.map((factor) => ({ factor, place: atomPlace(factor[0]) })).sort((x, y) => compareAtomPlaces(x.place, y.place)).map(({ factor }) => factor);
  return {
    factors: sorted,
    // The exponent's parts as they are: toFraction() costs more than the rest of building a monomial.
    key: sorted.map(([a, e]) => `${atomId(a)}^${exponentText(e)}`).join('*'),
  };
}

/**
 * The product of two monomials: their factors, each in writing order already, merged in one
 * pass (products of polynomials make a great many of these), equal atoms' exponents added.
 */
function monomialProduct(a: Monomial, b: Monomial): Monomial {
  if (a.factors.length === 0) return b;
  if (b.factors.length === 0) return a;
  const factors: (readonly [Expr, Rational])[] = [];
  let i = 0;
  let j = 0;
  while (i < a.factors.length && j < b.factors.length) {
    const x = a.factors[i]!;
    const y = b.factors[j]!;
    const order = compareAtomPlaces(atomPlace(x[0]), atomPlace(y[0]));
    if (order < 0) factors.push(a.factors[i++]!);
    else if (order > 0) factors.push(b.factors[j++]!);
    // Two different atoms that read alike: the general way sorts them out.
    else if (atomId(x[0]) !== atomId(y[0])) return monomial([...a.factors, ...b.factors]);
    else {
      const exponent = x[1].add(y[1]);
      if (!isZero(exponent)) factors.push([x[0], exponent]);
      i++;
      j++;
    }
  }
  while (i < a.factors.length) factors.push(a.factors[i++]!);
  while (j < b.factors.length) factors.push(b.factors[j++]!);
  return { factors, key: factors.map(([atom, e]) => `${atomId(atom)}^${exponentText(e)}`).join('*') };
}

/** The order terms of one degree are written in: factor by factor, by atom, then by exponent; a monomial that starts another first. */
export function compareMonomials(a: Monomial, b: Monomial): number {
  const n = Math.min(a.factors.length, b.factors.length);
  for (let i = 0; i < n; i++) {
    const [atomA, exponentA] = a.factors[i]!;
    const [atomB, exponentB] = b.factors[i]!;
    const order = compareAtoms(atomA, atomB) || exponentA.compare(exponentB);
    if (order !== 0) return order;
  }
  return a.factors.length - b.factors.length;
}

const unit = monomial([]);

export function constantPolynomial(c: Rational): Polynomial {
  return isZero(c) ? new Map() : new Map([[unit.key, { coefficient: c, monomial: unit }]]);
}

export const atomPolynomial = (atom: Expr, exponent: Rational = one): Polynomial => monomialPolynomial([[atom, exponent]]);

/** The monomial with coefficient 1. */
export function monomialPolynomial(factors: readonly (readonly [Expr, Rational])[]): Polynomial {
  const m = monomial(factors);
  return new Map([[m.key, { coefficient: one, monomial: m }]]);
}

export function addPolynomials(a: Polynomial, b: Polynomial): Polynomial {
  const out = new Map(a);
  addInto(out, b);
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
    checkLimits();
    for (const tb of b.values()) {
      const m = monomialProduct(ta.monomial, tb.monomial);
      const existing = out.get(m.key);
      const c = ta.coefficient.mul(tb.coefficient);
      out.set(m.key, { coefficient: existing ? existing.coefficient.add(c) : c, monomial: existing?.monomial ?? m });
    }
  }
  for (const [k, t] of out) if (isZero(t.coefficient)) out.delete(k);
  return out;
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

/** Whether two polynomials have the same terms. */
export function samePolynomial(a: Polynomial, b: Polynomial): boolean {
  if (a.size !== b.size) return false;
  for (const [k, t] of a) {
    const other = b.get(k);
    if (!other || !other.coefficient.equals(t.coefficient)) return false;
  }
  return true;
}

/** c when a = c·b for a number c ≠ 0 (the same terms, each coefficient c times b's), else undefined. */
export function proportion(a: Polynomial, b: Polynomial): Rational | undefined {
  if (a.size !== b.size || a.size === 0) return undefined;
  let c: Rational | undefined;
  for (const [k, t] of a) {
    const other = b.get(k);
    if (!other) return undefined;
    const ratio = t.coefficient.div(other.coefficient);
    if (c === undefined) c = ratio;
    else if (!c.equals(ratio)) return undefined;
  }
  return c;
}

/** The terms by total degree, highest first, then in writing order of their monomials. */
export function sortedTerms(p: Polynomial): Term[] {
  // Each term's degree is worked out once, not at every comparison.
  const byDegree = [...p.values()].map((t) => ({ t, degree: t.monomial.factors.reduce((s, [, e]) => s + e.valueOf(), 0) }));
  return byDegree.sort((a, b) => b.degree - a.degree || compareMonomials(a.t.monomial, b.t.monomial)).map(({ t }) => t);
}

// ---------------------------------------------------------------------------------------
// Content and common factors

/** The number that makes a polynomial's coefficients coprime integers with the sign of `lead`. */
export function integerContent(p: Polynomial, lead: Rational): Rational {
  let g = new Fraction(0);
  for (const t of p.values()) g = g.gcd(t.coefficient);
  return isNegative(lead) ? g.neg() : g;
}


/** For each atom, its least exponent over the terms (0 where it is missing), where that is not 0. One pass. */
export function commonMonomial(p: Polynomial): (readonly [Expr, Rational])[] {
  const seen = new Map<string, { atom: Expr; least: Rational; terms: number }>();
  for (const t of p.values()) {
    for (const [atom, exponent] of t.monomial.factors) {
      const k = atomId(atom);
      const entry = seen.get(k);
      if (!entry) seen.set(k, { atom, least: exponent, terms: 1 });
      else {
        entry.terms++;
        if (exponent.compare(entry.least) < 0) entry.least = exponent;
      }
    }
  }
  const out: (readonly [Expr, Rational])[] = [];
  for (const { atom, least, terms } of seen.values()) {
    // An atom missing from a term has exponent 0 there.
    const common = terms < p.size && !isNegative(least) ? undefined : least;
    if (common !== undefined && !isZero(common)) out.push([atom, common]);
  }
  return out;
}

export const divideByMonomial = (p: Polynomial, m: readonly (readonly [Expr, Rational])[]): Polynomial =>
  multiplyPolynomials(p, monomialPolynomial(m.map(([a, e]) => [a, e.neg()] as const)));


/** Past this an exponent is no number of JavaScript. */
const maxExponent = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * dP/dx for a polynomial P in atoms whose derivatives are polynomials in atoms: Σ ∂P/∂a·a′,
 * term by term; `derivativeOf` gives a′ (an empty map where a is constant). Undefined unless
 * every exponent is a whole number. High orders of σ(σ(x)) make millions of these products,
 * so they are worked out on exponent vectors and BigInt numerators over one denominator,
 * several times quicker than monomials keyed by atoms and fractions.
 */
export function differentiatePolynomial(p: Polynomial, derivativeOf: (atom: Expr) => Polynomial): Polynomial | undefined {
  const atoms: Expr[] = [];
  const index = new Map<string, number>();
  const place = (atom: Expr): number => {
    const k = atomId(atom);
    let i = index.get(k);
    if (i === undefined) index.set(k, (i = atoms.push(atom) - 1));
    return i;
  };
  for (const t of p.values()) for (const [atom] of t.monomial.factors) place(atom);
  const derivatives = atoms.map((atom) => derivativeOf(atom));
  for (const q of derivatives) for (const t of q.values()) for (const [atom] of t.monomial.factors) place(atom);
  const vector = (t: Term): number[] | undefined => {
    const v = new Array<number>(atoms.length).fill(0);
    for (const [atom, exponent] of t.monomial.factors) {
      // Whole exponents that are numbers of JavaScript: x^(10^400) is left to the rules.
      if (exponent.d !== 1n || exponent.n > maxExponent) return undefined;
      v[index.get(atomId(atom))!] = Number(exponent.s * exponent.n);
    }
    return v;
  };
  const terms = [...p.values()].map((t) => ({ coefficient: t.coefficient, exponents: vector(t) }));
  const primes = derivatives.map((q) => [...q.values()].map((t) => ({ coefficient: t.coefficient, exponents: vector(t) })));
  if (terms.some((t) => !t.exponents) || primes.some((q) => q.some((t) => !t.exponents))) return undefined;
  // Each c of P and each c′ of an a′ is a whole number over its own common denominator.
  const termDenominator = terms.reduce((l, t) => lcmOf(l, t.coefficient.d), 1n);
  const primeDenominator = primes.flat().reduce((l, t) => lcmOf(l, t.coefficient.d), 1n);
  const whole = (r: Rational, denominator: bigint): bigint => r.s * r.n * (denominator / r.d);
  const wholePrimes = primes.map((q) => q.map((t) => ({ n: whole(t.coefficient, primeDenominator), exponents: t.exponents! })));
  const numerators = new Map<string, { n: bigint; exponents: number[] }>();
  for (const term of terms) {
    checkLimits();
    const exponents = term.exponents!;
    const c = whole(term.coefficient, termDenominator);
    exponents.forEach((e, i) => {
      if (e === 0 || wholePrimes[i]!.length === 0) return;
      // c·aᵉ·rest → c·e·aᵉ⁻¹·rest·a′
      const ce = c * BigInt(e);
      for (const t of wholePrimes[i]!) {
        const product = exponents.map((f, j) => f + t.exponents[j]! - (j === i ? 1 : 0));
        const key = product.join(',');
        const n = ce * t.n;
        const existing = numerators.get(key);
        if (existing) existing.n += n;
        else numerators.set(key, { n, exponents: product });
      }
    });
  }
  const out = new Map<string, Term>();
  const denominator = termDenominator * primeDenominator;
  for (const { n, exponents } of numerators.values()) {
    if (n === 0n) continue;
    const m = monomial(exponents.flatMap((e, i) => (e === 0 ? [] : [[atoms[i]!, new Fraction(e)] as const])));
    out.set(m.key, { coefficient: new Fraction(n, denominator), monomial: m });
  }
  return out;
}
