import { checkLimits } from '../errors.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';
import {
  constantAt, degree, divideExactly, evaluate, groundContent, groundLeading, isZeroAt, leading, maxNorm, mul, mulGround, neg,
  quoGround, sub, zeroAt, type Coefficient, type Dense,
} from './dense.js';

/*
 * The greatest common divisor of polynomials in several variables over the integers. First the
 * heuristic gcd (Char, Geddes and Gonnet; the first method SymPy and Maple try): evaluate both at
 * a large integer, take the gcd of what is left one variable down, read a polynomial back from its
 * digits in that base, and keep it only if it divides both. When six points fail, the primitive
 * remainder sequence, which always succeeds. Both give cofactors, f/gcd and g/gcd, too.
 */

export interface GcdResult {
  readonly gcd: Coefficient;
  readonly cofactorF: Coefficient;
  readonly cofactorG: Coefficient;
}

/** gcd(f, g) of level u, with a positive leading integer coefficient, and the cofactors. */
export function gcdWithCofactors(f: Coefficient, g: Coefficient, u: number): GcdResult {
  if (u < 0) {
    const h = Z.gcd(f as Int, g as Int);
    if (Z.isZero(h)) return { gcd: 0, cofactorF: 0, cofactorG: 0 };
    return { gcd: h, cofactorF: Z.divExact(f as Int, h), cofactorG: Z.divExact(g as Int, h) };
  }
  const trivial = trivialGcd(f as Dense, g as Dense, u);
  if (trivial) return trivial;
  return heuristicGcd(f as Dense, g as Dense, u) ?? remainderSequenceGcd(f as Dense, g as Dense, u);
}

const gcdOf = (f: Coefficient, g: Coefficient, u: number): Coefficient => gcdWithCofactors(f, g, u).gcd;

function oneAt(u: number): Coefficient {
  return constantAt(1, u);
}

/** The gcd where one side is 0 or constant in the first variable. */
function trivialGcd(f: Dense, g: Dense, u: number): GcdResult | undefined {
  if (f.length === 0 && g.length === 0) return { gcd: [], cofactorF: [], cofactorG: [] };
  if (f.length === 0) return Z.sign(groundLeading(g, u)) >= 0 ? { gcd: g, cofactorF: [], cofactorG: oneAt(u) } : { gcd: neg(g, u), cofactorF: [], cofactorG: constantAt(-1, u) };
  if (g.length === 0) return Z.sign(groundLeading(f, u)) >= 0 ? { gcd: f, cofactorF: oneAt(u), cofactorG: [] } : { gcd: neg(f, u), cofactorF: constantAt(-1, u), cofactorG: [] };
  // Of degree 0 in the first variable: the gcd is that of it and the other's coefficients.
  if (f.length === 1 || g.length === 1) {
    const [constant, other] = f.length === 1 ? [f, g] : [g, f];
    let h = constant[0]!;
    for (const c of other) {
      if (isUnitAt(h, u - 1)) break;
      h = gcdOf(h, c, u - 1);
    }
    h = positive(h, u - 1);
    const gcd: Coefficient = [h];
    return { gcd, cofactorF: divideExactly(f, gcd, u)!, cofactorG: divideExactly(g, gcd, u)! };
  }
  return undefined;
}

function isUnitAt(c: Coefficient, u: number): boolean {
  let x = c;
  for (let level = u; level >= 0; level--) {
    if ((x as Dense).length !== 1) return false;
    x = (x as Dense)[0]!;
  }
  return Z.abs(x as Int) === 1;
}

/** c or −c, whichever has a positive leading integer coefficient. */
function positive(c: Coefficient, u: number): Coefficient {
  if (u < 0) return Z.abs(c as Int);
  return Z.sign(groundLeading(c, u)) < 0 ? neg(c, u) : c;
}

const integerSqrt = (n: Int): Int => Z.floorRoot(n, 2);

const heuristicTries = 6;

function heuristicGcd(f0: Dense, g0: Dense, u: number): GcdResult | undefined {
  // The integer content in common comes out first.
  const common = Z.gcd(groundContent(f0, u), groundContent(g0, u));
  const f = quoGround(f0, common, u) as Dense;
  const g = quoGround(g0, common, u) as Dense;
  const fNorm = maxNorm(f, u);
  const gNorm = maxNorm(g, u);
  const least = Z.compare(fNorm, gNorm) < 0 ? fNorm : gNorm;
  const bound = Z.add(Z.mul(2, least), 29);
  const scaled = Z.mul(99, integerSqrt(bound));
  const byLeading = (norm: Int, p: Dense): Int => Z.divRem(norm, Z.abs(groundLeading(p, u)))[0];
  const fl = byLeading(fNorm, f);
  const gl = byLeading(gNorm, g);
  let x: Int = Z.add(Z.mul(2, Z.compare(fl, gl) < 0 ? fl : gl), 4);
  const start = Z.compare(bound, scaled) < 0 ? bound : scaled;
  if (Z.compare(start, x) > 0) x = start;
  for (let attempt = 0; attempt < heuristicTries; attempt++) {
    checkLimits();
    const ff = evaluate(f, x, u);
    const gg = evaluate(g, x, u);
    if (!isZeroAt(ff, u - 1) && !isZeroAt(gg, u - 1)) {
      const below = gcdWithCofactors(ff, gg, u - 1);
      const found = tryCandidate(f, g, primitive(interpolate(below.gcd, x, u - 1), u), u)
        ?? tryFromCofactor(f, g, interpolate(below.cofactorF, x, u - 1), u, false)
        ?? tryFromCofactor(f, g, interpolate(below.cofactorG, x, u - 1), u, true);
      if (found) return { gcd: mulGround(found.gcd, common, u), cofactorF: found.cofactorF, cofactorG: found.cofactorG };
    }
    // The next point: x·73794·x^(1/4)/27011, as SymPy takes it.
    x = Z.divRem(Z.mul(Z.mul(73794, x), integerSqrt(integerSqrt(x))), 27011)[0];
  }
  return undefined;
}

