import Fraction from 'fraction.js';
import type { Expr, Rational } from '../expr/types.js';
import { checkLimits } from '../errors.js';
import { isZero } from '../expr/rational.js';
import { functionTable } from '../functions/table.js';
import { inInterval, interval } from '../functions/intervals.js';
import {
  commonMonomial, constantValue, divideByMonomial, integerContent, monomialPolynomial, scale, sortedTerms, type Polynomial,
} from './polynomial.js';
import { candidateRoots, divideCoefficients, fromCoefficients, isRootAt, trim, univariate } from './univariate.js';

/* Factoring polynomials: content, common monomial, and linear factors at rational roots. */

export interface Factored {
  /** A number in front. */
  readonly coefficient: Rational;
  /** Factors with their multiplicities; each factor is a polynomial. */
  readonly factors: readonly { readonly polynomial: Polynomial; readonly power: number }[];
  /** How many linear factors came from rational roots. */
  readonly roots: number;
}

/**
 * Factors a polynomial as far as this can: a number, a common monomial and, for a
 * polynomial in one atom, linear factors at its rational roots. Linear factors are
 * written 1 − 2σ (constant first) for atoms whose values lie strictly between −1 and 1,
 * such as σ(x), and x − 1 otherwise, whichever leaves a positive number in front.
 */
export function factor(p: Polynomial): Factored {
  const terms = sortedTerms(p);
  if (terms.length <= 1) {
    return { coefficient: terms[0]?.coefficient ?? new Fraction(0), factors: terms.length ? [{ polynomial: monomialPolynomial(terms[0]!.monomial.factors), power: 1 }] : [], roots: 0 };
  }
  let roots = 0;
  const monomialFactor = commonMonomial(p);
  const shifted = divideByMonomial(p, monomialFactor);
  const lead = sortedTerms(shifted)[0]!.coefficient;
  let content = integerContent(shifted, lead);
  let rest = scale(shifted, content.inverse());
  const factors: { polynomial: Polynomial; power: number }[] = [];
  if (monomialFactor.length > 0) factors.push({ polynomial: monomialPolynomial(monomialFactor), power: 1 });
  const u = univariate(rest);
  if (u?.atom && trim(u.coefficients).length >= 2) {
    const atomOf = u.atom;
    let coefficients = trim(u.coefficients);
    const prefersConstantFirst = writtenConstantFirst(atomOf);
    for (const root of candidateRoots(coefficients)) {
      checkLimits();
      let power = 0;
      while (coefficients.length >= 2 && isRootAt(coefficients, root)) {
        coefficients = divideCoefficients(coefficients, [root.neg(), new Fraction(1)]).quotient;
        power++;
      }
      if (power === 0) continue;
      roots++;
      // The factor (q·atom − p), or (p − q·atom) with the sign moved to the front.
      let linear = [new Fraction(-(root.s * root.n)), new Fraction(root.d)];
      const flip = prefersConstantFirst && !isZero(root);
      if (flip) {
        linear = linear.map((c) => c.neg());
        if (power % 2 === 1) content = content.neg();
      }
      content = content.mul(new Fraction(root.d).pow(power).inverse());
      factors.push({ polynomial: fromCoefficients(atomOf, linear), power });
    }
    // What is left gets whole coprime coefficients, its constant (or else its leading) coefficient positive.
    const remaining = trim(coefficients);
    const sign = prefersConstantFirst && !isZero(remaining[0]!) ? remaining[0]! : remaining.at(-1)!;
    const restContent = remaining.length === 1 ? remaining[0]! : integerContent(fromCoefficients(atomOf, remaining), sign);
    content = content.mul(restContent);
    rest = scale(fromCoefficients(atomOf, remaining), restContent.inverse());
  }
  if (constantValue(rest)?.equals(1) !== true) factors.push({ polynomial: rest, power: 1 });
  return { coefficient: content, factors, roots };
}


/**
 * Whether linear factors in this atom are written constant first, 1 − σ rather than σ − 1: for a
 * function whose values lie strictly between −1 and 1 (σ, tanh), so that c − f is positive for
 * every c ≥ 1.
 */
function writtenConstantFirst(atom: Expr): boolean {
  if (atom.kind !== 'call') return false;
  const range = functionTable[atom.name].range;
  return range !== undefined && inInterval(interval(-1, 1, '[]'), range.low) && inInterval(interval(-1, 1, '[]'), range.high)
    && !inInterval(range, -1) && !inInterval(range, 1);
}
