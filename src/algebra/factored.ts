import type { Expr } from '../expr/types.js';
import { checkLimits } from '../errors.js';
import { call } from '../expr/factory.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';
import { atomMonomial, divideMonomials, exponentIn, isUnit, monomialGeneration, monomialPower, multiplyMonomials, unitMonomial, type Monomial } from './monomial.js';
import { withAbsoluteValues, withOppositeExponentials } from './monomial-identities.js';
import { foldNumbers, hasNumberAtom, largestRootOfContent, numberPower } from './number-roots.js';
import {
  commonMonomial, constantOf, contentOf, divideByMonomial, divideCoefficientsBy, isZeroPoly, monomialPoly, mulPoly, polyEquals,
  polyHash, powPoly, type Poly,
} from './poly.js';
import { polyGcd } from './poly-gcd.js';
import { firstWrittenTerm } from './to-expr.js';
import { surelyCoprime } from './coprime.js';
import {
  isOneRatio, isZeroRatio, mulRatio, oneRatio, powRatio, ratioOf, rootRatio, zeroRatio, type Ratio,
} from './ratio.js';

/*
 * The normal form of an algebraic expression over its atoms, kept factored (as Maxima's rat with
 * ratfac and FORM do): a rational number times a monomial (atoms to rational powers, √x is x^(1/2))
 * times powers of polynomials of two terms or more. So (x² + 3x + 1)²⁰ stays one base to the 20th,
 * a product merges its bases' exponents, and a sum takes out what its terms have in common
 * before anything is multiplied out. Numerator and denominator are kept coprime: a base with a
 * positive exponent and one with a negative exponent share no factor (their gcd is split off and
 * cancelled), so every quotient is in lowest terms.
 */

/** A polynomial that is raised to a power: whole coefficients, two terms or more. */
export interface Base {
  readonly poly: Poly;
  /** Unique among the bases made since the monomials were last renewed. */
  readonly id: number;
  /**
   * Whether it is a canonical factor: coefficients with no common divisor, no atom dividing every
   * term, a leading term (see leadsPositive) with a positive coefficient. A base under a fractional
   * power is kept as the expression wrote it: √(2x + 2) is not √2·√(x + 1) for every x.
   */
  readonly normalized: boolean;
}

export interface Power {
  readonly base: Base;
  /** The exponent num/den, in lowest terms, den > 0, never 0. */
  readonly num: Int;
  readonly den: Int;
}

export interface Factored {
  readonly coefficient: Ratio;
  readonly monomial: Monomial;
  /** Ordered by base id; each base once. */
  readonly powers: readonly Power[];
}

// ---------------------------------------------------------------------------------------------
// Bases, interned so that equal ones are one object and pairs known coprime are remembered

let bases = new Map<number, Base[]>();
let coprime = new Set<number>();
let canonicalOfWritten = new Map<number, CanonicalForm | null>();
let basesGeneration = monomialGeneration();
let nextBaseId = 1;

function freshTables(): void {
  if (basesGeneration !== monomialGeneration()) {
    bases = new Map();
    coprime = new Set();
    canonicalOfWritten = new Map();
    basesGeneration = monomialGeneration();
  }
}

/**
 * A base kept as written as its canonical factors: a whole number, a monomial with whole
 * exponents and canonical bases to whole powers. 1 − x² is −1·(x² − 1), x − x² is −1·x·(x − 1).
 */
interface CanonicalForm {
  readonly by: Int;
  readonly monomial: Monomial;
  readonly powers: readonly { readonly base: Base; readonly num: number }[];
}

/** The canonical form of a base kept as written, worked out once per base. */
function canonicalForm(written: Base): CanonicalForm | undefined {
  freshTables();
  let known = canonicalOfWritten.get(written.id);
  if (known === undefined) {
    const canonical = polyFactored(written.poly);
    const whole = canonical.coefficient.d === 1 && canonical.monomial.dens === undefined && canonical.monomial.nums.every((n) => typeof n === 'number')
      && canonical.powers.every((q) => q.den === 1 && typeof q.num === 'number');
    known = whole ? { by: canonical.coefficient.n, monomial: canonical.monomial, powers: canonical.powers.map((q) => ({ base: q.base, num: q.num as number })) } : null;
    canonicalOfWritten.set(written.id, known);
  }
  return known ?? undefined;
}

