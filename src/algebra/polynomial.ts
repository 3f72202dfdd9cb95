import Fraction from 'fraction.js';
import type { Expr, Rational } from '../expr/types.js';
import { isNegative, isZero } from '../expr/rational.js';
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
function compareMonomials(a: Monomial, b: Monomial): number {
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
  const degree = (t: Term): number => t.monomial.factors.reduce((s, [, e]) => s + e.valueOf(), 0);
  return [...p.values()].sort((a, b) => degree(b) - degree(a) || compareMonomials(a.monomial, b.monomial));
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

