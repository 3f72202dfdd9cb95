import { checkLimits } from '../errors.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';

/*
 * Dense recursive polynomials over the integers, the form the gcd and exact division work in (as
 * SymPy's dmp_* functions do): a polynomial in k variables is the list of its coefficients by
 * degree in the first (index = degree, no zero at the end), each a polynomial in the other k − 1;
 * a polynomial in no variables is an Int. `u` is the number of variables less one, as in SymPy.
 */

export type Dense = readonly (Dense | Int)[];
export type Coefficient = Dense | Int;


export const zeroAt = (u: number): Coefficient => (u < 0 ? 0 : []);

export function isZeroAt(f: Coefficient, u: number): boolean {
  return u < 0 ? f === 0 : (f as Dense).length === 0;
}

/** The polynomial c of level u (a constant c at level −1). */
export function constantAt(c: Int, u: number): Coefficient {
  if (u < 0) return c;
  if (Z.isZero(c)) return [];
  let f: Coefficient = c;
  for (let level = 0; level <= u; level++) f = [f];
  return f;
}

function strip(f: Coefficient[], u: number): Coefficient[] {
  let n = f.length;
  while (n > 0 && isZeroAt(f[n - 1]!, u - 1)) n--;
  return n === f.length ? f : f.slice(0, n);
}

export const degree = (f: Dense): number => f.length - 1;

function add(f: Coefficient, g: Coefficient, u: number): Coefficient {
  if (u < 0) return Z.add(f as Int, g as Int);
  const a = f as Dense;
  const b = g as Dense;
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Coefficient[] = [];
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (i >= a.length) out.push(b[i]!);
    else if (i >= b.length) out.push(a[i]!);
    else out.push(add(a[i]!, b[i]!, u - 1));
  }
  return strip(out, u);
}

export function neg(f: Coefficient, u: number): Coefficient {
  if (u < 0) return Z.neg(f as Int);
  return (f as Dense).map((c) => neg(c, u - 1));
}

export const sub = (f: Coefficient, g: Coefficient, u: number): Coefficient => add(f, neg(g, u), u);

export function mulGround(f: Coefficient, c: Int, u: number): Coefficient {
  if (u < 0) return Z.mul(f as Int, c);
  if (Z.isZero(c)) return [];
  return (f as Dense).map((k) => mulGround(k, c, u - 1));
}

/** f / c where c divides every integer coefficient of f. */
export function quoGround(f: Coefficient, c: Int, u: number): Coefficient {
  if (u < 0) return Z.divExact(f as Int, c);
  return (f as Dense).map((k) => quoGround(k, c, u - 1));
}

export function mul(f: Coefficient, g: Coefficient, u: number): Coefficient {
  if (u < 0) return Z.mul(f as Int, g as Int);
  const a = f as Dense;
  const b = g as Dense;
  if (a.length === 0 || b.length === 0) return [];
  if (u === 0) return mulNumbers(a as readonly Int[], b as readonly Int[]);
  const out: Coefficient[] = Array.from({ length: a.length + b.length - 1 }, () => zeroAt(u - 1));
  for (let i = 0; i < a.length; i++) {
    checkLimits();
    if (isZeroAt(a[i]!, u - 1)) continue;
    for (let j = 0; j < b.length; j++) {
      if (isZeroAt(b[j]!, u - 1)) continue;
      out[i + j] = add(out[i + j]!, mul(a[i]!, b[j]!, u - 1), u - 1);
    }
  }
  return strip(out, u);
}

/** The product of two polynomials in one variable, accumulated in place. */
function mulNumbers(a: readonly Int[], b: readonly Int[]): Int[] {
  const out: Int[] = new Array<Int>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai === 0) continue;
    for (let j = 0; j < b.length; j++) {
      const bj = b[j]!;
      if (bj !== 0) out[i + j] = Z.add(out[i + j]!, Z.mul(ai, bj));
    }
  }
  let n = out.length;
  while (n > 0 && out[n - 1] === 0) n--;
  out.length = n;
  return out;
}