/** A base kept as written that is a whole multiple of a canonical one: 1 − x² is −1 times x² − 1. */
export interface CanonicalMultiple {
  readonly base: Base;
  readonly by: Int;
}

/** The canonical base a base kept as written is a whole multiple of. */
export function canonicalMultiple(written: Base): CanonicalMultiple | undefined {
  const form = canonicalForm(written);
  const only = form?.powers[0];
  return form && isUnit(form.monomial) && form.powers.length === 1 && only!.num === 1 ? { base: only!.base, by: form.by } : undefined;
}

function baseOf(poly: Poly, normalized: boolean): Base {
  freshTables();
  const hash = polyHash(poly) ^ (normalized ? 0x5a5a5a5a : 0);
  let bucket = bases.get(hash);
  if (bucket) {
    for (const b of bucket) if (b.normalized === normalized && polyEquals(b.poly, poly)) return b;
  } else {
    bucket = [];
    bases.set(hash, bucket);
  }
  const base: Base = { poly, id: nextBaseId++, normalized };
  bucket.push(base);
  return base;
}

const pairKey = (a: Base, b: Base): number => (a.id < b.id ? a.id * 0x200000 + b.id : b.id * 0x200000 + a.id);

/**
 * Whether a canonical factor is the sum as given (or its negation): its term of greatest degree,
 * and of those the first in writing order, is positive. The writing order, not the terms' hashes:
 * hashes come from node ids, which depend on what was worked out before, and so would which way
 * round a sum is kept (3csc(x) − x or x − 3csc(x)), and how it is written.
 */
const leadsPositive = (p: Poly): boolean => Z.sign(firstWrittenTerm(p).coefficient) > 0;

// ---------------------------------------------------------------------------------------------
// Comparing normal forms

/** Whether two normal forms differ at most by their rational coefficient: bases and monomials are interned, so they are compared by identity. */
export function sameButCoefficient(a: Factored, b: Factored): boolean {
  if (a.monomial !== b.monomial || a.powers.length !== b.powers.length) return false;
  return a.powers.every((p, i) => {
    const q = b.powers[i]!;
    return p.base === q.base && Z.compare(p.num, q.num) === 0 && Z.compare(p.den, q.den) === 0;
  });
}

/** Whether two normal forms are one. */
export const sameFactored = (a: Factored, b: Factored): boolean => a === b
  || (Z.compare(a.coefficient.n, b.coefficient.n) === 0 && Z.compare(a.coefficient.d, b.coefficient.d) === 0 && sameButCoefficient(a, b));

// ---------------------------------------------------------------------------------------------
// Making normal forms

export const zeroFactored: Factored = { coefficient: zeroRatio, monomial: unitMonomial(), powers: [] };
export const isZeroFactored = (f: Factored): boolean => isZeroRatio(f.coefficient);

export const numberFactored = (q: Ratio): Factored => (isZeroRatio(q) ? zeroFactored : { coefficient: q, monomial: unitMonomial(), powers: [] });

export const atomFactored = (atom: Expr, num: Int = 1, den: Int = 1): Factored => ({ coefficient: oneRatio, monomial: atomMonomial(atom, num, den), powers: [] });

/** A polynomial over a whole denominator, as a normal form: its content, common monomial and the rest as one factor. */
export function polyFactored(p: Poly, denominator: Int = 1): Factored {
  if (isZeroPoly(p)) return zeroFactored;
  const m = commonMonomial(p);
  const rest = divideByMonomial(p, m);
  const constant = constantOf(rest);
  if (constant !== undefined) return { coefficient: ratioOf(constant, denominator), monomial: m, powers: [] };
  let content = contentOf(rest);
  if (!leadsPositive(rest)) content = Z.neg(content);
  const base = baseOf(divideCoefficientsBy(rest, content), true);
  return { coefficient: ratioOf(content, denominator), monomial: m, powers: [{ base, num: 1, den: 1 }] };
}

// ---------------------------------------------------------------------------------------------
// Products and powers

