import type { Expr } from '../expr/types.js';
import { checkLimits } from '../errors.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';
import {
  atomMonomial, divideMonomials, isUnit, meetMonomials, multiplyMonomials, unitMonomial, type Monomial,
} from './monomial.js';

/*
 * Polynomials over atoms with whole-number coefficients: terms c·m, each monomial m once, none
 * with c = 0, in no particular order (see writing-order.ts for the order they are written in).
 * Monomials are interned, so terms are found by monomial in a Map keyed by the object. A rational
 * coefficient is a whole one over a denominator kept beside the polynomial (see normal-form.ts).
 */

export interface Poly {
  readonly monomials: readonly Monomial[];
  readonly coefficients: readonly Int[];
}

export interface Term {
  readonly coefficient: Int;
  readonly monomial: Monomial;
}

export const zeroPoly: Poly = { monomials: [], coefficients: [] };

export const isZeroPoly = (p: Poly): boolean => p.monomials.length === 0;

export function constantPoly(c: Int): Poly {
  return Z.isZero(c) ? zeroPoly : { monomials: [unitMonomial()], coefficients: [c] };
}

export function monomialPoly(m: Monomial, c: Int = 1): Poly {
  return Z.isZero(c) ? zeroPoly : { monomials: [m], coefficients: [c] };
}

export const atomPoly = (atom: Expr, num = 1, den = 1): Poly => monomialPoly(atomMonomial(atom, num, den));


/** The constant, if p is one (0 for the zero polynomial). */
export function constantOf(p: Poly): Int | undefined {
  if (p.monomials.length === 0) return 0;
  return p.monomials.length === 1 && isUnit(p.monomials[0]!) ? p.coefficients[0] : undefined;
}

/** The polynomial of these terms, equal monomials' coefficients added. */
export function polyOf(terms: Iterable<Term>): Poly {
  const sums = new Map<Monomial, Int>();
  for (const { monomial, coefficient } of terms) {
    const before = sums.get(monomial);
    sums.set(monomial, before === undefined ? coefficient : Z.add(before, coefficient));
  }
  return fromSums(sums);
}

/** The polynomial of a map from monomials to their summed coefficients, those that came to 0 left out. */
export function fromSums(sums: ReadonlyMap<Monomial, Int>): Poly {
  const monomials: Monomial[] = [];
  const coefficients: Int[] = [];
  for (const [m, c] of sums) {
    if (Z.isZero(c)) continue;
    monomials.push(m);
    coefficients.push(c);
  }
  return { monomials, coefficients };
}

/** The index of each monomial of p, for looking terms up. */
function indexOf(p: Poly): Map<Monomial, number> {
  const at = new Map<Monomial, number>();
  p.monomials.forEach((m, i) => at.set(m, i));
  return at;
}

/** a + s·b for s = 1 or −1. */
function addScaled(a: Poly, b: Poly, s: 1 | -1): Poly {
  if (b.monomials.length === 0) return a;
  if (a.monomials.length === 0) return s === 1 ? b : negPoly(b);
  const monomials = [...a.monomials];
  const coefficients = [...a.coefficients];
  // A short polynomial is searched, a longer one looked up.
  const at = a.monomials.length > 8 ? indexOf(a) : undefined;
  let zeros = false;
  for (let j = 0; j < b.monomials.length; j++) {
    const m = b.monomials[j]!;
    const c = s === 1 ? b.coefficients[j]! : Z.neg(b.coefficients[j]!);
    const i = at ? at.get(m) ?? -1 : monomials.indexOf(m);
    if (i < 0) {
      if (at) at.set(m, monomials.length);
      monomials.push(m);
      coefficients.push(c);
    } else {
      coefficients[i] = Z.add(coefficients[i]!, c);
      if (Z.isZero(coefficients[i]!)) zeros = true;
    }
  }
  if (!zeros) return { monomials, coefficients };
  const kept = monomials.map((_, i) => i).filter((i) => !Z.isZero(coefficients[i]!));
  return { monomials: kept.map((i) => monomials[i]!), coefficients: kept.map((i) => coefficients[i]!) };
}

export const addPoly = (a: Poly, b: Poly): Poly => addScaled(a, b, 1);
export const subPoly = (a: Poly, b: Poly): Poly => addScaled(a, b, -1);

export const negPoly = (p: Poly): Poly => ({ monomials: p.monomials, coefficients: p.coefficients.map(Z.neg) });

export function scalePoly(p: Poly, c: Int): Poly {
  if (Z.isZero(c)) return zeroPoly;
  if (c === 1) return p;
  return { monomials: p.monomials, coefficients: p.coefficients.map((k) => Z.mul(k, c)) };
}

/** p / c for a c that divides every coefficient. */
export function divideCoefficientsBy(p: Poly, c: Int): Poly {
  if (c === 1) return p;
  return { monomials: p.monomials, coefficients: p.coefficients.map((k) => Z.divExact(k, c)) };
}

export function mulMonomialPoly(p: Poly, m: Monomial, c: Int = 1): Poly {
  if (isUnit(m)) return scalePoly(p, c);
  return { monomials: p.monomials.map((k) => multiplyMonomials(k, m)), coefficients: c === 1 ? p.coefficients : p.coefficients.map((k) => Z.mul(k, c)) };
}

export const divideByMonomial = (p: Poly, m: Monomial): Poly =>
  (isUnit(m) ? p : { monomials: p.monomials.map((k) => divideMonomials(k, m)), coefficients: p.coefficients });

