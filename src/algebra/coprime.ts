import * as Z from './integer.js';
import type { Poly } from './poly.js';

/*
 * A quick proof that two polynomials have no common factor, before any gcd is worked out: reduced
 * modulo a prime, with every atom but one set to a number, their gcd as polynomials in that atom
 * has degree 0. A common factor of positive degree in the atom would divide both images (its
 * leading coefficient survives where theirs does), so there is none of that degree; and a common
 * factor has positive degree in some atom. Most pairs of factors an expression holds are coprime,
 * and this settles them in microseconds; it never says "coprime" wrongly, only "don't know".
 */

/** A prime below 2²⁶, so that a product of two residues is an exact double. */
const prime = 67_108_859;

const mod = (a: number): number => ((a % prime) + prime) % prime;
const mulMod = (a: number, b: number): number => (a * b) % prime;

function residue(c: Z.Int): number {
  return typeof c === 'number' ? mod(c) : Number(((c % BigInt(prime)) + BigInt(prime)) % BigInt(prime));
}

function powMod(base: number, exponent: number): number {
  let result = 1;
  let b = base;
  let e = exponent;
  while (e > 0) {
    if (e & 1) result = mulMod(result, b);
    b = mulMod(b, b);
    e = Math.floor(e / 2);
  }
  return result;
}

function inverseMod(a: number): number {
  return powMod(a, prime - 2);
}

/** Fixed values for the atoms other than the main one: reproducible, and unlikely to be special. */
const valueOf = (key: number): number => 1 + ((key * 2_654_435_761) % (prime - 1));

/**
 * p as coefficients by degree in the atom `main`, the other atoms set to values, modulo the prime;
 * each atom's exponents counted in units of 1/scale (√x and x are t and t² in t = x^(1/2)).
 * Undefined for exponents that are not whole and ≥ 0 in those units.
 */
function image(p: Poly, main: number, scales: ReadonlyMap<number, number>): number[] | undefined {
  const out: number[] = [];
  for (let t = 0; t < p.monomials.length; t++) {
    const m = p.monomials[t]!;
    let value = residue(p.coefficients[t]!);
    let degree = 0;
    for (let i = 0; i < m.keys.length; i++) {
      const n = m.nums[i]!;
      const d = m.dens ? m.dens[i]! : 1;
      if (typeof n !== 'number' || typeof d !== 'number') return undefined;
      const e = (n * (scales.get(m.keys[i]!) ?? 1)) / d;
      if (!Number.isInteger(e) || e < 0 || e > 100_000) return undefined;
      if (m.keys[i] === main) degree = e;
      else value = mulMod(value, powMod(valueOf(m.keys[i]!), e));
    }
    while (out.length <= degree) out.push(0);
    out[degree] = (out[degree]! + value) % prime;
  }
  return out;
}

/** For each atom, the least common multiple of its exponents' denominators in both polynomials. */
function scalesOf(a: Poly, b: Poly): Map<number, number> {
  const scales = new Map<number, number>();
  for (const p of [a, b]) {
    for (const m of p.monomials) {
      if (!m.dens) continue;
      m.keys.forEach((k, i) => {
        const d = Number(m.dens![i]!);
        const known = scales.get(k) ?? 1;
        if (known % d !== 0) scales.set(k, Number(Z.lcm(known, d)));
      });
    }
  }
  return scales;
}

const degreeOf = (p: readonly number[]): number => {
  let d = p.length - 1;
  while (d >= 0 && p[d] === 0) d--;
  return d;
};

/** The degree of gcd(a, b) modulo the prime, by Euclid's algorithm. */
function gcdDegree(a0: readonly number[], b0: readonly number[]): number {
  let a = a0.slice(0, degreeOf(a0) + 1);
  let b = b0.slice(0, degreeOf(b0) + 1);
  while (b.length > 0) {
    // a mod b, in place.
    const inverse = inverseMod(b[b.length - 1]!);
    while (a.length >= b.length) {
      const factor = mulMod(a[a.length - 1]!, inverse);
      const shift = a.length - b.length;
      for (let i = 0; i < b.length; i++) a[shift + i] = mod(a[shift + i]! - mulMod(factor, b[i]!));
      a.length = degreeOf(a) + 1;
    }
    [a, b] = [b, a];
  }
  return a.length - 1;
}

/** The degree of p in the atom with this key, in units of 1/scale (as the polynomial stands, before any reduction). */
function degreeIn(p: Poly, key: number, scale = 1): number {
  let d = 0;
  for (const m of p.monomials) {
    const i = m.keys.indexOf(key);
    if (i >= 0) d = Math.max(d, (Number(m.nums[i]!) * scale) / Number(m.dens ? m.dens[i]! : 1));
  }
  return d;
}

/** True when a and b certainly have no common factor but a number; false when that is not known. */
export function surelyCoprime(a: Poly, b: Poly): boolean {
  const keys = new Set<number>();
  for (const m of a.monomials) for (const k of m.keys) keys.add(k);
  const scales = scalesOf(a, b);
  for (const key of keys) {
    const scale = scales.get(key) ?? 1;
    if (degreeIn(b, key, scale) === 0) continue;
    const ia = image(a, key, scales);
    const ib = image(b, key, scales);
    if (!ia || !ib) return false;
    // The images keep their degrees (the leading coefficients do not vanish), or the test says nothing.
    if (degreeOf(ia) !== degreeIn(a, key, scale) || degreeOf(ib) !== degreeIn(b, key, scale)) return false;
    if (gcdDegree(ia, ib) > 0) return false;
  }
  return true;
}
