import type { Expr } from '../expr/types.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';
import { isZeroAt, type Coefficient, type Dense } from './dense.js';
import { gcdWithCofactors } from './gcd.js';
import { divideMonomials, meetMonomials, monomialOf } from './monomial.js';
import { commonMonomial, divideByMonomial, isZeroPoly, mulMonomialPoly, polyOf, type Poly, type Term } from './poly.js';

/*
 * The gcd of two polynomials over atoms, through the dense form of gcd.ts: the atoms become its
 * variables, each atom's exponents scaled to whole numbers (√x and x are t and t² in t = x^(1/2)).
 */

/** A dense polynomial past this many coefficients is not made: the gcd is then not looked for. */
const maxDenseCoefficients = 200_000;

interface Ring {
  readonly atoms: readonly Expr[];
  readonly keys: readonly number[];
  /** Each atom's exponents are whole multiples of 1/scale. */
  readonly scales: readonly number[];
}

function ringOf(polys: readonly Poly[]): Ring {
  const scale = new Map<number, { atom: Expr; scale: number }>();
  for (const p of polys) {
    for (const m of p.monomials) {
      m.keys.forEach((k, i) => {
        const d = Number(m.dens ? m.dens[i]! : 1);
        const known = scale.get(k);
        if (!known) scale.set(k, { atom: m.atoms[i]!, scale: d });
        else if (known.scale % d !== 0) known.scale = Number(Z.lcm(known.scale, d));
      });
    }
  }
  const keys = [...scale.keys()].sort((a, b) => a - b);
  return { keys, atoms: keys.map((k) => scale.get(k)!.atom), scales: keys.map((k) => scale.get(k)!.scale) };
}

/** The dense form of p (exponents ≥ 0) in the ring's atoms, or undefined when it would be too large. */
function toDense(p: Poly, ring: Ring): Coefficient | undefined {
  const n = ring.keys.length;
  const position = new Map(ring.keys.map((k, i) => [k, i]));
  const degrees = new Array<number>(n).fill(0);
  const vectors = p.monomials.map((m) => {
    const v = new Array<number>(n).fill(0);
    m.keys.forEach((k, i) => {
      const at = position.get(k)!;
      v[at] = (Number(m.nums[i]!) * ring.scales[at]!) / Number(m.dens ? m.dens[i]! : 1);
      if (v[at]! > degrees[at]!) degrees[at] = v[at]!;
    });
    return v;
  });
  if (!degrees.every((d) => Number.isSafeInteger(d))) return undefined;
  if (degrees.reduce((size, d) => size * (d + 1), 1) > maxDenseCoefficients && degrees.reduce((s, d) => s + d + 1, 0) * p.monomials.length > maxDenseCoefficients) return undefined;
  if (n === 0) return p.coefficients[0] ?? 0;
  const root: Coefficient[] = [];
  vectors.forEach((v, t) => {
    let level: Coefficient[] = root;
    for (let i = 0; i < n - 1; i++) {
      while (level.length <= v[i]!) level.push([]);
      level = level[v[i]!] as Coefficient[];
    }
    while (level.length <= v[n - 1]!) level.push(0);
    level[v[n - 1]!] = p.coefficients[t]!;
  });
  return trimmed(root, n - 1);
}

/** Trailing zeros dropped at every level (the dense form has none). */
function trimmed(f: Coefficient, u: number): Coefficient {
  if (u < 0) return f;
  const out = (f as Dense).map((c) => trimmed(c, u - 1));
  let k = out.length;
  while (k > 0 && isZeroAt(out[k - 1]!, u - 1)) k--;
  return out.slice(0, k);
}

function fromDense(f: Coefficient, ring: Ring): Poly {
  const terms: Term[] = [];
  const exponents: number[] = [];
  const walk = (c: Coefficient, level: number): void => {
    if (level === ring.keys.length) {
      if (Z.isZero(c as Int)) return;
      terms.push({ coefficient: c as Int, monomial: monomialOf(exponents.flatMap((e, i) => (e === 0 ? [] : [[ring.atoms[i]!, e, ring.scales[i]!] as const]))) });
      return;
    }
    (c as Dense).forEach((part, e) => {
      exponents[level] = e;
      walk(part, level + 1);
    });
  };
  walk(f, 0);
  return polyOf(terms);
}

export interface PolyGcd {
  readonly gcd: Poly;
  readonly cofactorA: Poly;
  readonly cofactorB: Poly;
}

/**
 * gcd(a, b) with a = gcd·cofactorA and b = gcd·cofactorB; the common monomial (each atom at the
 * lesser of its least exponents in a and b) is part of the gcd. Undefined when a or b is 0, or too
 * large to put in dense form.
 */
export function polyGcd(a: Poly, b: Poly): PolyGcd | undefined {
  if (isZeroPoly(a) || isZeroPoly(b)) return undefined;
  const ma = commonMonomial(a);
  const mb = commonMonomial(b);
  const pa = divideByMonomial(a, ma);
  const pb = divideByMonomial(b, mb);
  const ring = ringOf([pa, pb]);
  const fa = toDense(pa, ring);
  const fb = toDense(pb, ring);
  if (fa === undefined || fb === undefined) return undefined;
  const u = ring.keys.length - 1;
  const { gcd, cofactorF, cofactorG } = u < 0 ? gcdWithCofactors(fa, fb, -1) : gcdWithCofactors(fa, fb, u);
  const m = meetMonomials(ma, mb);
  return {
    gcd: mulMonomialPoly(fromDense(gcd, ring), m),
    cofactorA: mulMonomialPoly(fromDense(cofactorF, ring), divideMonomials(ma, m)),
    cofactorB: mulMonomialPoly(fromDense(cofactorG, ring), divideMonomials(mb, m)),
  };
}


