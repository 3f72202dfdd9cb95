import type { Expr } from '../expr/types.js';
import { checkLimits } from '../errors.js';
import { functionTable } from '../functions/table.js';
import { inInterval, interval } from '../functions/intervals.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';
import { isUnit } from './monomial.js';
import { commonMonomial, constantOf, contentOf, divideByMonomial, divideCoefficientsBy, monomialPoly, type Poly } from './poly.js';
import { ratioOf, type Ratio } from './ratio.js';
import { candidateRoots, divideByRoot, isRootAt, polyFromCoefficients, trim, univariateOf } from './univariate.js';
import { firstWrittenTerm } from './to-expr.js';

/* Factoring a polynomial for writing: content, common monomial, and linear factors at rational roots. */

export interface FactoredForWriting {
  /** A number in front. */
  readonly coefficient: Ratio;
  /** Factors with their multiplicities. */
  readonly factors: readonly { readonly poly: Poly; readonly power: number }[];
  /** How many linear factors came from rational roots. */
  readonly roots: number;
}

/**
 * Factors a polynomial as far as this can: a number, a common monomial and, for a polynomial in
 * one atom, linear factors at its rational roots. Linear factors are written 1 − 2σ (constant
 * first) for atoms whose values lie strictly between −1 and 1, such as σ(x), and x − 1 otherwise,
 * whichever leaves a positive number in front.
 */
export function factorForWriting(p: Poly): FactoredForWriting {
  if (p.monomials.length <= 1) {
    const c = p.coefficients[0] ?? 0;
    const m = p.monomials[0];
    return { coefficient: ratioOf(c), factors: m && !isUnit(m) ? [{ poly: monomialPoly(m), power: 1 }] : [], roots: 0 };
  }
  let roots = 0;
  const monomialFactor = commonMonomial(p);
  const shifted = divideByMonomial(p, monomialFactor);
  const lead = firstWrittenTerm(shifted).coefficient;
  let content: Ratio = ratioOf(Z.sign(lead) < 0 ? Z.neg(contentOf(shifted)) : contentOf(shifted));
  let rest = divideCoefficientsBy(shifted, content.n);
  const factors: { poly: Poly; power: number }[] = [];
  if (!isUnit(monomialFactor)) factors.push({ poly: monomialPoly(monomialFactor), power: 1 });
  const u = univariateOf(rest);
  if (u?.atom && trim(u.coefficients).length >= 2) {
    const atom = u.atom;
    let coefficients = trim(u.coefficients);
    const constantFirst = writtenConstantFirst(atom);
    for (const root of candidateRoots(coefficients)) {
      checkLimits();
      let power = 0;
      while (coefficients.length >= 2 && isRootAt(coefficients, root)) {
        coefficients = divideByRoot(coefficients, root);
        power++;
      }
      if (power === 0) continue;
      roots++;
      // The factor (q·atom − p), or (p − q·atom) with the sign moved to the front.
      let linear: Int[] = [Z.neg(root.n), root.d];
      if (constantFirst && !Z.isZero(root.n)) {
        linear = linear.map(Z.neg);
        if (power % 2 === 1) content = { n: Z.neg(content.n), d: content.d };
      }
      factors.push({ poly: polyFromCoefficients(atom, linear), power });
    }
    // What is left gets whole coprime coefficients, its constant (or else its leading) coefficient positive.
    const remaining = trim(coefficients);
    const signOf = constantFirst && !Z.isZero(remaining[0]!) ? remaining[0]! : remaining.at(-1)!;
    let restContent: Int = remaining.length === 1 ? remaining[0]! : remaining.reduce<Int>((g, c) => Z.gcd(g, c), 0);
    if (remaining.length > 1 && Z.sign(signOf) < 0) restContent = Z.neg(restContent);
    content = ratioOf(Z.mul(content.n, restContent), content.d);
    rest = polyFromCoefficients(atom, remaining.map((c) => Z.divExact(c, restContent)));
  }
  if (constantOf(rest) !== 1) factors.push({ poly: rest, power: 1 });
  return { coefficient: content, factors, roots };
}

/**
 * Whether linear factors in this atom are written constant first, 1 − σ rather than σ − 1: for a
 * function whose values lie strictly between −1 and 1 (σ, tanh), so that c − f is positive for
 * every c ≥ 1.
 */
export function writtenConstantFirst(atom: Expr): boolean {
  if (atom.kind !== 'call') return false;
  const range = functionTable[atom.name].range;
  return range !== undefined && inInterval(interval(-1, 1, '[]'), range.low) && inInterval(interval(-1, 1, '[]'), range.high)
    && !inInterval(range, -1) && !inInterval(range, 1);
}