/** n/d in lowest terms (d > 0 given). */
export function lowestExponent(n: Int, d: Int): [Int, Int] {
  if (d === 1) return [n, 1];
  const g = Z.gcd(n, d);
  return Z.isZero(g) || g === 1 ? [n, d] : [Z.divExact(n, g), Z.divExact(d, g)];
}

function addExponents(a: Power, b: Power): [Int, Int] {
  if (a.den === 1 && b.den === 1) return [Z.add(a.num, b.num), 1];
  return lowestExponent(Z.add(Z.mul(a.num, b.den), Z.mul(b.num, a.den)), Z.mul(a.den, b.den));
}

const isEven = (n: Int): boolean => Z.isZero(Z.divRem(n, 2)[1]);
const isPositive = (n: Int): boolean => Z.sign(n) > 0;

export function multiplyFactored(a: Factored, b: Factored): Factored {
  if (isZeroFactored(a) || isZeroFactored(b)) return zeroFactored;
  let coefficient = mulRatio(a.coefficient, b.coefficient);
  let monomial = withOppositeExponentials(withAbsoluteValues(multiplyMonomials(a.monomial, b.monomial)));
  if (hasNumberAtom(monomial)) ({ coefficient, monomial } = foldNumbers(coefficient, monomial));
  if (b.powers.length === 0) return { coefficient, monomial, powers: a.powers };
  if (a.powers.length === 0) return { coefficient, monomial, powers: b.powers };
  const powers: Power[] = [];
  let i = 0;
  let j = 0;
  let settled = true;
  while (i < a.powers.length || j < b.powers.length) {
    const pa = a.powers[i];
    const pb = b.powers[j];
    if (pb === undefined || (pa !== undefined && pa.base.id < pb.base.id)) {
      powers.push(pa!);
      i++;
    } else if (pa === undefined || pb.base.id < pa.base.id) {
      powers.push(pb);
      j++;
    } else {
      const [num, den] = addExponents(pa, pb);
      if (!Z.isZero(num)) {
        powers.push({ base: pa.base, num, den });
        // A base kept as written under a fractional power is made canonical once its power is whole: √(2x + 2)² is 2(x + 1).
        if (den === 1 && !pa.base.normalized) settled = false;
      }
      i++;
      j++;
    }
  }
  let product: Factored = { coefficient, monomial, powers };
  if (hasWrittenRoot(powers)) {
    product = withWrittenBasesJoined(product);
    if (product.powers.some((p) => p.den === 1 && !p.base.normalized)) settled = false;
  }
  return inLowestTerms(settled ? product : normalizeWholePowers(product));
}

/** Whether a base kept as written is under a fractional power among these, beside another base. */
function hasWrittenRoot(powers: readonly Power[]): boolean {
  if (powers.length < 2) return false;
  for (const p of powers) if (!p.base.normalized && p.den !== 1) return true;
  return false;
}

/**
 * Canonical factors to whole powers joined to the base kept as written that is their product,
 * under a fractional power: (x² − 1)^(−1)·(1 − x²)^(1/2) is −(1 − x²)^(−1/2), as (x − 1)^(−1)·
 * (x − 1)^(1/2) is (x − 1)^(−1/2), and x^(−1)·(x − 1)^(−1)·(x − x²)^(−1/2) is −(x − x²)^(−3/2).
 * (c·m·p)^k = c^k·m^k·p^k for a whole k and every value of m and p.
 */
function withWrittenBasesJoined(f: Factored): Factored {
  let { coefficient, monomial, powers } = f;
  for (const written of f.powers) {
    if (written.base.normalized || written.den === 1) continue;
    const form = canonicalForm(written.base);
    if (!form || form.powers.length === 0) continue;
    const k = timesIn(form, monomial, powers);
    if (k === 0) continue;
    // m^k·p^k = c^(−k)·w^k, for w = c·m·p as written.
    coefficient = mulRatio(coefficient, powRatio(ratioOf(form.by), -k));
    if (!isUnit(form.monomial)) monomial = divideMonomials(monomial, monomialPower(form.monomial, k));
    const current = powers.find((p) => p.base === written.base)!;
    const [num, den] = lowestExponent(Z.add(current.num, Z.mul(k, current.den)), current.den);
    powers = powers.flatMap((p) => {
      if (p === current) return Z.isZero(num) ? [] : [{ base: p.base, num, den }];
      const part = form.powers.find((q) => q.base === p.base);
      if (!part) return [p];
      const left = Z.sub(p.num, k * part.num);
      return Z.isZero(left) ? [] : [{ base: p.base, num: left, den: 1 }];
    });
  }
  return powers === f.powers && monomial === f.monomial ? f : { coefficient, monomial, powers };
}

