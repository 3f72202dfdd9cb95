import Fraction from 'fraction.js';
import type { Expr, Rational } from '../expr/types.js';
import { checkLimits } from '../errors.js';
import { add, call, constant, div, int, mul, neg, num, pow } from '../expr/factory.js';
import { isInteger, isNegative, isOne, rational } from '../expr/rational.js';
import { rootFunctions, type FunctionName } from '../functions/table.js';
import { complexity } from './complexity.js';
import { atomPlace, compareAtomPlaces, compareAtoms } from './atoms.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';
import { MonomialMemo, type Monomial } from './monomial.js';
import { polyOf, type Poly } from './poly.js';
import { exponentialArgument } from './exponential-atoms.js';
import { toFraction, type Ratio } from './ratio.js';

/* Polynomials, monomials and numbers written back as expressions, in the usual order. */

/** An atom with its exponent, as a monomial holds it. */
export interface AtomPower {
  readonly atom: Expr;
  readonly exponent: Rational;
}

/** Each monomial's factors in writing order. */
const writtenFactors = new MonomialMemo<readonly AtomPower[]>();

/** A monomial's atoms in writing order (variables, constants, powers, functions; then as they read). */
function factorsOf(m: Monomial): readonly AtomPower[] {
  let factors = writtenFactors.get(m);
  if (!factors) {
    const parts = m.atoms.map((atom, i) => ({ atom, exponent: rational(m.nums[i]!, m.dens ? m.dens[i]! : 1), place: atomPlace(atom) }));
    if (parts.length > 1) parts.sort((a, b) => compareAtomPlaces(a.place, b.place));
    factors = parts.map(({ atom, exponent }) => ({ atom, exponent }));
    writtenFactors.set(m, factors);
  }
  return factors;
}

/**
 * A monomial's factors as they are written: its exponential atoms put back into one exponential,
 * (e^x)²·(e^(x²))^(−1/2) as e^(2x − x²/2), standing among the other atoms in writing order.
 */
export function writtenFactorsOf(m: Monomial): readonly AtomPower[] {
  // Most monomials have no exponential: their factors are found without making a list.
  if (!m.atoms.some(isExponentialAtom)) return factorsOf(m);
  const found: { name: FunctionName; monomial: Monomial; n: Int; d: Int }[] = [];
  m.atoms.forEach((atom, i) => {
    const argument = exponentialArgument(atom);
    const n = m.nums[i]!;
    if (argument && atom.kind === 'call') found.push({ name: atom.name, monomial: argument.monomial, n: argument.sign < 0 ? Z.neg(n) : n, d: m.dens ? m.dens[i]! : 1 });
  });
  if (found.length === 0) return factorsOf(m);
  const factors = factorsOf(m).filter(({ atom }) => exponentialArgument(atom) === undefined);
  for (const name of new Set(found.map((f) => f.name))) {
    const mine = found.filter((f) => f.name === name);
    // The argument Σ (n/d)·m over the least common denominator.
    const common = mine.reduce<Int>((l, f) => Z.lcm(l, f.d), 1);
    const argument = polyOf(mine.map((f) => ({ monomial: f.monomial, coefficient: Z.mul(f.n, Z.divExact(common, f.d)) })));
    if (argument.monomials.length === 0) continue;
    const written = polyExpr(argument, common);
    const exponential = name === 'exp' && written.kind === 'num' && written.value.equals(1) ? constant('e') : call(name, [written]);
    const place = atomPlace(exponential);
    const at = factors.findIndex(({ atom }) => compareAtomPlaces(place, atomPlace(atom)) < 0);
    factors.splice(at < 0 ? factors.length : at, 0, { atom: exponential, exponent: rational(1) });
  }
  return factors;
}

const isExponentialAtom = (atom: Expr): boolean => exponentialArgument(atom) !== undefined;

/** The order terms of one degree are written in: factor by factor, by atom, then by exponent; a monomial that starts another first. */
export function compareMonomials(a: Monomial, b: Monomial): number {
  if (a === b) return 0;
  const fa = factorsOf(a);
  const fb = factorsOf(b);
  const n = Math.min(fa.length, fb.length);
  for (let i = 0; i < n; i++) {
    const order = compareAtoms(fa[i]!.atom, fb[i]!.atom) || fa[i]!.exponent.compare(fb[i]!.exponent);
    if (order !== 0) return order;
  }
  return fa.length - fb.length;
}

