/*
 * Whole numbers for the algebra: a machine number while it is a safe integer, a BigInt only past
 * 2⁵³ (as FLINT's fmpz keeps small values in a word). Every function returns a number for a value
 * that fits, so equal values are always the same type and `===` compares them. Arithmetic on
 * numbers is many times quicker than on BigInts, and nearly all coefficients are small.
 */

export type Int = number | bigint;

const maxSafe = Number.MAX_SAFE_INTEGER;
const maxSafeBig = BigInt(Number.MAX_SAFE_INTEGER);

/** A BigInt as an Int: a number when it fits. */
export function fromBig(n: bigint): Int {
  return n <= maxSafeBig && n >= -maxSafeBig ? Number(n) : n;
}

export const toBig = (a: Int): bigint => (typeof a === 'bigint' ? a : BigInt(a));

export function add(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (sum <= maxSafe && sum >= -maxSafe) return sum;
  }
  return fromBig(toBig(a) + toBig(b));
}

export function sub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const difference = a - b;
    if (difference <= maxSafe && difference >= -maxSafe) return difference;
  }
  return fromBig(toBig(a) - toBig(b));
}

export function mul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    // A product whose rounded value is a safe integer was exact: rounding never crosses 2⁵³.
    const product = a * b;
    if (product <= maxSafe && product >= -maxSafe) return product;
  }
  return fromBig(toBig(a) * toBig(b));
}

export const neg = (a: Int): Int => (typeof a === 'number' ? (a === 0 ? 0 : -a) : fromBig(-a));

/** a / b where b divides a exactly. */
export function divExact(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  return fromBig(toBig(a) / toBig(b));
}

/** The quotient rounded toward zero and the remainder with a's sign, as BigInt division gives them. */
export function divRem(a: Int, b: Int): [Int, Int] {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    return [(a - r) / b, r === 0 ? 0 : r];
  }
  const x = toBig(a);
  const y = toBig(b);
  return [fromBig(x / y), fromBig(x % y)];
}

export const sign = (a: Int): number => (typeof a === 'number' ? Math.sign(a) : a > 0n ? 1 : -1);
export const isZero = (a: Int): boolean => a === 0;
export const abs = (a: Int): Int => (sign(a) < 0 ? neg(a) : a);

export function compare(a: Int, b: Int): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = toBig(a);
  const y = toBig(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The greatest common divisor, ≥ 0. */
export function gcd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    let x = Math.abs(a);
    let y = Math.abs(b);
    while (y !== 0) {
      const r = x % y;
      x = y;
      y = r;
    }
    return x;
  }
  let x = toBig(a);
  let y = toBig(b);
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  while (y !== 0n) [x, y] = [y, x % y];
  return fromBig(x);
}

export const lcm = (a: Int, b: Int): Int => (isZero(a) || isZero(b) ? 0 : abs(mul(divExact(a, gcd(a, b)), b)));

/** a to a whole power n ≥ 0, by squaring. */
export function power(a: Int, n: number): Int {
  let result: Int = 1;
  let base = a;
  let k = n;
  while (k > 0) {
    if (k & 1) result = mul(result, base);
    k = Math.floor(k / 2);
    if (k > 0) base = mul(base, base);
  }
  return result;
}

/** How many bits |a| takes. */
function bitLength(a: Int): number {
  if (typeof a === 'number') return a === 0 ? 0 : Math.floor(Math.log2(Math.abs(a))) + 1;
  return (a < 0n ? -a : a).toString(2).length;
}

/** ⌊a^(1/n)⌋ for a ≥ 0 and n ≥ 1. */
export function floorRoot(a: Int, n: number): Int {
  if (n === 1 || a === 0 || a === 1) return a;
  if (typeof a === 'number' && a < 2 ** 50) {
    // The double's root is off by at most one either way at this size.
    let r = Math.floor(Math.pow(a, 1 / n));
    while (r > 0 && Math.pow(r, n) > a) r--;
    while (Math.pow(r + 1, n) <= a) r++;
    return r;
  }
  // Newton's method on BigInts from above (2^⌈bits/n⌉ is past the root) falls to ⌊root⌋.
  const target = toBig(a);
  const m = BigInt(n);
  let x = 1n << BigInt(Math.ceil(bitLength(a) / n));
  for (;;) {
    const next = ((m - 1n) * x + target / x ** (m - 1n)) / m;
    if (next >= x) break;
    x = next;
  }
  return fromBig(x);
}

/** The whole number r with r^n = a, if there is one (n ≥ 1; a ≥ 0 for even n). */
export function exactRoot(a: Int, n: number): Int | undefined {
  if (sign(a) < 0) {
    if (n % 2 === 0) return undefined;
    const root = exactRoot(neg(a), n);
    return root === undefined ? undefined : neg(root);
  }
  const r = floorRoot(a, n);
  return compare(power(r, n), a) === 0 ? r : undefined;
}
