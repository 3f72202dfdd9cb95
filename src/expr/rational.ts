import Fraction from 'fraction.js';
import type { Rational } from './types.js';

/** Exact rational helpers over fraction.js (BigInt numerator and denominator). */

/**
 * Whole numbers from −wholesKept to wholesKept, each made once: fraction.js values are never
 * changed (each operation makes a new one), so one value serves everywhere, and exponents and
 * small coefficients, met all the time, are not made and reduced again each time.
 */
const wholesKept = 64;
const wholes: readonly Rational[] = Array.from({ length: 2 * wholesKept + 1 }, (_, i) => new Fraction(BigInt(i - wholesKept), 1n));

export function rational(numerator: bigint | number, denominator: bigint | number = 1n): Rational {
  if (denominator === 1n || denominator === 1) {
    const whole = typeof numerator === 'number' ? numerator : numerator >= -wholesKept && numerator <= wholesKept ? Number(numerator) : undefined;
    if (whole !== undefined && Number.isInteger(whole) && whole >= -wholesKept && whole <= wholesKept) return wholes[whole + wholesKept]!;
  }
  return new Fraction(BigInt(numerator), BigInt(denominator));
}

const wholeDigits = /^\d+$/;

/** Reads a decimal literal such as `0.5`, `.5` or `1.5e-3` exactly. */
export function parseDecimal(literal: string): Rational {
  // Most literals are whole numbers of a few digits, exact as a double: read without the pattern.
  if (literal.length <= 15 && wholeDigits.test(literal)) return rational(Number(literal));
  const match = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!match) throw new Error(`not a decimal literal: ${literal}`);
  const [, whole = '', fractional = '', exponentText = '0'] = match;
  const digits = BigInt((whole + fractional) || '0');
  const exponent = BigInt(exponentText) - BigInt(fractional.length);
  return exponent >= 0n
    ? new Fraction(digits * 10n ** exponent, 1n)
    : new Fraction(digits, 10n ** -exponent);
}

export const isInteger = (q: Rational): boolean => q.d === 1n;
export const isZero = (q: Rational): boolean => q.n === 0n;
export const isOne = (q: Rational): boolean => q.n === 1n && q.d === 1n && q.s === 1n;
export const isNegative = (q: Rational): boolean => q.s < 0n && q.n !== 0n;

/** True when q has a finite decimal expansion (its denominator is 2^a·5^b). */
export function isTerminating(q: Rational): boolean {
  const { rest } = twosAndFives(q.d);
  return rest === 1n;
}

/**
 * d = 2^twos · 5^fives · rest. Powers are taken out many at a time (2 by its bits, 5 by squaring
 * the divisor), so a denominator of 10^100000 takes milliseconds, not one division per digit.
 */
function twosAndFives(d: bigint): { twos: bigint; fives: bigint; rest: bigint } {
  if (d === 0n) return { twos: 0n, fives: 0n, rest: 0n };
  const lowBit = d & -d;
  const twos = BigInt(lowBit.toString(2).length - 1);
  let rest = d >> twos;
  let fives = 0n;
  while (rest % 5n === 0n) {
    // Divide by 5, 25, 625, … while each divides, then start again from 5.
    let power = 5n;
    let count = 1n;
    while (rest % power === 0n) {
      rest /= power;
      fives += count;
      power *= power;
      count *= 2n;
    }
  }
  return { twos, fives, rest };
}

/** Exact decimal digits of a terminating rational, e.g. 1/8 → "0.125". */
export function toDecimalString(q: Rational): string {
  const { twos, fives, rest } = twosAndFives(q.d);
  if (rest !== 1n) throw new Error('not a terminating decimal');
  // n/(2^a·5^b) = n·2^(s−a)·5^(s−b)/10^s with s = max(a, b).
  const scaleBig = twos > fives ? twos : fives;
  const n = q.n * 2n ** (scaleBig - twos) * 5n ** (scaleBig - fives);
  const scale = Number(scaleBig);
  const digits = n.toString().padStart(scale + 1, '0');
  const point = digits.length - scale;
  const text = scale === 0 ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (isNegative(q) ? '-' : '') + text;
}

/**
 * About how many digits a power of a number may have and still be worked out exactly: past it
 * (1.599999999999999999^1000 has 19,000) the power stays a power.
 */
const maxPowerDigits = 5000;

/** The digits of a rational's larger part, numerator or denominator: 22/7 has 2. */
export const digitsOf = (q: Rational): number => Math.max(q.n.toString().length, q.d.toString().length);

/** Whether q^n would have more digits than maxPowerDigits: about |n| times the digits of q's larger part. */
export function powerTooLong(q: Rational, n: bigint): boolean {
  return (n < 0n ? -n : n) * BigInt(digitsOf(q)) > BigInt(maxPowerDigits) && !(q.n === 1n && q.d === 1n);
}

/** Power with an integer exponent, exact; undefined for 0 to a negative power. */
export function powInteger(base: Rational, exponent: bigint): Rational | undefined {
  if (exponent < 0n && isZero(base)) return undefined;
  let result = new Fraction(1n);
  let b = exponent < 0n ? base.inverse() : base;
  let e = exponent < 0n ? -exponent : exponent;
  while (e > 0n) {
    if (e & 1n) result = result.mul(b);
    b = b.mul(b);
    e >>= 1n;
  }
  return result;
}

/**
 * The nearest double to q (to within a unit or two in the last place). Numerator and denominator
 * may each be far past the double range while their quotient is not: 1.5^1000 is 3^1000/2^1000,
 * about 10^176, though 3^1000 alone is no double. So each is cut to its leading 64 bits first.
 */
export function toNumber(q: Rational): number {
  const bits = (n: bigint): number => n.toString(2).length;
  const [n, d] = [q.n, q.d];
  if (n === 0n) return 0;
  const [bn, bd] = [bits(n), bits(d)];
  if (bn <= 1000 && bd <= 1000) return q.valueOf();
  const leading = (m: bigint, b: number): number => Number(b > 64 ? m >> BigInt(b - 64) : m << BigInt(64 - b));
  // n/d = (lead(n)·2^(bn − 64)) / (lead(d)·2^(bd − 64)) = lead(n)/lead(d) · 2^(bn − bd)
  const sign = q.s < 0n ? -1 : 1;
  return sign * scaleByPowerOfTwo(leading(n, bn) / leading(d, bd), bn - bd);
}

/** m·2^e without overflowing on the way where the result fits. */
function scaleByPowerOfTwo(m: number, e: number): number {
  let result = m;
  let rest = e;
  while (rest > 1000) {
    result *= 2 ** 1000;
    rest -= 1000;
  }
  while (rest < -1000) {
    result *= 2 ** -1000;
    rest += 1000;
  }
  return result * 2 ** rest;
}