/** Whole numbers above this are no doubles (about 1.8·10³⁰⁸). */
const maxDoubleSized = 2n ** 1023n;

/** A monomial with a coefficient as an expression: 3x²y, x/2, −σ(x)². Negative exponents go below a fraction bar. */
export function termExpr(coefficient: Ratio, m: Monomial): Expr {
  if (Z.sign(coefficient.n) < 0) return neg(termExpr({ n: Z.neg(coefficient.n), d: coefficient.d }, m));
  const { up, down } = writtenSides(m);
  // Ints are numbers while they fit (integer.ts): 1 is the number 1, and most coefficients need no BigInt.
  const { n, d } = coefficient;
  // A coefficient whose numerator or denominator is past the double range stays one rational
  // (3^1000/2^1000·x, not 3^1000·x/2^1000): its value fits where its parts would overflow.
  if (d !== 1 && (typeof n === 'bigint' || typeof d === 'bigint') && (Z.toBig(n) > maxDoubleSized || Z.toBig(d) > maxDoubleSized)) {
    const top = up.length === 0 ? num(toFraction(coefficient)) : mul([num(toFraction(coefficient)), ...up]);
    return down.length === 0 ? top : div(top, mul(down));
  }
  const top = up.length === 0 ? int(n) : n === 1 ? mul(up) : mul([int(n), ...up]);
  if (d === 1 && down.length === 0) return top;
  return div(top, mul(d === 1 ? down : [int(d), ...down]));
}

/** A monomial's factors written above and below a fraction bar. */
interface WrittenSides {
  readonly up: readonly Expr[];
  readonly down: readonly Expr[];
}

/** Each monomial's written sides. */
const sidesWritten = new MonomialMemo<WrittenSides>();

function writtenSides(m: Monomial): WrittenSides {
  let sides = sidesWritten.get(m);
  if (!sides) {
    const above: AtomPower[] = [];
    const beneath: AtomPower[] = [];
    for (const { atom, exponent } of writtenFactorsOf(m)) {
      if (isNegative(exponent)) beneath.push({ atom, exponent: exponent.neg() });
      else above.push({ atom, exponent });
    }
    sides = { up: powersWritten(above), down: powersWritten(beneath) };
    sidesWritten.set(m, sides);
  }
  return sides;
}

/**
 * Atoms to positive powers as factors: x^(3/2) is the two factors x·√x, not a product inside a
 * product; roots of numbers and constants with one index are one root, √(2π) rather than √2·√π.
 */
export function powersWritten(factors: readonly AtomPower[]): Expr[] {
  const out: Expr[] = [];
  // Made at the first root of a number or constant: most products have none.
  let underRoot: Map<bigint, Expr[]> | undefined;
  for (const { atom, exponent } of factors) {
    const constant = atom.kind === 'num' || atom.kind === 'constant';
    if (constant && exponent.n === 1n && exponent.d > 1n && rootFunctions.has(Number(exponent.d))) {
      underRoot ??= new Map<bigint, Expr[]>();
      const inside = underRoot.get(exponent.d) ?? [];
      if (inside.length === 0) {
        underRoot.set(exponent.d, inside);
        out.push(atom);
      }
      inside.push(atom);
      continue;
    }
    const written = powerExpr(atom, exponent);
    if (written.kind === 'mul') for (const f of written.factors) out.push(f);
    else out.push(written);
  }
  if (underRoot === undefined) return out;
  // Each group of roots stands where its first member did, its numbers first: √(2π).
  for (const [index, inside] of underRoot) {
    const at = out.indexOf(inside[0]!);
    const ordered = [...inside.filter((a) => a.kind === 'num'), ...inside.filter((a) => a.kind !== 'num')];
    out[at] = call(rootFunctions.get(Number(index))!, [mul(ordered)]);
  }
  return out;
}

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

export interface WrittenTerm {
  readonly coefficient: Int;
  readonly monomial: Monomial;
}

