import Fraction from 'fraction.js';
import type { Expr, Rational } from '../expr/types.js';
import { checkLimits } from '../errors.js';
import { gcdOf, isInteger, isNegative, isZero, lcmOf } from '../expr/rational.js';
import { sameAtom } from './atoms.js';
import { monomial, type Polynomial, type Term } from './polynomial.js';

/* Polynomials in one atom: coefficients by degree, division, greatest common divisors and rational roots. */

/** Coefficients by degree, when p is a polynomial in a single atom with whole exponents ≥ 0. */
export function univariate(p: Polynomial): { atom: Expr | undefined; coefficients: Rational[] } | undefined {
  let atomOf: Expr | undefined;
  const coefficients: Rational[] = [];
  for (const t of p.values()) {
    if (t.monomial.factors.length > 1) return undefined;
    let degree = 0;
    if (t.monomial.factors.length === 1) {
      const [a, e] = t.monomial.factors[0]!;
      if (!isInteger(e) || isNegative(e)) return undefined;
      if (atomOf && !sameAtom(atomOf, a)) return undefined;
      atomOf = a;
      degree = Number(e.n);
      if (degree > 2000) return undefined;
    }
    while (coefficients.length <= degree) coefficients.push(new Fraction(0));
    coefficients[degree] = t.coefficient;
  }
  return { atom: atomOf, coefficients };
}

export function fromCoefficients(atom: Expr, coefficients: readonly Rational[]): Polynomial {
  // One map built in one pass: σ⁽¹⁰⁰⁰⁾ has a thousand terms, and a sum per term would copy them all each time.
  const p = new Map<string, Term>();
  coefficients.forEach((c, degree) => {
    if (isZero(c)) return;
    const m = degree === 0 ? monomial([]) : monomial([[atom, new Fraction(degree)]]);
    p.set(m.key, { coefficient: c, monomial: m });
  });
  return p;
}

export const trim = (c: Rational[]): Rational[] => {
  const out = [...c];
  while (out.length > 0 && isZero(out.at(-1)!)) out.pop();
  return out;
};

export function divideCoefficients(a: readonly Rational[], b: readonly Rational[]): { quotient: Rational[]; remainder: Rational[] } {
  const remainder = trim([...a]);
  const divisor = trim([...b]);
  const quotient: Rational[] = Array.from({ length: Math.max(0, remainder.length - divisor.length + 1) }, () => new Fraction(0));
  while (remainder.length >= divisor.length && remainder.length > 0) {
    checkLimits();
    const shift = remainder.length - divisor.length;
    const factor = remainder.at(-1)!.div(divisor.at(-1)!);
    quotient[shift] = factor;
    divisor.forEach((c, i) => { remainder[i + shift] = remainder[i + shift]!.sub(c.mul(factor)); });
    remainder.pop();
    while (remainder.length > 0 && isZero(remainder.at(-1)!)) remainder.pop();
  }
  return { quotient, remainder };
}

/**
 * The gcd of two polynomials in the same single atom, when it has degree ≥ 1. By the primitive
 * remainder sequence over the integers: each pseudo-remainder is divided by the gcd of its
 * coefficients, so they stay about the size of the input's (Euclid over the rationals lets
 * them grow without bound: degree 40 takes minutes that way).
 */
export function univariateGcd(a: Polynomial, b: Polynomial): Polynomial | undefined {
  const ua = univariate(a);
  const ub = univariate(b);
  if (!ua || !ub || !ua.atom || !ub.atom || !sameAtom(ua.atom, ub.atom)) return undefined;
  const g = gcdCoefficients(ua.coefficients, ub.coefficients);
  return g.length <= 1 ? undefined : fromCoefficients(ua.atom, g);
}

/** The gcd of two polynomials given by their coefficients by degree, with a positive leading coefficient (none for 0). */
export function gcdCoefficients(a: readonly Rational[], b: readonly Rational[]): Rational[] {
  let x = primitivePart(integerCoefficients(trim([...a])));
  let y = primitivePart(integerCoefficients(trim([...b])));
  if (x.length < y.length) [x, y] = [y, x];
  while (y.length > 0) {
    const remainder = primitivePart(pseudoRemainder(x, y));
    x = y;
    y = remainder;
  }
  const sign = x.length > 0 && x.at(-1)! < 0n ? -1n : 1n;
  return x.map((c) => new Fraction(c * sign));
}

/** a·lc(b)^(deg a − deg b + 1) mod b, over the integers (coefficients by degree, trimmed). */
function pseudoRemainder(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  const r = [...a];
  const lead = b.at(-1)!;
  while (r.length >= b.length && r.length > 0) {
    checkLimits();
    const shift = r.length - b.length;
    const top = r.at(-1)!;
    for (let i = 0; i < r.length; i++) r[i] = r[i]! * lead;
    b.forEach((c, i) => { r[i + shift] = r[i + shift]! - c * top; });
    r.pop();
    while (r.length > 0 && r.at(-1) === 0n) r.pop();
  }
  return r;
}