/** h as the gcd, if it divides both. */
function tryCandidate(f: Dense, g: Dense, h: Coefficient, u: number): GcdResult | undefined {
  if (isZeroAt(h, u)) return undefined;
  const cofactorF = divideExactly(f, h, u);
  if (cofactorF === undefined) return undefined;
  const cofactorG = divideExactly(g, h, u);
  if (cofactorG === undefined) return undefined;
  return { gcd: h, cofactorF, cofactorG };
}

/** The gcd as f/cofactor (or g/cofactor), if that divides both. */
function tryFromCofactor(f: Dense, g: Dense, cofactor: Coefficient, u: number, ofG: boolean): GcdResult | undefined {
  if (isZeroAt(cofactor, u)) return undefined;
  const h = divideExactly(ofG ? g : f, cofactor, u);
  if (h === undefined || isZeroAt(h, u)) return undefined;
  const other = divideExactly(ofG ? f : g, h, u);
  if (other === undefined) return undefined;
  return ofG ? { gcd: h, cofactorF: other, cofactorG: cofactor } : { gcd: h, cofactorF: cofactor, cofactorG: other };
}

/** The remainder of an integer by x, between −x/2 and x/2. */
function symmetricRemainder(c: Int, x: Int): Int {
  let r = Z.divRem(c, x)[1];
  if (Z.sign(r) < 0) r = Z.add(r, x);
  return Z.compare(Z.mul(2, r), x) > 0 ? Z.sub(r, x) : r;
}

function truncate(h: Coefficient, x: Int, v: number): Coefficient {
  if (v < 0) return symmetricRemainder(h as Int, x);
  const out = (h as Dense).map((c) => truncate(c, x, v - 1));
  let n = out.length;
  while (n > 0 && isZeroAt(out[n - 1]!, v - 1)) n--;
  return out.slice(0, n);
}

/** The polynomial of level v + 1 whose value at x is h: h read as digits in base x, lowest first. */
function interpolate(h0: Coefficient, x: Int, v: number): Coefficient {
  const digits: Coefficient[] = [];
  let h = h0;
  while (!isZeroAt(h, v)) {
    checkLimits();
    const digit = truncate(h, x, v);
    digits.push(digit);
    h = quoGround(sub(h, digit, v), x, v);
  }
  let n = digits.length;
  while (n > 0 && isZeroAt(digits[n - 1]!, v)) n--;
  const f = digits.slice(0, n);
  return f.length > 0 && Z.sign(groundLeading(f, v + 1)) < 0 ? neg(f, v + 1) : f;
}

/** f divided by the gcd of its integer coefficients. */
function primitive(f: Coefficient, u: number): Coefficient {
  if (isZeroAt(f, u)) return f;
  const c = groundContent(f, u);
  return Z.isZero(c) || c === 1 ? f : quoGround(f, c, u);
}

/** The gcd of the coefficients of f in its first variable: a polynomial of level u − 1. */
function contentIn(f: Dense, u: number): Coefficient {
  let c: Coefficient = zeroAt(u - 1);
  for (const k of f) {
    c = gcdOf(c, k, u - 1);
    if (isUnitAt(c, u - 1)) break;
  }
  return positive(c, u - 1);
}

function dividedByContent(f: Dense, c: Coefficient, u: number): Dense {
  return f.map((k) => divideExactly(k, c, u - 1)!);
}

/** The pseudo-remainder of f by g in the first variable: lc(g)^(deg f − deg g + 1)·f mod g. */
function pseudoRemainder(f: Dense, g: Dense, u: number): Dense {
  let r: Dense = f;
  const dg = degree(g);
  const lead = leading(g);
  let n = degree(f) - dg + 1;
  while (r.length > 0 && degree(r) >= dg) {
    checkLimits();
    const shift = degree(r) - dg;
    const top = leading(r);
    const scaledR = r.map((c) => mul(c, lead, u - 1));
    const shiftedG = [...Array.from({ length: shift }, () => zeroAt(u - 1)), ...g.map((c) => mul(c, top, u - 1))];
    r = sub(scaledR, shiftedG, u) as Dense;
    n--;
  }
  let factor: Coefficient = constantAt(1, u - 1);
  for (let i = 0; i < n; i++) factor = mul(factor, lead, u - 1);
  return r.map((c) => mul(c, factor, u - 1));
}

/** The gcd by the primitive remainder sequence: slower, and always right. */
function remainderSequenceGcd(f: Dense, g: Dense, u: number): GcdResult {
  const cf = contentIn(f, u);
  const cg = contentIn(g, u);
  const c = gcdOf(cf, cg, u - 1);
  let a = dividedByContent(f, cf, u);
  let b = dividedByContent(g, cg, u);
  if (degree(a) < degree(b)) [a, b] = [b, a];
  while (b.length > 0) {
    checkLimits();
    const r = pseudoRemainder(a, b, u);
    a = b;
    b = r.length === 0 ? r : dividedByContent(r, contentIn(r, u), u);
  }
  // a is primitive, so the gcd is a times the gcd of the contents (which holds the integer content in common).
  const h = positive(a.map((k) => mul(k, c, u - 1)), u);
  return { gcd: h, cofactorF: divideExactly(f, h, u)!, cofactorG: divideExactly(g, h, u)! };
}