/** How many whole times (of one sign) a product holds every canonical factor of a form: 0 where it lacks one. */
function timesIn(form: CanonicalForm, monomial: Monomial, powers: readonly Power[]): number {
  let k: number | undefined;
  const take = (have: Int, each: number): boolean => {
    if (typeof have !== 'number') return false;
    const times = Math.trunc(have / each);
    if (times === 0 || (k !== undefined && Math.sign(times) !== Math.sign(k))) return false;
    k = k === undefined || Math.abs(times) < Math.abs(k) ? times : k;
    return true;
  };
  for (const part of form.powers) {
    const p = powers.find((q) => q.base === part.base);
    if (!p || p.den !== 1 || !take(p.num, part.num)) return 0;
  }
  for (let i = 0; i < form.monomial.keys.length; i++) {
    const [num, den] = exponentIn(monomial, form.monomial.keys[i]!);
    if (den !== 1 || !take(num, form.monomial.nums[i] as number)) return 0;
  }
  return k ?? 0;
}

/** Bases kept as written whose powers have become whole, made canonical. */
function normalizeWholePowers(f: Factored): Factored {
  let out: Factored = { coefficient: f.coefficient, monomial: f.monomial, powers: f.powers.filter((p) => p.den !== 1 || p.base.normalized) };
  for (const p of f.powers) {
    if (p.den !== 1 || p.base.normalized) continue;
    // Its content to a power past 2⁵³ has no value to write: such a base stays as written.
    const whole = powerFactored(polyFactored(p.base.poly), p.num);
    out = multiplyFactored(out, whole ?? { coefficient: oneRatio, monomial: unitMonomial(), powers: [p] });
  }
  return out;
}

/**
 * Numerator and denominator made coprime: a canonical base with a whole positive exponent and one
 * with a whole negative exponent have their gcd split off, so that it cancels.
 */
function inLowestTerms(f: Factored): Factored {
  let current = f;
  for (let round = 0; round < 64; round++) {
    const split = findCommonFactor(current);
    if (!split) return current;
    current = split;
  }
  return current;
}

function findCommonFactor(f: Factored): Factored | undefined {
  const above = f.powers.filter((p) => p.den === 1 && isPositive(p.num) && p.base.normalized);
  const below = f.powers.filter((p) => p.den === 1 && Z.sign(p.num) < 0 && p.base.normalized);
  if (above.length === 0 || below.length === 0) return undefined;
  for (const p of above) {
    for (const q of below) {
      const key = pairKey(p.base, q.base);
      if (coprime.has(key)) continue;
      checkLimits();
      const common = sharedFactor(p.base, q.base);
      if (!common) {
        coprime.add(key);
        continue;
      }
      // p = g·p′ and q = g·q′: p^a·q^(−b) = g^(a − b)·p′^a·q′^(−b).
      const rest = f.powers.filter((r) => r !== p && r !== q);
      let out: Factored = { coefficient: f.coefficient, monomial: f.monomial, powers: rest };
      out = multiplyFactored(out, powerFactored(polyFactored(common.gcd), Z.add(p.num, q.num))!);
      out = multiplyFactored(out, powerFactored(polyFactored(common.cofactorA), p.num)!);
      out = multiplyFactored(out, powerFactored(polyFactored(common.cofactorB), q.num)!);
      return out;
    }
  }
  return undefined;
}

/** gcd(a, b) and the cofactors, where the gcd is not a number (a and b are canonical: no content, no monomial). */
function sharedFactor(a: Base, b: Base): { gcd: Poly; cofactorA: Poly; cofactorB: Poly } | undefined {
  // Polynomials in no common atom have no common factor.
  const atomsOfA = new Set<number>();
  for (const m of a.poly.monomials) for (const k of m.keys) atomsOfA.add(k);
  let shares = false;
  for (const m of b.poly.monomials) {
    for (const k of m.keys) if (atomsOfA.has(k)) shares = true;
    if (shares) break;
  }
  if (!shares || surelyCoprime(a.poly, b.poly)) return undefined;
  const g = polyGcd(a.poly, b.poly);
  if (!g || constantOf(g.gcd) !== undefined) return undefined;
  return { gcd: g.gcd, cofactorA: g.cofactorA, cofactorB: g.cofactorB };
}