/** The coefficients divided by their gcd (none for the zero polynomial). */
function primitivePart(c: readonly bigint[]): bigint[] {
  const trimmed = [...c];
  while (trimmed.length > 0 && trimmed.at(-1) === 0n) trimmed.pop();
  const content = trimmed.reduce((g, k) => gcdOf(g, k), 0n);
  return content === 0n || content === 1n ? trimmed : trimmed.map((k) => k / content);
}

/**
 * Whether a rational point is a root of a polynomial (coefficients by degree). Worked out in
 * integers, qⁿ·P(p/q) = Σ cᵢ·pⁱ·qⁿ⁻ⁱ by Horner's rule, with no fractions to reduce at each step:
 * for a polynomial of degree 1000 and a hundred candidates that is the difference between
 * milliseconds and seconds.
 */
export function isRootAt(coefficients: readonly Rational[], x: Rational): boolean {
  const c = integerCoefficients(coefficients);
  const p = x.s * x.n;
  const q = x.d;
  let value = 0n;
  let qPower = 1n;
  for (let i = c.length - 1; i >= 0; i--) {
    value = value * p + c[i]! * qPower;
    qPower *= q;
  }
  return value === 0n;
}

/** Small positive divisors of |n|, or undefined when n is too large to search. */
function divisors(n: bigint): bigint[] | undefined {
  const m = n < 0n ? -n : n;
  if (m === 0n || m > 1_000_000n) return undefined;
  const out: bigint[] = [];
  for (let d = 1n; d * d <= m; d++) {
    if (m % d === 0n) {
      out.push(d);
      if (d * d !== m) out.push(m / d);
    }
  }
  return out;
}

/**
 * Rational roots to try: of a line or a quadratic, its rational roots themselves (by the formula,
 * whatever the size of the coefficients: 81x² + 10998x + 373322 has divisors enough to try for
 * milliseconds); of a higher degree, p/q from the rational root theorem, or a small set when the
 * coefficients are huge.
 */
export function candidateRoots(coefficients: readonly Rational[]): Rational[] {
  const integers = integerCoefficients(coefficients);
  if (integers.length === 2) return [new Fraction(-integers[0]!, integers[1]!)];
  if (integers.length === 3) {
    const [c, b, a] = integers as [bigint, bigint, bigint];
    const discriminant = b * b - 4n * a * c;
    if (discriminant < 0n) return [];
    const root = integerSquareRoot(discriminant);
    if (root * root !== discriminant) return [];
    const roots = [new Fraction(-b + root, 2n * a), new Fraction(-b - root, 2n * a)];
    return root === 0n ? [roots[0]!] : roots;
  }
  const ps = divisors(integers[0]!) ?? [1n, 2n, 3n];
  const qs = divisors(integers.at(-1)!) ?? [1n, 2n, 3n, 4n, 6n];
  const seen = new Set<string>();
  const out: Rational[] = [];
  for (const p of ps) for (const q of qs) for (const sign of [1n, -1n]) {
    const r = new Fraction(sign * p, q);
    if (!seen.has(r.toFraction())) {
      seen.add(r.toFraction());
      out.push(r);
    }
  }
  return out.slice(0, 400);
}

/** ⌊√n⌋ of a whole number n ≥ 0, by Newton's method on BigInts. */
function integerSquareRoot(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // From the double's estimate, a few steps settle it exactly, however many digits n has.
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next === x || next === x + 1n) break;
    x = next;
  }
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

function integerCoefficients(coefficients: readonly Rational[]): bigint[] {
  return wholeCoefficients(coefficients).numerators;
}

/** Coefficients as whole numbers over one denominator, the least: 1/2, 1/3 are 3, 2 over 6. */
export function wholeCoefficients(coefficients: readonly Rational[]): { numerators: bigint[]; denominator: bigint } {
  const denominator = coefficients.reduce((l, c) => lcmOf(l, c.d), 1n);
  return { numerators: coefficients.map((c) => (c.s * c.n * denominator) / c.d), denominator };
}

/**
 * The coefficients of P′(f)·Q(f) from those of P and Q, by degree: the derivative of P(f) when
 * f′ = Q(f), as σ′ = σ − σ². On whole numbers, so no order pays for the gcds fractions take at
 * every operation: σ⁽¹⁰⁰⁰⁾ is a million such products of numbers of thousands of digits.
 */
export function derivativeTimes(p: readonly bigint[], q: readonly bigint[]): bigint[] {
  const out: bigint[] = Array.from({ length: Math.max(0, p.length + q.length - 2) }, () => 0n);
  for (let j = 1; j < p.length; j++) {
    if (p[j] === 0n) continue;
    const c = p[j]! * BigInt(j);
    for (let i = 0; i < q.length; i++) {
      // Most of Q's coefficients are 0 or ±1 (σ′ = σ − σ²): adding saves a product of long numbers.
      const k = q[i]!;
      if (k === 1n) out[j - 1 + i]! += c;
      else if (k === -1n) out[j - 1 + i]! -= c;
      else if (k !== 0n) out[j - 1 + i]! += c * k;
    }
  }
  return out;
}