export function mulPoly(a: Poly, b: Poly): Poly {
  if (a.monomials.length === 0 || b.monomials.length === 0) return zeroPoly;
  if (a.monomials.length === 1) return mulMonomialPoly(b, a.monomials[0]!, a.coefficients[0]!);
  if (b.monomials.length === 1) return mulMonomialPoly(a, b.monomials[0]!, b.coefficients[0]!);
  const sums = new Map<Monomial, Int>();
  for (let i = 0; i < a.monomials.length; i++) {
    checkLimits();
    const ma = a.monomials[i]!;
    const ca = a.coefficients[i]!;
    for (let j = 0; j < b.monomials.length; j++) {
      const m = multiplyMonomials(ma, b.monomials[j]!);
      const c = Z.mul(ca, b.coefficients[j]!);
      const before = sums.get(m);
      sums.set(m, before === undefined ? c : Z.add(before, c));
    }
  }
  return fromSums(sums);
}

/** p^n for a whole n ≥ 0, by squaring. */
export function powPoly(p: Poly, n: number): Poly {
  let result = constantPoly(1);
  let base = p;
  let k = n;
  while (k > 0) {
    if (k & 1) result = mulPoly(result, base);
    k = Math.floor(k / 2);
    if (k > 0) base = mulPoly(base, base);
  }
  return result;
}

export function polyEquals(a: Poly, b: Poly): boolean {
  if (a === b) return true;
  if (a.monomials.length !== b.monomials.length) return false;
  if (a.monomials.length <= 8) {
    for (let i = 0; i < a.monomials.length; i++) {
      const j = b.monomials.indexOf(a.monomials[i]!);
      if (j < 0 || b.coefficients[j] !== a.coefficients[i]) return false;
    }
    return true;
  }
  const at = indexOf(b);
  for (let i = 0; i < a.monomials.length; i++) {
    const j = at.get(a.monomials[i]!);
    if (j === undefined || b.coefficients[j] !== a.coefficients[i]) return false;
  }
  return true;
}


/** The gcd of the coefficients (positive; 0 for the zero polynomial). */
export function contentOf(p: Poly): Int {
  let g: Int = 0;
  for (const c of p.coefficients) {
    g = Z.gcd(g, c);
    if (g === 1) break;
  }
  return g;
}

/** Each atom at its least exponent over the terms (0 where a term lacks it): what every term has. */
export function commonMonomial(p: Poly): Monomial {
  if (p.monomials.length === 0) return unitMonomial();
  // Every term is looked at, even once no atom is in all of them: a later one may have an atom to a negative power.
  let m = p.monomials[0]!;
  for (let i = 1; i < p.monomials.length; i++) m = meetMonomials(m, p.monomials[i]!);
  return m;
}




/** A hash of p that does not depend on the order of its terms. */
export function polyHash(p: Poly): number {
  let h = p.monomials.length;
  for (let i = 0; i < p.monomials.length; i++) {
    const c = p.coefficients[i]!;
    const ch = typeof c === 'number' ? (c | 0) ^ ((c / 4294967296) | 0) : Number(c % 4294967291n);
    h = (h + Math.imul(p.monomials[i]!.hash ^ ch, 0x9e3779b1)) | 0;
  }
  return h;
}


/** A polynomial over a whole denominator: the rational-coefficient polynomials that derivatives give. */
export interface PolyOver {
  readonly poly: Poly;
  readonly denominator: Int;
}

/**
 * dP/dx = Σ ∂P/∂a·a′ for P whose atoms have whole exponents ≥ 0 and derivatives a′ that are
 * polynomials over a number (`derivativeOf` gives undefined for a constant atom). Undefined where an
 * exponent is not whole and ≥ 0. High orders of σ(σ(x)) make millions of these products.
 */
export function differentiatePoly(p: Poly, derivativeOf: (atom: Expr) => PolyOver | undefined): PolyOver | undefined {
  const derivatives = new Map<number, PolyOver | undefined>();
  let denominator: Int = 1;
  for (const m of p.monomials) {
    if (m.dens) return undefined;
    m.keys.forEach((k, i) => {
      if (!derivatives.has(k)) {
        const d = derivativeOf(m.atoms[i]!);
        derivatives.set(k, d);
        if (d) denominator = Z.lcm(denominator, d.denominator);
      }
    });
    for (const n of m.nums) if (n < 0) return undefined;
  }
  const sums = new Map<Monomial, Int>();
  for (let t = 0; t < p.monomials.length; t++) {
    checkLimits();
    const m = p.monomials[t]!;
    const c = p.coefficients[t]!;
    for (let i = 0; i < m.keys.length; i++) {
      const d = derivatives.get(m.keys[i]!);
      if (!d) continue;
      // c·aᵉ·rest → c·e·aᵉ⁻¹·rest·a′, over the common denominator.
      const e = m.nums[i]!;
      const lowered = divideMonomials(m, atomMonomial(m.atoms[i]!, 1));
      const scale = Z.mul(Z.mul(c, e), Z.divExact(denominator, d.denominator));
      for (let j = 0; j < d.poly.monomials.length; j++) {
        const product = multiplyMonomials(lowered, d.poly.monomials[j]!);
        const k = Z.mul(scale, d.poly.coefficients[j]!);
        const before = sums.get(product);
        sums.set(product, before === undefined ? k : Z.add(before, k));
      }
    }
  }
  return { poly: fromSums(sums), denominator };
}