/** f^k for a whole k (f ≠ 0 when k < 0). */
function wholePower(f: Factored, k: Int): Factored | undefined {
  if (k === 1) return f;
  if (k === 0) return numberFactored(oneRatio);
  // A number to a power past 2⁵³ is written out only when it is ±1.
  if (typeof k !== 'number' && !(Z.abs(f.coefficient.n) === 1 && f.coefficient.d === 1)) return undefined;
  let whole = false;
  const powers = f.powers.map((p) => {
    const [num, den] = lowestExponent(Z.mul(p.num, k), p.den);
    if (p.den !== 1 && den === 1 && !p.base.normalized) whole = true;
    return { base: p.base, num, den };
  });
  const coefficient = typeof k === 'number' ? powRatio(f.coefficient, k) : { n: isEven(k) ? Z.abs(f.coefficient.n) : f.coefficient.n, d: 1 };
  let monomial = withAbsoluteValues(monomialPower(f.monomial, k));
  let c: Ratio = coefficient;
  if (hasNumberAtom(monomial)) ({ coefficient: c, monomial } = foldNumbers(coefficient, monomial));
  const out: Factored = { coefficient: c, monomial, powers };
  return whole ? normalizeWholePowers(out) : out;
}

/**
 * f^(num/den), or undefined where the power cannot be taken part by part for every real value:
 * under an even root a product splits only where its parts are ≥ 0 (√(x·y) is not √x·√y for
 * x, y < 0), and (u²)^(1/2) is |u|, not u. `isNonNegative` says of an atom whether it is ≥ 0.
 */
export function powerFactored(f: Factored, num: Int, den: Int = 1, isNonNegative: (atom: Expr) => boolean = () => false): Factored | undefined {
  if (isZeroFactored(f)) return isPositive(num) ? zeroFactored : undefined;
  if (den === 1) return wholePower(f, num);
  // Roots are of a number of JavaScript: a power with a denominator past that stays as written.
  if (typeof den !== 'number' || typeof num !== 'number') return undefined;
  const number = numberPower(f.coefficient, num, den);
  if (number === undefined) return undefined;
  const odd = den % 2 === 1;
  // Under an even root, all parts but one must be ≥ 0 to split the product.
  const parts = f.monomial.keys.length + f.powers.length;
  let unknown = 0;
  const atoms: [Expr, Int, Int][] = [];
  for (let i = 0; i < f.monomial.keys.length; i++) {
    const atom = f.monomial.atoms[i]!;
    const n = f.monomial.nums[i]!;
    const d = f.monomial.dens ? f.monomial.dens[i]! : 1;
    const nonNegative = isNonNegative(atom);
    // (u^n)^(1/d) with n even is |u|^(n/d) where u may be negative: the atom becomes |u|.
    const evenPower = isEven(n);
    if (!odd && !nonNegative && !evenPower) unknown++;
    atoms.push([evenPower && !odd && !nonNegative ? call('abs', [atom]) : atom, Z.mul(n, num), Z.mul(d, den)]);
  }
  const powers: Power[] = [];
  for (const p of f.powers) {
    const evenPower = isEven(p.num);
    if (!odd && !evenPower && !polyIsNonNegative(p.base.poly)) unknown++;
    // A polynomial base to an even power under an even root would be |p|: not kept in a monomial.
    if (!odd && evenPower && !polyIsNonNegative(p.base.poly)) return undefined;
    const [n, d] = lowestExponent(Z.mul(p.num, num), Z.mul(p.den, den));
    powers.push({ base: p.base, num: n, den: d });
  }
  if (!odd && unknown > 1 && parts > 1) return undefined;
  let monomial = number.monomial;
  for (const [atom, n, d] of atoms) monomial = multiplyMonomials(monomial, atomMonomial(atom, n, d));
  const folded = foldNumbers(number.coefficient, withAbsoluteValues(monomial));
  const out: Factored = { coefficient: folded.coefficient, monomial: folded.monomial, powers: powers.sort((x, y) => x.base.id - y.base.id) };
  return normalizeWholePowers(out);
}