/** The terms by total degree, highest first, then in writing order of their monomials. */
export function sortedTerms(p: Poly): WrittenTerm[] {
  const terms = p.monomials.map((monomial, i) => ({ monomial, coefficient: p.coefficients[i]! }));
  // Most polynomials written have a few terms: sorted in place, by insertion, which makes no work
  // list as Array.prototype.sort does. Both sorts are stable, so the order is the same.
  if (terms.length <= 16) {
    for (let i = 1; i < terms.length; i++) {
      const t = terms[i]!;
      let j = i - 1;
      while (j >= 0 && termOrder(terms[j]!, t) > 0) {
        terms[j + 1] = terms[j]!;
        j--;
      }
      terms[j + 1] = t;
    }
    return terms;
  }
  return terms.sort(termOrder);
}

/** The order of terms: by total degree, highest first, then in writing order of their monomials. */
const monomialOrder = (a: Monomial, b: Monomial): number => b.degree - a.degree || compareMonomials(a, b);
const termOrder = (a: WrittenTerm, b: WrittenTerm): number => monomialOrder(a.monomial, b.monomial);

/** The term sortedTerms puts first (of a polynomial with terms), found without sorting them all. */
export function firstWrittenTerm(p: Poly): WrittenTerm {
  let at = 0;
  for (let i = 1; i < p.monomials.length; i++) if (monomialOrder(p.monomials[i]!, p.monomials[at]!) < 0) at = i;
  return { monomial: p.monomials[at]!, coefficient: p.coefficients[at]! };
}

/**
 * The terms in writing order: polynomials in variables from the highest degree down
 * (x² − 2x − 1), polynomials in functions from the constant up (1 + e^(−x), σ − 3σ² + 2σ³);
 * and a positive term first where there is one: a polynomial in one variable the other way round
 * where that puts one first (1 − x rather than −x + 1, 4 − 2x² − 2x⁴ rather than 4 − 2x⁴ − 2x²),
 * else from the highest degree down still (−x⁴ + 2x² − 2, whose sign a product takes in front);
 * other polynomials with the positive terms before the others (σ + 2σ³ − 3σ²).
 */
function writingOrder(p: Poly): WrittenTerm[] {
  const terms = sortedTerms(p);
  const inFunctions = terms.every((t) => t.monomial.atoms.every((a) => a.kind !== 'variable'));
  const ordered = inFunctions ? terms.reverse() : terms;
  if (ordered.length === 0 || Z.sign(ordered[0]!.coefficient) >= 0) return ordered;
  if (inOneVariable(terms)) return Z.sign(ordered[ordered.length - 1]!.coefficient) > 0 ? ordered.reverse() : ordered;
  return [...ordered.filter((t) => Z.sign(t.coefficient) >= 0), ...ordered.filter((t) => Z.sign(t.coefficient) < 0)];
}

/** Whether the terms are powers of one variable and numbers: x³ − 2x + 1, not y³ + y − 5x²y. */
function inOneVariable(terms: readonly WrittenTerm[]): boolean {
  let variable: Expr | undefined;
  for (const { monomial } of terms) {
    for (const atom of monomial.atoms) {
      if (atom.kind !== 'variable' || (variable !== undefined && atom !== variable)) return false;
      variable = atom;
    }
  }
  return true;
}

/** Whether p is written with a minus sign first: all its terms are negative. */
export const writtenNegative = (p: Poly): boolean => p.coefficients.length > 0 && p.coefficients.every((c) => Z.sign(c) < 0);

/** A polynomial over a whole denominator, written out term by term. */
export function polyExpr(p: Poly, denominator: Int = 1): Expr {
  if (p.monomials.length === 0) return int(0);
  return add(writingOrder(p).map((t) => {
    checkLimits();
    return termExpr(denominator === 1 ? { n: t.coefficient, d: 1 } : ratioIn(t.coefficient, denominator), t.monomial);
  }));
}

function ratioIn(n: Int, d: Int): Ratio {
  const g = Z.gcd(n, d);
  return { n: Z.divExact(n, g), d: Z.divExact(d, g) };
}