/** f / g in one variable where g divides f exactly, else undefined: the remainder worked out in place. */
function divideNumbers(f: readonly Int[], g: readonly Int[]): Int[] | undefined {
  if (f.length < g.length) return f.length === 0 ? [] : undefined;
  const rest = [...f];
  const dg = g.length - 1;
  const lead = g[dg]!;
  const quotient: Int[] = new Array<Int>(f.length - dg).fill(0);
  for (let k = f.length - 1; k >= dg; k--) {
    const top = rest[k]!;
    if (top === 0) continue;
    const [q, r] = Z.divRem(top, lead);
    if (r !== 0) return undefined;
    quotient[k - dg] = q;
    for (let i = 0; i < dg; i++) {
      const gi = g[i]!;
      if (gi !== 0) rest[k - dg + i] = Z.sub(rest[k - dg + i]!, Z.mul(q, gi));
    }
    rest[k] = 0;
    if ((k & 63) === 0) checkLimits();
  }
  for (let i = 0; i < dg; i++) if (rest[i] !== 0) return undefined;
  return quotient;
}

/** The leading coefficient in the first variable. */
export const leading = (f: Dense): Coefficient => f[f.length - 1]!;

/** The integer coefficient at the very top: the leading coefficient's leading coefficient, down to a number. */
export function groundLeading(f: Coefficient, u: number): Int {
  let c = f;
  for (let level = u; level >= 0; level--) c = leading(c as Dense);
  return c as Int;
}

/** The largest |coefficient|. */
export function maxNorm(f: Coefficient, u: number): Int {
  if (u < 0) return Z.abs(f as Int);
  let best: Int = 0;
  for (const c of f as Dense) {
    const n = maxNorm(c, u - 1);
    if (Z.compare(n, best) > 0) best = n;
  }
  return best;
}

/** The gcd of the integer coefficients (≥ 0). */
export function groundContent(f: Coefficient, u: number): Int {
  if (u < 0) return Z.abs(f as Int);
  let g: Int = 0;
  for (const c of f as Dense) {
    g = Z.gcd(g, groundContent(c, u - 1));
    if (g === 1) break;
  }
  return g;
}

/** f with its first variable set to the integer x: a polynomial of level u − 1. */
export function evaluate(f: Dense, x: Int, u: number): Coefficient {
  let result: Coefficient = zeroAt(u - 1);
  for (let i = f.length - 1; i >= 0; i--) result = add(mulGround(result, x, u - 1), f[i]!, u - 1);
  return result;
}

/**
 * f / g when g divides f exactly over the integers (g ≠ 0), else undefined. Leading terms are
 * divided, the first variable first, so an inexact step shows at once.
 */
export function divideExactly(f: Coefficient, g: Coefficient, u: number): Coefficient | undefined {
  if (u < 0) {
    const [q, r] = Z.divRem(f as Int, g as Int);
    return Z.isZero(r) ? q : undefined;
  }
  if (u === 0) return divideNumbers(f as readonly Int[], g as readonly Int[]);
  let rest = f as Dense;
  const divisor = g as Dense;
  if (rest.length === 0) return [];
  if (rest.length < divisor.length) return undefined;
  const quotient: Coefficient[] = Array.from({ length: rest.length - divisor.length + 1 }, () => zeroAt(u - 1));
  const lead = leading(divisor);
  while (rest.length >= divisor.length) {
    checkLimits();
    const shift = rest.length - divisor.length;
    const q = divideExactly(leading(rest), lead, u - 1);
    if (q === undefined) return undefined;
    quotient[shift] = q;
    const product = mul([...Array.from({ length: shift }, () => zeroAt(u - 1)), q], divisor, u);
    rest = sub(rest, product, u) as Dense;
    // The leading term cancels, so the degree falls; should it not, the division cannot end.
    if (rest.length >= shift + divisor.length) return undefined;
  }
  return rest.length === 0 ? strip(quotient, u) : undefined;
}
