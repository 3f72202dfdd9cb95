import type { Expr } from '../expr/types.js';
import { call } from '../expr/factory.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';
import { atomMonomial, divideMonomials, exponentIn, multiplyMonomials, unitMonomial, type Monomial } from './monomial.js';
import { atomKey } from './atoms.js';
import { exponentialArgument } from './exponential-atoms.js';
import { polyOf, type Poly } from './poly.js';

/*
 * Identities between atoms that the normal form applies to each monomial where they hold: those of
 * |u| and sign(u) with u, and e^m with e^(−m). Atoms are otherwise independent, so these are the
 * only places a product of atoms can shorten.
 */

const isEven = (n: Int): boolean => Z.isZero(Z.divRem(n, 2)[1]);
const isPositive = (n: Int): boolean => Z.sign(n) > 0;

/** n/d in lowest terms (d > 0 given). */
function lowest(n: Int, d: Int): [Int, Int] {
  if (d === 1) return [n, 1];
  const g = Z.gcd(n, d);
  return Z.isZero(g) || g === 1 ? [n, d] : [Z.divExact(n, g), Z.divExact(d, g)];
}

const callOf = (atom: Expr, name: 'abs' | 'sign'): Expr | undefined =>
  (atom.kind === 'call' && atom.name === name && atom.args.length === 1 ? atom.args[0] : undefined);

/**
 * A monomial with the identities of |u| and sign(u) applied where they hold:
 *  - |u|^(2k) is u^(2k);
 *  - u^a·|u|^b with a and b of opposite signs (so u = 0 is excluded) is sign(u)^a·|u|^(a + b):
 *    x/|x| is sign(x), x²/|x| is |x|;
 *  - u·sign(u) is |u|;
 *  - sign(u)^(2k) is 1 where u = 0 is excluded (u or |u| below the fraction bar): sign(x)²/x² is 1/x².
 */
export function withAbsoluteValues(m: Monomial): Monomial {
  let any = false;
  for (const atom of m.atoms) if (callOf(atom, 'abs') || callOf(atom, 'sign')) any = true;
  if (!any) return m;
  const exponent = (atom: Expr): [Int, Int] => exponentIn(m, atomKey(atom));
  let out = m;
  const replace = (atom: Expr, by: Monomial): void => {
    const [n, d] = exponentIn(out, atomKey(atom));
    out = multiplyMonomials(divideMonomials(out, atomMonomial(atom, n, d)), by);
  };
  for (const atom of m.atoms) {
    const u = callOf(atom, 'abs');
    if (!u) continue;
    const [b, bd] = exponent(atom);
    if (bd !== 1) continue;
    if (isEven(b)) {
      replace(atom, atomMonomial(u, b));
      continue;
    }
    const [a, ad] = exponent(u);
    if (ad !== 1 || Z.isZero(a) || Z.sign(a) === Z.sign(b)) continue;
    replace(u, unitMonomial());
    replace(atom, multiplyMonomials(atomMonomial(call('sign', [u]), a), atomMonomial(atom, Z.add(a, b))));
  }
  // u·sign(u) is |u|, everywhere: x·sign(x) is |x|.
  for (const atom of out.atoms) {
    const u = callOf(atom, 'sign');
    if (!u) continue;
    const [a, ad] = exponentIn(out, atomKey(u));
    const [b, bd] = exponentIn(out, atomKey(atom));
    if (ad !== 1 || bd !== 1 || !isPositive(a) || !isPositive(b) || isEven(b)) continue;
    out = multiplyMonomials(divideMonomials(out, multiplyMonomials(atomMonomial(u), atomMonomial(atom))), atomMonomial(call('abs', [u])));
  }
  // sign(u)^(2k) is 1, and sign(u)^(2k + 1) is sign(u), where u = 0 is excluded.
  for (const atom of out.atoms) {
    const u = callOf(atom, 'sign');
    if (!u) continue;
    const [n, d] = exponentIn(out, atomKey(atom));
    if (d !== 1 || n === 1 || !excludesZero(out, u, m)) continue;
    replace(atom, isEven(n) ? unitMonomial() : atomMonomial(atom));
  }
  return withSameIdentities(out, m);
}

/** Whether u or |u| stands below the fraction bar in m or in the monomial before (so u ≠ 0 wherever m has a value). */
function excludesZero(m: Monomial, u: Expr, before: Monomial): boolean {
  const below = (monomial: Monomial, atom: Expr): boolean => Z.sign(exponentIn(monomial, atomKey(atom))[0]) < 0;
  const abs = call('abs', [u]);
  return below(m, u) || below(m, abs) || below(before, u) || below(before, abs);
}

const withSameIdentities = (m: Monomial, before: Monomial): Monomial => (m === before ? m : withAbsoluteValues(m));

/** e^m and e^(−m) in one monomial made one power: e^x·e^(−x) is 1, (e^x)³·e^(−x) is (e^x)². */
export function withOppositeExponentials(m: Monomial): Monomial {
  let count = 0;
  for (const atom of m.atoms) if (exponentialArgument(atom)) count++;
  if (count < 2) return m;
  let out = m;
  for (let i = 0; i < m.atoms.length; i++) {
    const a = exponentialArgument(m.atoms[i]!);
    if (!a || a.sign < 0) continue;
    for (let j = 0; j < m.atoms.length; j++) {
      const b = exponentialArgument(m.atoms[j]!);
      if (!b || b.sign > 0 || b.monomial !== a.monomial || (m.atoms[i] as Expr & { kind: 'call' }).name !== (m.atoms[j] as Expr & { kind: 'call' }).name) continue;
      // e^m to p, e^(−m) to q: the one to p − q, if that is positive, or the other to q − p.
      const [p, pd] = exponentIn(out, m.keys[i]!);
      const [q, qd] = exponentIn(out, m.keys[j]!);
      const net = lowest(Z.sub(Z.mul(p, qd), Z.mul(q, pd)), Z.mul(pd, qd));
      out = divideMonomials(out, multiplyMonomials(atomMonomial(m.atoms[i]!, p, pd), atomMonomial(m.atoms[j]!, q, qd)));
      if (Z.sign(net[0]) > 0) out = multiplyMonomials(out, atomMonomial(m.atoms[i]!, net[0], net[1]));
      else if (Z.sign(net[0]) < 0) out = multiplyMonomials(out, atomMonomial(m.atoms[j]!, Z.neg(net[0]), net[1]));
    }
  }
  return out;
}

/** A polynomial whose terms have e^m and e^(−m) together, with each such pair made one power. */
export function withOppositeExponentialsIn(p: Poly): Poly {
  let changed = false;
  const monomials = p.monomials.map((m) => {
    const merged = withOppositeExponentials(m);
    if (merged !== m) changed = true;
    return merged;
  });
  return changed ? polyOf(monomials.map((monomial, i) => ({ monomial, coefficient: p.coefficients[i]! }))) : p;
}
