import type { Expr } from '../expr/types.js';
import { int } from '../expr/factory.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';
import { atomMonomial, divideMonomials, multiplyMonomials, unitMonomial, type Monomial } from './monomial.js';
import { mulRatio, powRatio, ratioOf, rootRatio, type Ratio } from './ratio.js';

/*
 * Roots of numbers in the normal form: a rational power of a whole number that has no rational
 * value is an atom of the monomial, 2^(1/2) written √2, and a power of it that is whole again
 * goes back into the coefficient.
 */

/**
 * c^(num/den) as a rational number times roots of whole numbers kept as atoms of the monomial
 * (√12 is 2·2^(1/2), written 2√2), or undefined for an even root of a negative number.
 */
export function numberPower(c: Ratio, num: number, den: number): { coefficient: Ratio; monomial: Monomial } | undefined {
  const exact = rootRatio(c, num, den);
  if (exact) return { coefficient: exact, monomial: unitMonomial() };
  const negative = Z.sign(c.n) < 0;
  if (negative && den % 2 === 0) return undefined;
  const split = (whole: Int): [Int, Int] => {
    const k = largestRootOfContent(whole, den);
    return [k, Z.divExact(whole, Z.power(k, den))];
  };
  const [kn, rn] = split(Z.abs(c.n));
  const [kd, rd] = split(c.d);
  let coefficient = powRatio(ratioOf(kn, kd), num);
  if (negative && num % 2 !== 0) coefficient = { n: Z.neg(coefficient.n), d: coefficient.d };
  let monomial = unitMonomial();
  if (rn !== 1) monomial = multiplyMonomials(monomial, atomMonomial(integerAtom(rn), num, den));
  if (rd !== 1) monomial = multiplyMonomials(monomial, atomMonomial(integerAtom(rd), -num, den));
  return foldNumbers(coefficient, monomial);
}

const integerAtom = (n: Int): Expr => int(Z.toBig(n));

/** Roots of numbers whose powers have become whole, or more than whole, folded into the coefficient: √2·√2 is 2, 2^(3/2) is 2·√2. */
export function foldNumbers(coefficient: Ratio, monomial: Monomial): { coefficient: Ratio; monomial: Monomial } {
  let c = coefficient;
  let m = monomial;
  for (let i = 0; i < monomial.atoms.length; i++) {
    const atom = monomial.atoms[i]!;
    if (atom.kind !== 'num') continue;
    const n = monomial.nums[i]!;
    const d = monomial.dens ? monomial.dens[i]! : 1;
    const whole = Z.divRem(n, d)[0];
    if (Z.isZero(whole) || typeof whole !== 'number') continue;
    const value = ratioOf(Z.fromBig(atom.value.n), Z.fromBig(atom.value.d));
    c = mulRatio(c, powRatio(value, whole));
    m = divideMonomials(m, atomMonomial(atom, whole));
  }
  return withRootsCancelled(c, m);
}

/**
 * A whole number's root below the bar cancels against that number above it: 2/√2 is √2, 6/√3
 * is 2√3 (c·p^(−q) = (c/p)·p^(1 − q) while p divides c), so those are one normal form.
 */
function withRootsCancelled(coefficient: Ratio, monomial: Monomial): { coefficient: Ratio; monomial: Monomial } {
  let c = coefficient;
  let m = monomial;
  for (let i = 0; i < monomial.atoms.length; i++) {
    const atom = monomial.atoms[i]!;
    const n = monomial.nums[i]!;
    if (atom.kind !== 'num' || atom.value.d !== 1n || Z.sign(n) >= 0) continue;
    const p = Z.fromBig(atom.value.n);
    const [q, r] = Z.divRem(c.n, p);
    if (!Z.isZero(r)) continue;
    // −1 < n/d < 0 here (whole powers are folded above): p^(n/d)·p = p^((n + d)/d), a root above the bar.
    c = { n: q, d: c.d };
    m = multiplyMonomials(m, atomMonomial(atom, 1));
  }
  return { coefficient: c, monomial: m };
}

export const hasNumberAtom = (m: Monomial): boolean => m.atoms.some((a) => a.kind === 'num');

/** The largest whole k (found by trial division by primes below 1000) with k^n dividing c > 0. */
export function largestRootOfContent(c: Int, n: number): Int {
  let rest = c;
  let k: Int = 1;
  for (let prime = 2; prime < 1000 && Z.compare(rest, 1) > 0; prime += prime === 2 ? 1 : 2) {
    if (!isPrime(prime)) continue;
    let count = 0;
    for (;;) {
      const [q, r] = Z.divRem(rest, prime);
      if (!Z.isZero(r)) break;
      rest = q;
      count++;
    }
    if (count >= n) k = Z.mul(k, Z.power(prime, Math.floor(count / n)));
  }
  const root = Z.exactRoot(rest, n);
  return root === undefined ? k : Z.mul(k, root);
}

function isPrime(n: number): boolean {
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return n >= 2;
}
