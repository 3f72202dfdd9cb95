import Fraction from 'fraction.js';
import type { Expr, Rational } from '../expr/types.js';
import { foldParts } from '../expr/fold.js';
import { isInteger, isOne, powerTooLong } from '../expr/rational.js';
import { call } from '../expr/factory.js';
import { functionTable } from '../functions/table.js';
import { isNonNegative } from './nonnegative.js';
import {
  addInto, addPolynomials, atomPolynomial, constantPolynomial, constantValue, multiplyPolynomials, proportion, samePolynomial, scale,
  type Polynomial, type Term,
} from './polynomial.js';

/** A quotient of polynomials over atoms, the normal form of an algebraic expression. */
export interface RationalFunction {
  readonly numerator: Polynomial;
  readonly denominator: Polynomial;
}

/** Expansions past this many terms are not done: the parts stay as they are, as atoms. */
const maxExpansionTerms = 400;

const one = new Fraction(1);
/** p/1. */
export const fromPolynomial = (p: Polynomial): RationalFunction => ({ numerator: p, denominator: constantPolynomial(one) });

/**
 * Every rational function worked out, by node: trees are immutable, so a part's normal form
 * is found once however many sums and products it is part of (the simplifier asks at every
 * level, and σ⁽ⁿ⁾ asks again for what the order before produced).
 */
const known = new WeakMap<Expr, RationalFunction>();

/** Records the rational function an expression was written from, so it is not worked out again. */
export function remember(e: Expr, r: RationalFunction): Expr {
  known.set(e, r);
  return e;
}

/**
 * The rational function of an expression: sums, products, quotients and integer powers
 * are worked out; everything else is an atom. Parts first, without recursion.
 */
export function toRationalFunction(root: Expr): RationalFunction {
  return foldParts(root, algebraicParts, rationalFunctionOf, known);
}

/** The parts a rational function is worked out from: not the arguments of functions, which are atoms. */
export function algebraicParts(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'add': return e.terms;
    case 'neg': return [e.operand];
    case 'mul': return e.factors;
    case 'div': return [e.numerator, e.denominator];
    case 'pow': return e.exponent.kind === 'num' ? [e.base] : [];
    case 'call': return rootIndex(e) === undefined ? [] : e.args;
    default: return [];
  }
}

function rationalFunctionOf(e: Expr, toRationalFunction: (part: Expr) => RationalFunction): RationalFunction {
  switch (e.kind) {
    case 'num': return fromPolynomial(constantPolynomial(e.value));
    case 'add': {
      // Terms over no denominator go into one accumulator, so a long sum is linear, not quadratic.
      const whole = new Map<string, Term>();
      const fractions: RationalFunction[] = [];
      for (const part of e.terms.map(toRationalFunction)) {
        if (constantValue(part.denominator)?.equals(1) === true) addInto(whole, part.numerator);
        else fractions.push(part);
      }
      let sum = fromPolynomial(whole);
      for (const part of fractions) {
        // Over unlike denominators the sizes multiply: too big, and the sum stays whole, as an atom.
        if (!samePolynomial(sum.denominator, part.denominator)
          && sizeOfSum(sum, part) > maxExpansionTerms) return atom(e);
        sum = addRational(sum, part);
      }
      return sum;
    }
    case 'neg': {
      const r = toRationalFunction(e.operand);
      return { numerator: scale(r.numerator, one.neg()), denominator: r.denominator };
    }
    case 'mul': {
      const parts = e.factors.map(toRationalFunction);
      const terms = parts.reduce((p, r) => p * Math.max(1, r.numerator.size) * Math.max(1, r.denominator.size), 1);
      // Too big to expand: the sums stay whole, as atoms.
      if (terms > maxExpansionTerms) return e.factors.map((f) => (isMonomialLike(f) ? toRationalFunction(f) : atom(f))).reduce(multiplyRational);
      return parts.reduce(multiplyRational);
    }
    case 'div': {
      const n = toRationalFunction(e.numerator);
      const d = toRationalFunction(e.denominator);
      if (d.numerator.size === 0) return atom(e);
      if (n.numerator.size * d.denominator.size > maxExpansionTerms || n.denominator.size * d.numerator.size > maxExpansionTerms) return atom(e);
      return multiplyRational(n, { numerator: d.denominator, denominator: d.numerator });
    }
    case 'call': {
      // √u and ∛u are u^(1/2) and u^(1/3), so that √x·∛x is x^(5/6).
      const index = rootIndex(e);
      return index === undefined ? atom(e) : fractionalPower(toRationalFunction(e.args[0]!), new Fraction(1, index), e);
    }
    case 'pow': {
      if (e.exponent.kind !== 'num') return atom(e);
      const exponent = e.exponent.value;
      const base = toRationalFunction(e.base);
      if (!isInteger(exponent)) return fractionalPower(base, exponent, e);
      // As a number only to compare: past 2^1024 it is Infinity, and the exponent itself stays exact.
      const n = Number(exponent.s * exponent.n);
      const magnitude = new Fraction(exponent.n);
      // A power of one atom is one monomial at any exponent: x^1001/x^1000 is x.
      const single = singleAtom(base);
      if (single && Math.abs(n) > 12) {
        const power = atomPolynomial(single[0], single[1].mul(magnitude));
        return n > 0 ? fromPolynomial(power) : { numerator: constantPolynomial(new Fraction(1)), denominator: power };
      }
      const size = Math.max(base.numerator.size, base.denominator.size);
      // A sum to a high power is not expanded: it is a power of the sum as one atom, so that
      // (x + 1)^1001/(x + 1)^1000 is still x + 1.
      if (size > 1 && (Math.abs(n) > 12 || size ** Math.abs(n) > maxExpansionTerms)) {
        const power = atomPolynomial(e.base, magnitude);
        return n > 0 ? fromPolynomial(power) : { numerator: constantPolynomial(new Fraction(1)), denominator: power };
      }
      if (Math.abs(n) > 1000) return atom(e);
      // A number to a power past the digits kept exactly stays a power: (10⁹⁹⁹)¹⁰⁰⁰.
      const number = constantValue(base.numerator);
      const below = constantValue(base.denominator);
      if (number && below && below.n !== 0n && powerTooLong(number.div(below), exponent.s * exponent.n)) return atom(e);
      return powerRational(base, n, e);
    }
    default: return atom(e);
  }
}