/** Whether a polynomial is ≥ 0 wherever its atoms are defined, as far as its form shows: even powers with positive coefficients. */
export function polyIsNonNegative(p: Poly): boolean {
  for (let i = 0; i < p.monomials.length; i++) {
    if (Z.sign(p.coefficients[i]!) < 0) return false;
    const m = p.monomials[i]!;
    if (m.dens) return false;
    for (const n of m.nums) if (!isEven(n)) return false;
  }
  return true;
}

/**
 * p^(num/den) for a polynomial p as written, under a fractional power: one base kept as
 * written (√(x² + 1) is (x² + 1)^(1/2)), or its canonical form where that changes nothing.
 */
export function rawPowerFactored(p0: Poly, num: number, den: number): Factored | undefined {
  if (isZeroPoly(p0)) return isPositive(num) ? zeroFactored : undefined;
  const constant = constantOf(p0);
  if (constant !== undefined) {
    const c = rootRatio(ratioOf(constant), num, den);
    return c === undefined ? undefined : numberFactored(c);
  }
  // A whole number k with k^den dividing every coefficient comes out as k^num: √(4x − 4x²) is 2√(x − x²).
  // Under an odd root a minus sign comes out too: ∛(−x − 1) is −∛(x + 1).
  let p = p0;
  let outside: Ratio = oneRatio;
  const k = largestRootOfContent(contentOf(p), den);
  if (k !== 1) {
    p = divideCoefficientsBy(p, Z.power(k, den));
    outside = powRatio(ratioOf(k), num);
  }
  if (den % 2 === 1 && p.coefficients.every((c) => Z.sign(c) < 0)) {
    p = divideCoefficientsBy(p, -1);
    if (num % 2 !== 0) outside = { n: Z.neg(outside.n), d: outside.d };
  }
  const canonical = polyFactored(p);
  // Already canonical (x² + 1): the power of the canonical base; otherwise the base as written.
  const power = isOneRatio(canonical.coefficient) && isUnit(canonical.monomial)
    ? powerFactored(canonical, num, den)
    : p.monomials.length === 1 ? undefined : { coefficient: oneRatio, monomial: unitMonomial(), powers: [{ base: baseOf(p, false), num, den }] };
  return power && multiplyFactored(numberFactored(outside), power);
}

/** Multiplying out past this many terms is not done: the sum stays whole (see normal-form.ts). */
export const maxExpansionTerms = 400;

/**
 * How many products of two terms the sums of one normal form may take to multiply out: past it
 * the sum stays as written. A sum of 200 products of 199 linear factors each has few terms
 * multiplied out (one variable), but millions of products of ever longer numbers to get them.
 */
export const maxExpansionProducts = 200_000;

/**
 * start times the bases to their powers, multiplied out; undefined past the limit on terms, or
 * when the products of terms it takes would use up what is left of `budget` (shared by the
 * terms of one sum).
 */
export function expandPowers(powers: readonly { base: Base; exponent: number }[], start: Poly, budget?: { products: number }): Poly | undefined {
  let out = start;
  for (const { base, exponent } of powers) {
    // A sum times one monomial has as many terms as the sum, however many: nothing grows.
    if (exponent === 1 && out.monomials.length === 1) {
      out = mulPoly(out, base.poly);
      continue;
    }
    // (terms)^k has up to C(n + k − 1, k) terms: estimated by its first factors, and by that count,
    // which the first factors underestimate for two terms to a high power ((a + b)^279935).
    const limit = maxExpansionTerms * 4;
    if (Math.pow(base.poly.monomials.length, Math.min(exponent, 8)) * out.monomials.length > limit
      || termsOfPower(base.poly.monomials.length, exponent) * out.monomials.length > limit) return undefined;
    const powered = powPoly(base.poly, exponent);
    if (budget && (budget.products -= out.monomials.length * powered.monomials.length) < 0) return undefined;
    out = mulPoly(out, powered);
    if (out.monomials.length > maxExpansionTerms * 4) return undefined;
  }
  return out;
}

