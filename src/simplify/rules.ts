import type { Expr, Mul, Rational } from '../expr/types.js';
import { add, div, int, mul, neg, num, pow } from '../expr/factory.js';
import { isInteger, isNegative, isOne, isZero, powInteger, powerTooLong } from '../expr/rational.js';
import Fraction from 'fraction.js';
import { equals, postOrder, variablesOf } from '../expr/traverse.js';
import { isNonNegative } from '../algebra/nonnegative.js';
import { isNegativeLooking, negatedSum } from '../expr/sign.js';
import { rule, type AnyRewriteRule } from './rewrite.js';

const isNum = (e: Expr): e is Expr & { kind: 'num' } => e.kind === 'num';
/** Whether a tree without variables is above 0 as its form shows: π, 2π, e^π, each part ≥ 0 and no 0 among its numbers; not 0^0.1. */
const surelyPositiveConstant = (e: Expr): boolean => isNonNegative(e) && !postOrder(e).some((n) => n.kind === 'num' && isZero(n.value));

const isZeroNum = (e: Expr): boolean => isNum(e) && isZero(e.value);
const isOneNum = (e: Expr): boolean => isNum(e) && isOne(e.value);
const isMinusOneNum = (e: Expr): boolean => isNum(e) && isOne(e.value.neg());

const areOpposite = (a: Expr, b: Expr): boolean =>
  (a.kind === 'neg' && equals(a.operand, b)) || (b.kind === 'neg' && equals(b.operand, a));

/** Whether a product has no minus sign and at most one number, first, neither 1 nor −1 (most products): found without making lists. */
function coefficientSettled(e: Mul): boolean {
  for (let i = 0; i < e.factors.length; i++) {
    const f = e.factors[i]!;
    if (f.kind === 'neg' || (f.kind === 'num' && (i > 0 || isOne(f.value.abs())))) return false;
  }
  return true;
}

/** Largest exponent folded into a number, so 2^100000 stays a power. */
const maxFoldedExponent = 1000n;

/**
 * Tidying rules: each rewrites one kind of node locally (flatten, fold numbers, drop 0 and 1,
 * move signs), making the tree smaller or moving it toward one normal form.
 */