const atom = (e: Expr): RationalFunction => fromPolynomial(atomPolynomial(e));

/** n for the n-th root functions (√ is 2, ∛ is 3). */
const rootIndex = (e: Expr & { kind: 'call' }): number | undefined => (e.args.length === 1 ? functionTable[e.name].root : undefined);

/**
 * A fractional power of a rational function: only of a single atom to a power, and keeping
 * the real domain. (u^a)^b is u^(ab) where a has an odd numerator (u^a takes u's sign,
 * (∛x)^(1/2) is x^(1/6), both undefined below 0); with an even numerator u^a is |u|^a, so
 * (x²)^(1/4) is |x|^(1/2), not √x, which is undefined for x < 0.
 */
function fractionalPower(base: RationalFunction, exponent: Rational, original: Expr): RationalFunction {
  const single = singleAtom(base);
  if (!single) return atom(original);
  const [part, power] = single;
  const evenPower = power.n % 2n === 0n;
  return fromPolynomial(atomPolynomial(evenPower && !isNonNegative(part) ? call('abs', [part]) : part, power.mul(exponent)));
}
const isMonomialLike = (e: Expr): boolean => e.kind !== 'add';

/** The atom and exponent, if a rational function is one atom to a power (coefficient 1). */
function singleAtom(r: RationalFunction): readonly [Expr, Rational] | undefined {
  if (constantValue(r.denominator)?.equals(1) !== true || r.numerator.size !== 1) return undefined;
  const t = [...r.numerator.values()][0]!;
  return isOne(t.coefficient) && t.monomial.factors.length === 1 ? t.monomial.factors[0] : undefined;
}

function addRational(a: RationalFunction, b: RationalFunction): RationalFunction {
  if (samePolynomial(a.denominator, b.denominator)) return { numerator: addPolynomials(a.numerator, b.numerator), denominator: a.denominator };
  // Denominators that differ by a number, 1 + x² and −x² − 1: over one of them.
  const c = proportion(b.denominator, a.denominator);
  if (c !== undefined) return { numerator: addPolynomials(a.numerator, scale(b.numerator, new Fraction(1).div(c))), denominator: a.denominator };
  return {
    numerator: addPolynomials(multiplyPolynomials(a.numerator, b.denominator), multiplyPolynomials(b.numerator, a.denominator)),
    denominator: multiplyPolynomials(a.denominator, b.denominator),
  };
}

/** At most how many terms a + b over unlike denominators has, numerator and denominator. */
const sizeOfSum = (a: RationalFunction, b: RationalFunction): number => Math.max(
  a.numerator.size * b.denominator.size + b.numerator.size * a.denominator.size,
  a.denominator.size * b.denominator.size,
);

function multiplyRational(a: RationalFunction, b: RationalFunction): RationalFunction {
  return { numerator: multiplyPolynomials(a.numerator, b.numerator), denominator: multiplyPolynomials(a.denominator, b.denominator) };
}

function powerRational(r: RationalFunction, n: number, original: Expr): RationalFunction {
  const single = singleAtom(r);
  if (single) return fromPolynomial(atomPolynomial(single[0], single[1].mul(n)));
  // 0 to a negative power is undefined: it stays as written.
  if (r.numerator.size === 0 && n < 0) return atom(original);
  let result: RationalFunction = fromPolynomial(constantPolynomial(one));
  const base = n < 0 ? { numerator: r.denominator, denominator: r.numerator } : r;
  for (let i = 0; i < Math.abs(n); i++) result = multiplyRational(result, base);
  return result;
}