/** C(n + k − 1, k), the most terms a sum of n terms has to the k-th power, counted until it passes maxExpansionTerms·4. */
function termsOfPower(n: number, k: number): number {
  let terms = 1;
  for (let i = 1; i <= k && terms <= maxExpansionTerms * 4; i++) terms = (terms * (n + i - 1)) / i;
  return terms;
}

// ---------------------------------------------------------------------------------------------
// Numerator and denominator

export interface Quotient {
  readonly numerator: Factored;
  readonly denominator: Factored;
}

/** The powers of a normal form without bases: one list, never changed. */
export const noPowers: readonly Power[] = Object.freeze([]);

/**
 * The parts with positive exponents over those with negative ones (made positive), the
 * coefficient's denominator below; atoms `keptAbove` says so of stay above with their exponents
 * whatever their sign (e^(−x) is written as such, not as 1/e^x).
 */
export function splitFraction(f: Factored, keptAbove: (atom: Expr) => boolean = () => false): Quotient {
  // Nothing below but the coefficient's denominator (most normal forms): the parts stay as they are.
  if (f.monomial.nums.every(isPositive) && f.powers.every((p) => isPositive(p.num))) {
    return {
      numerator: { coefficient: { n: f.coefficient.n, d: 1 }, monomial: f.monomial, powers: f.powers },
      denominator: { coefficient: { n: f.coefficient.d, d: 1 }, monomial: unitMonomial(), powers: noPowers },
    };
  }
  const upMonomial: [Expr, Int, Int][] = [];
  const downMonomial: [Expr, Int, Int][] = [];
  f.monomial.keys.forEach((_, i) => {
    const n = f.monomial.nums[i]!;
    const d = f.monomial.dens ? f.monomial.dens[i]! : 1;
    const atom = f.monomial.atoms[i]!;
    if (keptAbove(atom)) upMonomial.push([atom, n, d]);
    else (isPositive(n) ? upMonomial : downMonomial).push([atom, Z.abs(n), d]);
  });
  const monomialOfParts = (parts: [Expr, Int, Int][]): Monomial =>
    parts.reduce((m, [atom, n, d]) => multiplyMonomials(m, atomMonomial(atom, n, d)), unitMonomial());
  return {
    numerator: {
      // Every atom above (most often): that is the monomial itself, each exponent as it was, not made again atom by atom.
      coefficient: { n: f.coefficient.n, d: 1 }, monomial: upMonomial.length === f.monomial.keys.length ? f.monomial : monomialOfParts(upMonomial), powers: f.powers.filter((p) => isPositive(p.num)),
    },
    denominator: {
      coefficient: { n: f.coefficient.d, d: 1 }, monomial: monomialOfParts(downMonomial),
      powers: f.powers.filter((p) => !isPositive(p.num)).map((p) => ({ base: p.base, num: Z.neg(p.num), den: p.den })),
    },
  };
}

/** A normal form with only whole positive powers, multiplied out; undefined past the limit on terms or with a fractional power of a base. */
export function expandFactored(f: Factored): Poly | undefined {
  if (f.coefficient.d !== 1) return undefined;
  const powers: { base: Base; exponent: number }[] = [];
  for (const p of f.powers) {
    if (p.den !== 1 || typeof p.num !== 'number' || p.num < 0) return undefined;
    powers.push({ base: p.base, exponent: p.num });
  }
  return expandPowers(powers, monomialPoly(f.monomial, f.coefficient.n));
}

/** A normal form with no denominator but a number, as a polynomial with whole coefficients over that number; undefined otherwise. */
export function polynomialOverNumber(f: Factored): { poly: Poly; denominator: Int } | undefined {
  const { numerator, denominator } = splitFraction(f);
  if (!isUnit(denominator.monomial) || denominator.powers.length > 0) return undefined;
  const poly = expandFactored(numerator);
  return poly && { poly, denominator: denominator.coefficient.n };
}


/** The number, if a normal form is one. */
export function constantFactored(f: Factored): Ratio | undefined {
  return isUnit(f.monomial) && f.powers.length === 0 ? f.coefficient : undefined;
}

