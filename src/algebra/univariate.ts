import type { Expr } from '../expr/types.js';
import { checkLimits } from '../errors.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';
import { atomMonomial, unitMonomial, type Monomial } from './monomial.js';
import type { Poly } from './poly.js';
import { ratioOf, type Ratio } from './ratio.js';

/* Polynomials in one atom: whole coefficients by degree, and their rational roots. */

/** Degrees past this are not made into coefficient lists. */
const maxDegree = 2000;

/** p's coefficients by degree, when p is a polynomial in one atom (or a constant) with whole exponents ≥ 0. */
export function univariateOf(p: Poly): { atom: Expr | undefined; coefficients: Int[] } | undefined {
  let atom: Expr | undefined;
  let key: number | undefined;
  const coefficients: Int[] = [];
  for (let i = 0; i < p.monomials.length; i++) {
    const m = p.monomials[i]!;
    if (m.keys.length > 1 || m.dens) return undefined;
    let degree = 0;
    if (m.keys.length === 1) {
      if (key !== undefined && key !== m.keys[0]) return undefined;
      key = m.keys[0]!;
      atom = m.atoms[0]!;
      const n = m.nums[0]!;
      if (typeof n !== 'number' || n < 0 || n > maxDegree) return undefined;
      degree = n;
    }
    while (coefficients.length <= degree) coefficients.push(0);
    coefficients[degree] = p.coefficients[i]!;
  }
  return { atom, coefficients };
}

/** Σ cₖ·atomᵏ. */
export function polyFromCoefficients(atom: Expr, coefficients: readonly Int[]): Poly {
  const monomials: Monomial[] = [];
  const kept: Int[] = [];
  coefficients.forEach((c, degree) => {
    if (Z.isZero(c)) return;
    monomials.push(degree === 0 ? unitMonomial() : atomMonomial(atom, degree));
    kept.push(c);
  });
  return { monomials, coefficients: kept };
}

export function trim(c: readonly Int[]): Int[] {
  let n = c.length;
  while (n > 0 && Z.isZero(c[n - 1]!)) n--;
  return c.slice(0, n);
}

/**
 * Whether p/q is a root (coefficients by degree). Worked out in integers, qⁿ·P(p/q) = Σ cᵢ·pⁱ·qⁿ⁻ⁱ
 * by Horner's rule, with no fractions to reduce at each step.
 */
export function isRootAt(coefficients: readonly Int[], x: Ratio): boolean {
  let value: Int = 0;
  let qPower: Int = 1;
  for (let i = coefficients.length - 1; i >= 0; i--) {
    value = Z.add(Z.mul(value, x.n), Z.mul(coefficients[i]!, qPower));
    qPower = Z.mul(qPower, x.d);
  }
  return Z.isZero(value);
}

/** The coefficients divided by (q·atom − p) for a root p/q (by Gauss's lemma the quotient has whole coefficients). */
export function divideByRoot(coefficients: readonly Int[], x: Ratio): Int[] {
  // Synthetic division by (q·t − p), top down: b_{k−1} = (a_k + p·b_k)/q.
  const a = trim(coefficients);
  const out: Int[] = new Array<Int>(a.length - 1).fill(0);
  let carry: Int = 0;
  for (let k = a.length - 1; k >= 1; k--) {
    checkLimits();
    const b = Z.divExact(Z.add(a[k]!, Z.mul(x.n, carry)), x.d);
    out[k - 1] = b;
    carry = b;
  }
  return out;
}

/** Small positive divisors of |n|, or undefined when n is too large to search. */
function divisors(n: Int): Int[] | undefined {
  const m = Z.abs(n);
  if (Z.isZero(m) || Z.compare(m, 1_000_000) > 0) return undefined;
  const k = Number(m);
  const out: number[] = [];
  for (let d = 1; d * d <= k; d++) {
    if (k % d === 0) {
      out.push(d);
      if (d * d !== k) out.push(k / d);
    }
  }
  return out;
}

/**
 * Rational roots to try: of a line or a quadratic, its rational roots themselves (by the formula,
 * whatever the size of the coefficients); of a higher degree, p/q from the rational root theorem,
 * or a small set when the coefficients are huge.
 */
export function candidateRoots(coefficients: readonly Int[]): Ratio[] {
  const c = trim(coefficients);
  if (c.length === 2) return [ratioOf(Z.neg(c[0]!), c[1]!)];
  if (c.length === 3) {
    const [constant, b, a] = c as [Int, Int, Int];
    const discriminant = Z.sub(Z.mul(b, b), Z.mul(Z.mul(4, a), constant));
    if (Z.sign(discriminant) < 0) return [];
    const root = Z.exactRoot(discriminant, 2);
    if (root === undefined) return [];
    const roots = [ratioOf(Z.add(Z.neg(b), root), Z.mul(2, a)), ratioOf(Z.sub(Z.neg(b), root), Z.mul(2, a))];
    return Z.isZero(root) ? [roots[0]!] : roots;
  }
  // Roots at 0 are taken out as a monomial before this is asked; c₀ = 0 has none to list.
  const ps = divisors(c[0]!) ?? [1, 2, 3];
  const qs = divisors(c.at(-1)!) ?? [1, 2, 3, 4, 6];
  const seen = new Set<string>();
  const out: Ratio[] = [];
  for (const p of ps) for (const q of qs) for (const sign of [1, -1]) {
    const r = ratioOf(Z.mul(sign, p), q);
    const key = `${r.n}/${r.d}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(r);
    }
  }
  return out.slice(0, 400);
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