export const tidyRules: readonly AnyRewriteRule[] = [
  rule('add', 'flatten-sum', (e) => (e.terms.some((t) => t.kind === 'add')
    ? add(e.terms.flatMap((t) => (t.kind === 'add' ? t.terms : [t])))
    : undefined)),
  // 2 + x + 3 → 5 + x, x + 0 → x: the total takes the place of the first number
  rule('add', 'add-numbers', (e) => {
    const numbers = e.terms.filter(isNum);
    if (numbers.length === 0 || (numbers.length === 1 && !isZeroNum(numbers[0]!))) return undefined;
    const total = numbers.reduce<Rational>((s, n) => s.add(n.value), new Fraction(0));
    const first = e.terms.indexOf(numbers[0]!);
    const decimal = numbers.some((n) => n.decimal);
    const terms = e.terms.flatMap((t, i) => (i === first && !isZero(total) ? [num(total, decimal)] : isNum(t) ? [] : [t]));
    return add(terms);
  }),
  // u + v − u → v: a term and its negation cancel
  rule('add', 'cancel-opposite-terms', (e) => {
    // Terms by their hash, so a long sum is searched once, not once per term.
    const byHash = new Map<number, number[]>();
    e.terms.forEach((t, i) => {
      const at = byHash.get(t.hash);
      if (at) at.push(i);
      else byHash.set(t.hash, [i]);
    });
    for (let i = 0; i < e.terms.length; i++) {
      const t = e.terms[i]!;
      if (t.kind !== 'neg') continue;
      const j = byHash.get(t.operand.hash)?.find((k) => k !== i && areOpposite(t, e.terms[k]!));
      if (j !== undefined) return add(e.terms.filter((_, k) => k !== i && k !== j));
    }
    return undefined;
  }),
  rule('mul', 'flatten-product', (e) => (e.factors.some((f) => f.kind === 'mul')
    ? mul(e.factors.flatMap((f) => (f.kind === 'mul' ? f.factors : [f])))
    : undefined)),
  // 0·u → 0
  rule('mul', 'multiply-by-zero', (e) => (e.factors.some(isZeroNum) ? int(0) : undefined)),
  // u·3·(−v)·2 → −6·u·v; 1·u → u; (−1)·u → −u
  rule('mul', 'collect-coefficient', (e) => {
    if (coefficientSettled(e)) return undefined;
    const numbers = e.factors.filter(isNum);
    const negations = e.factors.filter((f) => f.kind === 'neg').length;
    let coefficient = numbers.reduce<Rational>((p, n) => p.mul(n.value), new Fraction(1));
    if (negations % 2 === 1) coefficient = coefficient.neg();
    const decimal = numbers.some((n) => n.decimal);
    const others = e.factors.filter((f) => !isNum(f)).map((f) => (f.kind === 'neg' ? f.operand : f));
    if (isZero(coefficient)) return int(0);
    if (isOne(coefficient)) return mul(others);
    if (isOne(coefficient.neg())) return neg(mul(others));
    return mul([num(coefficient, decimal), ...others]);
  }),
  // a·(1/b)·c → (a·c)/b, a·(−1/b) → −a/b
  rule('mul', 'multiply-by-reciprocal', (e) => {
    const at = e.factors.findIndex((f) => f.kind === 'div' && (isOneNum(f.numerator) || isMinusOneNum(f.numerator)));
    if (at < 0) return undefined;
    const reciprocal = e.factors[at] as Expr & { kind: 'div' };
    const quotient = div(mul(e.factors.filter((_, i) => i !== at)), reciprocal.denominator);
    return isOneNum(reciprocal.numerator) ? quotient : neg(quotient);
  }),
  // u/u → 1 (u not a number: a numeric quotient is already a number)
  rule('div', 'divide-by-itself', (e) => (e.numerator.kind !== 'num' && equals(e.numerator, e.denominator) ? int(1) : undefined)),
  // −(a − b) → b − a, −(a − b − c)/d → (b + c − a)/d: a sign in front of a sum, or of a quotient of
  // one, goes into the sum when that leaves fewer minus signs
  rule('neg', 'negate-sum', (e) => {
    const quotient = e.operand.kind === 'div' ? e.operand : undefined;
    const sum = quotient ? quotient.numerator : e.operand;
    if (sum.kind !== 'add') return undefined;
    const negatedSum = withFewerMinusSigns(sum);
    if (negatedSum === undefined) return undefined;
    return quotient ? div(negatedSum, quotient.denominator) : negatedSum;
  }),
  // −2·(−u − v) → 2·(u + v), −4·(−3u + v) → 4·(3u − v): likewise the sign of a negative number
  // in front of a sum, where the sum has more minus signs, or as many and one in front
  rule('mul', 'negate-sum', (e) => {
    const [first] = e.factors;
    if (first!.kind !== 'num' || first!.value.s >= 0n) return undefined;
    const sums = e.factors.filter((f) => f.kind === 'add');
    const sum = sums.length === 1 ? sums[0] as Expr & { kind: 'add' } : undefined;
    const negatedSum = sum && withFewerMinusSigns(sum, isNegativeLooking(sum.terms[0]!));
    if (negatedSum === undefined) return undefined;
    const rest = e.factors.slice(1).map((f) => (f === sums[0] ? negatedSum : f));
    return isOne(first!.value.neg()) ? mul(rest) : mul([num(first!.value.neg(), first!.decimal), ...rest]);
  }),
  rule('neg', 'double-negation', (e) => (e.operand.kind === 'neg' ? e.operand.operand : undefined)),
  // −(−2·x) is handled by the factory; −0 → 0 likewise. (−u)/v → −(u/v), u/(−v) → −(u/v)
  rule('div', 'sign-out-of-quotient', (e) => {
    if (e.numerator.kind === 'neg') return neg(div(e.numerator.operand, e.denominator));
    if (e.denominator.kind === 'neg') return neg(div(e.numerator, e.denominator.operand));
    return undefined;
  }),
  // 2x/2 → x/1, 4x/6 → 2x/3: a leading integer and an integer denominator lose their common factor
  rule('div', 'reduce-numeric-fraction', (e) => {
    if (!isNum(e.denominator) || !isInteger(e.denominator.value) || isZero(e.denominator.value)) return undefined;
    const numerator = e.numerator;
    const lead = numerator.kind === 'mul' ? numerator.factors[0]! : numerator;
    if (!isNum(lead) || !isInteger(lead.value) || isZero(lead.value)) return undefined;
    const common = lead.value.gcd(e.denominator.value);
    if (isOne(common)) return undefined;
    const reduced = num(lead.value.div(common), lead.decimal);
    const top = numerator.kind === 'mul' ? mul([reduced, ...numerator.factors.slice(1)]) : reduced;
    return div(top, num(e.denominator.value.div(common), e.denominator.decimal));
  }),
  rule('div', 'divide-by-one', (e) => (isOneNum(e.denominator) ? e.numerator : undefined)),
  // 0/u → 0 (u not itself 0)
  rule('div', 'zero-numerator', (e) => (isZeroNum(e.numerator) && !isZeroNum(e.denominator) ? int(0) : undefined)),
  rule('pow', 'power-of-zero', (e) => (isZeroNum(e.exponent) ? int(1) : undefined)),
  rule('pow', 'power-of-one', (e) => (isOneNum(e.exponent) ? e.base : undefined)),
  rule('pow', 'one-to-a-power', (e) => (isOneNum(e.base) ? int(1) : undefined)),
  // 0^u → 0: zero wherever it is defined (u > 0), and 0^q for a number q > 0 (0^0.1). An exponent
  // without a variable is a number, which may be 0: 0^(0^0.1) is 0^0 = 1, not 0.
  rule('pow', 'zero-to-a-power', (e) => {
    if (!isZeroNum(e.base)) return undefined;
    if (isNum(e.exponent)) return e.exponent.value.s > 0n && !isZero(e.exponent.value) ? int(0) : undefined;
    return variablesOf(e.exponent).length > 0 || surelyPositiveConstant(e.exponent) ? int(0) : undefined;
  }),
  // 2^3 → 8, (1/2)^2 → 1/4, exactly, for modest integer exponents; (−1)^n → ±1 for any n
  rule('pow', 'fold-power', (e) => {
    if (!isNum(e.base) || !isNum(e.exponent) || !isInteger(e.exponent.value)) return undefined;
    const n = e.exponent.value.s * e.exponent.value.n;
    if (isOne(e.base.value.neg())) return int(n % 2n === 0n ? 1 : -1);
    if (n > maxFoldedExponent || n < -maxFoldedExponent || powerTooLong(e.base.value, n)) {
      // Too large to write out: the sign comes out, (−4)^2500 = 4^2500.
      if (!isNegative(e.base.value)) return undefined;
      const positive = pow(num(e.base.value.neg(), e.base.decimal), e.exponent);
      return n % 2n === 0n ? positive : neg(positive);
    }
    const value = powInteger(e.base.value, n);
    return value && num(value, e.base.decimal);
  }),
  // (u^a)^b → u^(a·b) for integer b, which holds for every real u
  rule('pow', 'power-of-power', (e) => {
    if (e.base.kind !== 'pow' || !isNum(e.exponent) || !isInteger(e.exponent.value)) return undefined;
    const inner = e.base.exponent;
    if (!isNum(inner) || !isInteger(inner.value)) return undefined;
    return pow(e.base.base, num(inner.value.mul(e.exponent.value)));
  }),
];

/**
 * A sum negated, its positive terms first, where it has more minus signs than plus signs, or as
 * many and `evenWhenAsMany`: −(a − b) is b − a.
 */
function withFewerMinusSigns(sum: Expr & { kind: 'add' }, evenWhenAsMany = true): Expr | undefined {
  const negative = sum.terms.filter(isNegativeLooking).length;
  const positive = sum.terms.length - negative;
  return negative > positive || (negative === positive && evenWhenAsMany) ? negatedSum(sum.terms) : undefined;
}
