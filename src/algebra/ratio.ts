import type { Rational } from '../expr/types.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';
import { rational } from '../expr/rational.js';

/*
 * Rational numbers for the algebra's coefficients: a whole numerator and a positive denominator
 * in lowest terms, each an Int (a machine number while it fits). Trees keep fraction.js values
 * (see expr/rational.ts); the two meet only where a number goes into the algebra or comes out.
 */

export interface Ratio {
  readonly n: Int;
  readonly d: Int;
}

export const ratioOf = (n: Int, d: Int = 1): Ratio => {
  if (d === 1) return { n, d };
  const g = Z.gcd(n, d);
  const sign = Z.sign(d) < 0 ? -1 : 1;
  return { n: Z.divExact(sign < 0 ? Z.neg(n) : n, g), d: Z.divExact(Z.abs(d), g) };
};

export const zeroRatio: Ratio = { n: 0, d: 1 };
export const oneRatio: Ratio = { n: 1, d: 1 };

export const fromFraction = (q: Rational): Ratio => ({ n: Z.fromBig(q.s * q.n), d: Z.fromBig(q.d) });
export const toFraction = (q: Ratio): Rational => rational(q.n, q.d);

export const isZeroRatio = (q: Ratio): boolean => Z.isZero(q.n);
export const isOneRatio = (q: Ratio): boolean => q.n === 1 && q.d === 1;

export function mulRatio(a: Ratio, b: Ratio): Ratio {
  if (a.d === 1 && b.d === 1) return { n: Z.mul(a.n, b.n), d: 1 };
  // Cross-cancelled first, so no product needs reducing.
  const g1 = Z.gcd(a.n, b.d);
  const g2 = Z.gcd(b.n, a.d);
  const n = Z.mul(Z.divExact(a.n, g1 === 0 ? 1 : g1), Z.divExact(b.n, g2 === 0 ? 1 : g2));
  const d = Z.mul(Z.divExact(a.d, g2 === 0 ? 1 : g2), Z.divExact(b.d, g1 === 0 ? 1 : g1));
  return Z.isZero(n) ? zeroRatio : { n, d };
}


export const negRatio = (a: Ratio): Ratio => ({ n: Z.neg(a.n), d: a.d });

function inverseRatio(a: Ratio): Ratio {
  return Z.sign(a.n) < 0 ? { n: Z.neg(a.d), d: Z.neg(a.n) } : { n: a.d, d: a.n };
}


/** a^k for a whole k (a ≠ 0 when k < 0). */
export function powRatio(a: Ratio, k: number): Ratio {
  const base = k < 0 ? inverseRatio(a) : a;
  const m = Math.abs(k);
  return { n: Z.power(base.n, m), d: Z.power(base.d, m) };
}

/** a^(p/q) when it is rational (q ≥ 1), else undefined. */
export function rootRatio(a: Ratio, p: number, q: number): Ratio | undefined {
  const n = Z.exactRoot(a.n, q);
  const d = Z.exactRoot(a.d, q);
  return n === undefined || d === undefined ? undefined : powRatio({ n, d }, p);
}


/** The largest ratio dividing both into whole multiples: gcd of numerators over lcm of denominators. */
export function gcdRatio(a: Ratio, b: Ratio): Ratio {
  return { n: Z.gcd(a.n, b.n), d: Z.lcm(a.d, b.d) };
}
